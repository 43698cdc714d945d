package io.kliping.jobs;

import static io.kliping.jobs.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evaluate-dedup} after the pipeline on the bundled sample: the sample's near copies (exact
 * Jaccard >= 0.85 by construction) all share a cluster, no cluster holds a far pair, and the JSON
 * articles' clusters match the ground truth (sample/expected.json) exactly.
 */
class EvaluateDedupTest {
  private static final String DT = "2024-10-25";
  private static final Path SAMPLE = Path.of("..", "sample");

  @TempDir
  static Path tmp;

  private static SparkSession spark;
  private static Path warehouse;
  private static Path truth;
  private static int truthRows;

  @BeforeAll
  static void runPipelineAndWriteTruth() throws IOException {
    spark = SparkSession.builder().master("local[2]").appName("kliping-evaluate-dedup-test")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
        .config("spark.driver.host", "127.0.0.1").getOrCreate();
    warehouse = tmp.resolve("warehouse");
    assertThat(Main.execute("pipeline", "--input", SAMPLE.resolve("news").toString(),
        "--warehouse", warehouse.toString(), "--date", DT)).isEqualTo(ExitCodes.OK);
    truth = tmp.resolve("truth.csv");
    writeTruth(truth);
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void sampleClustersHaveFullRecallNoFarPairsAndMatchTheTruth() {
    CliRun o = run("evaluate-dedup", "--warehouse", warehouse.toString(), "--date", DT,
        "--truth", truth.toString());
    assertThat(o.code()).as(o.err()).isEqualTo(ExitCodes.OK);
    Map<String, Long> r = reportLine(o.out());

    assertThat(r.get("articles")).isEqualTo(31); // 27 JSON records + 4 text files
    // s01-s03 exact copies and the near clusters: at least 3 + 3 + 3 + 1 + 6 + 1 pairs.
    assertThat(r.get("exact_pairs")).isGreaterThanOrEqualTo(17);
    assertThat(r.get("exact_pairs_same_cluster")).isEqualTo(r.get("exact_pairs"));
    assertThat(r.get("far_pairs")).isZero();
    assertThat(r.get("far_clusters")).isZero();
    assertThat(r.get("checked_pairs")).isGreaterThanOrEqualTo(17);
    assertThat(r.get("largest_cluster")).isEqualTo(4);
    assertThat(r.get("clusters_ge2")).isEqualTo(6);

    // Every accepted JSON article is scored; the rejected records' URLs and one unknown URL are
    // truth-only; the text files have no URL.
    assertThat(r.get("truth_articles")).isEqualTo(27);
    assertThat(r.get("truth_only")).isEqualTo(truthRows - 27);
    assertThat(r.get("predicted_only")).isZero();
    assertThat(r.get("truth_unusable")).isEqualTo(1);
    assertThat(r.get("agreeing_pairs")).isEqualTo(r.get("true_pairs"))
        .isEqualTo(r.get("predicted_pairs")).isPositive();
    assertThat(o.out()).contains("recall 1.0000").contains("ARI 1.0000");
  }

  @Test
  void lowerThresholdsFindMorePairsAndFarPairsWithAHighFarThreshold() {
    CliRun o = run("evaluate-dedup", "--warehouse", warehouse.toString(), "--date", DT,
        "--recall-threshold", "0.2", "--far-threshold", "0.99", "--examples", "2");
    assertThat(o.code()).as(o.err()).isEqualTo(ExitCodes.OK);
    Map<String, Long> r = reportLine(o.out());
    assertThat(r.get("far_pairs")).isPositive(); // near, not exact, copies are below 0.99
    assertThat(o.out()).contains("  far J=");
    assertThat(r).doesNotContainKey("truth_articles");
  }

  @Test
  void badThresholdIsAUsageError() {
    CliRun o = run("evaluate-dedup", "--warehouse", warehouse.toString(), "--date", DT,
        "--recall-threshold", "1.5");
    assertThat(o.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(o.err()).contains("--recall-threshold");
  }

  @Test
  void dateWithoutArticlesIsAnInputError() {
    CliRun o = run("evaluate-dedup", "--warehouse", warehouse.toString(), "--date", "2001-01-01");
    assertThat(o.code()).isEqualTo(ExitCodes.NO_INPUT);
    assertThat(o.err()).contains("articles");
  }

  /**
   * url,story_id for every JSON line of the sample (rejected ones included), the story being the
   * first id of the exact or near group the article belongs to; URLs written in a non-canonical
   * form (upper-case host, tracking parameter) to exercise the normalisation. Plus an unknown URL
   * and a row whose URL cannot be normalised.
   */
  private static void writeTruth(Path out) throws IOException {
    ObjectMapper json = new ObjectMapper();
    JsonNode expected = json.readTree(SAMPLE.resolve("expected.json").toFile());
    Map<String, String> story = new HashMap<>();
    List<JsonNode> groups = new ArrayList<>();
    expected.get("exact_groups").forEach(groups::add);
    expected.get("near_clusters").forEach(groups::add);
    for (JsonNode g : groups) {
      g.forEach(id -> story.put(id.asText(), g.get(0).asText()));
    }
    List<String> lines = new ArrayList<>(List.of("url,story_id,kind"));
    for (String line : Files.readAllLines(SAMPLE.resolve("news/articles.jsonl"))) {
      JsonNode n;
      try {
        n = json.readTree(line);
      } catch (IOException malformed) {
        continue;
      }
      String id = n.get("id").asText();
      String url = n.get("url").asText();
      String host = host(url);
      lines.add(url.replace("//" + host, "//" + host.toUpperCase(Locale.ROOT))
          + "?utm_source=test," + story.getOrDefault(id, id) + ",story");
    }
    lines.add("https://example.org/not-in-the-sample,zz,story");
    lines.add("not a url,zz,story");
    truthRows = lines.size() - 2; // header and the unusable row
    Files.write(out, lines, StandardCharsets.UTF_8);
  }

  private static String host(String url) {
    return url.replaceFirst("^https?://([^/]+).*$", "$1");
  }

  /** The key=value counts of the {@code kliping stage=evaluate-dedup} line. */
  private static Map<String, Long> reportLine(String out) {
    String line = out.lines().filter(l -> l.startsWith("kliping stage=evaluate-dedup dt=" + DT))
        .findFirst().orElseThrow(() -> new AssertionError("no report line in:\n" + out));
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String kv : line.split(" ")) {
      String[] parts = kv.split("=", 2);
      if (parts.length == 2 && parts[1].matches("\\d+")) {
        counts.put(parts[0], Long.parseLong(parts[1]));
      }
    }
    return counts;
  }
}
