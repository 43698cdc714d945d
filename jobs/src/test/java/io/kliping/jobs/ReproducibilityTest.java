package io.kliping.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.kliping.io.TaskFaults;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The same input gives the same tables (content checksum of every partition of every table
 * found under the warehouse) whatever the parallelism and shuffle partitioning, and when tasks
 * fail and are retried: {@code local[1]} and {@code local[2]}, each with 1 and 7 shuffle
 * partitions, and {@code local[2,4]} with injected task failures. The reference is one core and
 * one shuffle partition; {@code StandaloneClusterIT} compares the cluster's tables to the same
 * reference. Adaptive execution's partition coalescing is off so that 7 partitions really are 7
 * reduce tasks (checked) instead of being merged back into one on this small input.
 */
class ReproducibilityTest {
  private static final String D = "2024-10-25";
  private static final String SAMPLE =
      Path.of("..", "sample", "news").toAbsolutePath().normalize().toString();

  @TempDir
  static Path tmp;

  private static Map<String, String> reference;

  @BeforeAll
  static void referenceRun() {
    reference = run("local[1]", 1, null, new AtomicInteger(), new ConcurrentSkipListSet<>());
    assertThat(reference).containsKeys("articles/dt=" + D, "rejects/dt=" + D,
        "cooccurrence/dt=" + D);
    assertThat(reference.get("articles/dt=" + D)).startsWith("31:");
  }

  @ParameterizedTest(name = "{0} with {1} shuffle partitions")
  @CsvSource({"local[1], 7", "local[2], 1", "local[2], 7"})
  void everyParallelismAndPartitioningGivesTheSameTables(String master, int partitions) {
    Set<Integer> stageTasks = new ConcurrentSkipListSet<>();
    assertThat(run(master, partitions, null, new AtomicInteger(), stageTasks))
        .isEqualTo(reference);
    assertThat(stageTasks).as("tasks per stage").contains(partitions);
  }

  @Test
  void failedAndRetriedTasksGiveTheSameTables() {
    AtomicInteger failedTasks = new AtomicInteger();
    assertThat(run("local[2,4]", 3, "2", failedTasks, new ConcurrentSkipListSet<>()))
        .isEqualTo(reference);
    assertThat(failedTasks.get()).as("tasks failed by the fault hook").isPositive();
  }

  /** Runs the pipeline on a fresh session and warehouse; returns the tables' checksums. */
  private static Map<String, String> run(String master, int shufflePartitions, String failEvery,
      AtomicInteger failedTasks, Set<Integer> stageTasks) {
    SparkSession.Builder b = SparkSession.builder().master(master)
        .appName("kliping-reproducibility-" + master)
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", Integer.toString(shufflePartitions))
        .config("spark.sql.adaptive.coalescePartitions.enabled", "false")
        .config("spark.driver.host", "127.0.0.1");
    if (failEvery != null) {
      b.config(TaskFaults.EVERY, failEvery);
    }
    SparkSession spark = b.getOrCreate();
    try {
      spark.sparkContext().addSparkListener(new SparkListener() {
        @Override
        public void onTaskEnd(SparkListenerTaskEnd end) {
          if (end.taskInfo().failed()) {
            failedTasks.incrementAndGet();
          }
        }

        @Override
        public void onStageCompleted(SparkListenerStageCompleted stage) {
          stageTasks.add(stage.stageInfo().numTasks());
        }
      });
      String wh = tmp.resolve(master.replaceAll("\\W", "_") + "-" + shufflePartitions).toString();
      assertThat(Main.execute("pipeline", "--input", SAMPLE, "--warehouse", wh, "--date", D))
          .isEqualTo(ExitCodes.OK);
      Map<String, String> sums = TableChecksums.of(spark, wh);
      for (int i = 0; i < 100 && (failEvery != null && failedTasks.get() == 0
          || !stageTasks.contains(shufflePartitions)); i++) {
        Thread.sleep(100); // listener events arrive asynchronously
      }
      return sums;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      spark.stop();
    }
  }
}
