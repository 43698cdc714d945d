package io.kliping.stages;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.ltrim;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.when;

import io.kliping.config.KlipingConfig;
import io.kliping.ingest.ArticleIds;
import io.kliping.ingest.DateParser;
import io.kliping.ingest.FieldAliases;
import io.kliping.ingest.JsonArticleParser;
import io.kliping.ingest.ParseResult;
import io.kliping.ingest.RawArticle;
import io.kliping.ingest.TextFileArticleParser;
import io.kliping.ingest.UrlNormalizer;
import io.kliping.io.RawRecords;
import io.kliping.text.CleaningSettings;
import io.kliping.text.CommaJoinedParagraphs;
import io.kliping.text.LanguageIdentifier;
import io.kliping.text.RepeatedLineRemover;
import io.kliping.text.RepeatedLineSettings;
import io.kliping.text.TextCleaner;
import io.kliping.text.TextLength;
import java.io.Serializable;
import java.net.URI;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.catalyst.encoders.ExpressionEncoder;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Raw records to articles and rejects: parse, clean, identify the language, parse the date and
 * give each article its stable id. Every raw record comes out exactly once, either as an article
 * or as a reject with its reason, so {@code input = articles + rejects} holds by construction.
 */
public final class IngestStage {
  /** Rejected because an earlier record of the batch has the same URL. */
  public static final String DUPLICATE_ID = "duplicate_article_id";
  /** Rejected because the cleaned text is empty. */
  public static final String EMPTY_TEXT = "empty_text";
  /** Rejected because the cleaned text is shorter than the configured minimum. */
  public static final String TOO_SHORT = "too_short";

  static final int RAW_MAX_CHARS = 1000;

  /** One prepared record: an article (reject_reason null) or a reject. */
  public static final StructType PREPARED = new StructType(new StructField[] {
      f("article_id", DataTypes.StringType), f("source_id", DataTypes.StringType),
      f("source", DataTypes.StringType), f("url", DataTypes.StringType),
      f("title", DataTypes.StringType), f("published_at", DataTypes.TimestampType),
      f("lang", DataTypes.StringType), f("text", DataTypes.StringType),
      f("raw_text", DataTypes.StringType),
      f("input_file", DataTypes.StringType), f("position", DataTypes.StringType),
      f("reject_reason", DataTypes.StringType), f("raw", DataTypes.StringType),
      f("id_from_url", DataTypes.BooleanType), f("date_unparsed", DataTypes.BooleanType),
      f("skipped", DataTypes.StringType), f("skipped_count", DataTypes.LongType)});

  /** Rejected because nothing but debris learned from the batch was left. */
  public static final String DEBRIS_ONLY = "debris_only";

  /**
   * The outputs of the stage. {@code records} is the number of input records (article
   * candidates), which must equal articles + rejects. {@code prepared} has one row per input record (plus, for WARC
   * files, one row per kind of skipped record, with its count). Every frame is persisted, or
   * (the articles) a projection of one ({@code ranked}: the kept records with their occurrence
   * of their id), so parsing, debris learning and id ranking run once however many counts a
   * report takes; close the result to release them.
   * {@code debrisLines} are the lines learned as debris (source, key, line, articles).
   */
  public record Result(Dataset<Row> articles, Dataset<Row> rejects, Dataset<Row> prepared,
      Dataset<Row> cleaned, Dataset<Row> ranked, Dataset<Row> debrisLines, long records)
      implements AutoCloseable {
    @Override
    public void close() {
      ranked.unpersist();
      rejects.unpersist();
      cleaned.unpersist();
      debrisLines.unpersist();
      prepared.unpersist();
    }
  }

  private final Settings settings;
  private final RepeatedLineSettings repeatedLines;

  private IngestStage(Settings settings, RepeatedLineSettings repeatedLines) {
    this.settings = settings;
    this.repeatedLines = repeatedLines;
  }

  /** The stage for a run's configuration and batch date. */
  public static IngestStage create(KlipingConfig config) {
    KlipingConfig.Clean c = config.clean();
    List<String> debris = new ArrayList<>();
    if (c.dropDebrisLines()) {
      debris.addAll(CleaningSettings.defaults().debrisLinePatterns());
    }
    debris.addAll(c.extraDebrisLinePatterns());
    KlipingConfig.Fields fl = config.input().fields();
    return new IngestStage(new Settings(
        new FieldAliases(fl.id(), fl.text(), fl.title(), fl.url(), fl.publishedAt(), fl.source(),
            fl.publishedTime()),
        new CleaningSettings(c.nfkc(), c.repairMojibake(), c.normaliseWhitespace(),
            List.copyOf(debris), c.dropRepeatedParagraphs()),
        c.splitCommaJoinedParagraphs(), c.keepRawText(), config.language().languages(),
        config.timeZone(), config.date(), config.input().minTextChars()),
        new RepeatedLineSettings(c.repeatedLines().enabled(), c.repeatedLines().minArticles(),
            c.repeatedLines().minShare(), c.repeatedLines().maxChars(),
            c.repeatedLines().maxFrequentShare()));
  }

  /** Parses, cleans and identifies every raw record (schema {@link RawRecords#SCHEMA}). */
  public Result apply(Dataset<Row> raw) {
    // Blank lines separate nothing and are not records. A gzip file is read by one task: spread
    // its records before the per-record work. A line is blank when trimming its start leaves
    // nothing: ltrim stops at the first other character, where trim would also index every
    // character of the line from its end.
    Dataset<Row> prepared = raw
        .filter(col("line").isNull().or(col("error").isNotNull()).or(col("skipped").isNotNull())
            .or(ltrim(col("line"), " \t\r\f\u000B").notEqual("")))
        .repartition(col("input_file"), col("position"))
        .mapPartitions(new PrepareRecords(settings),
        ExpressionEncoder.apply(PREPARED)).persist(StorageLevel.MEMORY_AND_DISK());
    // Materialise the parsed records now: the next steps run several jobs at once (adaptive
    // execution submits independent query stages concurrently), and each would otherwise parse
    // the whole input again while the cache is still empty.
    long records = prepared.filter(col("skipped").isNull()).count();
    Column candidate = col("reject_reason").isNull().and(col("skipped").isNull());
    // Debris learned from the batch: paragraphs many articles of one source repeat.
    RepeatedLineRemover remover = RepeatedLineRemover.create(repeatedLines);
    Dataset<Row> candidates = prepared.filter(candidate);
    Dataset<Row> debrisLines = remover.learn(candidates).persist(StorageLevel.MEMORY_AND_DISK());
    Column tooShort = TextLength.below(col("text"), Math.max(1, settings.minTextChars()));
    Dataset<Row> cleaned = remover.remove(candidates, debrisLines)
        .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> debrisOnly = cleaned.filter(tooShort)
        .select(col("input_file"), col("position"), lit(DEBRIS_ONLY).as("reason"),
            substring(functions.coalesce(col("raw_text"), col("text")), 1, RAW_MAX_CHARS)
                .as("raw"));
    // Two records with one id: the same URL twice is one article scraped twice (the first
    // occurrence stays, the others are rejects); the same text without a URL is a real copy
    // (another file or outlet) and stays, under an id derived from the text's id and its rank,
    // so dedup can report it as an exact duplicate.
    // Persisted: both the articles and the rejects (their repeated ids) read the ranking, which
    // shuffles and sorts every text once.
    Dataset<Row> ranked = cleaned.filter(not(tooShort))
        .withColumn("occurrence", row_number().over(Window.partitionBy(col("article_id"))
            .orderBy(col("input_file"), col("position"))))
        .persist(StorageLevel.MEMORY_AND_DISK());
    Column repeated = col("occurrence").gt(1);
    Dataset<Row> articles = ranked.filter(not(repeated.and(col("id_from_url"))))
        .withColumn("article_id", when(repeated, substring(sha2(concat_ws("#",
            col("article_id"), col("occurrence").cast(DataTypes.StringType)), 256), 1, 32))
            .otherwise(col("article_id")))
        .withColumn("cluster_id", lit(null).cast(DataTypes.StringType))
        .withColumn("is_canonical", lit(null).cast(DataTypes.BooleanType))
        .withColumn("dup_type", lit(null).cast(DataTypes.StringType))
        .drop("reject_reason", "raw", "id_from_url", "date_unparsed", "skipped",
            "skipped_count", "occurrence");
    Dataset<Row> repeatedIds = ranked.filter(repeated.and(col("id_from_url")))
        .select(col("input_file"), col("position"), lit(DUPLICATE_ID).as("reason"),
            substring(col("text"), 1, RAW_MAX_CHARS).as("raw"));
    Dataset<Row> rejects = prepared.filter(col("reject_reason").isNotNull())
        .select(col("input_file"), col("position"), col("reject_reason").as("reason"), col("raw"))
        .unionByName(repeatedIds).unionByName(debrisOnly);
    return new Result(articles, rejects.persist(StorageLevel.MEMORY_AND_DISK()), prepared,
        cleaned, ranked, debrisLines, records);
  }

  private static StructField f(String name, org.apache.spark.sql.types.DataType type) {
    return new StructField(name, type, true, Metadata.empty());
  }

  /** Everything the executors need; small and serialisable. */
  record Settings(FieldAliases fields, CleaningSettings cleaning,
      boolean splitCommaJoinedParagraphs, boolean keepRawText, List<String> languages,
      ZoneId zone, LocalDate batchDate, int minTextChars) implements Serializable {}

  /** Per partition: one parser, cleaner, date parser and (shared) language detector. */
  static final class PrepareRecords implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final Settings settings;

    PrepareRecords(Settings settings) {
      this.settings = settings;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> input) {
      JsonArticleParser json = new JsonArticleParser(settings.fields());
      TextFileArticleParser textFiles = new TextFileArticleParser();
      TextCleaner cleaner = new TextCleaner(settings.cleaning());
      DateParser dates = new DateParser(settings.zone());
      LanguageIdentifier languages = LanguageIdentifier.create(settings.languages());
      int batchYear = settings.batchDate().getYear();
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return input.hasNext();
        }

        @Override
        public Row next() {
          return prepare(input.next());
        }

        private Row prepare(Row r) {
          String file = r.getString(0);
          String position = r.getString(1);
          String format = r.getString(2);
          String line = r.getString(3);
          if (!r.isNullAt(6)) {
            return skipped(file, position, r.getString(6), Long.parseLong(line));
          }
          if (!r.isNullAt(5)) {
            return reject(file, position, r.getString(5), line);
          }
          boolean isText = RawRecords.TEXT.equals(format);
          ParseResult parsed = isText ? textFiles.parse((byte[]) r.get(4), file) : json.parse(line);
          if (parsed instanceof ParseResult.Rejected rej) {
            String raw = isText ? TextFileArticleParser.decode((byte[]) r.get(4)) : line;
            return reject(file, position, rej.reason(), raw);
          }
          RawArticle a = ((ParseResult.Ok) parsed).article();
          String text = cleaner.clean(settings.splitCommaJoinedParagraphs()
              ? CommaJoinedParagraphs.split(a.text()) : a.text());
          if (text.length() < Math.max(1, settings.minTextChars())) {
            return reject(file, position, text.isEmpty() ? EMPTY_TEXT : TOO_SHORT,
                isText ? a.text() : line);
          }
          String url = UrlNormalizer.normalize(a.url());
          String id = url != null ? ArticleIds.fromUrl(url) : ArticleIds.fromContent(text);
          Timestamp published = dates.parse(a.publishedRaw(), batchYear)
              .map(Timestamp::from).orElse(null);
          boolean dateUnparsed = published == null && a.publishedRaw() != null
              && !a.publishedRaw().isBlank();
          String sourceId = a.sourceId() != null ? a.sourceId()
              : isText ? file : file + ":" + position;
          String source = a.source() != null ? a.source() : host(url);
          String title = a.title() == null ? null : cleaner.clean(a.title());
          return RowFactory.create(id, sourceId, source, url, title, published,
              languages.detect(text), text, settings.keepRawText() ? a.text() : null, file,
              position, null, null, url != null, dateUnparsed, null, null);
        }
      };
    }

    private static Row reject(String file, String position, String reason, String raw) {
      String truncated = raw == null ? null
          : raw.length() <= RAW_MAX_CHARS ? raw : raw.substring(0, RAW_MAX_CHARS);
      return RowFactory.create(null, null, null, null, null, null, null, null, null, file,
          position, reason, truncated, null, null, null, null);
    }

    private static Row skipped(String file, String position, String kind, long count) {
      return RowFactory.create(null, null, null, null, null, null, null, null, null, file,
          position, null, null, null, null, kind, count);
    }

    private static String host(String url) {
      if (url == null) {
        return null;
      }
      try {
        String h = URI.create(url).getHost();
        return h == null ? null : h.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
  }
}
