package io.kliping.dedup;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Clusters of at least a given size. A giant cluster is usually a template (a daily weather or
 * exchange-rate note) or an LSH chain rather than one story, so it is reported, not silently
 * accepted; it is not broken up, because any cut would be arbitrary.
 *
 * @param count clusters at or above the size
 * @param largest the biggest of them (largest first, then by id), at most the requested number
 */
public record GiantClusters(long count, List<Cluster> largest) {

  /** One giant cluster, as logged. */
  public record Cluster(String clusterId, long size, String canonicalId) {}

  public GiantClusters {
    largest = List.copyOf(largest);
  }

  /**
   * Giant clusters among {@code clusters} ({@link DedupColumns#CLUSTERS_SCHEMA}): one count and one
   * bounded top-{@code listed} query, so only {@code listed} rows reach the driver.
   */
  public static GiantClusters find(Dataset<Row> clusters, long minSize, int listed) {
    Dataset<Row> giant = clusters.where(col(DedupColumns.SIZE).geq(minSize));
    List<Cluster> largest =
        giant
            .orderBy(col(DedupColumns.SIZE).desc(), col(DedupColumns.CLUSTER_ID))
            .limit(listed)
            .collectAsList()
            .stream()
            .map(
                r ->
                    new Cluster(
                        r.getAs(DedupColumns.CLUSTER_ID),
                        r.<Long>getAs(DedupColumns.SIZE),
                        r.getAs(DedupColumns.CANONICAL_ID)))
            .toList();
    long count = largest.size() < listed ? largest.size() : giant.count();
    return new GiantClusters(count, largest);
  }
}
