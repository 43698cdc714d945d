package io.kliping.report;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.SparkContext;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.StageInfo;

/**
 * Progress of a long run: a Spark listener counts finished tasks and records read per running
 * Spark stage, and every {@code interval} seconds one line per running stage is printed, e.g.
 * {@code kliping progress job=pipeline spark_stage=12 tasks=6/16 (37%) records_read=120000
 * elapsed=42s: parquet at Warehouse.java:160}. Nothing is printed while no stage runs, so short
 * runs stay quiet.
 */
public final class ProgressReporter extends SparkListener implements AutoCloseable {
  /** What is known about one running Spark stage. */
  private static final class Running {
    final StageInfo info;
    final long startedNanos = System.nanoTime();
    final AtomicLong tasksDone = new AtomicLong();
    final AtomicLong recordsRead = new AtomicLong();

    Running(StageInfo info) {
      this.info = info;
    }
  }

  private final String job;
  private final PrintStream out;
  private final Map<Integer, Running> running = new ConcurrentSkipListMap<>();
  private SparkContext sc;
  private ScheduledExecutorService timer;
  private long intervalNanos;

  ProgressReporter(String job, PrintStream out) {
    this.job = job;
    this.out = out;
  }

  /**
   * Registers a reporter on the context printing every {@code intervalSeconds} to
   * {@code out}; with an interval of 0 it only counts (nothing is printed).
   */
  public static ProgressReporter start(SparkContext sc, String job, double intervalSeconds,
      PrintStream out) {
    ProgressReporter p = new ProgressReporter(job, out);
    p.sc = sc;
    sc.addSparkListener(p);
    if (intervalSeconds > 0) {
      long millis = Math.max(100, Math.round(intervalSeconds * 1000));
      p.intervalNanos = TimeUnit.MILLISECONDS.toNanos(millis);
      p.timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kliping-progress");
        t.setDaemon(true);
        return t;
      });
      p.timer.scheduleAtFixedRate(p::print, millis, millis, TimeUnit.MILLISECONDS);
    }
    return p;
  }

  @Override
  public void onStageSubmitted(SparkListenerStageSubmitted event) {
    StageInfo info = event.stageInfo();
    running.put(info.stageId(), new Running(info));
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd event) {
    Running r = running.get(event.stageId());
    if (r == null) {
      return;
    }
    if (event.taskInfo() != null && event.taskInfo().successful()) {
      r.tasksDone.incrementAndGet();
    }
    TaskMetrics m = event.taskMetrics();
    if (m != null) {
      r.recordsRead.addAndGet(m.inputMetrics().recordsRead()
          + m.shuffleReadMetrics().recordsRead());
    }
  }

  @Override
  public void onStageCompleted(SparkListenerStageCompleted event) {
    running.remove(event.stageInfo().stageId());
  }

  /** One line per running Spark stage, in stage order; empty when none runs. */
  public List<String> lines() {
    return lines(0);
  }

  /** Lines of the stages that have run for at least {@code minAgeNanos}. */
  private List<String> lines(long minAgeNanos) {
    List<String> lines = new ArrayList<>();
    long now = System.nanoTime();
    for (Running r : running.values()) {
      if (now - r.startedNanos < minAgeNanos) {
        continue;
      }
      int total = r.info.numTasks();
      long done = r.tasksDone.get();
      long elapsed = (now - r.startedNanos) / 1_000_000_000L;
      lines.add(String.format(Locale.ROOT,
          "kliping progress job=%s spark_stage=%d tasks=%d/%d (%d%%) records_read=%d "
              + "elapsed=%ds: %s", job, r.info.stageId(), done, total,
          total == 0 ? 0 : done * 100 / total, r.recordsRead.get(), elapsed, r.info.name()));
    }
    return lines;
  }

  private void print() {
    try {
      // only stages that have run for a whole interval: short stages stay quiet
      List<String> lines = lines(intervalNanos);
      lines.forEach(out::println);
    } catch (RuntimeException e) {
      // progress is best effort: never let it disturb the run
    }
  }

  @Override
  public void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
    if (sc != null) {
      sc.removeSparkListener(this);
    }
  }
}
