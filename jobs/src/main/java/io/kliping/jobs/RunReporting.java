package io.kliping.jobs;

import io.kliping.report.ReportSettings;
import io.kliping.report.RunReport;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.hadoop.fs.Path;

/**
 * What a job run leaves for people besides its tables: its stages' timings merged into the
 * date's {@code timings.json}, and the rebuilt {@code report.html}. A failure here is reported
 * but does not fail the run: the tables are already published.
 */
final class RunReporting {
  /** Jobs that write warehouse tables of the date (the evaluation tools do not). */
  private static final Set<String> TABLE_JOBS =
      Set.of("ingest", "dedup", "entities", "cooccurrence", "pipeline");

  private RunReporting() {}

  /** @return the report's path and build time, when one was written */
  static Optional<String> finish(String job, JobContext ctx, ReportSettings settings,
      List<StageReport> reports) {
    if (!TABLE_JOBS.contains(job)) {
      return Optional.empty();
    }
    String warehouse = ctx.config().warehouse();
    long start = System.nanoTime();
    try {
      RunReport.recordTimings(ctx.spark(), warehouse, ctx.config().date(), reports.stream()
          .map(r -> new RunReport.StageRun(r.stage(), r.seconds(), r.counts(), r.details()))
          .toList());
      if (!settings.enabled()) {
        return Optional.empty();
      }
      Path path = RunReport.write(ctx.spark(), warehouse, ctx.config().date(), settings);
      return Optional.of(String.format(java.util.Locale.ROOT, "%s (built in %.1f s)", path,
          Jobs.secondsSince(start)));
    } catch (RuntimeException e) {
      System.err.println("kliping " + job + ": run report not written: " + e);
      return Optional.empty();
    }
  }
}
