package io.kliping.dedup;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kliping.testing.SparkTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class ClusterColumnsTest extends SparkTestBase {
  private static final StructType ARTICLES = new StructType()
      .add("article_id", DataTypes.StringType)
      .add("text", DataTypes.StringType)
      .add("source", DataTypes.StringType);
  private static final StructType ASSIGNMENTS = new StructType()
      .add("article_id", DataTypes.StringType)
      .add(DedupColumns.SIMILARITY, DataTypes.DoubleType)
      .add(DedupColumns.CLUSTER_ID, DataTypes.StringType)
      .add(DedupColumns.IS_CANONICAL, DataTypes.BooleanType)
      .add(DedupColumns.DUP_TYPE, DataTypes.StringType)
      .add(DedupColumns.CANONICAL_ID, DataTypes.StringType);

  /** 200 articles hash-partitioned by id into 3 and sorted, as the warehouse lays them out. */
  private static Dataset<Row> laidOut() {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      rows.add(RowFactory.create("a" + i, "text " + i + " é ✓ 𝔸".repeat(i % 9), "s" + (i % 4)));
    }
    return spark.createDataFrame(rows, ARTICLES).repartition(3, col("article_id"))
        .sortWithinPartitions("article_id").localCheckpoint();
  }

  /**
   * Every third article has no assignment; two assignments name articles that do not exist;
   * columns in another order than the added schema's.
   */
  private static Dataset<Row> assignments() {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      if (i % 3 != 0) {
        String cluster = "a" + (i / 10 * 10);
        rows.add(RowFactory.create("a" + i, i % 2 == 0 ? null : i / 200.0, cluster,
            cluster.equals("a" + i), i % 2 == 0 ? "exact" : "near", cluster));
      }
    }
    rows.add(RowFactory.create("a00", 1.0, "x", true, "near", "x"));
    rows.add(RowFactory.create("zz", 1.0, "x", true, "near", "x"));
    return spark.createDataFrame(rows, ASSIGNMENTS).localCheckpoint();
  }

  @Test
  void inPlaceTheArticlesKeepTheirPartitionsAndOrderAndGetWhatTheShuffleGives() {
    Dataset<Row> articles = laidOut();
    Dataset<Row> inPlace = ClusterColumns.annotateInPlace(articles, assignments());
    Dataset<Row> shuffled = ClusterColumns.annotate(articles, assignments(), 3);
    assertThat(inPlace.columns()).containsExactly(shuffled.columns());
    List<List<Row>> partitions = inPlace.javaRDD().glom().collect();
    assertThat(partitions).isEqualTo(shuffled.javaRDD().glom().collect());
    assertThat(partitions.stream().map(p -> p.stream().map(r -> r.getString(0)).toList()))
        .containsExactlyElementsOf(articles.javaRDD().glom().collect().stream()
            .map(p -> p.stream().map(r -> r.getString(0)).toList()).toList());
    List<Row> all = inPlace.collectAsList();
    assertThat(all).hasSize(200);
    assertThat(all.stream().filter(r -> r.getAs(DedupColumns.CLUSTER_ID) == null).count())
        .isEqualTo(67);
    Row a11 = all.stream().filter(r -> r.getString(0).equals("a11")).findFirst().orElseThrow();
    assertThat(a11.<String>getAs(DedupColumns.CLUSTER_ID)).isEqualTo("a10");
    assertThat(a11.<Double>getAs(DedupColumns.SIMILARITY)).isEqualTo(11 / 200.0);
    assertThat(a11.<String>getAs("text")).isEqualTo("text 11" + " é ✓ 𝔸".repeat(2));
  }

  @Test
  void inPlaceOnlyTheAssignmentsAreShuffled() throws Exception {
    Dataset<Row> articles = laidOut();
    Dataset<Row> assignments = assignments();
    assertThat(shuffledRecords(() -> ClusterColumns.annotateInPlace(articles, assignments)
        .collectAsList())).isEqualTo(135); // the assignments
    assertThat(shuffledRecords(() -> ClusterColumns.annotate(articles, assignments, 3)
        .collectAsList())).isEqualTo(335); // the articles too
  }

  @Test
  void anArticleOutsideItsHashPartitionFailsTheTask() {
    Dataset<Row> roundRobin = spark.createDataFrame(List.of(
        RowFactory.create("a1", "x", "s"), RowFactory.create("a2", "y", "s"),
        RowFactory.create("a3", "z", "s")), ARTICLES).repartition(3).localCheckpoint();
    assertThatThrownBy(() -> ClusterColumns.annotateInPlace(roundRobin, assignments())
        .collectAsList()).hasStackTraceContaining("IllegalStateException")
        .hasStackTraceContaining("hashes to partition");
  }

  /** Shuffle records written while the action runs (listener events awaited). */
  private static long shuffledRecords(Runnable action) throws Exception {
    AtomicLong records = new AtomicLong();
    SparkListener listener = new SparkListener() {
      @Override
      public void onTaskEnd(SparkListenerTaskEnd end) {
        if (end.taskMetrics() != null) {
          records.addAndGet(end.taskMetrics().shuffleWriteMetrics().recordsWritten());
        }
      }
    };
    spark.sparkContext().listenerBus().waitUntilEmpty();
    spark.sparkContext().addSparkListener(listener);
    try {
      action.run();
      spark.sparkContext().listenerBus().waitUntilEmpty();
      return records.get();
    } finally {
      spark.sparkContext().removeSparkListener(listener);
    }
  }
}
