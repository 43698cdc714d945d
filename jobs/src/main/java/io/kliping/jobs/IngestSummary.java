package io.kliping.jobs;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.kliping.stages.IngestStage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The counts an ingest run reports: rejects per reason, records per input file, WARC records
 * skipped per kind, dates that could not be read, debris learned, and characters removed by
 * cleaning. Only aggregates reach the driver (one row per reason, kind or input file).
 */
final class IngestSummary {
  /** Files listed one by one in the details; the rest are summed up in one line. */
  static final int MAX_FILE_LINES = 20;

  private final Map<String, Long> counts = new LinkedHashMap<>();
  private final List<String> details = new ArrayList<>();

  private IngestSummary() {}

  Map<String, Long> counts() {
    return counts;
  }

  List<String> details() {
    return details;
  }

  static IngestSummary of(IngestStage.Result result) {
    IngestSummary s = new IngestSummary();
    Row totals = result.articles().agg(count(lit(1)),
        sum(length(coalesce(col("raw_text"), lit("")))),
        sum(when(col("raw_text").isNotNull(), length(col("text"))).otherwise(0))).first();
    for (Row r : result.rejects().groupBy(col("reason")).agg(count(lit(1)).as("n"))
        .orderBy(col("reason")).collectAsList()) {
      s.counts.put("reject." + r.getString(0), r.getLong(1));
    }
    for (Row r : result.prepared().filter(col("skipped").isNotNull()).groupBy(col("skipped"))
        .agg(sum(col("skipped_count"))).orderBy(col("skipped")).collectAsList()) {
      s.counts.put("skipped." + r.getString(0), r.getLong(1));
    }
    s.counts.put("warn.unparseable_date",
        result.prepared().filter(col("date_unparsed")).count());
    s.counts.put("debris_lines_learned", result.debrisLines().count());
    long raw = totals.isNullAt(1) ? 0 : totals.getLong(1);
    long clean = totals.isNullAt(2) ? 0 : totals.getLong(2);
    s.counts.put("raw_chars", raw);
    s.counts.put("clean_chars", clean);
    if (raw > 0) {
      s.details.add(String.format(Locale.ROOT,
          "cleaning removed %.2f%% of the articles' characters (%d of %d)",
          100.0 * (raw - clean) / raw, raw - clean, raw));
    }
    s.perFile(result);
    return s;
  }

  private void perFile(IngestStage.Result result) {
    Dataset<Row> outcomes = result.articles().select(col("input_file"), lit(1L).as("articles"),
            lit(0L).as("rejects"))
        .unionByName(result.rejects().select(col("input_file"), lit(0L).as("articles"),
            lit(1L).as("rejects")));
    List<Row> files = outcomes.groupBy(col("input_file"))
        .agg(sum(col("articles")).as("a"), sum(col("rejects")).as("r"))
        .orderBy(col("r").desc(), col("input_file")).collectAsList();
    int listed = 0;
    long quietFiles = 0;
    long quietArticles = 0;
    long quietRejects = 0;
    for (Row f : files) {
      long rejects = f.getLong(2);
      if (rejects > 0 && listed < MAX_FILE_LINES) {
        details.add(String.format(Locale.ROOT, "%s: %d articles, %d rejects", f.getString(0),
            f.getLong(1), rejects));
        listed++;
      } else {
        quietFiles++;
        quietArticles += f.getLong(1);
        quietRejects += rejects;
      }
    }
    if (quietFiles > 0) {
      details.add(String.format(Locale.ROOT, "%d other input files: %d articles, %d rejects",
          quietFiles, quietArticles, quietRejects));
    }
  }
}
