package io.kliping.dedup;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The {@code dedup} stage: groups syndicated copies of a story into clusters and elects one
 * canonical article per cluster.
 *
 * <p>Exact duplicates share the {@link ContentHasher hash} of their normalised text; near duplicates
 * are found among one representative per exact group by MinHash signatures, LSH banding (a star per
 * bucket, so a bucket of any size costs linear work), verification of every candidate pair by the
 * estimated Jaccard similarity of the full signatures, and {@link ConnectedComponents}. The
 * canonical article is the earliest published one (nulls last), then the longest normalised text,
 * then the best-ranked source (unlisted last), then the smallest {@code article_id}.
 *
 * <p>Input: at least the columns of {@link DedupColumns#REQUIRED_INPUT_SCHEMA}; {@code article_id}
 * must be unique and non-null. Texts that normalise to nothing are never duplicates; texts shorter
 * than {@link DedupSettings#minTokens()} tokens are only exact duplicates. The output depends only
 * on the input rows, not on their partitioning.
 */
public interface Deduplicator {

  static Deduplicator create(DedupSettings settings) {
    return new SparkDeduplicator(settings);
  }

  /**
   * Deduplicates {@code articles}. Fingerprinting and the connected-components rounds run eagerly
   * (their results are local checkpoints); the returned datasets share them, so writing both does
   * not recompute signatures. {@code articles} is read twice (fingerprints, final join): persist it
   * first if it is expensive to recompute.
   */
  Result apply(Dataset<Row> articles);

  /**
   * @param articles the input, every column untouched, plus {@link DedupColumns#ADDED_SCHEMA}
   * @param duplicates one row per non-canonical article, {@link DedupColumns#DUPLICATES_SCHEMA}
   */
  record Result(Dataset<Row> articles, Dataset<Row> duplicates) {}
}
