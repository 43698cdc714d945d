package io.kliping.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ConnectedComponentsTest {

  private static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("ConnectedComponentsTest")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "4")
            .getOrCreate();
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  @Test
  void longPathWithShuffledIdsCollapsesToItsMinimum() {
    // A path whose node order is unrelated to the id order: the hard case for min-label schemes.
    List<String> nodes = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      nodes.add(String.format("p%02d", i));
    }
    Collections.shuffle(nodes, new Random(7));
    List<String[]> edges = new ArrayList<>();
    for (int i = 0; i + 1 < nodes.size(); i++) {
      edges.add(new String[] {nodes.get(i), nodes.get(i + 1)});
    }
    Map<String, String> components = components(edges(edges));
    assertThat(components).hasSize(40);
    assertThat(components.values()).containsOnly("p00");
  }

  @Test
  void starsSeveralComponentsDuplicatesAndSelfLoops() {
    Map<String, String> components =
        components(
            edges(
                List.of(
                    // star around a non-minimal centre
                    new String[] {"m", "b"},
                    new String[] {"m", "x"},
                    new String[] {"m", "c"},
                    new String[] {"z", "m"},
                    // duplicate and reversed edges
                    new String[] {"b", "m"},
                    new String[] {"m", "b"},
                    // a separate triangle
                    new String[] {"t2", "t3"},
                    new String[] {"t3", "t1"},
                    new String[] {"t1", "t2"},
                    // a self-loop on a node of the triangle, and a node with only a self-loop
                    new String[] {"t2", "t2"},
                    new String[] {"solo", "solo"},
                    // a single edge
                    new String[] {"k", "j"})));
    Map<String, String> expected = new TreeMap<>();
    for (String node : List.of("b", "c", "m", "x", "z")) {
      expected.put(node, "b");
    }
    for (String node : List.of("t1", "t2", "t3")) {
      expected.put(node, "t1");
    }
    expected.put("solo", "solo");
    expected.put("j", "j");
    expected.put("k", "j");
    assertThat(components).isEqualTo(expected);
  }

  @Test
  void resultDoesNotDependOnPartitioning() {
    Random random = new Random(11);
    List<String[]> edges = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      // Sparse random graph over 100 nodes: several components of varying shape.
      edges.add(new String[] {"n" + random.nextInt(100), "n" + random.nextInt(100)});
    }
    Map<String, String> onePartition = components(edges(edges).repartition(1));
    Map<String, String> manyPartitions;
    String before = spark.conf().get("spark.sql.shuffle.partitions");
    spark.conf().set("spark.sql.shuffle.partitions", "9");
    try {
      manyPartitions = components(edges(edges).repartition(7));
    } finally {
      spark.conf().set("spark.sql.shuffle.partitions", before);
    }
    assertThat(manyPartitions).isEqualTo(onePartition);
    // And it is right: every component is labelled by its minimum, checked by union-find.
    assertThat(onePartition).isEqualTo(unionFind(edges));
  }

  @Test
  void emptyGraphHasNoComponents() {
    assertThat(components(edges(List.of()))).isEmpty();
  }

  @Test
  void outputHasTheDocumentedSchema() {
    Dataset<Row> result = ConnectedComponents.find(edges(List.<String[]>of(new String[] {"a", "b"})));
    assertThat(result.schema().fieldNames())
        .containsExactly(ConnectedComponents.NODE, ConnectedComponents.COMPONENT);
  }

  @Test
  void rejectsEdgesWithoutStringOrLongSrcAndDstOfOneType() {
    Dataset<Row> mixed = spark.range(3).selectExpr("cast(id AS string) AS src", "id AS dst");
    assertThatThrownBy(() -> ConnectedComponents.find(mixed))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("columns 'src' and 'dst' of one type");
    Dataset<Row> doubles = spark.range(3).selectExpr("cast(id AS double) AS src", "cast(id AS double) AS dst");
    assertThatThrownBy(() -> ConnectedComponents.find(doubles))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void longIdsAreLabelledByTheirNumericMinimum() {
    // 10 > 9 numerically but "10" < "9" as strings: the label must be the numeric minimum.
    Dataset<Row> numeric =
        spark.createDataFrame(
            List.of(RowFactory.create(10L, 9L), RowFactory.create(9L, 12L), RowFactory.create(-5L, 7L)),
            new org.apache.spark.sql.types.StructType()
                .add("src", org.apache.spark.sql.types.DataTypes.LongType, false)
                .add("dst", org.apache.spark.sql.types.DataTypes.LongType, false));
    java.util.Map<Long, Long> labels = new java.util.TreeMap<>();
    for (Row row : ConnectedComponents.find(numeric).collectAsList()) {
      labels.put(row.getLong(0), row.getLong(1));
    }
    assertThat(labels).containsExactlyEntriesOf(
        new java.util.TreeMap<>(java.util.Map.of(-5L, -5L, 7L, -5L, 9L, 9L, 10L, 9L, 12L, 9L)));
  }

  @Test
  void finishingInOneTaskGivesTheSameComponentsAsTheRounds() {
    // Long ids as the dedup graph has them: sparse random pairs (paths, trees, isolated edges,
    // self-loops) plus a 30-node clique, whose 435 edges shrink to a 29-edge star in one round.
    Random random = new Random(5);
    List<long[]> pairs = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      pairs.add(new long[] {random.nextInt(400) * 7919L - 1_000_000L,
          random.nextInt(400) * 7919L - 1_000_000L});
    }
    for (long a = 0; a < 30; a++) {
      for (long b = a + 1; b < 30; b++) {
        pairs.add(new long[] {Long.MAX_VALUE - a, Long.MAX_VALUE - b});
      }
    }
    Dataset<Row> edges = longEdges(pairs).repartition(3);
    Map<Long, Long> expected =
        unionFind(pairs.stream().map(p -> new Long[] {p[0], p[1]}).toList());
    Map<Long, Long> rounds = longComponents(ConnectedComponents.find(edges, 100, 0));
    Map<Long, Long> atOnce = longComponents(ConnectedComponents.find(edges, 100, 1_000_000));
    // more edges than the bound at first, fewer once the clique is a star: rounds, then one task
    Map<Long, Long> afterARound = longComponents(ConnectedComponents.find(edges, 100, 700));
    assertThat(rounds).isEqualTo(expected);
    assertThat(atOnce).isEqualTo(expected);
    assertThat(afterARound).isEqualTo(expected);
    assertThat(expected.get(Long.MAX_VALUE - 3)).isEqualTo(Long.MAX_VALUE - 29);
    assertThatThrownBy(() -> ConnectedComponents.find(edges, 100, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theOneTaskFinishRunsOnceHoweverOftenItsStarsAreRead() {
    List<long[]> pairs = new ArrayList<>();
    for (long a = 0; a < 50; a++) {
      pairs.add(new long[] {a, a + 1});
    }
    Dataset<Row> result = ConnectedComponents.find(longEdges(pairs), 100, 1_000_000);
    // The stars are read three times (leaves, centres, the anti-join); unless they are
    // materialised, each read runs the union-find task again.
    String plan = result.queryExecution().optimizedPlan().toString();
    assertThat(plan).doesNotContain("MapPartitions");
    assertThat(longComponents(result)).hasSize(51).containsEntry(50L, 0L);
  }

  private static Dataset<Row> longEdges(List<long[]> pairs) {
    List<Row> rows = new ArrayList<>();
    for (long[] pair : pairs) {
      rows.add(RowFactory.create(pair[0], pair[1]));
    }
    return spark.createDataFrame(rows, new org.apache.spark.sql.types.StructType()
        .add("src", org.apache.spark.sql.types.DataTypes.LongType, false)
        .add("dst", org.apache.spark.sql.types.DataTypes.LongType, false));
  }

  private static Map<Long, Long> longComponents(Dataset<Row> result) {
    Map<Long, Long> labels = new TreeMap<>();
    for (Row row : result.collectAsList()) {
      assertThat(labels.put(row.getLong(0), row.getLong(1))).as("one row per node").isNull();
    }
    return labels;
  }

  private static Dataset<Row> edges(List<String[]> pairs) {
    List<Row> rows = new ArrayList<>();
    for (String[] pair : pairs) {
      rows.add(RowFactory.create(pair[0], pair[1]));
    }
    return spark.createDataFrame(rows, ConnectedComponents.INPUT_SCHEMA);
  }

  private static Map<String, String> components(Dataset<Row> edges) {
    Map<String, String> result = new TreeMap<>();
    for (Row row : ConnectedComponents.find(edges).collectAsList()) {
      assertThat(result.put(row.getString(0), row.getString(1))).as("one row per node").isNull();
    }
    return result;
  }

  /** Each node's component minimum, by union-find in plain Java: the reference result. */
  private static <T extends Comparable<T>> Map<T, T> unionFind(List<T[]> edges) {
    Map<T, T> parent = new TreeMap<>();
    for (T[] edge : edges) {
      parent.putIfAbsent(edge[0], edge[0]);
      parent.putIfAbsent(edge[1], edge[1]);
      T a = root(parent, edge[0]);
      T b = root(parent, edge[1]);
      if (a.compareTo(b) < 0) {
        parent.put(b, a);
      } else if (b.compareTo(a) < 0) {
        parent.put(a, b);
      }
    }
    Map<T, T> result = new TreeMap<>();
    for (T node : parent.keySet()) {
      result.put(node, root(parent, node));
    }
    return result;
  }

  private static <T> T root(Map<T, T> parent, T node) {
    T current = node;
    while (!parent.get(current).equals(current)) {
      current = parent.get(current);
    }
    return current;
  }
}
