package io.kliping.jobs;

import io.kliping.config.ConfigLoader;
import io.kliping.config.KlipingConfig;
import io.kliping.io.Warehouse;
import java.util.Optional;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * What a running job holds: its validated configuration, the Spark session and the warehouse.
 * The configuration is loaded and checked before the session starts, so a bad call fails
 * without any Spark work.
 */
public final class JobContext implements AutoCloseable {
  private final KlipingConfig config;
  private final SparkSession spark;
  private final Warehouse warehouse;
  private final boolean ownsSession;

  private JobContext(KlipingConfig config, SparkSession spark, boolean ownsSession) {
    this.config = config;
    this.spark = spark;
    this.ownsSession = ownsSession;
    this.warehouse = new Warehouse(spark, config.warehouse(), config.output().filesPerPartition(),
        config.output().articlesRowGroupBytes());
  }

  /** Loads and validates the configuration; throws {@link io.kliping.config.ConfigException}. */
  static KlipingConfig configure(JobOptions options) {
    return ConfigLoader.load(Optional.ofNullable(options.configFile), options.asOverrides());
  }

  /**
   * Starts (or joins) the Spark session. Under spark-submit the master and settings come from
   * the submitter; run directly (embedded), the master defaults to {@code local[*]}.
   */
  static JobContext start(String job, KlipingConfig config) {
    scala.Option<SparkSession> active = SparkSession.getActiveSession();
    if (active.isDefined()) {
      return new JobContext(config, active.get(), false); // embedding code owns its settings
    }
    SparkConf conf = new SparkConf();
    if (!conf.contains("spark.master")) {
      conf.setMaster("local[*]");
    }
    conf.setIfMissing("spark.app.name", "kliping-" + job);
    conf.setIfMissing("spark.sql.shuffle.partitions",
        Integer.toString(config.spark().shufflePartitions()));
    conf.setIfMissing("spark.sql.adaptive.autoBroadcastJoinThreshold",
        Long.toString(config.spark().broadcastJoinThreshold()));
    conf.setIfMissing("spark.sql.files.maxPartitionBytes",
        Long.toString(config.spark().maxSplitBytes()));
    conf.setIfMissing("spark.sql.session.timeZone", "UTC");
    conf.setIfMissing("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
    conf.setIfMissing("spark.ui.showConsoleProgress", "false");
    return new JobContext(config, SparkSession.builder().config(conf).getOrCreate(), true);
  }

  public KlipingConfig config() {
    return config;
  }

  public SparkSession spark() {
    return spark;
  }

  public Warehouse warehouse() {
    return warehouse;
  }

  @Override
  public void close() {
    if (ownsSession) {
      spark.stop();
    }
  }
}
