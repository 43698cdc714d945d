package io.kliping.eval;

import static io.kliping.eval.ExactJaccardJoin.ID;
import static io.kliping.eval.ExactJaccardJoin.ID_A;
import static io.kliping.eval.ExactJaccardJoin.ID_B;
import static io.kliping.eval.ExactJaccardJoin.JACCARD;
import static io.kliping.eval.ExactJaccardJoin.SHINGLES;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.kliping.dedup.DedupColumns;
import io.kliping.dedup.DedupSettings;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Checks of a deduplicated date's clusters against exact Jaccard similarity, without ground
 * truth: do the pairs that are clearly near duplicates end up in one cluster (LSH recall), do
 * clusters hold pairs that are clearly not (far pairs, e.g. chains merged through connected
 * components), and how large do clusters get.
 *
 * <p>Input: the {@code articles} table ({@code article_id, text, cluster_id}, ids unique, every
 * article clustered). Shingles are those of the dedup stage ({@link ExactJaccardJoin#shingleSets}).
 */
public final class ClusterChecks {

  /**
   * What to check.
   *
   * @param dedup the settings the date was deduplicated with (shingling)
   * @param recallThreshold exact pairs from this Jaccard on should share a cluster
   * @param farThreshold within-cluster pairs below this Jaccard are reported as far
   * @param clusterCap clusters up to this size have all their pairs checked; larger ones are only
   *     counted (their pairs are quadratic)
   * @param examples how many missed and far pairs to return as examples
   */
  public record Options(
      DedupSettings dedup,
      double recallThreshold,
      double farThreshold,
      int clusterCap,
      int examples) {
    public Options {
      if (!(recallThreshold > 0.0 && recallThreshold <= 1.0)) {
        throw new IllegalArgumentException("recallThreshold must be in (0, 1], got " + recallThreshold);
      }
      if (!(farThreshold > 0.0 && farThreshold <= 1.0)) {
        throw new IllegalArgumentException("farThreshold must be in (0, 1], got " + farThreshold);
      }
      if (clusterCap < 2) {
        throw new IllegalArgumentException("clusterCap must be >= 2, got " + clusterCap);
      }
      if (examples < 0) {
        throw new IllegalArgumentException("examples must be >= 0, got " + examples);
      }
    }

    /** Recall from Jaccard 0.8, far below 0.3, clusters up to 200 checked, 10 examples. */
    public static Options defaults(DedupSettings dedup) {
      return new Options(dedup, 0.8, 0.3, 200, 10);
    }
  }

  /**
   * Cluster sizes of the date.
   *
   * @param articles articles
   * @param clusters clusters, singletons included
   * @param largest articles in the largest cluster
   * @param atLeast2 clusters with 2 or more articles
   * @param atLeast10 clusters with 10 or more
   * @param atLeast50 clusters with 50 or more
   */
  public record Sizes(
      long articles, long clusters, long largest, long atLeast2, long atLeast10, long atLeast50) {}

  /**
   * How many exact near-duplicate pairs share a cluster.
   *
   * @param threshold Jaccard from which a pair counts
   * @param exactPairs pairs with exact Jaccard {@code >= threshold}
   * @param sameCluster those whose articles share a cluster
   * @param recall {@code sameCluster / exactPairs}; 1.0 when there is no such pair
   * @param missed the most similar pairs in different clusters, most similar first
   */
  public record Recall(
      double threshold, long exactPairs, long sameCluster, double recall, List<ExactJaccardJoin.Pair> missed) {
    public Recall {
      missed = List.copyOf(missed);
    }
  }

  /**
   * Within-cluster pairs that are not near duplicates.
   *
   * @param threshold Jaccard below which a within-cluster pair is far
   * @param clusterCap largest cluster whose pairs were checked
   * @param checkedPairs within-cluster pairs checked (clusters of 2 to {@code clusterCap})
   * @param farPairs checked pairs with Jaccard {@code < threshold}
   * @param clustersWithFarPairs clusters holding at least one far pair
   * @param clustersOverCap clusters larger than the cap, not checked
   * @param articlesOverCap articles in those clusters
   * @param examples the least similar far pairs, least similar first
   */
  public record FarPairs(
      double threshold,
      int clusterCap,
      long checkedPairs,
      long farPairs,
      long clustersWithFarPairs,
      long clustersOverCap,
      long articlesOverCap,
      List<ExactJaccardJoin.Pair> examples) {
    public FarPairs {
      examples = List.copyOf(examples);
    }
  }

  /** All three checks of one date. */
  public record Report(Sizes sizes, Recall recall, FarPairs far) {}

  private static final String CLUSTER = "_cluster";
  private static final String SIZE = "_size";

  private ClusterChecks() {}

  /** Runs the checks; a handful of Spark jobs, the shingle sets computed once. */
  public static Report run(Dataset<Row> articles, Options options) {
    Dataset<Row> clustered =
        articles.select(
            col(DedupColumns.ARTICLE_ID), col(DedupColumns.TEXT), col(DedupColumns.CLUSTER_ID));
    Dataset<Row> members =
        ExactJaccardJoin.shingleSets(clustered.select(col(DedupColumns.ARTICLE_ID), col(DedupColumns.TEXT)),
                options.dedup())
            .join(clustered.select(col(DedupColumns.ARTICLE_ID).as(ID),
                col(DedupColumns.CLUSTER_ID).as(CLUSTER)), ID)
            .localCheckpoint(true);
    Dataset<Row> sizes =
        members.groupBy(col(CLUSTER)).agg(count(lit(1)).as(SIZE)).localCheckpoint(true);
    return new Report(
        sizes(sizes), recall(members, options), farPairs(members, sizes, options));
  }

  private static Sizes sizes(Dataset<Row> sizes) {
    Row r =
        sizes
            .agg(
                sum(col(SIZE)),
                count(lit(1)),
                max(col(SIZE)),
                atLeast(2),
                atLeast(10),
                atLeast(50))
            .first();
    return r.isNullAt(0)
        ? new Sizes(0, 0, 0, 0, 0, 0)
        : new Sizes(r.getLong(0), r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4),
            r.getLong(5));
  }

  private static Column atLeast(long n) {
    return sum(when(col(SIZE).geq(n), 1L).otherwise(0L));
  }

  private static Recall recall(Dataset<Row> members, Options options) {
    Dataset<Row> clusterA = members.select(col(ID).as(ID_A), col(CLUSTER).as("_cluster_a"));
    Dataset<Row> clusterB = members.select(col(ID).as(ID_B), col(CLUSTER).as("_cluster_b"));
    Dataset<Row> pairs =
        ExactJaccardJoin.pairs(members.select(col(ID), col(SHINGLES)), options.recallThreshold())
            .join(clusterA, ID_A)
            .join(clusterB, ID_B)
            .withColumn("_same", col("_cluster_a").equalTo(col("_cluster_b")))
            .localCheckpoint(true);
    Row r = pairs.agg(count(lit(1)), sum(when(col("_same"), 1L).otherwise(0L))).first();
    long exact = r.getLong(0);
    long same = r.isNullAt(1) ? 0L : r.getLong(1);
    List<ExactJaccardJoin.Pair> missed =
        examples(
            pairs.where(not(col("_same")))
                .orderBy(col(JACCARD).desc(), col(ID_A), col(ID_B)),
            options.examples());
    return new Recall(options.recallThreshold(), exact, same,
        exact == 0 ? 1.0 : (double) same / exact, missed);
  }

  private static FarPairs farPairs(Dataset<Row> members, Dataset<Row> sizes, Options options) {
    Dataset<Row> checked =
        members.join(
            sizes.where(col(SIZE).between(2, options.clusterCap())).select(col(CLUSTER)), CLUSTER);
    Dataset<Row> a = checked.select(col(CLUSTER), col(ID).as(ID_A), col(SHINGLES).as("_shingles_a"));
    Dataset<Row> b = checked.select(col(CLUSTER), col(ID).as(ID_B), col(SHINGLES).as("_shingles_b"));
    Dataset<Row> pairs =
        a.join(b, CLUSTER)
            .where(col(ID_A).lt(col(ID_B)))
            .select(col(CLUSTER), col(ID_A), col(ID_B),
                ExactJaccardJoin.jaccard(col("_shingles_a"), col("_shingles_b")).as(JACCARD))
            .withColumn("_far", col(JACCARD).lt(options.farThreshold()))
            .localCheckpoint(true);
    Row r =
        pairs.agg(
                count(lit(1)),
                sum(when(col("_far"), 1L).otherwise(0L)),
                count_distinct(when(col("_far"), col(CLUSTER))))
            .first();
    Row over =
        sizes.where(col(SIZE).gt(options.clusterCap())).agg(count(lit(1)), sum(col(SIZE))).first();
    List<ExactJaccardJoin.Pair> examples =
        examples(
            pairs.where(col("_far")).orderBy(col(JACCARD), col(ID_A), col(ID_B)),
            options.examples());
    return new FarPairs(
        options.farThreshold(),
        options.clusterCap(),
        r.getLong(0),
        r.isNullAt(1) ? 0L : r.getLong(1),
        r.getLong(2),
        over.getLong(0),
        over.isNullAt(1) ? 0L : over.getLong(1),
        examples);
  }

  private static List<ExactJaccardJoin.Pair> examples(Dataset<Row> orderedPairs, int limit) {
    List<ExactJaccardJoin.Pair> out = new ArrayList<>();
    if (limit == 0) {
      return out;
    }
    for (Row p : orderedPairs.select(col(ID_A), col(ID_B), col(JACCARD)).limit(limit).collectAsList()) {
      out.add(new ExactJaccardJoin.Pair(p.getString(0), p.getString(1), p.getDouble(2)));
    }
    return out;
  }
}
