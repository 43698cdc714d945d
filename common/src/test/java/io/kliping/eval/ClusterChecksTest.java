package io.kliping.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.kliping.dedup.DedupSettings;
import io.kliping.eval.ClusterChecks.Report;
import io.kliping.eval.ExactJaccardJoin.Pair;
import io.kliping.testing.SparkTestBase;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class ClusterChecksTest extends SparkTestBase {

  @Test
  void findsMissedNearDuplicatesFarPairsAndClusterSizes() {
    String a = words("a", 40);
    String b = words("b", 40);
    List<Row> rows = new ArrayList<>();
    // One cluster of near copies: 36 shingles vs 37 with all 36 shared, and an exact copy.
    rows.add(article("a0", a, "cA"));
    rows.add(article("a1", a + " extra", "cA"));
    rows.add(article("a2", a, "cA"));
    // Near copies split over two clusters: missed.
    rows.add(article("b0", b, "cB"));
    rows.add(article("b1", b + " extra", "cB1"));
    // Unrelated texts in one cluster: a far pair.
    rows.add(article("c0", words("c", 20), "cF"));
    rows.add(article("d0", words("d", 20), "cF"));
    // A cluster over the cap of 3: counted, not checked.
    for (int i = 0; i < 4; i++) {
      rows.add(article("e" + i, words("e" + i + "x", 20), "cBig"));
    }
    rows.add(article("s0", words("s", 20), "s0"));
    rows.add(article("t0", "dua kata", "t0"));

    Report report = ClusterChecks.run(frame(rows),
        new ClusterChecks.Options(DedupSettings.defaults(), 0.8, 0.3, 3, 10));

    assertThat(report.sizes()).isEqualTo(new ClusterChecks.Sizes(13, 7, 4, 3, 0, 0));
    assertThat(report.recall().exactPairs()).isEqualTo(4);
    assertThat(report.recall().sameCluster()).isEqualTo(3);
    assertThat(report.recall().recall()).isEqualTo(0.75);
    assertThat(report.recall().missed()).containsExactly(new Pair("b0", "b1", 36.0 / 37));
    ClusterChecks.FarPairs far = report.far();
    assertThat(far.checkedPairs()).isEqualTo(4);
    assertThat(far.farPairs()).isEqualTo(1);
    assertThat(far.clustersWithFarPairs()).isEqualTo(1);
    assertThat(far.clustersOverCap()).isEqualTo(1);
    assertThat(far.articlesOverCap()).isEqualTo(4);
    assertThat(far.examples()).containsExactly(new Pair("c0", "d0", 0.0));
  }

  @Test
  void noPairsMeansFullRecallAndNoFarPairs() {
    Report report = ClusterChecks.run(
        frame(List.of(article("x", words("x", 10), "x"), article("y", words("y", 10), "y"))),
        ClusterChecks.Options.defaults(DedupSettings.defaults()));
    assertThat(report.recall().exactPairs()).isZero();
    assertThat(report.recall().recall()).isEqualTo(1.0);
    assertThat(report.far().checkedPairs()).isZero();
    assertThat(report.sizes()).isEqualTo(new ClusterChecks.Sizes(2, 2, 1, 0, 0, 0));
  }

  private static String words(String prefix, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(i == 0 ? "" : " ").append(prefix).append(i);
    }
    return sb.toString();
  }

  private static Row article(String id, String text, String cluster) {
    return RowFactory.create(id, text, cluster);
  }

  private static Dataset<Row> frame(List<Row> rows) {
    StructType schema = new StructType()
        .add("article_id", DataTypes.StringType, false)
        .add("text", DataTypes.StringType, true)
        .add("cluster_id", DataTypes.StringType, true);
    return spark.createDataFrame(rows, schema);
  }
}
