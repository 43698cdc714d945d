package io.kliping.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The warehouse tables of one date as they are, for the report: a table is read only when its
 * partition exists and has the columns a section needs, so a date where only some stages ran
 * (or tables written by an older or newer version) still gives a report.
 */
final class DayTables {
  private final SparkSession spark;
  private final String warehouse;
  private final LocalDate dt;
  private final Map<String, Optional<Dataset<Row>>> opened = new HashMap<>();

  DayTables(SparkSession spark, String warehouse, LocalDate dt) {
    this.spark = spark;
    this.warehouse = warehouse;
    this.dt = dt;
  }

  LocalDate dt() {
    return dt;
  }

  /** The date's partition of the table when it exists and has all the columns, else empty. */
  Optional<Dataset<Row>> read(String table, String... columns) {
    Optional<Dataset<Row>> df = opened.computeIfAbsent(table, this::open);
    if (df.isEmpty()) {
      return df;
    }
    List<String> have = Arrays.asList(df.get().columns());
    for (String c : columns) {
      if (!have.contains(c)) {
        return Optional.empty();
      }
    }
    return df;
  }

  /** Opens a partition once per report (listing and schema inference are not free). */
  private Optional<Dataset<Row>> open(String table) {
    Path p = new Path(new Path(warehouse, table), "dt=" + dt);
    try {
      FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(p)) {
        return Optional.empty();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot check " + p, e);
    }
    try {
      return Optional.of(spark.read().parquet(p.toString()));
    } catch (RuntimeException e) { // an empty or unreadable partition: no schema to infer
      return Optional.empty();
    }
  }
}
