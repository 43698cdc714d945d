package io.kliping.jobs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kliping.eval.BaseArticle;
import io.kliping.eval.CopyCounts;
import io.kliping.eval.DistinctBases;
import io.kliping.eval.GeneratedArticle;
import io.kliping.eval.SyndicationGenerator;
import io.kliping.text.CommaJoinedParagraphs;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code generate-corpus}: a syndicated news corpus with ground truth, made from real articles, to
 * measure dedup (see {@link SyndicationGenerator}). Reads a JSON Lines dump, drops bases that are
 * near duplicates of each other ({@link DistinctBases}), shuffles the rest with the seed, and writes
 * {@code articles.jsonl.gz} (an ingest input) and {@code truth.csv} ({@code url,story_id,kind}).
 * Plain Java, no Spark: the corpus is written as it is generated.
 */
@Command(name = "generate-corpus", mixinStandardHelpOptions = true,
    description = "Generate a syndicated news corpus with ground truth (originals, edited copies "
        + "republished by other outlets, hard negatives) from real articles, for measuring dedup.")
final class GenerateCorpusJob implements Callable<Integer> {
  static final String ARTICLES_FILE = "articles.jsonl.gz";
  static final String TRUTH_FILE = "truth.csv";

  private static final List<String> TEXT_KEYS = List.of("text", "content", "body", "isi");
  private static final List<String> TITLE_KEYS = List.of("title", "judul");
  private static final List<String> SOURCE_KEYS = List.of("source", "publisher");
  private static final List<String> CATEGORY_KEYS = List.of("category", "kategori", "section");

  @Spec
  CommandSpec spec;

  /** The bundled sample, relative to the repository root ({@code scripts/submit.sh} passes it). */
  static final Path BUNDLED_SAMPLE = Path.of("sample", "news", "articles.jsonl");

  @Option(names = "--source", paramLabel = "PATH",
      description = "JSON Lines file of real articles (.gz allowed) with text or content, title, "
          + "source and category fields. Default: the bundled sample (${DEFAULT-VALUE}); use a "
          + "real dump such as click-id for large corpora.",
      defaultValue = "sample/news/articles.jsonl")
  Path source;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "Output folder: articles.jsonl.gz and truth.csv (replaced if present).")
  Path out;

  @Option(names = "--stories", paramLabel = "N",
      description = "Number of stories. Up to the number of distinct bases each story is a real "
          + "article; beyond it stories get composite originals (runs of real sentences from "
          + "random bases). Default: one per distinct base. Not with --articles.")
  Long stories;

  @Option(names = "--articles", paramLabel = "N",
      description = "Write exactly N articles (as many stories as needed, composite originals "
          + "beyond the bases; the last story may lose copies). Not with --stories.")
  Long articles;

  @Option(names = "--max-copies", paramLabel = "N", defaultValue = "8",
      description = "Most copies of one story. Without --dup-share copies are drawn uniformly "
          + "from [0, N]. Default: ${DEFAULT-VALUE}.")
  int maxCopies;

  @Option(names = "--dup-share", paramLabel = "X",
      description = "Share of the articles (outside the giant cluster) that are copies, 0 to "
          + "0.99: a share of the stories gets 1..--max-copies copies from --cluster-sizes. "
          + "Default: the uniform [0, --max-copies] rule.")
  Double dupShare;

  @Option(names = "--cluster-sizes", paramLabel = "DIST", defaultValue = "uniform",
      description = "Copies of a syndicated story with --dup-share: uniform, geometric[:MEAN] "
          + "(default mean 3) or zipf[:S] (default exponent 2), truncated to [1, --max-copies]. "
          + "Default: ${DEFAULT-VALUE}.")
  String clusterSizes;

  @Option(names = "--giant-cluster", paramLabel = "N", defaultValue = "0",
      description = "Make story 0 one giant cluster of its original and N copies (e.g. 100000), "
          + "on top of the other stories. Default: none.")
  int giantCluster;

  @Option(names = "--hard-negative-share", paramLabel = "X", defaultValue = "0.25",
      description = "Share of stories that also get a hard negative. Default: ${DEFAULT-VALUE}.")
  double hardNegativeShare;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
      description = "Seed of every random choice; the same seed gives the same corpus. "
          + "Default: ${DEFAULT-VALUE}.")
  long seed;

  /** Bases read from the source, and the records without a text. */
  record Pool(List<BaseArticle> bases, int skipped) {}

  @Override
  public Integer call() {
    long start = System.nanoTime();
    SyndicationGenerator.Settings settings;
    CopyCounts copyCounts;
    try {
      if (stories != null && stories < 1) {
        throw new IllegalArgumentException("--stories must be >= 1, got " + stories);
      }
      if (articles != null && articles < 1) {
        throw new IllegalArgumentException("--articles must be >= 1, got " + articles);
      }
      if (stories != null && articles != null) {
        throw new IllegalArgumentException("--stories and --articles exclude each other");
      }
      if (giantCluster < 0) {
        throw new IllegalArgumentException("--giant-cluster must be >= 0, got " + giantCluster);
      }
      if (articles != null && giantCluster >= articles) {
        throw new IllegalArgumentException("--giant-cluster " + giantCluster
            + " leaves no room in --articles " + articles);
      }
      settings = new SyndicationGenerator.Settings(seed, maxCopies, hardNegativeShare,
          SyndicationGenerator.Settings.defaults().outlets());
      copyCounts = dupShare == null ? CopyCounts.legacy(maxCopies)
          : CopyCounts.forShare(dupShare, clusterSizes, maxCopies, hardNegativeShare);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage()
          .replace("maxCopies", "--max-copies").replace("hardNegativeShare", "--hard-negative-share")
          .replace("dup-share", "--dup-share").replace("cluster-sizes", "--cluster-sizes"));
    }
    if (!Files.isRegularFile(source)) {
      System.err.println("kliping generate-corpus: source not found: " + source);
      return ExitCodes.NO_INPUT;
    }
    try {
      Pool pool = read(source);
      List<BaseArticle> shuffled = new ArrayList<>(pool.bases());
      Collections.shuffle(shuffled, new Random(seed));
      DistinctBases.Result distinct = DistinctBases.filter(shuffled);
      List<BaseArticle> bases = distinct.kept();
      long storyCount = articles != null ? Long.MAX_VALUE / 4
          : stories != null ? stories : bases.size();
      if (bases.isEmpty()) {
        System.err.println("kliping generate-corpus: no usable base article in " + source);
        return ExitCodes.NO_INPUT;
      }
      if (stories != null && stories < bases.size()) {
        bases = bases.subList(0, (int) (long) stories);
      }
      SyndicationGenerator generator = new SyndicationGenerator(settings, copyCounts);
      Counts counts = write(generator.generate(bases, storyCount, giantCluster),
          articles == null ? Long.MAX_VALUE : articles, out);
      System.out.printf(Locale.ROOT,
          "generate-corpus: %d bases read (%d without text), %d distinct (%d too short, %d near "
              + "duplicates); %d stories: %d originals, %d copies, %d hard negatives; %d articles "
              + "written to %s in %.1f s%n",
          pool.bases().size(), pool.skipped(), distinct.kept().size(), distinct.tooShort(),
          distinct.nearDuplicates(), counts.originals, counts.originals, counts.copies,
          counts.hardNegatives, counts.total(), out, Jobs.secondsSince(start));
      System.out.printf(Locale.ROOT,
          "generate-corpus: copies per story %s; giant cluster %d copies; duplicate share %.4f "
              + "(%.4f outside the giant cluster); %.1f MB of JSON%n",
          copyCounts, giantCluster, counts.copies / (double) Math.max(1, counts.total()),
          (counts.copies - giantCluster) / (double) Math.max(1, counts.total() - giantCluster - 1),
          counts.jsonBytes / 1e6);
      return ExitCodes.OK;
    } catch (IOException | RuntimeException e) {
      System.err.println("kliping generate-corpus: failed: " + e);
      return ExitCodes.FAILED;
    }
  }

  /** The articles of a JSON Lines file; lines that are not objects with a text are skipped. */
  static Pool read(Path file) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    List<BaseArticle> bases = new ArrayList<>();
    int skipped = 0;
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8),
            1 << 16)) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        BaseArticle base = base(mapper, line);
        if (base == null) {
          skipped++;
        } else {
          bases.add(base);
        }
      }
    }
    return new Pool(bases, skipped);
  }

  private static BaseArticle base(ObjectMapper mapper, String line) {
    JsonNode node;
    try {
      node = mapper.readTree(line);
    } catch (JsonProcessingException e) {
      return null;
    }
    String text = node != null && node.isObject() ? field(node, TEXT_KEYS) : null;
    if (text == null) {
      return null;
    }
    // click-id joined paragraphs with a bare comma; the generator edits paragraphs.
    if (text.indexOf('\n') < 0) {
      text = CommaJoinedParagraphs.split(text);
    }
    return new BaseArticle(field(node, TITLE_KEYS), text, field(node, SOURCE_KEYS),
        field(node, CATEGORY_KEYS));
  }

  private static String field(JsonNode node, List<String> keys) {
    for (String key : keys) {
      JsonNode value = node.get(key);
      if (value != null && value.isValueNode() && !value.isNull() && !value.asText().isBlank()) {
        return value.asText();
      }
    }
    return null;
  }

  private static final class Counts {
    long originals;
    long copies;
    long hardNegatives;
    long jsonBytes;

    long total() {
      return originals + copies + hardNegatives;
    }
  }

  /** Streams at most {@code limit} articles to the files, as they are made. */
  private static Counts write(Iterator<GeneratedArticle> articles, long limit, Path dir)
      throws IOException {
    Files.createDirectories(dir);
    Counts counts = new Counts();
    try (CountingStream raw = new CountingStream(
            fastGzip(Files.newOutputStream(dir.resolve(ARTICLES_FILE))));
        Writer json = new BufferedWriter(new OutputStreamWriter(raw, StandardCharsets.UTF_8),
            1 << 16);
        JsonGenerator gen = new JsonFactory().createGenerator(json);
        Writer truth = Files.newBufferedWriter(dir.resolve(TRUTH_FILE), StandardCharsets.UTF_8)) {
      gen.setRootValueSeparator(null);
      truth.write("url,story_id,kind\n");
      while (counts.total() < limit && articles.hasNext()) {
        GeneratedArticle a = articles.next();
        gen.writeStartObject();
        gen.writeStringField("url", a.url());
        gen.writeStringField("source", a.source());
        gen.writeStringField("title", a.title());
        gen.writeStringField("text", a.text());
        gen.writeStringField("published_at", a.publishedAt());
        gen.writeEndObject();
        gen.writeRaw('\n');
        truth.write(csv(a.url()) + ',' + csv(a.storyId()) + ',' + a.kind() + '\n');
        switch (a.kind()) {
          case GeneratedArticle.ORIGINAL -> counts.originals++;
          case GeneratedArticle.COPY -> counts.copies++;
          default -> counts.hardNegatives++;
        }
      }
      gen.flush();
      json.flush();
      counts.jsonBytes = raw.count;
    }
    return counts;
  }

  /** Counts the uncompressed bytes written (the corpus's JSON size, for MB/s figures). */
  private static final class CountingStream extends java.io.FilterOutputStream {
    long count;

    CountingStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }
  }

  /** Gzip at the fastest level: compressing 200 MB of JSON at level 6 costs more than making it. */
  private static OutputStream fastGzip(OutputStream out) throws IOException {
    return new GZIPOutputStream(out, 1 << 16) {
      {
        def.setLevel(Deflater.BEST_SPEED);
      }
    };
  }

  private static String csv(String value) {
    if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }
}
