package io.kliping.config;

import com.typesafe.config.Config;
import java.io.Serializable;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;

/**
 * The whole, validated configuration of a run: an immutable mirror of {@code conf/kliping.conf}.
 * Built only by {@link ConfigLoader}; every range check happens here, before any Spark work.
 */
public record KlipingConfig(
    String warehouse,
    LocalDate date,
    ZoneId timeZone,
    Input input,
    Clean clean,
    Language language,
    Dedup dedup,
    Entities entities,
    Cooccurrence cooccurrence,
    Output output,
    SparkSettings spark) implements Serializable {

  private static final DateTimeFormatter BATCH_DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

  /** Where and how articles are read. */
  public record Input(List<String> paths, String format, Fields fields, int minTextChars,
      Csv csv) implements Serializable {}

  /**
   * CSV reading: {@code delimiter} is one character, or empty for comma (tab for .tsv files).
   */
  public record Csv(String delimiter, String encoding, int maxFieldChars) implements Serializable {
    /** The delimiter as a char, {@code 0} for "by extension". */
    public char delimiterChar() {
      return delimiter.isEmpty() ? 0 : delimiter.charAt(0);
    }
  }

  /** Candidate field names of a JSON record, tried in order. */
  public record Fields(List<String> id, List<String> text, List<String> title, List<String> url,
      List<String> publishedAt, List<String> source, List<String> publishedTime)
      implements Serializable {}

  /** Text cleaning switches. */
  public record Clean(boolean splitCommaJoinedParagraphs, boolean nfkc, boolean repairMojibake, boolean normaliseWhitespace,
      boolean dropDebrisLines, List<String> extraDebrisLinePatterns,
      boolean dropRepeatedParagraphs, RepeatedLines repeatedLines, boolean keepRawText)
      implements Serializable {}

  /**
   * Lines learned as debris: a paragraph of at most {@code maxChars} characters found in at
   * least {@code minArticles} articles and at least {@code minShare} of the articles of one
   * source in the batch, counting only articles of which at most {@code maxFrequentShare} of the
   * paragraphs are that frequent (an article made mostly of frequent paragraphs is a story the
   * source ran many times, not a page around its chrome).
   */
  public record RepeatedLines(boolean enabled, int minArticles, double minShare, int maxChars,
      double maxFrequentShare) implements Serializable {}

  /** Language identification. */
  public record Language(List<String> languages) implements Serializable {}

  /**
   * Near-duplicate detection. {@code indexDays}: earlier dates of the {@code dedup_index} a batch
   * is compared with (0: each batch alone); {@code keepOldCanonical}: a cluster's canonical article
   * of an earlier date stays canonical; {@code giantClusterSize}: clusters at least this big are
   * counted and logged; {@code exactVerification}: candidate pairs are checked by the exact
   * Jaccard similarity of their shingles instead of the MinHash estimate.
   */
  public record Dedup(int shingleSize, boolean charShingles, int minTokens, int numPerm,
      double threshold, double falsePositiveWeight, double falseNegativeWeight, long seed,
      List<String> sourceRanking, int indexDays, boolean keepOldCanonical, int giantClusterSize,
      boolean exactVerification)
      implements Serializable {}

  /**
   * Entity gazetteers and the name-finder model (a classpath resource; empty = gazetteer only).
   */
  public record Entities(List<String> gazetteers, String model, String lowercaseWords)
      implements Serializable {}

  /**
   * Co-occurrence counting and scoring. {@code levels}: units counted ({@code document},
   * {@code sentence}, {@code window}); {@code windowTokens}: size of the sliding token window;
   * {@code rollingDays}: lengths of the rolling windows computed from the daily counts;
   * {@code topK}: partners kept per entity, ranked by {@code topMeasure} among pairs with at
   * least {@code topMinCount} shared units.
   */
  public record Cooccurrence(int minCount, boolean countDuplicates, int maxEntitiesPerDoc,
      List<String> levels, int windowTokens, List<Integer> rollingDays, int topK,
      String topMeasure, int topMinCount) implements Serializable {
    /** Levels a unit can be counted at, in the order they are computed. */
    public static final List<String> LEVELS = List.of("document", "sentence", "window");
    /** Measures the top-partners table can rank by (columns of the co-occurrence tables). */
    public static final List<String> MEASURES = List.of("npmi", "pmi", "g2", "jaccard", "n_ab");

    public Cooccurrence {
      levels = List.copyOf(levels);
      rollingDays = List.copyOf(rollingDays);
    }

    /** The defaults of {@code conf/kliping.conf} with the three basic settings changed. */
    public static Cooccurrence of(int minCount, boolean countDuplicates, int maxEntitiesPerDoc) {
      return new Cooccurrence(minCount, countDuplicates, maxEntitiesPerDoc, LEVELS, 10,
          List.of(7, 30), 10, "npmi", 3);
    }

    /** True when the level is counted. */
    public boolean counts(String level) {
      return levels.contains(level);
    }
  }

  /**
   * Output layout: Parquet files per table partition, and the size at which a row group of
   * {@code articles} is closed (Parquet's {@code parquet.block.size}; smaller groups give the
   * per-article stages more read tasks).
   */
  public record Output(int filesPerPartition, long articlesRowGroupBytes) implements Serializable {}

  /**
   * Spark settings applied when the submitter did not set them: shuffle partitions, the largest
   * shuffled join side (bytes; -1 = never) adaptive execution broadcasts instead, and the most
   * bytes of files one read task takes ({@code spark.sql.files.maxPartitionBytes}).
   */
  public record SparkSettings(int shufflePartitions, long broadcastJoinThreshold,
      long maxSplitBytes) implements Serializable {}

  /** Smallest row group and read split accepted: below it, per-group overheads dominate. */
  static final long MIN_SIZE_SETTING = 1L << 20;

  /** A size ("16m", "32 MiB", 1048576) of at least {@code min} bytes. */
  private static long bytesAtLeast(Config c, String path, long min) {
    long bytes = c.getBytes(path);
    if (bytes < min) {
      throw new ConfigException("kliping." + path + " must be at least " + min + " bytes, got "
          + c.getString(path).trim());
    }
    return bytes;
  }

  /** A size ("64m", "10 MiB", 1048576) or -1; HOCON's own sizes cannot be negative. */
  private static long bytesOrMinusOne(Config c, String path) {
    String raw = c.getString(path).trim();
    return raw.equals("-1") ? -1 : c.getBytes(path);
  }

  static KlipingConfig from(Config c) {
    ZoneId zone = zone(c.getString("time-zone"));
    Config in = c.getConfig("input");
    Config f = in.getConfig("fields");
    Input input = new Input(
        List.copyOf(in.getStringList("paths")),
        oneOf("kliping.input.format", in.getString("format"),
            List.of("auto", "jsonl", "text", "csv", "parquet", "warc")),
        new Fields(
            nonEmpty("kliping.input.fields.id", f.getStringList("id")),
            nonEmpty("kliping.input.fields.text", f.getStringList("text")),
            nonEmpty("kliping.input.fields.title", f.getStringList("title")),
            nonEmpty("kliping.input.fields.url", f.getStringList("url")),
            nonEmpty("kliping.input.fields.published-at", f.getStringList("published-at")),
            nonEmpty("kliping.input.fields.source", f.getStringList("source")),
            List.copyOf(f.getStringList("published-time"))),
        atLeast("kliping.input.min-text-chars", in.getInt("min-text-chars"), 0),
        csv(in.getConfig("csv")));
    Config cl = c.getConfig("clean");
    Clean clean = new Clean(cl.getBoolean("split-comma-joined-paragraphs"), cl.getBoolean("nfkc"), cl.getBoolean("repair-mojibake"),
        cl.getBoolean("normalise-whitespace"), cl.getBoolean("drop-debris-lines"),
        validRegexes(cl.getStringList("extra-debris-line-patterns")),
        cl.getBoolean("drop-repeated-paragraphs"), repeatedLines(cl.getConfig("repeated-lines")),
        cl.getBoolean("keep-raw-text"));
    Language language = new Language(
        nonEmpty("kliping.language.languages", c.getStringList("language.languages")));
    Config d = c.getConfig("dedup");
    double threshold = d.getDouble("threshold");
    if (!(threshold > 0.0 && threshold <= 1.0)) {
      throw new ConfigException("kliping.dedup.threshold must be in (0, 1], got " + threshold);
    }
    Dedup dedup = new Dedup(
        atLeast("kliping.dedup.shingle-size", d.getInt("shingle-size"), 1),
        d.getBoolean("char-shingles"),
        atLeast("kliping.dedup.min-tokens", d.getInt("min-tokens"), 1),
        atLeast("kliping.dedup.num-perm", d.getInt("num-perm"), 8),
        threshold,
        d.getDouble("false-positive-weight"),
        d.getDouble("false-negative-weight"),
        d.getLong("seed"),
        List.copyOf(d.getStringList("source-ranking")),
        atLeast("kliping.dedup.index-days", d.getInt("index-days"), 0),
        d.getBoolean("keep-old-canonical"),
        atLeast("kliping.dedup.giant-cluster-size", d.getInt("giant-cluster-size"), 2),
        d.getBoolean("exact-verification"));
    Entities entities = new Entities(
        nonEmpty("kliping.entities.gazetteers", c.getStringList("entities.gazetteers")),
        c.getString("entities.model").trim(),
        c.getString("entities.lowercase-words").trim());
    Config co = c.getConfig("cooccurrence");
    Cooccurrence cooc = new Cooccurrence(
        atLeast("kliping.cooccurrence.min-count", co.getInt("min-count"), 1),
        co.getBoolean("count-duplicates"),
        between("kliping.cooccurrence.max-entities-per-doc", co.getInt("max-entities-per-doc"), 2,
            10_000),
        levels(co.getStringList("levels")),
        atLeast("kliping.cooccurrence.window-tokens", co.getInt("window-tokens"), 2),
        rollingDays(co.getIntList("rolling-days")),
        atLeast("kliping.cooccurrence.top-k.k", co.getInt("top-k.k"), 1),
        oneOf("kliping.cooccurrence.top-k.measure", co.getString("top-k.measure"),
            Cooccurrence.MEASURES),
        atLeast("kliping.cooccurrence.top-k.min-count", co.getInt("top-k.min-count"), 1));
    Output output = new Output(
        atLeast("kliping.output.files-per-partition", c.getInt("output.files-per-partition"), 1),
        bytesAtLeast(c, "output.articles-row-group-bytes", MIN_SIZE_SETTING));
    long broadcast = bytesOrMinusOne(c, "spark.broadcast-join-threshold");
    SparkSettings spark = new SparkSettings(
        atLeast("kliping.spark.shuffle-partitions", c.getInt("spark.shuffle-partitions"), 1),
        broadcast, bytesAtLeast(c, "spark.max-split-bytes", MIN_SIZE_SETTING));
    String warehouse = c.getString("warehouse").trim();
    if (warehouse.isEmpty()) {
      throw new ConfigException("kliping.warehouse must not be empty");
    }
    return new KlipingConfig(warehouse, batchDate(c.getString("date"), zone), zone, input, clean,
        language, dedup, entities, cooc, output, spark);
  }

  private static int between(String key, int value, int min, int max) {
    if (value < min || value > max) {
      throw new ConfigException(key + " must be between " + min + " and " + max + ", got " + value);
    }
    return value;
  }

  private static List<String> levels(List<String> levels) {
    nonEmpty("kliping.cooccurrence.levels", levels);
    for (String level : levels) {
      oneOf("kliping.cooccurrence.levels", level, Cooccurrence.LEVELS);
    }
    if (levels.stream().distinct().count() != levels.size()) {
      throw new ConfigException("kliping.cooccurrence.levels lists a level twice: " + levels);
    }
    return List.copyOf(levels);
  }

  private static List<Integer> rollingDays(List<Integer> days) {
    for (int d : days) {
      if (d < 2 || d > 366) {
        throw new ConfigException(
            "kliping.cooccurrence.rolling-days must be between 2 and 366 days, got " + d);
      }
    }
    if (days.stream().distinct().count() != days.size()) {
      throw new ConfigException("kliping.cooccurrence.rolling-days lists a length twice: " + days);
    }
    return days.stream().sorted().toList();
  }

  private static Csv csv(Config c) {
    String delimiter = c.getString("delimiter");
    if (delimiter.length() > 1) {
      throw new ConfigException("kliping.input.csv.delimiter must be one character or empty, got '"
          + delimiter + "'");
    }
    String encoding = c.getString("encoding");
    if (!java.nio.charset.Charset.isSupported(encoding)) {
      throw new ConfigException("kliping.input.csv.encoding is not a known charset: '" + encoding
          + "'");
    }
    return new Csv(delimiter, encoding,
        atLeast("kliping.input.csv.max-field-chars", c.getInt("max-field-chars"), 1024));
  }

  private static RepeatedLines repeatedLines(Config c) {
    double share = c.getDouble("min-share");
    if (!(share >= 0.0 && share <= 1.0)) {
      throw new ConfigException("kliping.clean.repeated-lines.min-share must be in [0, 1], got "
          + share);
    }
    double frequentShare = c.getDouble("max-frequent-share");
    if (!(frequentShare > 0.0 && frequentShare <= 1.0)) {
      throw new ConfigException(
          "kliping.clean.repeated-lines.max-frequent-share must be in (0, 1], got "
          + frequentShare);
    }
    return new RepeatedLines(c.getBoolean("enabled"),
        atLeast("kliping.clean.repeated-lines.min-articles", c.getInt("min-articles"), 2), share,
        atLeast("kliping.clean.repeated-lines.max-chars", c.getInt("max-chars"), 1),
        frequentShare);
  }

  /** Parses a batch date strictly as yyyy-MM-dd; blank means today in {@code zone}. */
  public static LocalDate batchDate(String value, ZoneId zone) {
    String v = value == null ? "" : value.trim();
    if (v.isEmpty()) {
      return LocalDate.now(zone);
    }
    try {
      return LocalDate.parse(v, BATCH_DATE);
    } catch (DateTimeParseException e) {
      throw new ConfigException("the batch date must be yyyy-MM-dd (e.g. 2024-10-25), got '" + v + "'");
    }
  }

  private static ZoneId zone(String id) {
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      throw new ConfigException("kliping.time-zone is not a known zone: '" + id + "'");
    }
  }

  private static String oneOf(String key, String value, List<String> allowed) {
    if (!allowed.contains(value)) {
      throw new ConfigException(key + " must be one of " + allowed + ", got '" + value + "'");
    }
    return value;
  }

  private static List<String> nonEmpty(String key, List<String> values) {
    if (values.isEmpty()) {
      throw new ConfigException(key + " must not be empty");
    }
    return List.copyOf(values);
  }

  private static int atLeast(String key, int value, int min) {
    if (value < min) {
      throw new ConfigException(key + " must be >= " + min + ", got " + value);
    }
    return value;
  }

  private static List<String> validRegexes(List<String> patterns) {
    for (String p : patterns) {
      try {
        java.util.regex.Pattern.compile(p);
      } catch (java.util.regex.PatternSyntaxException e) {
        throw new ConfigException("kliping.clean.extra-debris-line-patterns has an invalid regex '"
            + p + "': " + e.getDescription());
      }
    }
    return List.copyOf(patterns);
  }
}
