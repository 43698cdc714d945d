package io.kliping.jobs;

import static io.kliping.jobs.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code generate-corpus} on the bundled sample: files, truth and exit codes, without Spark. */
class GenerateCorpusCliTest {
  private static final Path SAMPLE = Path.of("..", "sample", "news", "articles.jsonl");

  @TempDir
  Path tmp;

  private static List<JsonNode> articles(Path dir) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    List<JsonNode> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(
        Files.newInputStream(dir.resolve("articles.jsonl.gz"))), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        out.add(mapper.readTree(line));
      }
    }
    return out;
  }

  @Test
  void writesArticlesAndTheirTruth() throws IOException {
    Path dir = tmp.resolve("corpus");
    CliRun o = run("generate-corpus", "--source", SAMPLE.toString(), "--out", dir.toString(),
        "--max-copies", "4", "--hard-negative-share", "0.5", "--seed", "3");

    assertThat(o.code()).as(o.err()).isEqualTo(ExitCodes.OK);
    assertThat(SparkSession.getActiveSession().isDefined()).isFalse();
    // The sample plants syndicated copies and broken records: the filter drops them.
    assertThat(o.out()).startsWith("generate-corpus: 28 bases read (2 without text), 17 distinct "
            + "(1 too short, 10 near duplicates); 17 stories: 17 originals, ").contains(" originals, ")
        .contains(" copies, ").contains(" hard negatives; ").contains(" articles written to ");

    List<JsonNode> articles = articles(dir);
    List<String> truth = Files.readAllLines(dir.resolve("truth.csv"));
    assertThat(truth.get(0)).isEqualTo("url,story_id,kind");
    assertThat(truth).hasSize(articles.size() + 1);
    assertThat(o.out()).contains(articles.size() + " articles written");

    Map<String, String> kindByUrl = new HashMap<>();
    Map<String, Integer> storySizes = new HashMap<>();
    for (String row : truth.subList(1, truth.size())) {
      String[] f = row.split(",");
      assertThat(f).hasSize(3);
      assertThat(f[2]).isIn("original", "copy", "hard_negative");
      kindByUrl.put(f[0], f[2]);
      storySizes.merge(f[1], 1, Integer::sum);
    }
    Set<String> urls = new HashSet<>();
    for (JsonNode a : articles) {
      assertThat(a.fieldNames()).toIterable()
          .containsExactly("url", "source", "title", "text", "published_at");
      assertThat(urls.add(a.get("url").asText())).isTrue();
      assertThat(kindByUrl).containsKey(a.get("url").asText());
      assertThat(a.get("text").asText()).isNotBlank();
      OffsetDateTime.parse(a.get("published_at").asText());
    }
    assertThat(kindByUrl.values()).contains("original", "copy", "hard_negative");
    long originals = kindByUrl.values().stream().filter("original"::equals).count();
    assertThat(originals).isEqualTo(17L);
    assertThat(storySizes.values()).allMatch(n -> n <= 5);

    Path again = tmp.resolve("again");
    assertThat(run("generate-corpus", "--source", SAMPLE.toString(), "--out", again.toString(),
        "--max-copies", "4", "--hard-negative-share", "0.5", "--seed", "3").code()).isZero();
    assertThat(Files.readAllLines(again.resolve("truth.csv"))).isEqualTo(truth);
  }

  private static List<String> jsonLines(Path dir) throws IOException {
    List<String> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(
        Files.newInputStream(dir.resolve("articles.jsonl.gz"))), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        out.add(line);
      }
    }
    return out;
  }

  @Test
  void writesExactlyTheArticlesAskedForWithTheShareAndTheGiantCluster() throws IOException {
    Path dir = tmp.resolve("scaled");
    String[] args = {"generate-corpus", "--source", SAMPLE.toString(), "--out", dir.toString(),
        "--articles", "1500", "--dup-share", "0.4", "--cluster-sizes", "zipf:1.5",
        "--max-copies", "10", "--giant-cluster", "300", "--seed", "5"};
    CliRun o = run(args);
    assertThat(o.code()).as(o.err()).isEqualTo(ExitCodes.OK);
    assertThat(o.out()).contains("1500 articles written").contains("giant cluster 300 copies");

    List<JsonNode> articles = articles(dir);
    List<String> truth = Files.readAllLines(dir.resolve("truth.csv"));
    assertThat(articles).hasSize(1500);
    assertThat(truth).hasSize(1501);
    Map<String, Integer> storySizes = new HashMap<>();
    long copies = 0;
    for (int i = 0; i < articles.size(); i++) {
      String[] f = truth.get(i + 1).split(",");
      assertThat(f[0]).as("truth row %d is the article of line %d", i + 1, i)
          .isEqualTo(articles.get(i).get("url").asText());
      storySizes.merge(f[1], 1, Integer::sum);
      if (f[2].equals("copy") && !f[1].equals("story-000000")) {
        copies++;
      }
    }
    assertThat(storySizes.get("story-000000")).isEqualTo(301);
    assertThat(storySizes.entrySet()).filteredOn(e -> !e.getKey().equals("story-000000"))
        .allMatch(e -> e.getValue() <= 12); // original + 10 copies, or a hard negative alone
    double share = copies / (double) (1500 - 301);
    assertThat(share).isBetween(0.3, 0.5);
    assertThat(articles.stream().map(a -> a.get("url").asText()).distinct().count())
        .isEqualTo(1500L);
    // The 17 distinct sample bases make 17 stories; the rest have composite originals.
    assertThat(truth.stream().filter(l -> l.endsWith(",original")).count()).isGreaterThan(17L);

    Path again = tmp.resolve("again");
    args[4] = again.toString();
    assertThat(run(args).code()).isZero();
    assertThat(jsonLines(again)).isEqualTo(jsonLines(dir));
    assertThat(Files.readAllLines(again.resolve("truth.csv"))).isEqualTo(truth);
    Path reseeded = tmp.resolve("reseeded");
    args[4] = reseeded.toString();
    args[args.length - 1] = "6";
    assertThat(run(args).code()).isZero();
    assertThat(jsonLines(reseeded)).isNotEqualTo(jsonLines(dir));
  }

  @Test
  void scaleOptionsAreCheckedBeforeAnythingIsWritten() {
    CliRun both = run("generate-corpus", "--source", SAMPLE.toString(), "--out",
        tmp.resolve("x").toString(), "--stories", "3", "--articles", "10");
    assertThat(both.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(both.err()).contains("--stories and --articles");

    CliRun unreachable = run("generate-corpus", "--source", SAMPLE.toString(), "--out",
        tmp.resolve("x").toString(), "--dup-share", "0.9", "--max-copies", "2");
    assertThat(unreachable.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(unreachable.err()).contains("--dup-share 0.90").contains("--max-copies");

    CliRun badDist = run("generate-corpus", "--source", SAMPLE.toString(), "--out",
        tmp.resolve("x").toString(), "--dup-share", "0.3", "--cluster-sizes", "normal");
    assertThat(badDist.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(badDist.err()).contains("--cluster-sizes");

    CliRun giant = run("generate-corpus", "--source", SAMPLE.toString(), "--out",
        tmp.resolve("x").toString(), "--articles", "100", "--giant-cluster", "100");
    assertThat(giant.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(giant.err()).contains("--giant-cluster");
    assertThat(tmp.resolve("x")).doesNotExist();
  }

  @Test
  void storiesLimitsTheBasesUsed() throws IOException {
    Path dir = tmp.resolve("five");
    CliRun o = run("generate-corpus", "--source", SAMPLE.toString(), "--out", dir.toString(),
        "--stories", "5");
    assertThat(o.code()).as(o.err()).isZero();
    assertThat(o.out()).contains("; 5 stories: 5 originals");
    assertThat(Files.readAllLines(dir.resolve("truth.csv")).stream()
        .filter(l -> l.endsWith(",original"))).hasSize(5);
  }

  @Test
  void aMissingSourceExitsWithNoInput() {
    CliRun o = run("generate-corpus", "--source", tmp.resolve("nope.jsonl").toString(), "--out",
        tmp.resolve("out").toString());
    assertThat(o.code()).isEqualTo(ExitCodes.NO_INPUT);
    assertThat(o.err()).contains("source not found").contains("nope.jsonl");
    assertThat(tmp.resolve("out")).doesNotExist();
  }

  @Test
  void badSettingsAreUsageErrors() {
    CliRun copies = run("generate-corpus", "--source", SAMPLE.toString(), "--out",
        tmp.toString(), "--max-copies", "-1");
    assertThat(copies.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(copies.err()).contains("--max-copies").contains("-1");

    CliRun share = run("generate-corpus", "--source", SAMPLE.toString(), "--out",
        tmp.toString(), "--hard-negative-share", "2");
    assertThat(share.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(share.err()).contains("--hard-negative-share");

    CliRun stories = run("generate-corpus", "--source", SAMPLE.toString(), "--out",
        tmp.toString(), "--stories", "0");
    assertThat(stories.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(stories.err()).contains("--stories");

    CliRun noOut = run("generate-corpus", "--source", SAMPLE.toString());
    assertThat(noOut.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(noOut.err()).contains("--out");
  }
}
