package io.kliping.io;

import java.util.Iterator;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A test hook that proves retried tasks give the same tables: with the Spark setting
 * {@value #EVERY} = N (N &gt; 0), the first attempt of every N-th task computing a table's rows
 * fails, so Spark must retry it (a master such as {@code local[2,4]} or a cluster allows
 * retries). Unset, it adds nothing to the plan.
 */
public final class TaskFaults {
  /** Spark setting: fail the first attempt of tasks whose partition id is a multiple of N. */
  public static final String EVERY = "spark.kliping.test.fail-first-attempt-every";

  private TaskFaults() {}

  /** The rows, through a failing step when the hook is on. */
  static Dataset<Row> inject(SparkSession spark, Dataset<Row> rows) {
    int every = Integer.parseInt(spark.conf().get(EVERY, "0"));
    if (every <= 0) {
      return rows;
    }
    return spark.createDataFrame(rows.javaRDD().mapPartitions(new FailFirstAttempt(every)),
        rows.schema());
  }

  private record FailFirstAttempt(int every) implements FlatMapFunction<Iterator<Row>, Row> {
    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      TaskContext task = TaskContext.get();
      if (task.attemptNumber() == 0 && task.partitionId() % every == 0) {
        throw new IllegalStateException("injected task failure (" + EVERY + "): stage "
            + task.stageId() + " partition " + task.partitionId());
      }
      return rows;
    }
  }
}
