package io.kliping.dedup;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.StructType;

/**
 * The one place that crosses Spark's internal row API: a dataset's rows as {@link InternalRow}s
 * and such rows as a dataset again, without converting every value to a Java object and back
 * (what {@code javaRDD()} and {@code createDataFrame} do). Tied to the Spark version the project
 * builds with (4.0's classic session).
 */
final class InternalFrames {
  private InternalFrames() {}

  /** The rows of the dataset's physical plan; a task may reuse one row object for all. */
  static JavaRDD<InternalRow> rows(Dataset<Row> rows) {
    return rows.queryExecution().toRdd().toJavaRDD();
  }

  /**
   * Rows of {@code schema} as a dataset. As from Spark's own iterators, a task may return one row
   * object for all its rows: the dataset's scan copies each row before the next is asked for.
   */
  static Dataset<Row> frame(SparkSession spark, JavaRDD<InternalRow> rows, StructType schema) {
    return ((org.apache.spark.sql.classic.SparkSession) spark)
        .internalCreateDataFrame(rows.rdd(), schema, false);
  }
}
