package io.kliping.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Summary counts of a {@code duplicates} partition: one small aggregate, one row to the driver. */
final class DuplicateCounts {
  private DuplicateCounts() {}

  static Map<String, Long> of(Dataset<Row> duplicates) {
    Row r = duplicates.agg(
        sum(when(col("dup_type").equalTo("exact"), 1).otherwise(0)).as("exact"),
        sum(when(col("dup_type").equalTo("near"), 1).otherwise(0)).as("near"),
        countDistinct(col("cluster_id")).as("clusters"),
        count(lit(1)).as("all")).first();
    Map<String, Long> out = new LinkedHashMap<>();
    out.put("exact_copies", r.isNullAt(0) ? 0L : r.getLong(0));
    out.put("near_copies", r.isNullAt(1) ? 0L : r.getLong(1));
    out.put("duplicate_clusters", r.getLong(2));
    return out;
  }
}
