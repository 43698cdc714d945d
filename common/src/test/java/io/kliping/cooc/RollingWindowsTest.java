package io.kliping.cooc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.kliping.config.KlipingConfig;
import io.kliping.io.StringRanks;
import io.kliping.testing.SparkTestBase;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.exchange.ShuffleExchangeExec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Rolling windows from hand-made daily counts (document level):
 * day 1: n = 2, A 2, B 1, AB 1; day 2: n = 3, A 1, B 2, C 1, AB 1, BC 1;
 * day 3: n = 1, A 1, B 1, C 1, AB 1, AC 1, BC 1. Day 2 also has a row counted under another
 * mode, which must be ignored.
 */
class RollingWindowsTest extends SparkTestBase {
  private static final LocalDate D1 = LocalDate.of(2024, 10, 1);
  private static final StructType DAILY = new StructType()
      .add("level", DataTypes.StringType).add("entity_a", DataTypes.StringType)
      .add("entity_b", DataTypes.StringType).add("units", DataTypes.LongType)
      .add("counting", DataTypes.StringType).add("dt", DataTypes.DateType);
  private static final KlipingConfig.Cooccurrence SETTINGS = new KlipingConfig.Cooccurrence(1,
      false, 100, KlipingConfig.Cooccurrence.LEVELS, 10, List.of(2, 3), 10, "n_ab", 1);

  private Dataset<Row> daily() {
    List<Row> rows = new ArrayList<>();
    day(rows, 1, "-", 2, "A", 2, "B", 1, "A-B", 1);
    day(rows, 2, "-", 3, "A", 1, "B", 2, "C", 1, "A-B", 1, "B-C", 1);
    day(rows, 3, "-", 1, "A", 1, "B", 1, "C", 1, "A-B", 1, "A-C", 1, "B-C", 1);
    rows.add(RowFactory.create("document", "A", "B", 100L, "all", Date.valueOf(D1.plusDays(1))));
    return spark.createDataFrame(rows, DAILY);
  }

  /** Keys "-" (total), "A" (entity) or "A-B" (pair), each followed by its units. */
  private static void day(List<Row> rows, int day, Object... keysAndUnits) {
    for (int i = 0; i < keysAndUnits.length; i += 2) {
      String key = (String) keysAndUnits[i];
      long units = ((Integer) keysAndUnits[i + 1]).longValue();
      String a = key.equals("-") ? null : key.substring(0, 1);
      String b = key.length() == 3 ? key.substring(2) : null;
      rows.add(RowFactory.create("document", a, b, units, "canonical",
          Date.valueOf(D1.plusDays(day - 1))));
    }
  }

  private Map<String, Row> scored(List<LocalDate> ends) {
    CooccurrenceStage stage = CooccurrenceStage.create(SETTINGS);
    Dataset<Row> summed = RollingWindows.sumDays(spark, daily(), ends, List.of(1, 2, 3),
        stage.counting());
    Map<String, Row> out = new HashMap<>();
    for (Row r : stage.score(summed, RollingWindows.GROUPS).collectAsList()) {
      out.put(r.getAs("window_end").toString() + "/" + r.getAs("window_days") + "/"
          + r.getAs("entity_a") + "-" + r.getAs("entity_b"), r);
    }
    return out;
  }

  @Test
  void summingShufflesTheDaysByTheKeyFirst() {
    // No partial aggregation in the reading tasks: the days of a key are in different files, so
    // it would combine little and, with a few large files, spill (100k articles: 3 GB).
    Dataset<Row> summed = RollingWindows.sumDays(spark, daily(), List.of(D1.plusDays(2)),
        List.of(1, 3), "canonical");
    String plan = summed.queryExecution().executedPlan().toString();
    int exchange = plan.indexOf("Exchange hashpartitioning(window_end");
    assertThat(exchange).isPositive();
    assertThat(plan.indexOf("Exchange hashpartitioning", exchange + 1)).isEqualTo(-1);
    assertThat(plan.lastIndexOf("HashAggregate")).isLessThan(exchange);
    // Seven keys on day 3 (1-day window) and seven over days 1-3 (3-day window).
    assertThat(summed.count()).isEqualTo(14);
  }

  @Test
  void nestedWindowsShuffleEachDailyRowOnce() {
    // Windows of 2 and 3 days ending on day 3 hold the 17 rows of days 1-3; the 13 rows of
    // days 2-3 are not shuffled a second time for the shorter window.
    String adaptive = spark.conf().get("spark.sql.adaptive.enabled");
    spark.conf().set("spark.sql.adaptive.enabled", "false"); // plain exchanges, with metrics
    try {
      Dataset<Row> summed = RollingWindows.sumDays(spark, daily(), List.of(D1.plusDays(2)),
          List.of(2, 3), "canonical");
      assertThat(summed.collectAsList()).hasSize(14); // 7 keys in each window
      assertThat(shuffledRows(summed.queryExecution().executedPlan())).isEqualTo(17);
    } finally {
      spark.conf().set("spark.sql.adaptive.enabled", adaptive);
    }
  }

  @Test
  void aKeyGetsARowOnlyInTheWindowsWhereItHasADay() {
    // Ending on day 3: A-C only on day 3, in both windows; a pair only on day 1 is in the
    // 3-day window alone.
    Dataset<Row> withDay1Pair = daily().unionByName(spark.createDataFrame(List.of(
        RowFactory.create("document", "A", "D", 5L, "canonical", Date.valueOf(D1))), DAILY));
    Map<String, Row> rows = new HashMap<>();
    for (Row r : RollingWindows.sumDays(spark, withDay1Pair, List.of(D1.plusDays(2)),
        List.of(3, 2), "canonical").collectAsList()) {
      rows.put(r.getAs("window_days") + "/" + r.getAs("entity_a") + "-" + r.getAs("entity_b"),
          r);
    }
    assertThat(rows).hasSize(15).doesNotContainKey("2/A-D");
    assertThat(rows.get("3/A-D").<Long>getAs("units")).isEqualTo(5L);
    assertThat(rows.get("3/A-D").<Integer>getAs("days_present")).isEqualTo(1);
    assertThat(rows.get("2/A-B").<Long>getAs("units")).isEqualTo(2L);
    assertThat(rows.get("3/A-B").<Long>getAs("units")).isEqualTo(3L);
    assertThat(rows.get("3/null-null").<Integer>getAs("days_present")).isEqualTo(3);
    assertThat(rows.get("2/null-null").<Integer>getAs("days_present")).isEqualTo(2);
  }

  private static long shuffledRows(SparkPlan plan) {
    long rows = plan instanceof ShuffleExchangeExec exchange
        ? exchange.metrics().apply("shuffleRecordsWritten").value() : 0L;
    for (SparkPlan child : CollectionConverters.asJava(plan.children())) {
      rows += shuffledRows(child);
    }
    return rows;
  }

  @Test
  void aOneDayWindowIsItsDaysRowsWithoutAShuffleOrASum() {
    Dataset<Row> oneDay = RollingWindows.sumDays(spark, daily(),
        List.of(D1.plusDays(1), D1.plusDays(2)), List.of(1), "canonical");
    String plan = oneDay.queryExecution().executedPlan().toString();
    assertThat(plan).doesNotContain("Exchange hashpartitioning").doesNotContain("Aggregate");
    List<String> rows = oneDay.orderBy("window_end", "entity_a", "entity_b").collectAsList()
        .stream().map(r -> r.mkString("|")).toList();
    List<String> expected = new ArrayList<>();
    for (Row r : daily().filter("counting = 'canonical' AND dt > DATE'2024-10-01'")
        .orderBy("dt", "entity_a", "entity_b").collectAsList()) {
      expected.add(RowFactory.create(r.getAs("dt"), 1, r.getAs("level"), r.getAs("entity_a"),
          r.getAs("entity_b"), r.getAs("units"), 1).mkString("|"));
    }
    assertThat(rows).hasSize(13).isEqualTo(expected);
  }

  @Test
  void windowsSumTheDailyCountsThenScore() {
    Map<String, Row> p = scored(List.of(D1.plusDays(1), D1.plusDays(2)));
    // 2 days ending on day 3 (days 2, 3): n = 4, A 2, B 3, C 2, AB 2, AC 1, BC 2.
    assertCounts(p.get("2024-10-03/2/A-B"), 2, 2, 3, 4, 2);
    assertCounts(p.get("2024-10-03/2/A-C"), 1, 2, 2, 4, 2);
    assertCounts(p.get("2024-10-03/2/B-C"), 2, 3, 2, 4, 2);
    // 3 days ending on day 3: n = 6, A 4, B 4, C 2, AB 3, AC 1, BC 2.
    assertCounts(p.get("2024-10-03/3/A-B"), 3, 4, 4, 6, 3);
    assertThat(p.get("2024-10-03/3/A-B").<Double>getAs("pmi"))
        .isCloseTo(Math.log(3.0 * 6 / 16), within(1e-12));
    assertThat(p.get("2024-10-03/3/A-C").<Double>getAs("npmi"))
        .isCloseTo(Math.log(6.0 / 8) / -Math.log(1.0 / 6), within(1e-12));
    // 3 days ending on day 2: day 0 does not exist, so 2 days are present: n = 5, AB 2.
    assertCounts(p.get("2024-10-02/3/A-B"), 2, 3, 3, 5, 2);
    // The one-day window is the day itself; the row counted as "all" is ignored.
    assertCounts(p.get("2024-10-02/1/A-B"), 1, 1, 2, 3, 1);
    assertThat(p).doesNotContainKey("2024-10-02/1/A-C");
  }

  @Test
  void topPartnersRankByTheMeasureThenSharedUnitsThenId() {
    CooccurrenceStage stage = CooccurrenceStage.create(SETTINGS);
    Dataset<Row> scored = stage.score(RollingWindows.sumDays(spark, daily(),
        List.of(D1.plusDays(2)), List.of(3), stage.counting()), RollingWindows.GROUPS);
    Dataset<Row> names = spark.sql(
        "SELECT * FROM VALUES ('A', 'Andi', 'PERSON'), ('B', 'Bandung', 'LOCATION') "
            + "AS t(entity_id, name, type)");
    Map<String, Row> top = new HashMap<>();
    for (Row r : TopPartners.of(scored, RollingWindows.GROUPS, names, SETTINGS).collectAsList()) {
      top.put(r.getAs("entity_id") + "#" + r.getAs("rank"), r);
    }
    // By n_ab: A's partners B (3) then C (1); B's: A (3) then C (2); C's: B (2) then A (1).
    assertThat(top).containsOnlyKeys("A#1", "A#2", "B#1", "B#2", "C#1", "C#2");
    assertThat(top.get("A#1").<String>getAs("partner_id")).isEqualTo("B");
    assertThat(top.get("A#1").<String>getAs("partner_name")).isEqualTo("Bandung");
    assertThat(top.get("A#1").<String>getAs("entity_name")).isEqualTo("Andi");
    assertThat(top.get("A#1").<Double>getAs("score")).isEqualTo(3.0);
    assertThat(top.get("A#2").<String>getAs("partner_id")).isEqualTo("C");
    assertThat(top.get("A#2").<String>getAs("partner_name")).isNull();
    assertThat(top.get("C#1").<String>getAs("partner_id")).isEqualTo("B");
    assertThat(top.get("C#1").<Long>getAs("n_entity")).isEqualTo(2L);
    assertThat(top.get("C#1").<Long>getAs("n_partner")).isEqualTo(4L);
    assertThat(top.get("B#2").<String>getAs("measure")).isEqualTo("n_ab");
  }

  @Test
  void topPartnersReadTheScoredPairsOnce(@TempDir Path tmp) {
    CooccurrenceStage stage = CooccurrenceStage.create(SETTINGS);
    String path = tmp.resolve("scored").toString();
    stage.score(RollingWindows.sumDays(spark, daily(), List.of(D1.plusDays(2)), List.of(3),
        stage.counting()), RollingWindows.GROUPS).write().parquet(path);
    Dataset<Row> names = spark.sql("SELECT * FROM VALUES ('A', 'Andi', 'PERSON') "
        + "AS t(entity_id, name, type)");
    Dataset<Row> top = TopPartners.of(spark.read().parquet(path), RollingWindows.GROUPS, names,
        SETTINGS);
    String plan = top.queryExecution().executedPlan().toString();
    assertThat(plan.split("FileScan parquet", -1)).hasSize(2); // one scan, both ends of a pair
    assertThat(top.count()).isEqualTo(6); // two partners for each of A, B and C
  }

  @Test
  void topPartnersRankedByDictionaryRanksAreTheSameRowsWithTheEntitysRank() {
    CooccurrenceStage stage = CooccurrenceStage.create(SETTINGS);
    Dataset<Row> scored = stage.score(RollingWindows.sumDays(spark, daily(),
        List.of(D1.plusDays(1), D1.plusDays(2)), List.of(1, 2, 3), stage.counting()),
        RollingWindows.GROUPS);
    Dataset<Row> names = spark.sql("SELECT * FROM VALUES ('A', 'Andi', 'PERSON') "
        + "AS t(entity_id, name, type)");
    StringRanks ranks = StringRanks.of(scored.select("entity_a").union(scored.select("entity_b")));
    Dataset<Row> plain = TopPartners.of(scored, RollingWindows.GROUPS, names, SETTINGS);
    Dataset<Row> ranked = TopPartners.of(scored, RollingWindows.GROUPS, names, SETTINGS,
        Optional.of(ranks));

    assertThat(plain.select("window_end", "window_days").distinct().count()).isGreaterThan(3);
    assertThat(ranked.drop(TopPartners.ENTITY_RANK).exceptAll(plain).count()).isZero();
    assertThat(plain.exceptAll(ranked.drop(TopPartners.ENTITY_RANK)).count()).isZero();
    Map<String, Long> rank = Map.of("A", 1L, "B", 2L, "C", 3L);
    for (Row r : ranked.collectAsList()) {
      assertThat(r.<Long>getAs(TopPartners.ENTITY_RANK)).isEqualTo(rank.get(r.getAs("entity_id")));
    }

    StringRanks withoutC = StringRanks.of(spark.sql("SELECT * FROM VALUES ('A'), ('B') AS t(id)"));
    assertThatThrownBy(() -> TopPartners.of(scored, RollingWindows.GROUPS, names, SETTINGS,
        Optional.of(withoutC)).collectAsList())
        .hasStackTraceContaining("top partners: entity missing from the dictionary: C");
    ranks.release();
    withoutC.release();
  }

  @Test
  void reCountingADayRewritesTheLaterWindowsThatIncludeIt() {
    List<LocalDate> later = List.of(D1.plusDays(1), D1.plusDays(2), D1.plusDays(40));
    assertThat(RollingWindows.endsAfterRecount(D1, later, 30))
        .containsExactly(D1, D1.plusDays(1), D1.plusDays(2));
    assertThat(RollingWindows.endsAfterRecount(D1, later, 2)).containsExactly(D1, D1.plusDays(1));
    assertThat(RollingWindows.endsAfterRecount(D1, later, 1)).containsExactly(D1);
    assertThat(RollingWindows.firstDayNeeded(List.of(D1, D1.plusDays(1)), 7))
        .isEqualTo(D1.minusDays(6));
  }

  private static void assertCounts(Row r, long nab, long na, long nb, long n, int days) {
    assertThat(r).isNotNull();
    assertThat(List.<Object>of(r.getAs("n_ab"), r.getAs("n_a"), r.getAs("n_b"), r.getAs("n"),
        r.getAs("days_present"))).containsExactly(nab, na, nb, n, days);
  }
}
