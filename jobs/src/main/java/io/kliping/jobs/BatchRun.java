package io.kliping.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.kliping.io.Warehouse;
import io.kliping.schema.TableSpec;
import io.kliping.schema.Tables;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;

/**
 * One date's run as a unit: the tables of the date are staged by the stages and published
 * together at {@link #commit}, then the run manifest is written. A run that dies before the
 * commit leaves the date's tables and manifest as they were; one that dies during it leaves no
 * manifest, so the date reads as not done until a re-run completes it.
 */
final class BatchRun {
  /** Test hook (Spark setting): fail after every table is staged, before any is published. */
  static final String FAIL_BEFORE_COMMIT = "spark.kliping.test.fail-before-commit";

  private final JobContext ctx;
  private final String job;
  private final RunManifest planned;

  private BatchRun(JobContext ctx, String job, RunManifest planned) {
    this.ctx = ctx;
    this.job = job;
    this.planned = planned;
  }

  /** Lists and checksums the inputs (the manifest to be), before any table is read. */
  static BatchRun plan(JobContext ctx, String job) {
    return new BatchRun(ctx, job, RunManifest.plan(hadoop(ctx), ctx.config()));
  }

  /**
   * The report of a skipped run when the date is already done with the same inputs,
   * configuration and version (equal fingerprints) and every table it lists still has its
   * partition; empty otherwise.
   */
  Optional<StageReport> skipIfDone() {
    LocalDate dt = ctx.config().date();
    Warehouse wh = ctx.warehouse();
    Optional<JsonNode> done = RunManifest.read(hadoop(ctx), wh, dt);
    if (done.isEmpty() || !"done".equals(done.get().path("status").asText())
        || !planned.fingerprint().equals(done.get().path("fingerprint").asText())) {
      return Optional.empty();
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("skipped", 1L);
    for (Iterator<Map.Entry<String, JsonNode>> it = done.get().path("tables").fields();
         it.hasNext(); ) {
      Map.Entry<String, JsonNode> t = it.next();
      Optional<TableSpec> spec = Tables.ALL.stream().filter(s -> s.name().equals(t.getKey()))
          .findFirst();
      if (spec.isEmpty() || !wh.hasPartition(spec.get(), dt)) {
        return Optional.empty(); // a table was dropped or is unknown: not done any more
      }
      counts.put(t.getKey(), t.getValue().asLong());
    }
    return Optional.of(new StageReport(job, dt.toString(), counts, 0.0, List.of(
        "already done with the same inputs, configuration and version (" + wh.runPath(dt)
            + "/" + Warehouse.MANIFEST + ", finished " + done.get().path("finished_at").asText()
            + "): nothing run")));
  }

  /** From now on the stages' outputs are staged, not published (see {@link Warehouse}). */
  void begin() {
    ctx.warehouse().beginBatch(ctx.config().date());
  }

  /** Publishes every staged table of the date, then writes the manifest. */
  void commit(List<StageReport> stages) {
    if (Boolean.parseBoolean(ctx.spark().conf().get(FAIL_BEFORE_COMMIT, "false"))) {
      throw new IllegalStateException("injected failure before commit (" + FAIL_BEFORE_COMMIT
          + ")");
    }
    Map<String, Long> tables = ctx.warehouse().commitBatch();
    planned.write(hadoop(ctx), ctx.warehouse(), job, ctx.spark().version(),
        ctx.spark().sparkContext().master(), tables, stages);
  }

  private static Configuration hadoop(JobContext ctx) {
    return ctx.spark().sparkContext().hadoopConfiguration();
  }
}
