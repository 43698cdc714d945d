package io.kliping.io;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kliping.schema.Tables;
import io.kliping.testing.SparkTestBase;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SortPrefixTest extends SparkTestBase {
  private static final LocalDate DAY = LocalDate.of(2024, 10, 15);
  private static final List<String> LEVELS = List.of("window", "document", "sentence");
  private static final StructType KEYED = new StructType()
      .add("window_days", DataTypes.IntegerType, false)
      .add("level", DataTypes.StringType, false)
      .add("entity_a", DataTypes.StringType, true)
      .add("entity_b", DataTypes.StringType, true)
      .add("units", DataTypes.LongType, false);

  @TempDir
  Path tmp;

  /** Ids that share long prefixes, differ in case, and leave ASCII (UTF-8 order != UTF-16). */
  private static String id(Random rnd) {
    String[] stems = {"kl:person:", "kl:person:budi-", "kl:org:", "kl:loc/", "Q", "iso:", "é",
        "\uFF21", "\uD83D\uDE00", "Kl:"};
    return stems[rnd.nextInt(stems.length)] + Integer.toString(rnd.nextInt(300), 36)
        + (rnd.nextInt(5) == 0 ? "-x" : "");
  }

  /** Unique keys: a total row per level and window, entity rows (b null) and pairs. */
  private Dataset<Row> keyedRows(int n, long seed) {
    Random rnd = new Random(seed);
    Set<List<Object>> keys = new LinkedHashSet<>();
    for (String level : LEVELS) {
      keys.add(java.util.Arrays.asList(7, level, null, null));
    }
    while (keys.size() < n) {
      int days = new int[] {1, 7, 30, 366}[rnd.nextInt(4)];
      String level = LEVELS.get(rnd.nextInt(3));
      String a = id(rnd);
      String b = rnd.nextInt(4) == 0 ? null : id(rnd);
      keys.add(java.util.Arrays.asList(days, level, a, b));
    }
    List<Row> rows = new ArrayList<>();
    long units = 0;
    for (List<Object> k : keys) {
      rows.add(RowFactory.create(k.get(0), k.get(1), k.get(2), k.get(3), units++));
    }
    return spark.createDataFrame(rows, KEYED);
  }

  private static StringRanks ranksOf(Dataset<Row> rows) {
    return StringRanks.of(rows.select(col("entity_a").as("id"))
        .union(rows.select(col("entity_b").as("id"))).repartition(3));
  }

  private static SortPrefix rollingPrefix(StringRanks ranks) {
    return SortPrefix.builder().smallInt("window_days", 9).code("level", LEVELS)
        .ranked("entity_a", ranks, "rank_a").ranked("entity_b", ranks, "rank_b").build()
        .orElseThrow();
  }

  /** The rows with the ranks of their entities in {@code rank_a, rank_b} (null when unranked). */
  private static Dataset<Row> withRanks(Dataset<Row> rows, StringRanks ranks) {
    Dataset<Row> a = ranks.keyed("id_a", "rank_a");
    Dataset<Row> b = ranks.keyed("id_b", "rank_b");
    return rows.join(a, rows.col("entity_a").equalTo(a.col("id_a")), "left")
        .join(b, col("entity_b").equalTo(b.col("id_b")), "left")
        .drop("id_a", "id_b");
  }

  @Test
  void rowsSortedByThePrefixAreInTheOrderOfTheirKey() {
    Dataset<Row> rows = keyedRows(3_000, 1).repartition(5);
    StringRanks ranks = ranksOf(rows);
    SortPrefix prefix = rollingPrefix(ranks);

    List<Row> byKey = rows.orderBy("window_days", "level", "entity_a", "entity_b")
        .collectAsList();
    Dataset<Row> prefixed = prefix.apply(withRanks(rows, ranks));
    List<Row> byPrefix = prefixed.orderBy(SortPrefix.COLUMN)
        .drop(SortPrefix.COLUMN, "rank_a", "rank_b").collectAsList();

    assertThat(byPrefix).containsExactlyElementsOf(byKey);
    assertThat(prefixed.select(SortPrefix.COLUMN).distinct().count()).isEqualTo(3_000);
    assertThat(prefixed.filter(col(SortPrefix.COLUMN).lt(0)).count()).isZero();
    assertThat(prefix.columns()).containsExactly("window_days", "level", "entity_a", "entity_b");
    ranks.release();
  }

  @Test
  void ranksAreDenseFromOneInSparksStringOrderWhateverThePartitioning() {
    Dataset<Row> rows = keyedRows(2_000, 2);
    StringRanks one = ranksOf(rows.repartition(1));
    StringRanks many = ranksOf(rows.repartition(7).sort("units"));

    List<Row> expected = rows.select(col("entity_a").as("v")).union(rows.select("entity_b"))
        .filter(col("v").isNotNull()).distinct().orderBy("v").collectAsList();
    List<Row> ranked = one.table().orderBy(StringRanks.RANK).collectAsList();
    assertThat(one.size()).isEqualTo(expected.size());
    for (int i = 0; i < ranked.size(); i++) {
      assertThat(ranked.get(i).getString(0)).isEqualTo(expected.get(i).getString(0));
      assertThat(ranked.get(i).getLong(1)).isEqualTo(i + 1L);
    }
    assertThat(many.table().orderBy(StringRanks.RANK).collectAsList())
        .containsExactlyElementsOf(ranked);
    one.release();
    many.release();
  }

  @Test
  void aPrefixedStageWritesTheSameFilesAsASortByTheKey() throws IOException {
    Dataset<Row> rows = keyedRows(4_000, 3).filter(col("window_days").equalTo(7))
        .withColumn("counting", org.apache.spark.sql.functions.lit("canonical"));
    StringRanks ranks = ranksOf(rows);
    Optional<SortPrefix> prefix = SortPrefix.builder().code("level", LEVELS)
        .ranked("entity_a", ranks, "rank_a").ranked("entity_b", ranks, "rank_b").build();
    Warehouse byKey = new Warehouse(spark, tmp.resolve("key").toString(), 3);
    Warehouse byPrefix = new Warehouse(spark, tmp.resolve("prefix").toString(), 3);

    byKey.overwrite(Tables.COOCCURRENCE_COUNTS, DAY, rows.repartition(4));
    byPrefix.publish(List.of(byPrefix.stage(Tables.COOCCURRENCE_COUNTS, DAY,
        withRanks(rows.repartition(2), ranks), prefix)));

    String part = "cooccurrence_counts/dt=" + DAY;
    assertThat(WarehouseTest.partFiles(tmp.resolve("prefix").resolve(part)))
        .isEqualTo(WarehouseTest.partFiles(tmp.resolve("key").resolve(part)));
    ranks.release();
  }

  @Test
  void aStringMissingFromTheDictionaryFailsInsteadOfMisordering() {
    Dataset<Row> rows = keyedRows(200, 4);
    StringRanks ranks = ranksOf(rows);
    SortPrefix prefix = rollingPrefix(ranks);
    Dataset<Row> withStranger = rows.union(spark.createDataFrame(
        List.of(RowFactory.create(7, "document", null, "zz-not-ranked", 1L)), KEYED));

    assertThatThrownBy(() -> prefix.apply(withRanks(withStranger, ranks)).collectAsList())
        .hasStackTraceContaining("value of entity_b missing from its dictionary: zz-not-ranked");
    ranks.release();
  }

  @Test
  void valuesOutsideTheirFieldFail() {
    StringRanks ranks = StringRanks.of(keyedRows(50, 5).select("entity_a"));
    Dataset<Row> tooLong = spark.createDataFrame(
        List.of(RowFactory.create(512, "document", null, null, 1L)), KEYED);
    Dataset<Row> unknownLevel = spark.createDataFrame(
        List.of(RowFactory.create(7, "paragraph", null, null, 1L)), KEYED);

    assertThatThrownBy(() -> rollingPrefix(ranks).apply(withRanks(tooLong, ranks))
        .collectAsList())
        .hasStackTraceContaining("window_days outside [0, 512): 512");
    assertThatThrownBy(() -> rollingPrefix(ranks).apply(withRanks(unknownLevel, ranks))
        .collectAsList())
        .hasStackTraceContaining("level not one of [document, sentence, window]: paragraph");
    ranks.release();
  }

  @Test
  void aPrefixOfMoreThan63BitsIsNotBuilt() {
    assertThat(SortPrefix.builder().smallInt("a", 32).smallInt("b", 32).build()).isEmpty();
    assertThat(SortPrefix.builder().smallInt("a", 31).smallInt("b", 32).build())
        .hasValueSatisfying(p -> assertThat(p.bits()).isEqualTo(63));
  }

  @Test
  void aPrefixMustCoverTheTablesSortKey() {
    StringRanks ranks = StringRanks.of(keyedRows(20, 6).select("entity_a"));
    Warehouse wh = new Warehouse(spark, tmp.toString(), 2);
    Optional<SortPrefix> rolling = Optional.of(rollingPrefix(ranks));

    assertThatThrownBy(() -> wh.stage(Tables.COOCCURRENCE_COUNTS, DAY, keyedRows(20, 6), rolling))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("covers [window_days, level, entity_a, entity_b], not its sort key"
            + " [level, entity_a, entity_b]");
    ranks.release();
  }
}
