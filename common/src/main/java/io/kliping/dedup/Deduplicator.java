package io.kliping.dedup;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The {@code dedup} stage: groups syndicated copies of a story into clusters and elects one
 * canonical article per cluster.
 *
 * <p>Exact duplicates share the {@link ContentHasher hash} of their normalised text; near duplicates
 * are found by MinHash signatures, LSH banding (each bucket member linked to a few fixed members of
 * its bucket, so a bucket of any size costs linear work), verification of every candidate pair by
 * the estimated Jaccard similarity of the full signatures (optionally the exact similarity of the
 * shingle sets), and {@link ConnectedComponents}. The
 * canonical article is the earliest published one (nulls last), then the longest normalised text,
 * then the best-ranked source (unlisted last), then the smallest {@code article_id}.
 *
 * <p>Incremental: given the {@link Result#indexEntries() index entries} of earlier batches, a batch
 * is also compared with them. Earlier clusters are taken as they are (edges between two index
 * entries are never searched for) and are never rewritten: a new article joins an earlier cluster
 * and keeps its id, and a new article similar to two earlier clusters merges them under the
 * smaller of their ids. A cluster of new articles only is named by its smallest {@code
 * article_id}. With {@link DedupSettings#keepOldCanonical()}, a cluster's earlier canonical
 * article stays canonical (the policy chooses among the earlier canonicals when a merge brings
 * several); otherwise the policy chooses among all members. An article already in the index
 * (same {@code article_id}, delivered again) is a member of its own: with the same text it is an
 * exact copy of its earlier delivery.
 *
 * <p>Input: at least the columns of {@link DedupColumns#REQUIRED_INPUT_SCHEMA}; {@code article_id}
 * must be unique, non-null and must not start with U+0000 (that prefix names index clusters in the
 * graph). Texts that normalise to nothing are never duplicates; texts shorter
 * than {@link DedupSettings#minTokens()} tokens are only exact duplicates. The output depends only
 * on the input rows, not on their partitioning.
 */
public interface Deduplicator {

  static Deduplicator create(DedupSettings settings) {
    return new SparkDeduplicator(settings);
  }

  /** Deduplicates {@code articles} alone: {@link #apply(Dataset, Dataset)} with an empty index. */
  Result apply(Dataset<Row> articles);

  /**
   * Deduplicates {@code articles} within themselves and against {@code index}, the {@link
   * Result#indexEntries() index entries} of earlier batches (columns of {@link
   * DedupColumns#INDEX_SCHEMA}; rows of another {@link DedupSettings#signatureScheme()} are
   * ignored and counted). Fingerprinting, the index counts and the connected-components rounds run
   * eagerly (their results are local checkpoints); the returned datasets share them, so writing
   * them all does not recompute signatures. {@code articles} is read twice (fingerprints, final
   * join): persist it first if it is expensive to recompute.
   */
  Result apply(Dataset<Row> articles, Dataset<Row> index);

  /**
   * The articles of {@code result} with its cluster columns ({@link DedupColumns#ADDED_SCHEMA}),
   * hash-partitioned by {@code article_id} into {@code partitions} partitions and sorted by it
   * inside each. A writer that lays its files out the same way (the warehouse: its files per
   * partition, by {@code article_id}) then neither shuffles nor sorts the texts again.
   * {@code articles} may be the input given to {@link #apply} or the same rows read again.
   */
  static Dataset<Row> annotate(Dataset<Row> articles, Result result, int partitions) {
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be >= 1, got " + partitions);
    }
    return ClusterColumns.annotate(articles, result.assignments(), partitions);
  }

  /**
   * The articles with {@code result}'s cluster columns, as {@link #annotate} adds them, for
   * articles already hash-partitioned by {@code article_id} (Spark's hash partitioning) and sorted
   * by it inside each partition, such as the warehouse's files read one per partition: each
   * article stays in its partition and place, and only the cluster assignments are shuffled.
   *
   * @throws IllegalStateException in a task, when an article is not in its hash partition or
   *     not after the one before it
   */
  static Dataset<Row> annotateInPlace(Dataset<Row> articles, Result result) {
    return ClusterColumns.annotateInPlace(articles, result.assignments());
  }

  /**
   * @param input the articles given to {@link #apply}
   * @param assignments one row per input article: {@code article_id} and {@link
   *     DedupColumns#ADDED_SCHEMA}
   * @param duplicates one row per non-canonical input article, {@link
   *     DedupColumns#DUPLICATES_SCHEMA}; its canonical may be an index entry
   * @param clusters one row per cluster with an input article and at least two members (input
   *     articles and index entries), {@link DedupColumns#CLUSTERS_SCHEMA}
   * @param indexEntries one row per input article, {@link DedupColumns#INDEX_SCHEMA}: what later
   *     batches compare with
   * @param indexRows index rows compared with (of this signature scheme)
   * @param indexRowsOtherScheme index rows ignored because of another signature scheme
   */
  record Result(
      Dataset<Row> input,
      Dataset<Row> assignments,
      Dataset<Row> duplicates,
      Dataset<Row> clusters,
      Dataset<Row> indexEntries,
      long indexRows,
      long indexRowsOtherScheme) {

    /**
     * The input, every column untouched, plus {@link DedupColumns#ADDED_SCHEMA} (partitioned by
     * {@code article_id} into {@code spark.sql.shuffle.partitions} partitions; {@link
     * Deduplicator#annotate} chooses the number).
     */
    public Dataset<Row> articles() {
      return ClusterColumns.annotate(input, assignments, 0);
    }
  }
}
