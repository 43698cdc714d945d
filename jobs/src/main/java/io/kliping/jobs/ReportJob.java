package io.kliping.jobs;

import io.kliping.report.ReportSettings;
import io.kliping.report.RunReport;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code report}: rebuilds the date's run report from the tables as they are now and the
 * recorded stage timings, e.g. after a stage was re-run elsewhere or an older report was lost.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Rebuild <warehouse>/_runs/dt=<D>/report.html from the date's tables and "
        + "timings.json.")
final class ReportJob implements Callable<Integer> {
  @Mixin
  JobOptions options;

  @Override
  public Integer call() {
    return Jobs.run("report", options, false, ctx -> {
      long start = System.nanoTime();
      ReportSettings settings = ReportSettings.load(Optional.ofNullable(options.configFile),
          options.asOverrides());
      Path path = RunReport.write(ctx.spark(), ctx.config().warehouse(), ctx.config().date(),
          settings);
      return List.of(new StageReport("report", ctx.config().date().toString(), Map.of(),
          Jobs.secondsSince(start), List.of("report: " + path)));
    });
  }
}
