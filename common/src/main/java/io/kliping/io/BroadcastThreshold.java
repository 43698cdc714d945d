package io.kliping.io;

import org.apache.spark.network.util.JavaUtils;
import org.apache.spark.sql.SparkSession;

/**
 * The size up to which this session broadcasts the smaller side of a join: {@code
 * spark.sql.adaptive.autoBroadcastJoinThreshold}, else {@code spark.sql.autoBroadcastJoinThreshold}
 * (the jobs set the first, {@code kliping.spark.broadcast-join-threshold}). For a side whose
 * size has a bound known before it is computed: marked for broadcast from the start when the
 * bound fits, it spares the other side the shuffle that adaptive execution plans for a sort-merge
 * join and drops only once the small side has been measured, often after that shuffle has run.
 */
public final class BroadcastThreshold {
  static final String ADAPTIVE = "spark.sql.adaptive.autoBroadcastJoinThreshold";
  static final String STATIC = "spark.sql.autoBroadcastJoinThreshold";

  private BroadcastThreshold() {}

  /** The threshold in bytes; negative (or 0) when broadcasting by size is off. */
  public static long bytes(SparkSession spark) {
    String value = spark.conf().getOption(ADAPTIVE).getOrElse(() -> spark.conf().get(STATIC));
    String v = value.trim();
    return v.startsWith("-") ? -JavaUtils.byteStringAsBytes(v.substring(1))
        : JavaUtils.byteStringAsBytes(v);
  }

  /** Whether a side of at most {@code bytes} is within the threshold. */
  public static boolean fits(SparkSession spark, double bytes) {
    long threshold = bytes(spark);
    return threshold > 0 && bytes <= threshold;
  }
}
