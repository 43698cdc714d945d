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
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The short, human-readable end of a pipeline run: what came in, what was merged, what was found.
 * Reads only small aggregates of the published tables (a few rows each to the driver).
 */
final class RunSummary {
  private static final int TOP_PAIRS = 8;
  private static final int TOP_PAIRS_MIN_COUNT = 3;

  private RunSummary() {}

  static void print(JobContext ctx, List<StageReport> reports, double seconds, PrintStream out) {
    Warehouse wh = ctx.warehouse();
    LocalDate dt = ctx.config().date();
    out.printf(Locale.ROOT, "%nkliping pipeline: dt=%s done in %.1f s on %s, warehouse %s%n", dt,
        seconds, ctx.spark().sparkContext().master(), Redaction.redact(ctx.config().warehouse()));
    for (StageReport r : reports) {
      out.printf(Locale.ROOT, "  %-13s %6.1f s  %s%n", r.stage(), r.seconds(), r.counts());
      r.details().forEach(d -> out.println(Redaction.redact("      " + d)));
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
    Dataset<Row> entities = wh.read(Tables.ENTITIES, dt);
    List<Row> top = wh.read(Tables.COOCCURRENCE, dt)
        .filter(col("level").equalTo("document").and(col("n_ab").geq(TOP_PAIRS_MIN_COUNT)))
        .join(entities.select(col("entity_id").as("entity_a"), col("name").as("name_a")), "entity_a")
        .join(entities.select(col("entity_id").as("entity_b"), col("name").as("name_b")), "entity_b")
        .orderBy(col("npmi").desc(), col("n_ab").desc(), col("entity_a"), col("entity_b"))
        .limit(TOP_PAIRS)
        .select(col("name_a"), col("name_b"), col("n_ab"), col("npmi"), col("g2"))
        .collectAsList();
    if (!top.isEmpty()) {
      out.println("  top document-level entity pairs by NPMI (n_ab >= " + TOP_PAIRS_MIN_COUNT + "):");
      for (Row r : top) {
        out.printf(Locale.ROOT, "    %-28s %-28s n_ab=%-4d npmi=%.3f g2=%.1f%n", r.getString(0),
            r.getString(1), r.getLong(2), r.getDouble(3), r.getDouble(4));
      }
    }
  }
}
