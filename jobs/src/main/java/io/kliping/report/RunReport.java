package io.kliping.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The self-contained HTML run report of a date, {@code <warehouse>/_runs/dt=<D>/report.html}:
 * inputs and rejects, cleaning, languages, duplicates and clusters, entities, pairs, the entity
 * network and stage timings. Built from the date's tables as they are plus {@code timings.json},
 * so it can be rebuilt at any time ({@code report --date D}); plots are inline SVG and the file
 * loads nothing, so it opens offline and can be mailed around.
 */
public final class RunReport {
  private static final String CSS = """
      body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0;color:#222;
      background:#f6f7f9}header{background:#1f3a5f;color:#fff;padding:16px 28px}
      header h1{margin:0 0 4px;font-size:24px}header p{margin:0;opacity:.85}
      nav{padding:8px 28px;background:#e9edf3}nav a{margin-right:14px;color:#1f3a5f}
      main{padding:8px 28px 40px}section{background:#fff;border:1px solid #dde2ea;
      border-radius:6px;padding:8px 18px 16px;margin:16px 0}h2{font-size:19px;color:#1f3a5f}
      h3{font-size:15px}table{border-collapse:collapse;margin:8px 0;font-size:13px}
      th,td{border:1px solid #dde2ea;padding:3px 8px;text-align:left;vertical-align:top}
      th{background:#eef1f6}td.num{text-align:right}.missing{color:#9a4a00}
      svg.plot{display:block;margin:8px 0;border:1px solid #eef1f6}
      svg text{font-family:system-ui,sans-serif}.ttl{font-size:13px;font-weight:600}
      .lbl{font-size:11px;fill:#333}.val{font-size:11px;fill:#555}.nlbl{font-size:10px;fill:#222;
      paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}
      """;

  private RunReport() {}

  /** Builds the report and writes it atomically into the run folder; returns its path. */
  public static Path write(SparkSession spark, String warehouse, LocalDate dt,
      ReportSettings settings) {
    RunFolder folder = new RunFolder(warehouse, dt, spark.sparkContext().hadoopConfiguration());
    StageTimings timings = StageTimings.parse(folder.read(RunFolder.TIMINGS));
    String html = html(new DayTables(spark, warehouse, dt), settings, timings, warehouse);
    return folder.write(RunFolder.REPORT, html);
  }

  /** Merges the stages of a job run into the date's {@code timings.json}. */
  public static void recordTimings(SparkSession spark, String warehouse, LocalDate dt,
      List<StageRun> stages) {
    RunFolder folder = new RunFolder(warehouse, dt, spark.sparkContext().hadoopConfiguration());
    StageTimings timings = StageTimings.parse(folder.read(RunFolder.TIMINGS));
    stages.forEach(s -> timings.put(s.stage(), s.seconds(), s.counts(), s.details()));
    folder.write(RunFolder.TIMINGS, timings.toJson());
  }

  /** What a job run tells the report about one stage. */
  public record StageRun(String stage, double seconds, Map<String, Long> counts,
      List<String> details) {}

  static String html(DayTables tables, ReportSettings settings, StageTimings timings,
      String warehouse) {
    List<ReportSections.Section> sections =
        new ReportSections(tables, settings, timings).all();
    StringBuilder sb = new StringBuilder(64 * 1024);
    sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>kliping run report dt=").append(tables.dt()).append("</title>")
        .append("<style>").append(CSS).append("</style></head><body>\n")
        .append("<header><h1 id=\"report-title\">kliping run report, dt=").append(tables.dt())
        .append("</h1><p>warehouse ").append(Html.esc(warehouse)).append(", built ")
        .append(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)).append(" (UTC)</p></header>\n<nav>");
    sections.forEach(s -> sb.append("<a href=\"#").append(s.id()).append("\">")
        .append(Html.esc(s.title())).append("</a>"));
    sb.append("</nav>\n<main>\n");
    for (ReportSections.Section s : sections) {
      sb.append("<section id=\"").append(s.id()).append("\"><h2>").append(Html.esc(s.title()))
          .append("</h2>\n").append(s.body()).append("</section>\n");
    }
    return sb.append("</main></body></html>\n").toString();
  }
}
