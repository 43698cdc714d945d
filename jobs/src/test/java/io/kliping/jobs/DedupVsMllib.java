package io.kliping.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_timestamp;
import static org.apache.spark.sql.functions.xxhash64;

import io.kliping.config.ConfigLoader;
import io.kliping.dedup.ContentNormalizer;
import io.kliping.dedup.DedupSettings;
import io.kliping.dedup.Deduplicator;
import io.kliping.dedup.NormalizedContent;
import io.kliping.dedup.ShingleBuffer;
import io.kliping.dedup.Shingler;
import io.kliping.eval.ExactJaccardJoin;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.ml.feature.MinHashLSH;
import org.apache.spark.ml.feature.MinHashLSHModel;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.encoders.ExpressionEncoder;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Benchmark: kliping's dedup stage against Spark MLlib's MinHashLSH {@code approxSimilarityJoin}
 * on the same generated corpus and the same shingles (word 5-grams of the normalised text, as
 * {@link Shingler} makes them; MLlib gets them as sparse binary vectors of 2^24 hashed indices).
 *
 * <p>Usage: {@code DedupVsMllib <corpus dir with articles.jsonl.gz and truth.csv> <sizes, e.g.
 * 20000,200000> [mllib hash tables = 5, or a list such as 5,10,20, or 0 for kliping only]
 * [mllib time limit in seconds = 1800]}. For each size,
 * the first n articles of the corpus (whole stories, as the generator writes them) are read and
 * cached; then each method is timed on its own, forced to completion by a no-op write. Recall is
 * pairwise, twice: against the generator's truth (same-story pairs found / same-story pairs), and
 * against exact Jaccard on a sample (pairs of shingle sets with Jaccard at least the dedup
 * threshold that have an end among {@value #SAMPLE_PERCENT} % of the articles, chosen by a hash of
 * the id, found / those pairs; {@link ExactJaccardJoin#pairsWithSample}). kliping's pairs are
 * those inside one cluster; MLlib's are the pairs its join returns (it has no clustering step,
 * which favours it in time; its pairs are kept in memory within its timed section for the
 * sample's count).
 */
public final class DedupVsMllib {
  private static final int FEATURE_BITS = 24;
  /** Share of the articles, in percent, whose exact pairs make the sample's ground truth. */
  static final int SAMPLE_PERCENT = 1;
  /**
   * The dedup settings of the reference configuration (conf/kliping.conf), as the job uses, with
   * the {@code key=value} overrides of the environment variable {@code KLIPING_BENCH_SET}
   * (separated by spaces), e.g. {@code kliping.dedup.exact-verification=true}.
   */
  private static final DedupSettings SETTINGS = DedupJob.settings(
      ConfigLoader.load(Optional.empty(), overrides(System.getenv("KLIPING_BENCH_SET"))).dedup());

  private DedupVsMllib() {}

  public static void main(String[] args) throws Exception {
    String dir = args[0];
    int[] sizes = Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray();
    int[] tableCounts = args.length > 2
        ? Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).filter(t -> t > 0).toArray()
        : new int[] {5};
    long limitSeconds = args.length > 3 ? Long.parseLong(args[3]) : 1800;
    SparkSession spark = SparkSession.builder().master("local[*]").appName("dedup-vs-mllib")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "16")
        .config("spark.driver.host", "127.0.0.1").getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    StructType schema = new StructType().add("url", DataTypes.StringType)
        .add("source", DataTypes.StringType).add("text", DataTypes.StringType)
        .add("published_at", DataTypes.StringType);
    Dataset<Row> all = spark.read().schema(schema).json(dir + "/articles.jsonl.gz");
    Dataset<Row> truth = spark.read().option("header", "true").csv(dir + "/truth.csv")
        .select(col("url").as("t_url"), col("story_id"));
    System.out.println("size,method,seconds,truth_pairs,found_pairs,true_found_pairs,recall,"
        + "precision,sample_articles,sample_exact_pairs,sample_found_pairs,sample_recall");
    for (int n : sizes) {
      Dataset<Row> docs = all.limit(n)
          .select(col("url").as("article_id"), col("text"),
              to_timestamp(col("published_at")).as("published_at"), col("source"))
          .repartition(16).persist(StorageLevel.MEMORY_AND_DISK());
      long docsCount = docs.count();
      Dataset<Row> story = truth.join(docs.select(col("article_id")),
          col("t_url").equalTo(col("article_id"))).select(col("article_id"), col("story_id"))
          .persist(StorageLevel.MEMORY_AND_DISK());
      long truthPairs = pairs(story.groupBy(col("story_id")).agg(count(lit(1)).as("n")));
      Dataset<Row> sample = docs.select(col("article_id").as(ExactJaccardJoin.ID))
          .where(pmod(xxhash64(col(ExactJaccardJoin.ID)), lit(100)).lt(SAMPLE_PERCENT));
      Dataset<Row> sets = ExactJaccardJoin.shingleSets(
          docs.select(col("article_id"), col("text")), SETTINGS)
          .persist(StorageLevel.MEMORY_AND_DISK());
      Dataset<Row> exact = ExactJaccardJoin.pairsWithSample(sets, sample, SETTINGS.threshold())
          .select(col(ExactJaccardJoin.ID_A).as("a"), col(ExactJaccardJoin.ID_B).as("b"))
          .persist(StorageLevel.MEMORY_AND_DISK());
      SampleTruth sampleTruth = new SampleTruth(sample.count(), exact.count());
      sets.unpersist();

      // kliping
      long t0 = System.nanoTime();
      Deduplicator.Result r = Deduplicator.create(SETTINGS).apply(docs);
      Dataset<Row> clusters = r.articles().select(col("article_id"), col("cluster_id"))
          .persist(StorageLevel.MEMORY_AND_DISK());
      clusters.write().format("noop").mode("overwrite").save();
      double ours = (System.nanoTime() - t0) / 1e9;
      long foundPairs = pairs(clusters.groupBy(col("cluster_id")).agg(count(lit(1)).as("n")));
      long agreeing = pairs(clusters.join(story, "article_id")
          .groupBy(col("cluster_id"), col("story_id")).agg(count(lit(1)).as("n")));
      long exactFound = exact
          .join(clusters.select(col("article_id").as("a"), col("cluster_id").as("ca")), "a")
          .join(clusters.select(col("article_id").as("b"), col("cluster_id").as("cb")), "b")
          .where(col("ca").equalTo(col("cb"))).count();
      report(docsCount, "kliping", ours, truthPairs, foundPairs, agreeing, sampleTruth,
          exactFound);
      clusters.unpersist();

      if (tableCounts.length == 0) {
        exact.unpersist();
        story.unpersist();
        docs.unpersist();
        continue;
      }
      // MLlib MinHashLSH on the same shingles
      Dataset<Row> vectors = docs.select(col("article_id"), col("text"))
          .mapPartitions(new ShingleVectors(), ExpressionEncoder.apply(new StructType()
              .add("article_id", DataTypes.StringType)
              .add("features", SQLDataTypes.VectorType())))
          .persist(StorageLevel.MEMORY_AND_DISK());
      vectors.count(); // shingling is not part of either timed section
      for (int tables : tableCounts) {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        long t1 = System.nanoTime();
        AtomicReference<Dataset<Row>> found = new AtomicReference<>();
        Future<long[]> job = pool.submit(() -> {
          MinHashLSHModel model = new MinHashLSH().setNumHashTables(tables)
              .setInputCol("features").setOutputCol("hashes").setSeed(20241025L).fit(vectors);
          Dataset<Row> joined = model.approxSimilarityJoin(vectors, vectors, 1.0 - SETTINGS.threshold(), "dist")
              .select(col("datasetA.article_id").as("a"), col("datasetB.article_id").as("b"))
              .filter(col("a").lt(col("b")))
              .persist(StorageLevel.MEMORY_AND_DISK());
          found.set(joined);
          Dataset<Row> labelled = joined
              .join(story.select(col("article_id").as("a"), col("story_id").as("sa")), "a")
              .join(story.select(col("article_id").as("b"), col("story_id").as("sb")), "b");
          Row counts = labelled.agg(count(lit(1)),
              sum(org.apache.spark.sql.functions.when(col("sa").equalTo(col("sb")), 1L)
                  .otherwise(0L))).first();
          return new long[] {counts.getLong(0), counts.isNullAt(1) ? 0 : counts.getLong(1)};
        });
        try {
          long[] c = job.get(limitSeconds, TimeUnit.SECONDS);
          double seconds = (System.nanoTime() - t1) / 1e9;
          report(docsCount, "mllib-" + tables + "-tables", seconds, truthPairs, c[0], c[1],
              sampleTruth, exact.join(found.get().select(col("a").as("fa"), col("b").as("fb")),
                  col("a").equalTo(col("fa")).and(col("b").equalTo(col("fb")))).count());
        } catch (TimeoutException e) {
          spark.sparkContext().cancelAllJobs();
          System.out.printf(Locale.ROOT, "%d,mllib-%d-tables,>%d,%d,,,,,%d,%d,,(did not finish)%n",
              docsCount, tables, limitSeconds, truthPairs, sampleTruth.articles(),
              sampleTruth.exactPairs());
        } finally {
          pool.shutdownNow();
          if (found.get() != null) {
            found.get().unpersist();
          }
        }
      }
      vectors.unpersist();
      exact.unpersist();
      story.unpersist();
      docs.unpersist();
    }
    spark.stop();
  }

  private static List<String> overrides(String spaceSeparated) {
    return spaceSeparated == null || spaceSeparated.isBlank() ? List.of()
        : List.of(spaceSeparated.trim().split("\\s+"));
  }

  /** Sum of C(n, 2) over the groups' sizes. */
  private static long pairs(Dataset<Row> sizes) {
    Row r = sizes.agg(sum(col("n").multiply(col("n").minus(1)).divide(2)).cast("long")).first();
    return r.isNullAt(0) ? 0 : r.getLong(0);
  }

  private static void report(long n, String method, double seconds, long truthPairs,
      long found, long trueFound, SampleTruth sample, long sampleFound) {
    System.out.printf(Locale.ROOT, "%d,%s,%.1f,%d,%d,%d,%.4f,%.4f,%d,%d,%d,%.4f%n", n, method,
        seconds, truthPairs, found, trueFound,
        truthPairs == 0 ? 1.0 : (double) trueFound / truthPairs,
        found == 0 ? 1.0 : (double) trueFound / found, sample.articles(), sample.exactPairs(),
        sampleFound, sample.exactPairs() == 0 ? 1.0 : (double) sampleFound / sample.exactPairs());
  }

  /** The sample's size and its exact pairs (Jaccard at least the threshold, an end in it). */
  private record SampleTruth(long articles, long exactPairs) {}

  /** The project's shingles of each text as a sparse binary vector for MLlib. */
  static final class ShingleVectors implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    @Override
    public Iterator<Row> call(Iterator<Row> input) {
      Shingler shingler = Shingler.of(SETTINGS);
      ShingleBuffer buffer = new ShingleBuffer();
      NormalizedContent normalized = new NormalizedContent();
      List<Row> out = new ArrayList<>();
      while (input.hasNext()) {
        Row r = input.next();
        String text = r.getString(1) == null ? "" : r.getString(1);
        ContentNormalizer.normalize(text, normalized);
        int k = shingler.shingle(normalized, buffer);
        int[] idx = new int[k];
        for (int i = 0; i < k; i++) {
          idx[i] = (int) (buffer.array()[i] & ((1L << FEATURE_BITS) - 1));
        }
        idx = Arrays.stream(idx).distinct().sorted().toArray();
        if (idx.length == 0) {
          continue; // MLlib's MinHash rejects empty vectors
        }
        double[] ones = new double[idx.length];
        Arrays.fill(ones, 1.0);
        out.add(RowFactory.create(r.getString(0), Vectors.sparse(1 << FEATURE_BITS, idx, ones)));
      }
      return out.iterator();
    }
  }
}
