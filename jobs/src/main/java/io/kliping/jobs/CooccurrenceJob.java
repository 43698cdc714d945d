package io.kliping.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.kliping.config.KlipingConfig;
import io.kliping.cooc.CooccurrenceOrder;
import io.kliping.cooc.CooccurrenceStage;
import io.kliping.cooc.RollingWindows;
import io.kliping.cooc.TopPartners;
import io.kliping.io.Warehouse;
import io.kliping.schema.Tables;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code cooccurrence}: articles and mentions of a date to its {@code cooccurrence_counts},
 * {@code cooccurrence}, {@code cooccurrence_rolling} and {@code cooccurrence_top} partitions.
 * Rolling windows come from the daily counts only; re-counting a day also rewrites the later
 * windows (and their top partners) that include it.
 */
@Command(name = "cooccurrence", mixinStandardHelpOptions = true,
    description = "Count entity pairs per document, sentence and token window (each duplicate "
        + "cluster once) with PMI/NPMI/G2/Jaccard, rolling windows and top partners.")
final class CooccurrenceJob implements Callable<Integer> {
  @Mixin
  JobOptions options;

  @Override
  public Integer call() {
    return Jobs.run("cooccurrence", options, false, ctx -> List.of(run(ctx)));
  }

  static StageReport run(JobContext ctx) {
    long start = System.nanoTime();
    KlipingConfig config = ctx.config();
    KlipingConfig.Cooccurrence settings = config.cooccurrence();
    LocalDate day = config.date();
    Warehouse wh = ctx.warehouse();
    CooccurrenceStage stage = CooccurrenceStage.create(settings);
    Dataset<Row> articles = wh.read(Tables.ARTICLES, day);
    Dataset<Row> mentions = wh.read(Tables.MENTIONS, day);

    List<Integer> rollingDays = settings.rollingDays();
    int longest = rollingDays.stream().mapToInt(Integer::intValue).max().orElse(1);
    List<LocalDate> ends = RollingWindows.endsAfterRecount(day,
        wh.datesBetween(Tables.COOCCURRENCE_COUNTS, day.plusDays(1), day.plusDays(longest)),
        longest);
    LocalDate first = RollingWindows.firstDayNeeded(ends, longest);
    LocalDate afterLast = ends.get(ends.size() - 1).plusDays(1);
    Dataset<Row> otherDays = wh.readRange(Tables.COOCCURRENCE_COUNTS, first, afterLast)
        .filter(col(Tables.PARTITION_COLUMN).notEqual(java.sql.Date.valueOf(day)));
    CooccurrenceOrder order = CooccurrenceOrder.rank(
        CooccurrenceOrder.entityIds(mentions, otherDays), settings);

    List<Warehouse.Staged> staged = new ArrayList<>();
    Warehouse.Staged counts = wh.stage(Tables.COOCCURRENCE_COUNTS, day,
        stage.counts(articles, mentions, Optional.of(order.entities())),
        order.of(Tables.COOCCURRENCE_COUNTS));
    staged.add(counts);
    long capped = stage.cappedDocuments(articles, mentions);

    Dataset<Row> daily = otherDays.unionByName(wh.readStaged(counts));
    Dataset<Row> names = TopPartners.latestNames(
        wh.readRange(Tables.ENTITIES, first, afterLast));
    // Each window end's tables are computed once and not cached: the one-day scores are cheap
    // to compute again (no sum), and the rolling scores are read back from their staged files
    // for the top partners, which need only the pairs with at least top-k.min-count units.
    for (LocalDate end : ends) {
      // The measures are computed as the sorted pairs are written, so the pairs are shuffled
      // and sorted without them.
      Dataset<Row> oneDayPairs = stage.pairs(RollingWindows.sumDays(ctx.spark(), daily,
          List.of(end), List.of(1), stage.counting()), RollingWindows.GROUPS,
          Optional.of(order.entities()), 1);
      if (end.equals(day)) {
        staged.add(wh.stage(Tables.COOCCURRENCE, day, oneDayPairs, order.of(Tables.COOCCURRENCE),
            stage.measures()));
      }
      Warehouse.Staged rolling = wh.stage(Tables.COOCCURRENCE_ROLLING, end,
          stage.pairs(RollingWindows.sumDays(ctx.spark(), daily, List.of(end), rollingDays,
              stage.counting()), RollingWindows.GROUPS, Optional.of(order.entities()),
              rollingDays.size()),
          order.of(Tables.COOCCURRENCE_ROLLING), stage.measures());
      Dataset<Row> scored = stage.withMeasures(oneDayPairs).unionByName(wh.readStaged(rolling)
          .withColumn("window_end", lit(java.sql.Date.valueOf(end))), true);
      Warehouse.Staged best = wh.stage(Tables.COOCCURRENCE_TOP, end,
          TopPartners.of(scored, RollingWindows.GROUPS, names, settings,
              Optional.of(order.entities())),
          order.of(Tables.COOCCURRENCE_TOP));
      // A later day's windows are refreshed in place: that day's own run stays finished.
      staged.add(end.equals(day) ? rolling : rolling.asRefresh());
      staged.add(end.equals(day) ? best : best.asRefresh());
    }
    order.release();
    List<String> details = new ArrayList<>();
    details.add("levels=" + String.join(",", settings.levels()) + " window_tokens="
        + settings.windowTokens() + " rolling_days=" + settings.rollingDays()
        + " counting=" + stage.counting());
    if (ends.size() > 1) {
      details.add("re-counted a past day: rolling windows and top partners rewritten for "
          + ends.stream().map(LocalDate::toString).collect(Collectors.joining(", ")));
    }
    if (capped > 0) {
      details.add("WARN capped_documents=" + capped + ": documents with more than "
          + settings.maxEntitiesPerDoc() + " distinct entities kept their first "
          + settings.maxEntitiesPerDoc() + " (kliping.cooccurrence.max-entities-per-doc)");
    }
    wh.publish(staged);
    Map<String, Long> written = new LinkedHashMap<>();
    for (Warehouse.Staged s : staged) {
      if (s.dt().equals(day)) {
        written.put(s.table().name(), s.rows());
      }
    }
    written.put("later_windows_rewritten", (long) ends.size() - 1);
    written.put("capped_documents", capped);
    return new StageReport("cooccurrence", day.toString(), written, Jobs.secondsSince(start),
        details);
  }
}
