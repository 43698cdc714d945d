package io.kliping.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.kliping.eval.ClusterScores.Comparison;
import io.kliping.eval.ClusterScores.Scores;
import io.kliping.testing.SparkTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class ClusterScoresTest extends SparkTestBase {

  @Test
  void perfectClusteringScoresOne() {
    Scores s = compare(labels(0, 0, 0, 1, 1, 2), labels(7, 7, 7, 3, 3, 9)).scores();
    assertThat(s).isEqualTo(new Scores(6, 4, 4, 4, 1.0, 1.0, 1.0, 1.0));
  }

  @Test
  void handComputedExample() {
    // Contingency: story 0 -> {c0: 2, c1: 1}, story 1 -> {c1: 1, c2: 1}, story 2 -> {c2: 1}.
    // agreeing = C(2,2) = 1; true = C(3,2) + C(2,2) = 4; predicted = 3 * C(2,2) = 3; C(6,2) = 15.
    // ARI = (1 - 4*3/15) / ((4+3)/2 - 4*3/15) = 0.2 / 2.7.
    Scores s = compare(labels(0, 0, 0, 1, 1, 2), labels(0, 0, 1, 1, 2, 2)).scores();
    assertThat(s.articles()).isEqualTo(6);
    assertThat(s.truePairs()).isEqualTo(4);
    assertThat(s.predictedPairs()).isEqualTo(3);
    assertThat(s.agreeingPairs()).isEqualTo(1);
    assertThat(s.precision()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(s.recall()).isCloseTo(0.25, within(1e-12));
    assertThat(s.f1()).isCloseTo(2.0 / 7, within(1e-12));
    assertThat(s.ari()).isCloseTo(0.2 / 2.7, within(1e-12));
  }

  @Test
  void scikitLearnDocumentedValues() {
    // adjusted_rand_score([0, 0, 1, 2], [0, 0, 1, 1]) == 4/7 (scikit-learn user guide).
    assertThat(compare(labels(0, 0, 1, 2), labels(0, 0, 1, 1)).scores().ari())
        .isCloseTo(4.0 / 7, within(1e-12));
    // adjusted_rand_score([0, 0, 0, 0], [0, 1, 2, 3]) == 0.0
    assertThat(compare(labels(0, 0, 0, 0), labels(0, 1, 2, 3)).scores().ari()).isEqualTo(0.0);
  }

  @Test
  void everythingInOneClusterHasFullRecallAndChanceAri() {
    Scores s = compare(labels(0, 0, 1, 1, 2), labels(5, 5, 5, 5, 5)).scores();
    assertThat(s.truePairs()).isEqualTo(2);
    assertThat(s.predictedPairs()).isEqualTo(10);
    assertThat(s.agreeingPairs()).isEqualTo(2);
    assertThat(s.precision()).isEqualTo(0.2);
    assertThat(s.recall()).isEqualTo(1.0);
    assertThat(s.ari()).isEqualTo(0.0);
  }

  @Test
  void allSingletonsPredictNoPairPrecisionOneRecallZero() {
    Scores s = compare(labels(0, 0, 1, 1, 2), labels(0, 1, 2, 3, 4)).scores();
    assertThat(s).isEqualTo(new Scores(5, 2, 0, 0, 1.0, 0.0, 0.0, 0.0));
  }

  @Test
  void identicalDegeneratePartitionsHaveAriOne() {
    assertThat(Scores.of(4, 0, 0, 0).ari()).isEqualTo(1.0); // both all singletons
    assertThat(Scores.of(4, 6, 6, 6).ari()).isEqualTo(1.0); // both one cluster
    assertThat(Scores.of(1, 0, 0, 0)).isEqualTo(new Scores(1, 0, 0, 0, 1.0, 1.0, 1.0, 1.0));
    assertThat(Scores.of(0, 0, 0, 0).f1()).isEqualTo(1.0);
  }

  @Test
  void impossibleCountsAreRejected() {
    assertThatThrownBy(() -> Scores.of(3, 4, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Scores.of(5, 2, 3, 3)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keysOnOneSideOnlyAreCountedAndLeftOut() {
    Dataset<Row> truth = frame(ClusterScores.STORY, "k1", "s", "k2", "s", "k3", "s", "k4", "t");
    Dataset<Row> predicted =
        frame(ClusterScores.CLUSTER, "k3", "c", "k4", "c", "k5", "c", "k6", "d", "k7", "d");
    Comparison c = ClusterScores.compare(truth, predicted);
    assertThat(c.truthOnly()).isEqualTo(2);
    assertThat(c.predictedOnly()).isEqualTo(3);
    // Only k3 (story s) and k4 (story t), both in cluster c, are scored.
    assertThat(c.scores()).isEqualTo(new Scores(2, 0, 1, 0, 0.0, 1.0, 0.0, 0.0));
  }

  @Test
  void repeatedOrNullKeysAreRejected() {
    Dataset<Row> good = frame(ClusterScores.CLUSTER, "k1", "c");
    assertThatThrownBy(() -> ClusterScores.compare(
            frame(ClusterScores.STORY, "k1", "s", "k1", "t"), good))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("repeated keys");
    assertThatThrownBy(() -> ClusterScores.compare(
            frame(ClusterScores.STORY, "k1", "s", null, "t"), good))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("null keys");
    assertThatThrownBy(() -> ClusterScores.compare(frame(ClusterScores.STORY, "k1", "s"),
            frame(ClusterScores.CLUSTER, "k1", null)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("null clusters");
  }

  @Test
  void randomLabelingsMatchPairEnumeration() {
    Random random = new Random(11);
    for (int round = 0; round < 5; round++) {
      int n = 20 + random.nextInt(40);
      int[] truth = new int[n];
      int[] predicted = new int[n];
      for (int i = 0; i < n; i++) {
        truth[i] = random.nextInt(1 + round * 3);
        predicted[i] = random.nextBoolean() ? truth[i] : random.nextInt(8);
      }
      long truePairs = 0;
      long predictedPairs = 0;
      long agreeing = 0;
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
          boolean t = truth[i] == truth[j];
          boolean p = predicted[i] == predicted[j];
          truePairs += t ? 1 : 0;
          predictedPairs += p ? 1 : 0;
          agreeing += t && p ? 1 : 0;
        }
      }
      assertThat(compare(truth, predicted).scores())
          .isEqualTo(Scores.of(n, truePairs, predictedPairs, agreeing));
    }
  }

  private static int[] labels(int... labels) {
    return labels;
  }

  private static Comparison compare(int[] truth, int[] predicted) {
    List<String> t = new ArrayList<>();
    List<String> p = new ArrayList<>();
    for (int i = 0; i < truth.length; i++) {
      t.add("k" + i);
      t.add("story-" + truth[i]);
      p.add("k" + i);
      p.add("cluster-" + predicted[i]);
    }
    return ClusterScores.compare(frame(ClusterScores.STORY, t.toArray(String[]::new)),
        frame(ClusterScores.CLUSTER, p.toArray(String[]::new)));
  }

  /** A (key, label) frame from alternating key and label values. */
  private static Dataset<Row> frame(String label, String... keysAndLabels) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < keysAndLabels.length; i += 2) {
      rows.add(RowFactory.create(keysAndLabels[i], keysAndLabels[i + 1]));
    }
    StructType schema = new StructType()
        .add(ClusterScores.KEY, DataTypes.StringType, true)
        .add(label, DataTypes.StringType, true);
    return spark.createDataFrame(rows, schema);
  }
}
