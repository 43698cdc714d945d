package io.kliping.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import io.kliping.schema.Tables;
import io.kliping.io.Warehouse;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;

/**
 * The short, human-readable end of a pipeline run: one line per stage and the rejects by reason.
 * The details (files with rejects, clusters, entities, pairs, plots) are in the run report,
 * whose path {@link Jobs} prints after this. Reads one small aggregate (a row per reason).
 */
final class RunSummary {
  /** Counts shown per stage (the first ones: what it read and wrote). */
  private static final int SUMMARY_COUNTS = 4;

  private RunSummary() {}

  static void print(JobContext ctx, List<StageReport> reports, double seconds, PrintStream out) {
    Warehouse wh = ctx.warehouse();
    LocalDate dt = ctx.config().date();
    out.printf(Locale.ROOT, "%nkliping pipeline: dt=%s done in %.1f s on %s, warehouse %s%n", dt,
        seconds, ctx.spark().sparkContext().master(), Redaction.redact(ctx.config().warehouse()));
    for (StageReport r : reports) {
      StringBuilder first = new StringBuilder(); // the full counts are on the stage's own line
      r.counts().entrySet().stream().limit(SUMMARY_COUNTS)
          .forEach(e -> first.append(' ').append(e.getKey()).append('=').append(e.getValue()));
      out.printf(Locale.ROOT, "  %-13s %6.1f s %s%n", r.stage(), r.seconds(), first);
    }
    List<Row> reasons = wh.read(Tables.REJECTS, dt).groupBy(col("reason"))
        .agg(count(lit(1)).as("n")).orderBy(col("n").desc(), col("reason")).collectAsList();
    if (!reasons.isEmpty()) {
      StringBuilder sb = new StringBuilder("  rejects by reason:");
      for (Row r : reasons) {
        sb.append(' ').append(r.getString(0)).append('=').append(r.getLong(1));
      }
      out.println(sb);
    }
  }
}
