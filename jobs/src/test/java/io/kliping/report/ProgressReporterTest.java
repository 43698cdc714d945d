package io.kliping.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The progress reporter on a real Spark job held in the middle (its tasks wait on a latch, which
 * works because local-mode tasks run in this JVM): while held it reports the running stage with
 * tasks done/total and records read; once the job ends it reports nothing.
 */
class ProgressReporterTest {
  /** Tasks of the held job wait here (static: local-mode tasks share this class). */
  static final CountDownLatch RELEASE = new CountDownLatch(1);

  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = SparkSession.builder().master("local[2]").appName("kliping-progress-test")
        .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
        .getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void reportsTasksAndRecordsOfTheRunningStageAndPrintsLines() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
    try (ProgressReporter progress = ProgressReporter.start(spark.sparkContext(), "test", 0.2,
        out)) {
      // 4 partitions on 2 cores: partition 0 waits for the latch, the others finish at once
      MapPartitionsFunction<Long, Long> holdFirst = it -> {
        long first = it.hasNext() ? it.next() : -1; // range(0, 1000, 1, 4): partition 0: 0..249
        long n = 1;
        while (it.hasNext()) {
          it.next();
          n++;
        }
        if (first == 0) {
          RELEASE.await(120, TimeUnit.SECONDS);
        }
        return List.of(n).iterator();
      };
      CompletableFuture<List<Long>> job = CompletableFuture.supplyAsync(() -> spark.range(0, 1000,
          1, 4).as(Encoders.LONG()).mapPartitions(holdFirst, Encoders.LONG()).collectAsList());
      await(() -> {
        assertThat(job).as("the held job is still running").isNotDone();
        return progress.lines().stream().anyMatch(l -> l.contains("tasks=3/4"));
      });
      String line = progress.lines().get(0);
      assertThat(line).startsWith("kliping progress job=test spark_stage=")
          .contains("tasks=3/4 (75%)").containsPattern("records_read=\\d+");
      await(() -> printed.toString(StandardCharsets.UTF_8).contains("tasks=3/4 (75%)"));
      RELEASE.countDown();
      assertThat(job.get(120, TimeUnit.SECONDS)).hasSize(4);
      await(() -> progress.lines().isEmpty());
    } finally {
      RELEASE.countDown();
    }
  }

  /** Waits for a condition the listener bus or the timer makes true (no timing asserted). */
  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition reached within 120 s").isLessThan(deadline);
      Thread.sleep(20);
    }
  }
}
