package io.kliping.jobs;

import io.kliping.config.KlipingConfig;
import io.kliping.dedup.DedupSettings;
import io.kliping.dedup.Deduplicator;
import io.kliping.io.Warehouse;
import io.kliping.schema.Tables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code dedup}: exact and near-duplicate clusters of a date's articles; rewrites the date's
 * {@code articles} with cluster columns filled and writes {@code duplicates}.
 */
@Command(name = "dedup", mixinStandardHelpOptions = true,
    description = "Cluster exact and near-duplicate articles of the batch date; choose one "
        + "canonical article per cluster.")
final class DedupJob implements Callable<Integer> {
  @Mixin
  JobOptions options;

  @Override
  public Integer call() {
    return Jobs.run("dedup", options, false, ctx -> List.of(run(ctx)));
  }

  static DedupSettings settings(KlipingConfig.Dedup d) {
    return new DedupSettings(d.shingleSize(), d.charShingles(), d.minTokens(), d.numPerm(),
        d.threshold(), d.falsePositiveWeight(), d.falseNegativeWeight(), d.seed(),
        d.sourceRanking());
  }

  static StageReport run(JobContext ctx) {
    long start = System.nanoTime();
    KlipingConfig config = ctx.config();
    Warehouse wh = ctx.warehouse();
    Dataset<Row> articles = wh.read(Tables.ARTICLES, config.date())
        .drop("cluster_id", "is_canonical", "dup_type");
    Deduplicator.Result result = Deduplicator.create(settings(config.dedup())).apply(articles);
    Warehouse.Staged a = wh.stage(Tables.ARTICLES, config.date(), result.articles());
    Warehouse.Staged d = wh.stage(Tables.DUPLICATES, config.date(), result.duplicates());
    Map<String, Long> counts = new LinkedHashMap<>(wh.publish(List.of(a, d)));
    counts.putAll(DuplicateCounts.of(wh.read(Tables.DUPLICATES, config.date())));
    return new StageReport("dedup", config.date().toString(), counts, Jobs.secondsSince(start));
  }
}
