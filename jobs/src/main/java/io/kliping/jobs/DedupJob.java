package io.kliping.jobs;

import io.kliping.config.KlipingConfig;
import io.kliping.dedup.DedupSettings;
import io.kliping.dedup.Deduplicator;
import io.kliping.dedup.GiantClusters;
import io.kliping.io.Warehouse;
import io.kliping.schema.Tables;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code dedup}: exact and near-duplicate clusters of a date's articles, also against the
 * {@code dedup_index} of the previous {@code kliping.dedup.index-days} dates; rewrites the date's
 * {@code articles} with cluster columns filled and writes {@code duplicates}, {@code clusters}
 * and {@code dedup_index} for the date. Earlier dates are read, never written, and the date's own
 * index partition is never read, so a re-run gives the same result.
 */
@Command(name = "dedup", mixinStandardHelpOptions = true,
    description = "Cluster exact and near-duplicate articles of the batch date, also against the "
        + "articles of the previous index-days dates; choose one canonical article per cluster.")
final class DedupJob implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(DedupJob.class);
  /** Giant clusters listed in the report; all are counted. */
  private static final int GIANT_CLUSTERS_LISTED = 20;
  /** The columns of {@code articles} that dedup fills. */
  private static final String[] CLUSTER_COLUMNS = {"cluster_id", "is_canonical", "dup_type"};

  @Mixin
  JobOptions options;

  @Override
  public Integer call() {
    return Jobs.run("dedup", options, false, ctx -> List.of(run(ctx)));
  }

  static DedupSettings settings(KlipingConfig.Dedup d) {
    return new DedupSettings(d.shingleSize(), d.charShingles(), d.minTokens(), d.numPerm(),
        d.threshold(), d.falsePositiveWeight(), d.falseNegativeWeight(), d.seed(),
        d.sourceRanking(), d.keepOldCanonical(), d.exactVerification());
  }

  static StageReport run(JobContext ctx) {
    long start = System.nanoTime();
    KlipingConfig config = ctx.config();
    LocalDate dt = config.date();
    Warehouse wh = ctx.warehouse();
    Dataset<Row> articles = wh.read(Tables.ARTICLES, dt).drop(CLUSTER_COLUMNS);
    // [dt - index-days, dt): the date's own index partition is never read.
    Dataset<Row> index = wh.readRange(Tables.DEDUP_INDEX,
        dt.minusDays(config.dedup().indexDays()), dt);
    Deduplicator.Result result =
        Deduplicator.create(settings(config.dedup())).apply(articles, index);
    // Rewritten file by file where ingest's layout is found (the texts neither shuffled nor
    // sorted), else laid out as the warehouse writes it (the texts shuffled and sorted once).
    Optional<Dataset<Row>> byFile = wh.readByFile(Tables.ARTICLES, dt);
    LOG.info("dedup: articles of {} rewritten {}", dt,
        byFile.isPresent() ? "file by file" : "through one shuffle and sort");
    Warehouse.Staged a = byFile.isPresent()
        ? wh.stageInPlace(Tables.ARTICLES, dt,
            Deduplicator.annotateInPlace(byFile.get().drop(CLUSTER_COLUMNS), result))
        : wh.stage(Tables.ARTICLES, dt,
            Deduplicator.annotate(articles, result, wh.filesPerPartition()));
    Warehouse.Staged d = wh.stage(Tables.DUPLICATES, dt, result.duplicates());
    Warehouse.Staged c = wh.stage(Tables.CLUSTERS, dt, result.clusters());
    Warehouse.Staged i = wh.stage(Tables.DEDUP_INDEX, dt, result.indexEntries());
    Map<String, Long> counts = new LinkedHashMap<>(wh.publish(List.of(a, d, c, i)));
    counts.putAll(DuplicateCounts.of(wh.read(Tables.DUPLICATES, dt)));
    counts.put("index_rows", result.indexRows());
    counts.put("index_rows_other_scheme", result.indexRowsOtherScheme());
    GiantClusters giant = GiantClusters.find(wh.read(Tables.CLUSTERS, dt),
        config.dedup().giantClusterSize(), GIANT_CLUSTERS_LISTED);
    counts.put("giant_clusters", giant.count());
    List<String> details = new ArrayList<>();
    for (GiantClusters.Cluster g : giant.largest()) {
      String line = "giant cluster " + g.clusterId() + ": " + g.size() + " members, canonical "
          + g.canonicalId();
      LOG.warn("{} (giant-cluster-size {})", line, config.dedup().giantClusterSize());
      details.add(line);
    }
    return new StageReport("dedup", dt.toString(), counts, Jobs.secondsSince(start), details);
  }
}
