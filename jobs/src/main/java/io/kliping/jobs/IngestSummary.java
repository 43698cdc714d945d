package io.kliping.jobs;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.kliping.report.VisibleChars;
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
  /** Learned debris lines shown, the most frequent first. */
  static final int MAX_DEBRIS_LINES = 10;

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
    // Characters other than white space: cleaning re-joins paragraphs with a blank line, which
    // is layout, not content.
    Row totals = result.articles().agg(count(lit(1)),
        sum(visibleChars(coalesce(col("raw_text"), lit("")))),
        sum(when(col("raw_text").isNotNull(), visibleChars(col("text"))).otherwise(0))).first();
    // one pass over the prepared records: skipped kinds, and (in the null group) bad dates
    long unparsedDates = 0;
    Map<String, Long> skipped = new java.util.TreeMap<>();
    for (Row r : result.prepared().groupBy(col("skipped"))
        .agg(sum(col("skipped_count")), sum(when(col("date_unparsed"), 1L).otherwise(0L)))
        .collectAsList()) {
      if (r.isNullAt(0)) {
        unparsedDates = r.getLong(2);
      } else {
        skipped.put("skipped." + r.getString(0), r.getLong(1));
      }
    }
    s.perFileAndReason(result);
    s.counts.putAll(skipped);
    s.counts.put("warn.unparseable_date", unparsedDates);
    s.counts.put("debris_lines_learned", result.debrisLines().count());
    for (Row r : result.debrisLines().orderBy(col("articles").desc(), col("source"), col("key"))
        .limit(MAX_DEBRIS_LINES).collectAsList()) {
      String line = r.getAs("line");
      s.details.add(String.format(Locale.ROOT, "learned debris of %s in %d articles: \"%s\"",
          r.<String>getAs("source"), r.<Long>getAs("articles"),
          line.length() > 80 ? line.substring(0, 80) + "..." : line));
    }
    long raw = totals.isNullAt(1) ? 0 : totals.getLong(1);
    long clean = totals.isNullAt(2) ? 0 : totals.getLong(2);
    s.counts.put("raw_chars_nonspace", raw);
    s.counts.put("clean_chars_nonspace", clean);
    if (raw > 0) {
      s.details.add(String.format(Locale.ROOT,
          "cleaning removed %.2f%% of the articles' non-space characters (%d of %d)",
          100.0 * (raw - clean) / raw, raw - clean, raw));
    }
    return s;
  }

  private static org.apache.spark.sql.Column visibleChars(org.apache.spark.sql.Column text) {
    return VisibleChars.of(text);
  }

  /** Rejects per reason (into the counts) and per input file (into the details). */
  private void perFileAndReason(IngestStage.Result result) {
    Dataset<Row> outcomes = result.articles().select(col("input_file"),
            lit(null).cast("string").as("reason"))
        .unionByName(result.rejects().select(col("input_file"), col("reason")));
    Map<String, long[]> byFile = new java.util.TreeMap<>(); // file -> {articles, rejects}
    Map<String, Long> byReason = new java.util.TreeMap<>();
    for (Row r : outcomes.groupBy(col("input_file"), col("reason")).agg(count(lit(1)))
        .collectAsList()) {
      long[] n = byFile.computeIfAbsent(r.getString(0), k -> new long[2]);
      if (r.isNullAt(1)) {
        n[0] += r.getLong(2);
      } else {
        n[1] += r.getLong(2);
        byReason.merge("reject." + r.getString(1), r.getLong(2), Long::sum);
      }
    }
    counts.putAll(byReason);
    List<Map.Entry<String, long[]>> files = new ArrayList<>(byFile.entrySet());
    files.sort(java.util.Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[1])
        .thenComparing(Map.Entry::getKey));
    int listed = 0;
    long quietFiles = 0;
    long quietArticles = 0;
    long quietRejects = 0;
    for (Map.Entry<String, long[]> f : files) {
      long rejects = f.getValue()[1];
      if (rejects > 0 && listed < MAX_FILE_LINES) {
        details.add(String.format(Locale.ROOT, "%s: %d articles, %d rejects", f.getKey(),
            f.getValue()[0], rejects));
        listed++;
      } else {
        quietFiles++;
        quietArticles += f.getValue()[0];
        quietRejects += rejects;
      }
    }
    if (quietFiles > 0) {
      details.add(String.format(Locale.ROOT, "%d other input files: %d articles, %d rejects",
          quietFiles, quietArticles, quietRejects));
    }
  }
}
