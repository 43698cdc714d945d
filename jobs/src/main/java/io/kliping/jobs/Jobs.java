package io.kliping.jobs;

import io.kliping.config.ConfigException;
import io.kliping.config.KlipingConfig;
import io.kliping.io.InputException;
import io.kliping.report.ProgressReporter;
import io.kliping.report.ReportSettings;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/**
 * The one way every job runs: validate the configuration (usage errors end here, before Spark
 * starts), start Spark, run the stages, print one report line per stage, and map failures to
 * the documented exit codes.
 */
final class Jobs {
  /** A job body: the stages it runs, given a started context. */
  @FunctionalInterface
  interface Body {
    List<StageReport> run(JobContext ctx);
  }

  private Jobs() {}

  static int run(String job, JobOptions options, boolean needsInput, Body body) {
    PrintStream err = System.err;
    KlipingConfig config;
    ReportSettings reportSettings;
    try {
      config = JobContext.configure(options);
      reportSettings = ReportSettings.load(Optional.ofNullable(options.configFile),
          options.asOverrides());
      if (needsInput && config.input().paths().isEmpty()) {
        throw new ConfigException("no input: give --input PATH (or kliping.input.paths)");
      }
      Preflight.check(config, needsInput);
    } catch (ConfigException e) {
      err.println(Redaction.redact("kliping " + job + ": " + e.getMessage()));
      return ExitCodes.USAGE;
    } catch (InputException e) {
      err.println(Redaction.redact("kliping " + job + ": " + e.getMessage()));
      return ExitCodes.NO_INPUT;
    }
    long start = System.nanoTime();
    try (JobContext ctx = JobContext.start(job, config);
        ProgressReporter progress = ProgressReporter.start(ctx.spark().sparkContext(), job,
            reportSettings.progressIntervalSeconds(), err)) {
      List<StageReport> reports = body.run(ctx);
      Optional<String> report = RunReporting.finish(job, ctx, reportSettings, reports);
      if (reports.size() == 1) {
        System.out.println(reports.get(0).line());
        reports.get(0).details().forEach(d -> System.out.println(Redaction.redact("  " + d)));
      } else {
        RunSummary.print(ctx, reports, (System.nanoTime() - start) / 1e9, System.out);
      }
      report.ifPresent(p -> System.out.println("kliping report: " + p));
      return ExitCodes.OK;
    } catch (ConfigException e) {
      err.println(Redaction.redact("kliping " + job + ": " + e.getMessage()));
      return ExitCodes.USAGE;
    } catch (InputException e) {
      err.println(Redaction.redact("kliping " + job + ": " + e.getMessage()));
      return ExitCodes.NO_INPUT;
    } catch (RuntimeException e) {
      err.println(Redaction.redact("kliping " + job + ": failed: " + e));
      java.io.StringWriter trace = new java.io.StringWriter();
      e.printStackTrace(new java.io.PrintWriter(trace));
      err.print(Redaction.redact(trace.toString()));
      return ExitCodes.FAILED;
    }
  }

  static double secondsSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
