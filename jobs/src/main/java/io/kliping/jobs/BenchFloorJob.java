package io.kliping.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

import io.kliping.config.ConfigException;
import io.kliping.config.KlipingConfig;
import io.kliping.io.InputException;
import io.kliping.io.InputFiles;
import io.kliping.io.RawRecords;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.encoders.ExpressionEncoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code bench-floor} (hidden, for {@code scripts/bench.sh}): the read-and-hash floor. Reads the
 * input through ingest's own reader ({@link RawRecords}: for JSON Lines .gz one streaming task
 * per file) and hashes every record's text ({@link HashRecordsFunction}), forced to completion by
 * one aggregate; nothing is written. Its time is what any job that reads the dump must pay, the
 * yardstick of the "dedup <= 1.5x floor, pipeline <= 3x" targets.
 */
@Command(name = "bench-floor", hidden = true, mixinStandardHelpOptions = true,
    description = "Benchmark floor: read the input as ingest does and hash each record's text.")
final class BenchFloorJob implements Callable<Integer> {
  @Mixin
  JobOptions options;

  @Override
  public Integer call() {
    KlipingConfig config;
    try {
      config = JobContext.configure(options);
      if (config.input().paths().isEmpty()) {
        throw new ConfigException("no input: give --input PATH");
      }
    } catch (ConfigException e) {
      System.err.println("kliping bench-floor: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    try (JobContext ctx = JobContext.start("bench-floor", config)) {
      long start = System.nanoTime();
      InputFiles.Listing files = InputFiles.list(ctx.spark().sparkContext().hadoopConfiguration(),
          config.input().paths(), config.input().format());
      if (files.isEmpty()) {
        throw new InputException("no article files in " + config.input().paths());
      }
      Row totals = RawRecords.read(ctx.spark(), files).select(col("line"))
          .mapPartitions(new HashRecordsFunction(),
              ExpressionEncoder.apply(HashRecordsFunction.SCHEMA))
          .agg(sum("records"), sum("chars"), sum("checksum"))
          .first();
      Map<String, Long> counts = new LinkedHashMap<>();
      counts.put("records", totals.isNullAt(0) ? 0L : totals.getLong(0));
      counts.put("chars", totals.isNullAt(1) ? 0L : totals.getLong(1));
      counts.put("checksum", totals.isNullAt(2) ? 0L : totals.getLong(2));
      System.out.println(new StageReport("floor", config.date().toString(), counts,
          Jobs.secondsSince(start)).line());
      return ExitCodes.OK;
    } catch (InputException e) {
      System.err.println("kliping bench-floor: " + e.getMessage());
      return ExitCodes.NO_INPUT;
    }
  }
}
