package io.kliping.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kliping.io.Warehouse;
import io.kliping.schema.TableSpec;
import io.kliping.schema.Tables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cooccurrence job over three days of hand-made articles and mentions (document level by
 * hand): day 1 d1 {A,B}, d2 {A}; day 2 d3 {A,B}, d4 {B,C}, d5 {}; day 3 d6 {A,B,C}. Rolling
 * windows of 2 and 3 days. Then day 1 is re-counted with d2 = {A, C}: the windows ending on days
 * 2 and 3 that include day 1 change, the 2-day window ending on day 3 and the daily tables of
 * days 2 and 3 stay byte-identical.
 */
class CooccurrenceRollingJobTest {
  private static final LocalDate D1 = LocalDate.of(2024, 10, 1);
  private static final LocalDate D2 = D1.plusDays(1);
  private static final LocalDate D3 = D1.plusDays(2);

  @TempDir
  static Path tmp;

  private static SparkSession spark;
  private static Warehouse warehouse;
  private static Map<String, Row> before;
  private static Map<String, Row> after;
  private static Map<String, String> day2Before;
  private static Map<String, String> day2After;
  private static Map<String, String> day3Before;
  private static Map<String, String> day3After;
  private static List<String> day3TopOneDayBefore;
  private static List<String> day3TopOneDayAfter;

  @BeforeAll
  static void runThreeDaysThenRecountTheFirst() throws IOException {
    spark = SparkSession.builder().master("local[2]").appName("kliping-rolling-test")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
        .config("spark.driver.host", "127.0.0.1").getOrCreate();
    warehouse = new Warehouse(spark, tmp.resolve("wh").toString(), 1);
    day(D1, Map.of("d1", List.of("A", "B"), "d2", List.of("A")));
    day(D2, Map.of("d3", List.of("A", "B"), "d4", List.of("B", "C"), "d5", List.of()));
    day(D3, Map.of("d6", List.of("A", "B", "C")));
    for (LocalDate d : List.of(D1, D2, D3)) {
      assertThat(cooccurrence(d)).isEqualTo(ExitCodes.OK);
    }
    before = rolling();
    day2Before = hashes(D2);
    day3Before = hashes(D3);
    day3TopOneDayBefore = topOneDay(D3);
    day(D1, Map.of("d1", List.of("A", "B"), "d2", List.of("A", "C")));
    assertThat(cooccurrence(D1)).isEqualTo(ExitCodes.OK);
    after = rolling();
    day2After = hashes(D2);
    day3After = hashes(D3);
    day3TopOneDayAfter = topOneDay(D3);
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static int cooccurrence(LocalDate d) {
    return Main.execute("cooccurrence", "--warehouse", tmp.resolve("wh").toString(),
        "--date", d.toString(), "--set", "kliping.cooccurrence.rolling-days=[2, 3]",
        "--set", "kliping.cooccurrence.top-k.min-count=1",
        "--set", "kliping.cooccurrence.top-k.measure=n_ab");
  }

  /** Writes a day's articles (canonical, text "x") and entities and their mentions. */
  private static void day(LocalDate d, Map<String, List<String>> docs) {
    List<Row> articles = new ArrayList<>();
    List<Row> mentions = new ArrayList<>();
    for (Map.Entry<String, List<String>> doc : new TreeMap<>(docs).entrySet()) {
      articles.add(row(Tables.ARTICLES, Map.of("article_id", doc.getKey(), "source_id",
          doc.getKey(), "text", "Satu kalimat.", "is_canonical", true, "lang", "id")));
      int at = 0;
      for (String e : doc.getValue()) {
        mentions.add(RowFactory.create(doc.getKey(), e, "name " + e, "PERSON", e, 0, at, at + 1,
            "gazetteer"));
        at += 5;
      }
    }
    List<Row> entities = List.of("A", "B", "C").stream()
        .map(e -> RowFactory.create(e, "name " + e, "PERSON", 1L, 1L, List.of(e), "gazetteer"))
        .toList();
    warehouse.overwrite(Tables.ARTICLES, d, spark.createDataFrame(articles, nullable(Tables.ARTICLES)));
    warehouse.overwrite(Tables.MENTIONS, d, spark.createDataFrame(mentions, Tables.MENTIONS.schema()));
    warehouse.overwrite(Tables.ENTITIES, d, spark.createDataFrame(entities, Tables.ENTITIES.schema()));
  }

  private static org.apache.spark.sql.types.StructType nullable(TableSpec table) {
    return new org.apache.spark.sql.types.StructType(java.util.Arrays.stream(table.schema().fields())
        .map(f -> new StructField(f.name(), f.dataType(), true, f.metadata()))
        .toArray(StructField[]::new));
  }

  private static Row row(TableSpec table, Map<String, Object> values) {
    Object[] cells = new Object[table.schema().size()];
    StructField[] fields = table.schema().fields();
    for (int i = 0; i < fields.length; i++) {
      cells[i] = values.get(fields[i].name());
    }
    return RowFactory.create(cells);
  }

  /** The day's one-day top partners, each row as text, in order. */
  private static List<String> topOneDay(LocalDate d) {
    return spark.read().parquet(tmp.resolve("wh").resolve("cooccurrence_top").resolve("dt=" + d)
            .toString())
        .filter("window_days = 1")
        .orderBy("level", "entity_id", "rank")
        .collectAsList().stream().map(r -> r.mkString("|")).toList();
  }

  /** "end/days/a-b" -> row, document level, every end date. */
  private static Map<String, Row> rolling() {
    Map<String, Row> out = new HashMap<>();
    for (Row r : spark.read().parquet(tmp.resolve("wh").resolve("cooccurrence_rolling").toString())
        .filter("level = 'document'").collectAsList()) {
      out.put(r.getAs("dt").toString() + "/" + r.getAs("window_days") + "/" + r.getAs("entity_a")
          + "-" + r.getAs("entity_b"), r);
    }
    return out;
  }

  @Test
  void windowsAreSumsOfTheDaysTheyCover() {
    // 3 days ending on day 3: n = 6, A 4, B 4, C 2, AB 3, AC 1, BC 2.
    assertCounts(before.get("2024-10-03/3/A-B"), 3, 4, 4, 6, 3);
    assertCounts(before.get("2024-10-03/3/A-C"), 1, 4, 2, 6, 3);
    // 2 days ending on day 3 (days 2, 3): n = 4, A 2, B 3, C 2.
    assertCounts(before.get("2024-10-03/2/B-C"), 2, 3, 2, 4, 2);
    // Ending on day 1, only day 1 exists.
    assertCounts(before.get("2024-10-01/3/A-B"), 1, 2, 1, 2, 1);
    assertThat(before.get("2024-10-03/3/A-B").<Double>getAs("pmi"))
        .isCloseTo(Math.log(3.0 * 6 / 16), within(1e-12));
  }

  @Test
  void reCountingDayOneRewritesTheLaterWindowsThatIncludeIt() {
    // Day 1 now: n = 2, A 2, B 1, C 1, AB 1, AC 1.
    assertCounts(after.get("2024-10-03/3/A-C"), 2, 4, 3, 6, 3);
    assertCounts(after.get("2024-10-02/2/A-C"), 1, 3, 2, 5, 2);
    assertCounts(after.get("2024-10-02/3/B-C"), 1, 3, 2, 5, 2);
    assertThat(before).doesNotContainKey("2024-10-02/2/A-C");
    // The 2-day window ending on day 3 does not include day 1: same values.
    for (String pair : List.of("A-B", "A-C", "B-C")) {
      assertThat(after.get("2024-10-03/2/" + pair).toString())
          .isEqualTo(before.get("2024-10-03/2/" + pair).toString());
    }
  }

  @Test
  void laterDaysKeepTheirOwnDailyTables() {
    for (String table : List.of("cooccurrence", "cooccurrence_counts", "articles", "mentions")) {
      assertThat(day2After.get(table)).as(table).isNotNull().isEqualTo(day2Before.get(table));
      assertThat(day3After.get(table)).as(table).isEqualTo(day3Before.get(table));
    }
    assertThat(day3After.get("cooccurrence_rolling"))
        .isNotEqualTo(day3Before.get("cooccurrence_rolling"));
  }

  @Test
  void aLaterDaysOwnTopPartnersSurviveTheRewriteOfItsWindows() {
    // The later day's top partition is rewritten whole; its one-day part comes from that day's
    // own counts, which the recount of day 1 does not touch. Day 3: A, B and C in one document.
    assertThat(day3TopOneDayBefore).hasSize(6 * 3).isEqualTo(day3TopOneDayAfter);
    assertThat(day3TopOneDayAfter).anyMatch(r -> r.startsWith("1|document|A|name A|1|B|"));
  }

  @Test
  void topPartnersOfALaterWindowFollowTheRecount() {
    List<Row> top = spark.read().parquet(tmp.resolve("wh").resolve("cooccurrence_top")
            .resolve("dt=" + D3).toString())
        .filter("window_days = 3 AND level = 'document' AND entity_id = 'C'")
        .orderBy("rank").collectAsList();
    // C over days 1-3 after the recount: A 2, B 2 shared documents; tie broken by partner id.
    assertThat(top).extracting(r -> r.<String>getAs("partner_id")).containsExactly("A", "B");
    assertThat(top).extracting(r -> r.<Double>getAs("score")).containsExactly(2.0, 2.0);
    assertThat(top.get(0).<String>getAs("entity_name")).isEqualTo("name C");
  }

  @Test
  void theGraphOfAWindowIsExportedAsGraphMlGexfAndCsv() throws Exception {
    Path out = tmp.resolve("graphs");
    String wh = tmp.resolve("wh").toString();
    String[] common = {"--warehouse", wh, "--date", D3.toString(), "--set",
        "kliping.cooccurrence.rolling-days=[2, 3]", "--window-days", "3", "--min-count", "2",
        "--measure", "n_ab"};
    assertThat(Main.execute(concat(new String[] {"export-graph", "--format", "graphml",
        "--output", out.resolve("g.graphml").toString()}, common))).isEqualTo(ExitCodes.OK);
    assertThat(Main.execute(concat(new String[] {"export-graph", "--format", "gexf",
        "--output", out.resolve("g.gexf").toString()}, common))).isEqualTo(ExitCodes.OK);
    assertThat(Main.execute(concat(new String[] {"export-graph", "--format", "csv",
        "--output", out.resolve("csv").toString()}, common))).isEqualTo(ExitCodes.OK);
    // After the recount, 3 days to day 3: AB 3, AC 2, BC 2, all >= 2; strongest first.
    assertThat(Files.readAllLines(out.resolve("csv").resolve("edges.csv"))).containsExactly(
        "source,target,n_ab,pmi,npmi,g2,jaccard,weight",
        line(after.get("2024-10-03/3/A-B")), line(after.get("2024-10-03/3/A-C")),
        line(after.get("2024-10-03/3/B-C")));
    assertThat(Files.readAllLines(out.resolve("csv").resolve("nodes.csv"))).containsExactly(
        "id,name,type,units", "A,name A,PERSON,4", "B,name B,PERSON,4", "C,name C,PERSON,3");
    String graphml = Files.readString(out.resolve("g.graphml"));
    assertThat(graphml).contains("edgedefault=\"undirected\"").contains("name C");
    assertThat(graphml.split("<edge ", -1)).hasSize(4);
    assertThat(Files.readString(out.resolve("g.gexf")).split("<node ", -1)).hasSize(4);
  }

  @Test
  void exportGraphRejectsBadOptionsBeforeAnyWork() {
    String wh = tmp.resolve("wh").toString();
    assertThat(Main.execute("export-graph", "--warehouse", wh, "--date", D3.toString(),
        "--format", "pdf", "--output", tmp.resolve("x").toString())).isEqualTo(ExitCodes.USAGE);
    assertThat(Main.execute("export-graph", "--warehouse", wh, "--date", D3.toString(),
        "--measure", "lift", "--output", tmp.resolve("x").toString())).isEqualTo(ExitCodes.USAGE);
    assertThat(Main.execute("export-graph", "--warehouse", wh, "--date", D3.toString(),
        "--window-days", "5", "--output", tmp.resolve("x").toString())).isEqualTo(ExitCodes.USAGE);
    assertThat(Files.exists(tmp.resolve("x"))).isFalse();
  }

  private static String line(Row r) {
    return r.getAs("entity_a") + "," + r.getAs("entity_b") + "," + r.getAs("n_ab") + ","
        + r.getAs("pmi") + "," + r.getAs("npmi") + "," + r.getAs("g2") + "," + r.getAs("jaccard")
        + "," + ((Long) r.getAs("n_ab")).doubleValue();
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  private static void assertCounts(Row r, long nab, long na, long nb, long n, int days) {
    assertThat(r).isNotNull();
    assertThat(List.<Object>of(r.getAs("n_ab"), r.getAs("n_a"), r.getAs("n_b"), r.getAs("n"),
        r.getAs("days_present"))).containsExactly(nab, na, nb, n, days);
  }

  /** SHA-256 of every Parquet file of each table's partition of the date. */
  private static Map<String, String> hashes(LocalDate d) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> tables = Files.list(tmp.resolve("wh"))) {
      for (Path table : tables.toList()) {
        Path part = table.resolve("dt=" + d);
        if (!Files.isDirectory(part)) {
          continue;
        }
        try (Stream<Path> files = Files.list(part)) {
          MessageDigest sha = MessageDigest.getInstance("SHA-256");
          for (Path f : files.filter(f -> f.toString().endsWith(".parquet")).sorted().toList()) {
            sha.update(Files.readAllBytes(f));
          }
          out.put(table.getFileName().toString(), HexFormat.of().formatHex(sha.digest()));
        } catch (java.security.NoSuchAlgorithmException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return out;
  }
}
