package io.kliping.eval;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.shiftright;
import static org.apache.spark.sql.functions.sum;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Pair-counting agreement between a ground-truth partition (stories) and a predicted one
 * (clusters) of the same articles: pairwise precision, recall, F1 and the adjusted Rand index.
 *
 * <p>Everything comes from the contingency table {@code n_ij} (articles of story i in cluster j):
 * a pair of articles is a true pair when both are in one story, a predicted pair when both are in
 * one cluster, and an agreeing pair when both. So {@code truePairs = sum_i C(a_i,2)}, {@code
 * predictedPairs = sum_j C(b_j,2)}, {@code agreeingPairs = sum_ij C(n_ij,2)}: three group-bys,
 * linear in the number of articles, no pair is ever enumerated.
 *
 * <p>Keys are joined exactly; each side must have unique, non-null keys and non-null labels. Keys
 * on one side only are counted in {@link Comparison} and left out of the scores.
 */
public final class ClusterScores {

  /** Key column of both inputs. */
  public static final String KEY = "key";
  /** Truth label column: the story an article belongs to. */
  public static final String STORY = "story";
  /** Predicted label column: the cluster an article was put in. */
  public static final String CLUSTER = "cluster";

  private static final String N = "n";

  private ClusterScores() {}

  /**
   * Pair-counting scores of one clustering against the truth.
   *
   * <p>Conventions for empty denominators: no predicted pair gives precision 1.0 (nothing claimed,
   * nothing wrong); no true pair gives recall 1.0 (nothing to find); F1 is 0.0 when precision and
   * recall are both 0. The ARI is 1.0 when it is undefined, which happens exactly when both
   * partitions are all singletons, or both are one cluster, or there are fewer than two articles:
   * in each case the partitions are identical (scikit-learn's convention).
   *
   * @param articles articles scored (keys on both sides)
   * @param truePairs pairs of articles of one story
   * @param predictedPairs pairs of articles of one cluster
   * @param agreeingPairs pairs of articles of one story and of one cluster
   */
  public record Scores(
      long articles,
      long truePairs,
      long predictedPairs,
      long agreeingPairs,
      double precision,
      double recall,
      double f1,
      double ari) {

    /** The scores of a contingency table given by its four pair counts. */
    public static Scores of(long articles, long truePairs, long predictedPairs, long agreeingPairs) {
      require(articles >= 0 && truePairs >= 0 && predictedPairs >= 0 && agreeingPairs >= 0,
          "counts must be >= 0");
      long allPairs = choose2(articles);
      require(truePairs <= allPairs && predictedPairs <= allPairs,
          "more pairs than C(articles, 2)");
      require(agreeingPairs <= Math.min(truePairs, predictedPairs),
          "more agreeing pairs than true or predicted pairs");
      double precision = predictedPairs == 0 ? 1.0 : (double) agreeingPairs / predictedPairs;
      double recall = truePairs == 0 ? 1.0 : (double) agreeingPairs / truePairs;
      double f1 =
          precision + recall == 0.0 ? 0.0 : 2.0 * precision * recall / (precision + recall);
      return new Scores(articles, truePairs, predictedPairs, agreeingPairs, precision, recall, f1,
          ari(allPairs, truePairs, predictedPairs, agreeingPairs));
    }

    /**
     * Hubert and Arabie's ARI: (index - expected) / (max - expected), with index the agreeing
     * pairs, expected = truePairs * predictedPairs / C(n,2), max = (truePairs + predictedPairs) / 2.
     */
    private static double ari(long allPairs, long truePairs, long predictedPairs, long agreeing) {
      if (allPairs == 0) {
        return 1.0;
      }
      double expected = (double) truePairs * (double) predictedPairs / allPairs;
      double max = (truePairs + (double) predictedPairs) / 2.0;
      // max == expected only for two all-singleton or two one-cluster partitions (identical).
      return max == expected ? 1.0 : (agreeing - expected) / (max - expected);
    }
  }

  /**
   * The scores of the keys on both sides, and how many keys were on one side only.
   *
   * @param scores scores of the intersection
   * @param truthOnly truth keys without a prediction (e.g. articles rejected at ingest)
   * @param predictedOnly predicted keys without a truth label (e.g. articles outside the truth)
   */
  public record Comparison(Scores scores, long truthOnly, long predictedOnly) {}

  /**
   * Compares {@code truth (key, story)} with {@code predicted (key, cluster)} (both string
   * columns; other columns are ignored). Runs four small Spark jobs: one validation per side, the
   * contingency table (checkpointed locally) and its three marginal sums.
   *
   * @throws IllegalArgumentException when a side has a null or repeated key or a null label
   */
  public static Comparison compare(Dataset<Row> truth, Dataset<Row> predicted) {
    long truthKeys = validKeyCount(truth, STORY, "truth");
    long predictedKeys = validKeyCount(predicted, CLUSTER, "predicted");
    Dataset<Row> cells =
        truth
            .select(col(KEY), col(STORY))
            .join(predicted.select(col(KEY), col(CLUSTER)), KEY)
            .groupBy(col(STORY), col(CLUSTER))
            .agg(count(lit(1)).as(N))
            .localCheckpoint(true);
    Row cellSums = cells.agg(sum(col(N)), sum(pairs(col(N)))).first();
    long articles = cellSums.isNullAt(0) ? 0L : cellSums.getLong(0);
    long agreeing = cellSums.isNullAt(1) ? 0L : cellSums.getLong(1);
    long truePairs = marginalPairs(cells, STORY);
    long predictedPairs = marginalPairs(cells, CLUSTER);
    return new Comparison(
        Scores.of(articles, truePairs, predictedPairs, agreeing),
        truthKeys - articles,
        predictedKeys - articles);
  }

  /** {@code sum_k C(m_k, 2)} over the row (or column) sums {@code m_k} of the table. */
  private static long marginalPairs(Dataset<Row> cells, String label) {
    Row r = cells.groupBy(col(label)).agg(sum(col(N)).as(N)).agg(sum(pairs(col(N)))).first();
    return r.isNullAt(0) ? 0L : r.getLong(0);
  }

  /** Number of keys; fails on null keys, null labels or repeated keys. */
  private static long validKeyCount(Dataset<Row> side, String label, String name) {
    require(Arrays.asList(side.columns()).containsAll(java.util.List.of(KEY, label)),
        name + " needs columns " + KEY + " and " + label + ", has " + Arrays.toString(side.columns()));
    Row r =
        side.agg(
                count(lit(1)),
                count(col(KEY)),
                count(col(label)),
                count_distinct(col(KEY)))
            .first();
    long rows = r.getLong(0);
    require(r.getLong(1) == rows, name + " has " + (rows - r.getLong(1)) + " null keys");
    require(r.getLong(2) == rows, name + " has " + (rows - r.getLong(2)) + " null " + label + "s");
    require(r.getLong(3) == rows, name + " has " + (rows - r.getLong(3)) + " repeated keys");
    return rows;
  }

  private static Column pairs(Column n) {
    return shiftright(n.multiply(n.minus(1)), 1); // C(n, 2), exact in long arithmetic
  }

  static long choose2(long n) {
    return n < 2 ? 0L : n * (n - 1) / 2;
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
