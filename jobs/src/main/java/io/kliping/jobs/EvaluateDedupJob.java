package io.kliping.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;

import io.kliping.config.ConfigException;
import io.kliping.eval.ClusterChecks;
import io.kliping.eval.ClusterScores;
import io.kliping.eval.ExactJaccardJoin;
import io.kliping.ingest.UrlNormalizer;
import io.kliping.io.InputException;
import io.kliping.schema.Tables;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code evaluate-dedup}: how good are a deduplicated date's clusters? Without ground truth: the
 * share of exact near-duplicate pairs (exact Jaccard of the dedup shingles) that share a cluster,
 * within-cluster pairs that are far apart, and cluster sizes. With ground truth ({@code --truth}):
 * pairwise precision, recall, F1 and ARI of the clusters against the true stories. Reads the
 * {@code articles} table only; writes nothing.
 */
@Command(name = "evaluate-dedup", mixinStandardHelpOptions = true,
    description = "Evaluate the dedup clusters of the batch date: LSH recall against exact "
        + "Jaccard, far pairs inside clusters, cluster sizes, and scores against a ground truth.")
final class EvaluateDedupJob implements Callable<Integer> {
  private static final String JOB = "evaluate-dedup";

  @Mixin
  JobOptions options;

  @Option(names = "--truth", paramLabel = "PATH",
      description = "Ground-truth CSV with a header: url,story_id[,kind] (kind is ignored). "
          + "URLs are normalised as ingest normalises them and joined to the articles' url.")
  String truth;

  @Option(names = "--recall-threshold", paramLabel = "J", defaultValue = "0.8",
      description = "Exact pairs from this Jaccard on should share a cluster (default: ${DEFAULT-VALUE}).")
  double recallThreshold;

  @Option(names = "--far-threshold", paramLabel = "J", defaultValue = "0.3",
      description = "Within-cluster pairs below this Jaccard are far (default: ${DEFAULT-VALUE}).")
  double farThreshold;

  @Option(names = "--cluster-cap", paramLabel = "N", defaultValue = "200",
      description = "Check all pairs of clusters up to this size; larger ones are only counted "
          + "(default: ${DEFAULT-VALUE}).")
  int clusterCap;

  @Option(names = "--examples", paramLabel = "N", defaultValue = "10",
      description = "Missed and far pairs to list (default: ${DEFAULT-VALUE}).")
  int examples;

  @Override
  public Integer call() {
    String problem = validate();
    if (problem != null) {
      System.err.println("kliping " + JOB + ": " + problem);
      return ExitCodes.USAGE;
    }
    return Jobs.run(JOB, options, false, ctx -> List.of(run(ctx)));
  }

  private String validate() {
    if (!(recallThreshold > 0.0 && recallThreshold <= 1.0)) {
      return "--recall-threshold must be in (0, 1], got " + recallThreshold;
    }
    if (!(farThreshold > 0.0 && farThreshold <= 1.0)) {
      return "--far-threshold must be in (0, 1], got " + farThreshold;
    }
    if (clusterCap < 2) {
      return "--cluster-cap must be >= 2, got " + clusterCap;
    }
    return examples < 0 ? "--examples must be >= 0, got " + examples : null;
  }

  private StageReport run(JobContext ctx) {
    long start = System.nanoTime();
    LocalDate dt = ctx.config().date();
    Dataset<Row> articles = ctx.warehouse().read(Tables.ARTICLES, dt);
    long unclustered = articles.where(col("cluster_id").isNull()).count();
    if (unclustered > 0) {
      throw new InputException("articles of dt=" + dt + " have " + unclustered
          + " rows without cluster_id: run the dedup job for that date first");
    }
    ClusterChecks.Report checks = ClusterChecks.run(articles, new ClusterChecks.Options(
        DedupJob.settings(ctx.config().dedup()), recallThreshold, farThreshold, clusterCap,
        examples));

    Map<String, Long> counts = new LinkedHashMap<>();
    List<String> details = new ArrayList<>();
    ClusterChecks.Sizes sizes = checks.sizes();
    counts.put("articles", sizes.articles());
    counts.put("clusters", sizes.clusters());
    counts.put("largest_cluster", sizes.largest());
    counts.put("clusters_ge2", sizes.atLeast2());
    counts.put("clusters_ge10", sizes.atLeast10());
    counts.put("clusters_ge50", sizes.atLeast50());
    ClusterChecks.Recall recall = checks.recall();
    counts.put("exact_pairs", recall.exactPairs());
    counts.put("exact_pairs_same_cluster", recall.sameCluster());
    ClusterChecks.FarPairs far = checks.far();
    counts.put("checked_pairs", far.checkedPairs());
    counts.put("far_pairs", far.farPairs());
    counts.put("far_clusters", far.clustersWithFarPairs());
    counts.put("clusters_over_cap", far.clustersOverCap());

    details.add(String.format(Locale.ROOT,
        "cluster sizes: %d articles in %d clusters; largest %d; >=2: %d, >=10: %d, >=50: %d",
        sizes.articles(), sizes.clusters(), sizes.largest(), sizes.atLeast2(), sizes.atLeast10(),
        sizes.atLeast50()));
    details.add(String.format(Locale.ROOT,
        "recall: %d exact pairs with Jaccard >= %.2f, %d in one cluster: recall %.4f",
        recall.exactPairs(), recall.threshold(), recall.sameCluster(), recall.recall()));
    Map<String, String> labels = labels(articles, recall.missed(), far.examples());
    recall.missed().forEach(p -> details.add("  missed " + describe(p, labels)));
    details.add(String.format(Locale.ROOT,
        "far pairs: %d of %d within-cluster pairs have Jaccard < %.2f, in %d clusters "
            + "(clusters of 2..%d members; %d larger clusters with %d articles not checked)",
        far.farPairs(), far.checkedPairs(), far.threshold(), far.clustersWithFarPairs(),
        far.clusterCap(), far.clustersOverCap(), far.articlesOverCap()));
    far.examples().forEach(p -> details.add("  far " + describe(p, labels)));

    if (truth != null) {
      ClusterScores.Comparison c = scoreAgainstTruth(ctx, articles, counts);
      ClusterScores.Scores s = c.scores();
      counts.put("truth_articles", s.articles());
      counts.put("truth_only", c.truthOnly());
      counts.put("predicted_only", c.predictedOnly());
      counts.put("true_pairs", s.truePairs());
      counts.put("predicted_pairs", s.predictedPairs());
      counts.put("agreeing_pairs", s.agreeingPairs());
      details.add(String.format(Locale.ROOT,
          "truth: precision %.4f, recall %.4f, F1 %.4f, ARI %.4f over %d articles "
              + "(%d true pairs, %d predicted, %d agreeing; %d truth URLs not among the "
              + "articles, %d articles not in the truth)",
          s.precision(), s.recall(), s.f1(), s.ari(), s.articles(), s.truePairs(),
          s.predictedPairs(), s.agreeingPairs(), c.truthOnly(), c.predictedOnly()));
    }
    return new StageReport(JOB, dt.toString(), counts, Jobs.secondsSince(start), details);
  }

  /** Truth (normalised url, story) against the articles' (url, cluster). */
  private ClusterScores.Comparison scoreAgainstTruth(JobContext ctx, Dataset<Row> articles,
      Map<String, Long> counts) {
    requireExists(ctx, truth);
    Dataset<Row> raw = ctx.spark().read().option("header", "true").csv(truth);
    if (!Arrays.asList(raw.columns()).containsAll(List.of("url", "story_id"))) {
      throw new ConfigException("--truth " + truth + " needs a header with url and story_id, has "
          + Arrays.toString(raw.columns()));
    }
    UserDefinedFunction normalize = functions.udf(
        (UDF1<String, String>) UrlNormalizer::normalize, DataTypes.StringType);
    Dataset<Row> normalized = raw
        .select(normalize.apply(col("url")).as(ClusterScores.KEY),
            col("story_id").as(ClusterScores.STORY))
        .localCheckpoint(true);
    Column usable = col(ClusterScores.KEY).isNotNull().and(col(ClusterScores.STORY).isNotNull());
    counts.put("truth_unusable", normalized.where(not(usable)).count());
    Dataset<Row> predicted = articles.where(col("url").isNotNull())
        .select(col("url").as(ClusterScores.KEY), col("cluster_id").as(ClusterScores.CLUSTER));
    try {
      return ClusterScores.compare(normalized.where(usable).distinct(), predicted);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("--truth " + truth + ": " + e.getMessage(), e);
    }
  }

  private static void requireExists(JobContext ctx, String path) {
    Path p = new Path(path);
    try {
      if (!p.getFileSystem(ctx.spark().sparkContext().hadoopConfiguration()).exists(p)) {
        throw new InputException("--truth " + path + " does not exist");
      }
    } catch (IOException e) {
      throw new InputException("cannot read --truth " + path + ": " + e.getMessage());
    }
  }

  /** {@code source url} of the articles named in the example pairs (a few rows to the driver). */
  private static Map<String, String> labels(Dataset<Row> articles,
      List<ExactJaccardJoin.Pair> missed, List<ExactJaccardJoin.Pair> far) {
    Set<String> ids = new LinkedHashSet<>();
    for (List<ExactJaccardJoin.Pair> pairs : List.of(missed, far)) {
      pairs.forEach(p -> {
        ids.add(p.idA());
        ids.add(p.idB());
      });
    }
    Map<String, String> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    for (Row r : articles.where(col("article_id").isin(ids.toArray()))
        .select(col("article_id"), col("cluster_id"), col("source"), col("url")).collectAsList()) {
      out.put(r.getString(0), "cluster " + r.getString(1) + " " + r.getString(2) + " "
          + (r.isNullAt(3) ? "(no url)" : r.getString(3)));
    }
    return out;
  }

  private static String describe(ExactJaccardJoin.Pair p, Map<String, String> labels) {
    return String.format(Locale.ROOT, "J=%.3f %s [%s] / %s [%s]", p.jaccard(), p.idA(),
        labels.getOrDefault(p.idA(), "?"), p.idB(), labels.getOrDefault(p.idB(), "?"));
  }
}
