package io.kliping.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.QueryExecution;
import org.apache.spark.sql.util.QueryExecutionListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline over two dates of the sample: the JSON Lines file on day 1, the folder of text
 * files (one of them a near copy of a day-1 story) on day 2. Day 2 finds the copy in day 1's
 * dedup_index, writes its own tables and leaves every day-1 file as it was; re-running day 2's
 * dedup gives the same files.
 */
class IncrementalDedupPipelineTest {
  private static final String D1 = "2024-10-25";
  private static final String D2 = "2024-10-26";
  private static final Path NEWS = Path.of("..", "sample", "news");

  @TempDir
  static Path tmp;

  private static SparkSession spark;
  private static Path warehouse;
  private static Map<String, List<String>> day1Before;
  private static Map<String, List<String>> day1After;
  private static Map<String, List<String>> day2First;
  private static Map<String, List<String>> day2Rerun;
  private static List<String> day2RerunRows;
  /** Physical plans of the writes of the articles table: the re-run's, then the 3-file run's. */
  private static final List<String> rerunWrites = new ArrayList<>();
  private static final List<String> articleWrites = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void runTwoDates() throws Exception {
    spark = SparkSession.builder().master("local[2]").appName("kliping-incremental-test")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
        .config("spark.driver.host", "127.0.0.1").getOrCreate();
    warehouse = tmp.resolve("warehouse");
    assertThat(Main.execute("pipeline", "--input", NEWS.resolve("articles.jsonl").toString(),
        "--warehouse", warehouse.toString(), "--date", D1)).isEqualTo(ExitCodes.OK);
    day1Before = hashes(D1);
    assertThat(Main.execute("pipeline", "--input", NEWS.resolve("more").toString(),
        "--warehouse", warehouse.toString(), "--date", D2)).isEqualTo(ExitCodes.OK);
    day1After = hashes(D1);
    day2First = hashes(D2);
    QueryExecutionListener writes = new QueryExecutionListener() {
      @Override
      public void onSuccess(String funcName, QueryExecution qe, long durationNs) {
        String plan = qe.executedPlan().toString();
        if (plan.contains("InsertIntoHadoopFsRelationCommand") && plan.contains("/articles/")) {
          articleWrites.add(plan);
        }
      }

      @Override
      public void onFailure(String funcName, QueryExecution qe, Exception exception) {}
    };
    spark.listenerManager().register(writes);
    assertThat(Main.execute("dedup", "--warehouse", warehouse.toString(), "--date", D2))
        .isEqualTo(ExitCodes.OK);
    spark.sparkContext().listenerBus().waitUntilEmpty();
    day2Rerun = hashes(D2);
    day2RerunRows = sortedRows("articles", D2);
    rerunWrites.addAll(articleWrites);
    articleWrites.clear();
    // Another number of files than ingest's: the files' layout does not fit, so dedup shuffles.
    assertThat(Main.execute("dedup", "--warehouse", warehouse.toString(), "--date", D2,
        "--set", "kliping.output.files-per-partition=3")).isEqualTo(ExitCodes.OK);
    spark.sparkContext().listenerBus().waitUntilEmpty();
    spark.listenerManager().unregister(writes);
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void dayOnesPartitionsAreByteIdenticalAfterDayTwo() {
    assertThat(day1Before).containsKeys("articles", "duplicates", "clusters", "dedup_index");
    assertThat(day1After).isEqualTo(day1Before);
  }

  @Test
  void reRunningDayTwosDedupGivesTheSameFiles() {
    assertThat(day2First).containsKeys("articles", "duplicates", "clusters", "dedup_index");
    for (String table : List.of("articles", "duplicates", "clusters", "dedup_index")) {
      assertThat(day2Rerun.get(table)).as(table).isEqualTo(day2First.get(table));
    }
  }

  /**
   * Dedup rewrites the date's articles, texts and all. Read file by file as ingest laid them out,
   * they get their cluster columns in place: the write's plan neither shuffles nor sorts.
   */
  @Test
  void dedupRewritesTheArticlesInPlaceWithoutAShuffleOrSort() {
    assertThat(rerunWrites).hasSize(1);
    String plan = rerunWrites.get(0);
    assertThat(plan).contains("Scan ExistingRDD");
    assertThat(count(plan, "Exchange")).as(plan).isZero();
    assertThat(count(plan, "Sort \\[")).as(plan).isZero();
  }

  /**
   * With another number of files per partition than ingest wrote, the articles are not laid out
   * for the write: adding the cluster columns and laying the rows out then takes one shuffle and
   * one sort of them (not a join's shuffle and sort and then the writer's), and gives the same
   * rows.
   */
  @Test
  void withAnotherNumberOfFilesDedupShufflesAndSortsTheArticlesOnce() {
    assertThat(articleWrites).hasSize(1);
    String plan = articleWrites.get(0);
    assertThat(count(plan, "Exchange hashpartitioning\\(")).as(plan).isEqualTo(1);
    assertThat(count(plan, "Sort \\[")).as(plan).isEqualTo(1);
    assertThat(sortedRows("articles", D2)).isEqualTo(day2RerunRows);
  }

  /**
   * Operators of a plan (a line each, after the tree's indentation and any whole-stage-codegen
   * marker such as {@code *(3) }) that start with {@code regex}; of the final plan only, when
   * adaptive.
   */
  private static int count(String plan, String regex) {
    int start = plan.indexOf("== Final Plan ==");
    int end = plan.indexOf("== Initial Plan ==");
    String text = start >= 0 && end > start ? plan.substring(start, end) : plan;
    Matcher m = Pattern.compile("(?m)^[\\s:+-]*(\\*\\(\\d+\\) )?" + regex).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  @Test
  void theNearCopyOfADayOneStoryJoinsItsCluster() {
    Row s24 = bySampleId(rows("articles", D1)).get("s24");
    Map<String, Row> day2 = bySampleId(rows("articles", D2));
    Row copy = day2.get("more/opini-002.txt");
    assertThat(s24.<Boolean>getAs("is_canonical")).isTrue();
    assertThat(copy.<String>getAs("cluster_id")).isEqualTo(s24.getAs("cluster_id"));
    assertThat(copy.<Boolean>getAs("is_canonical")).isFalse();
    assertThat(copy.<String>getAs("dup_type")).isEqualTo("near");

    List<Row> duplicates = rows("duplicates", D2);
    assertThat(duplicates).hasSize(1);
    assertThat(duplicates.get(0).<String>getAs("article_id")).isEqualTo(copy.getAs("article_id"));
    assertThat(duplicates.get(0).<String>getAs("canonical_id")).isEqualTo(s24.getAs("article_id"));
    assertThat(duplicates.get(0).<Double>getAs("similarity")).isBetween(0.7, 1.0);

    List<Row> clusters = rows("clusters", D2);
    assertThat(clusters).hasSize(1);
    assertThat(clusters.get(0).<String>getAs("cluster_id")).isEqualTo(s24.getAs("cluster_id"));
    assertThat(clusters.get(0).<Long>getAs("size")).isEqualTo(2L);
    assertThat(clusters.get(0).<Long>getAs("new_members")).isEqualTo(1L);
  }

  @Test
  void otherTextFilesStayTheirOwnStories() {
    Map<String, Row> day1 = bySampleId(rows("articles", D1));
    Map<String, Row> day2 = bySampleId(rows("articles", D2));
    for (String[] pair : new String[][] {{"s23", "more/opini-004.txt"},
        {"s10", "more/opini-001.txt"}}) {
      assertThat(day2.get(pair[1]).<String>getAs("cluster_id")).as(pair[1])
          .isNotEqualTo(day1.get(pair[0]).getAs("cluster_id"))
          .isEqualTo(day2.get(pair[1]).getAs("article_id"));
    }
  }

  @Test
  void everyArticleOfADateIsIndexedOnce() {
    for (String dt : List.of(D1, D2)) {
      List<Row> index = rows("dedup_index", dt);
      assertThat(index).hasSize(rows("articles", dt).size());
      assertThat(index).extracting(r -> r.<String>getAs("article_id")).doesNotHaveDuplicates();
    }
  }

  // ---- helpers ----

  /** The partition's rows as strings, sorted. */
  private static List<String> sortedRows(String table, String dt) {
    return rows(table, dt).stream().map(Row::toString).sorted().toList();
  }

  private static List<Row> rows(String table, String dt) {
    return spark.read().parquet(warehouse.resolve(table).resolve("dt=" + dt).toString())
        .collectAsList();
  }

  /** The sample's id of an article: its JSON id, or "more/<file>" for a text file. */
  private static Map<String, Row> bySampleId(List<Row> articles) {
    Map<String, Row> out = new HashMap<>();
    for (Row a : articles) {
      String sourceId = a.getAs("source_id");
      int more = sourceId.lastIndexOf("/more/");
      out.put(more >= 0 ? sourceId.substring(more + 1) : sourceId, a);
    }
    return out;
  }

  /** SHA-256 of every Parquet part file of each table's partition for the date. */
  private static Map<String, List<String>> hashes(String dt) throws IOException {
    Map<String, List<String>> out = new TreeMap<>();
    try (Stream<Path> tables = Files.list(warehouse)) {
      for (Path table : tables.sorted().toList()) {
        Path partition = table.resolve("dt=" + dt);
        if (!Files.isDirectory(partition)) {
          continue;
        }
        List<String> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(partition)) {
          for (Path p : s.filter(p -> p.getFileName().toString().startsWith("part-")).sorted()
              .toList()) {
            files.add(sha256(Files.readAllBytes(p)));
          }
        }
        out.put(table.getFileName().toString(), files);
      }
    }
    return out;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
