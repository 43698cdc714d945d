package io.kliping.report;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * The sections of the run report, each built from small aggregates of the date's tables (only
 * top-N lists and per-category counts reach the driver). A section whose table is missing says
 * so instead of failing the report.
 */
final class ReportSections {
  /** One section: anchor id, heading and HTML body. */
  record Section(String id, String title, String body) {}

  private static final int MAX_FILE_ROWS = 50;
  private static final int MAX_SOURCES = 20;
  private static final int CLUSTER_TITLES = 5;

  private final DayTables tables;
  private final ReportSettings settings;
  private final StageTimings timings;

  ReportSections(DayTables tables, ReportSettings settings, StageTimings timings) {
    this.tables = tables;
    this.settings = settings;
    this.timings = timings;
  }

  List<Section> all() {
    return List.of(inputs(), cleaning(), languages(), duplicates(), clusters(), entities(),
        pairs(), network(), stageTimings());
  }

  Section inputs() {
    StringBuilder sb = new StringBuilder();
    Optional<Dataset<Row>> articles = tables.read("articles", "article_id");
    Optional<Dataset<Row>> rejects = tables.read("rejects", "input_file", "reason");
    long nArticles = articles.map(Dataset::count).orElse(0L);
    long nRejects = rejects.map(Dataset::count).orElse(0L);
    sb.append(String.format(Locale.ROOT,
        "<p class=\"totals\"><span id=\"total-records\">%d</span> input records: "
            + "<span id=\"total-articles\">%d</span> articles, "
            + "<span id=\"total-rejects\">%d</span> rejects.</p>%n",
        nArticles + nRejects, nArticles, nRejects));
    timings.stages().stream().filter(s -> s.name().equals("ingest")).findFirst()
        .ifPresent(s -> {
          sb.append("<p>Input files with rejects (from the ingest run):</p><ul class=\"files\">");
          s.details().stream().filter(d -> d.contains(" articles, ") && d.endsWith(" rejects"))
              .forEach(d -> sb.append("<li>").append(Html.esc(d)).append("</li>"));
          sb.append("</ul>\n");
        });
    if (rejects.isEmpty()) {
      sb.append(missing("rejects"));
      return new Section("inputs", "Input and rejects", sb.toString());
    }
    List<Row> byReason = rejects.get().groupBy(col("reason")).agg(count(lit(1)).as("n"))
        .orderBy(col("n").desc(), col("reason")).collectAsList();
    List<Svg.Bar> bars = new ArrayList<>();
    byReason.forEach(r -> bars.add(new Svg.Bar(r.getString(0), r.getLong(1),
        Long.toString(r.getLong(1)))));
    if (!bars.isEmpty()) {
      sb.append(Svg.bars("plot-rejects", "Rejects by reason", bars));
    }
    List<Row> byFile = rejects.get().groupBy(col("input_file"), col("reason"))
        .agg(count(lit(1)).as("n")).orderBy(col("n").desc(), col("input_file"), col("reason"))
        .limit(MAX_FILE_ROWS).collectAsList();
    sb.append(table("table-rejects", List.of("input file", "reason", "rejects"), byFile.stream()
        .map(r -> List.<Object>of(r.getString(0), r.getString(1), r.getLong(2))).toList()));
    return new Section("inputs", "Input and rejects", sb.toString());
  }

  Section cleaning() {
    Optional<Dataset<Row>> articles = tables.read("articles", "source", "text", "raw_text");
    if (articles.isEmpty()) {
      return new Section("cleaning", "Text removed by cleaning", missing("articles"));
    }
    Column raw = visible(col("raw_text"));
    Column clean = when(col("raw_text").isNotNull(), visible(col("text"))).otherwise(0);
    // One pass over the texts (the regular expressions are most of the report's work): the
    // totals are the sums of the per-source sums, which are kept (one row per source) for both.
    Dataset<Row> perSource = articles.get()
        .groupBy(coalesce(col("source"), lit("(none)")).as("source"))
        .agg(count(lit(1)).as("n"), sum(coalesce(raw, lit(0))).as("raw"), sum(clean).as("clean"))
        .persist(StorageLevel.MEMORY_AND_DISK());
    List<Row> rows;
    Row total;
    try {
      rows = perSource.orderBy(col("n").desc(), col("source")).limit(MAX_SOURCES)
          .collectAsList();
      total = perSource.agg(sum(col("raw")), sum(col("clean"))).first();
    } finally {
      perSource.unpersist();
    }
    long rawAll = total.isNullAt(0) ? 0 : total.getLong(0);
    long cleanAll = total.isNullAt(1) ? 0 : total.getLong(1);
    StringBuilder sb = new StringBuilder();
    if (rawAll == 0) {
      sb.append("<p>No raw text kept (kliping.clean.keep-raw-text = false): nothing to compare."
          + "</p>");
      return new Section("cleaning", "Text removed by cleaning", sb.toString());
    }
    sb.append(String.format(Locale.ROOT,
        "<p>Cleaning removed <b id=\"removed-share\">%s</b> of the articles' non-space "
            + "characters (%d of %d).</p>%n", pct(rawAll - cleanAll, rawAll), rawAll - cleanAll,
        rawAll));
    List<Svg.Bar> bars = new ArrayList<>();
    List<List<Object>> cells = new ArrayList<>();
    for (Row r : rows) {
      long rw = r.isNullAt(2) ? 0 : r.getLong(2);
      long cl = r.isNullAt(3) ? 0 : r.getLong(3);
      double share = rw == 0 ? 0 : (double) (rw - cl) / rw;
      bars.add(new Svg.Bar(r.getString(0), share, pct(rw - cl, rw)));
      cells.add(List.of(r.getString(0), r.getLong(1), rw, rw - cl, pct(rw - cl, rw)));
    }
    sb.append(Svg.bars("plot-cleaning", "Share of characters removed, per source", bars));
    sb.append(table("table-cleaning",
        List.of("source", "articles", "raw chars", "removed", "share"), cells));
    return new Section("cleaning", "Text removed by cleaning", sb.toString());
  }

  Section languages() {
    Optional<Dataset<Row>> articles = tables.read("articles", "lang");
    if (articles.isEmpty()) {
      return new Section("languages", "Languages", missing("articles"));
    }
    List<Row> rows = articles.get().groupBy(col("lang")).agg(count(lit(1)).as("n"))
        .orderBy(col("n").desc(), col("lang")).limit(settings.topN()).collectAsList();
    List<Svg.Bar> bars = new ArrayList<>();
    rows.forEach(r -> bars.add(new Svg.Bar(String.valueOf(r.getString(0)), r.getLong(1),
        Long.toString(r.getLong(1)))));
    return new Section("languages", "Languages",
        bars.isEmpty() ? "<p>No articles.</p>" : Svg.bars("plot-languages", "Articles per language", bars));
  }

  Section duplicates() {
    Optional<Dataset<Row>> articles = tables.read("articles", "source", "is_canonical");
    if (articles.isEmpty()) {
      return new Section("duplicates", "Duplicates per source", missing("articles"));
    }
    Dataset<Row> a = articles.get();
    if (a.filter(col("is_canonical").isNotNull()).isEmpty()) {
      return new Section("duplicates", "Duplicates per source",
          "<p class=\"missing\">dedup has not run for this date.</p>");
    }
    List<Row> rows = a.groupBy(coalesce(col("source"), lit("(none)")).as("source"))
        .agg(count(lit(1)).as("n"), sum(when(col("is_canonical"), 0).otherwise(1)).as("copies"))
        .orderBy(col("n").desc(), col("source")).limit(MAX_SOURCES).collectAsList();
    Row total = a.agg(count(lit(1)), sum(when(col("is_canonical"), 0).otherwise(1))).first();
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
        "<p><b id=\"duplicate-share\">%s</b> of the articles are copies (%d of %d).</p>%n",
        pct(total.getLong(1), total.getLong(0)), total.getLong(1), total.getLong(0)));
    List<Svg.Bar> bars = new ArrayList<>();
    List<List<Object>> cells = new ArrayList<>();
    for (Row r : rows) {
      long n = r.getLong(1);
      long copies = r.getLong(2);
      bars.add(new Svg.Bar(r.getString(0), n == 0 ? 0 : (double) copies / n, pct(copies, n)));
      cells.add(List.of(r.getString(0), n, copies, pct(copies, n)));
    }
    sb.append(Svg.bars("plot-duplicates", "Duplicate rate per source", bars));
    sb.append(table("table-duplicates", List.of("source", "articles", "copies", "rate"), cells));
    return new Section("duplicates", "Duplicates per source", sb.toString());
  }

  Section clusters() {
    Optional<Dataset<Row>> clusters = tables.read("clusters", "cluster_id", "canonical_id",
        "size", "sources");
    if (clusters.isEmpty()) {
      return new Section("clusters", "Duplicate clusters", missing("clusters"));
    }
    Map<String, Long> buckets = new LinkedHashMap<>();
    for (Row r : clusters.get().groupBy(col("size")).agg(count(lit(1)).as("n"))
        .orderBy(col("size")).collectAsList()) {
      buckets.merge(sizeBucket(r.getLong(0)), r.getLong(1), Long::sum);
    }
    StringBuilder sb = new StringBuilder();
    if (buckets.isEmpty()) {
      return new Section("clusters", "Duplicate clusters",
          "<p>No duplicate clusters on this date.</p>");
    }
    List<Svg.Bar> cols = new ArrayList<>();
    buckets.forEach((k, v) -> cols.add(new Svg.Bar(k, v, Long.toString(v))));
    sb.append(Svg.columns("plot-cluster-sizes", "Clusters by size", "members", cols));
    Dataset<Row> top = clusters.get().orderBy(col("size").desc(), col("cluster_id"))
        .limit(settings.topN());
    Optional<Dataset<Row>> articles = tables.read("articles", "article_id", "title", "cluster_id");
    Dataset<Row> rows = top.select(col("cluster_id"), col("canonical_id"), col("size"),
        col("sources"));
    if (articles.isPresent()) {
      Dataset<Row> a = articles.get();
      Dataset<Row> canonical = a.select(col("article_id").as("canonical_id"),
          col("title").as("canonical_title"));
      Dataset<Row> titles = a.join(broadcast(top.select("cluster_id")), "cluster_id")
          .groupBy(col("cluster_id"))
          .agg(slice(array_sort(collect_set(col("title"))), 1, CLUSTER_TITLES).as("titles"));
      rows = rows.join(canonical, seq("canonical_id"), "left")
          .join(titles, seq("cluster_id"), "left");
    } else {
      rows = rows.withColumn("canonical_title", lit(null).cast("string"))
          .withColumn("titles", lit(null).cast("array<string>"));
    }
    List<List<Object>> cells = new ArrayList<>();
    for (Row r : rows.orderBy(col("size").desc(), col("cluster_id")).collectAsList()) {
      String canonicalTitle = r.getAs("canonical_title");
      List<String> titles = r.isNullAt(r.fieldIndex("titles")) ? List.of()
          : r.<String>getList(r.fieldIndex("titles"));
      List<String> sources = r.isNullAt(r.fieldIndex("sources")) ? List.of()
          : r.<String>getList(r.fieldIndex("sources"));
      cells.add(List.of(r.<Long>getAs("size"),
          canonicalTitle != null ? canonicalTitle : "(canonical " + r.getAs("canonical_id") + ")",
          String.join(" | ", titles), String.join(", ", sources)));
    }
    sb.append("<h3>Largest clusters</h3>");
    sb.append(table("table-clusters", List.of("size", "canonical title", "titles of the date",
        "sources"), cells));
    return new Section("clusters", "Duplicate clusters", sb.toString());
  }

  Section entities() {
    Optional<Dataset<Row>> entities = tables.read("entities", "entity_id", "name", "type",
        "doc_count", "mention_count");
    if (entities.isEmpty()) {
      return new Section("entities", "Top entities", missing("entities"));
    }
    List<Row> rows = entities.get().orderBy(col("doc_count").desc(),
        col("mention_count").desc(), col("entity_id")).limit(settings.topN()).collectAsList();
    if (rows.isEmpty()) {
      return new Section("entities", "Top entities", "<p>No entities on this date.</p>");
    }
    List<Svg.Bar> bars = new ArrayList<>();
    List<List<Object>> cells = new ArrayList<>();
    for (Row r : rows) {
      long docs = r.getAs("doc_count");
      bars.add(new Svg.Bar(r.getAs("name"), docs, docs + " docs"));
      cells.add(List.of(r.getAs("name"), r.getAs("type"), r.getAs("entity_id"), docs,
          r.<Long>getAs("mention_count")));
    }
    return new Section("entities", "Top entities",
        Svg.bars("plot-entities", "Entities by documents mentioning them", bars)
            + table("table-entities", List.of("entity", "type", "id", "documents", "mentions"),
            cells));
  }

  Section pairs() {
    Optional<Dataset<Row>> cooc = tables.read("cooccurrence", "entity_a", "entity_b", "level",
        "n_ab", "npmi", "g2");
    if (cooc.isEmpty()) {
      return new Section("pairs", "Top entity pairs", missing("cooccurrence"));
    }
    Dataset<Row> p = cooc.get().filter(col("level").equalTo("document"))
        .select("entity_a", "entity_b", "n_ab", "npmi", "g2");
    List<Row> byNpmi = top(p.filter(col("n_ab").geq(settings.pairsMinCount()))
        .orderBy(col("npmi").desc(), col("n_ab").desc(), col("entity_a"), col("entity_b")));
    List<Row> byG2 = top(p.filter(col("npmi").gt(0))
        .orderBy(col("g2").desc(), col("n_ab").desc(), col("entity_a"), col("entity_b")));
    // Named after they are chosen, in one look-up for both tables: the names of at most
    // 4 * top-n entities, instead of a join of every pair of the day with its names.
    Map<String, String> names = entityNames(Stream.concat(byNpmi.stream(), byG2.stream())
        .flatMap(r -> Stream.of(r.<String>getAs("entity_a"), r.<String>getAs("entity_b")))
        .distinct().toArray());
    List<String> head = List.of("entity a", "entity b", "n_ab", "NPMI", "G2");
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT,
        "<h3>By NPMI (document level, n_ab &ge; %d)</h3>", settings.pairsMinCount()));
    sb.append(table("table-pairs-npmi", head, pairRows(byNpmi, names)));
    sb.append("<h3>By log-likelihood G2 (document level, attracting pairs: NPMI &gt; 0)</h3>");
    sb.append(table("table-pairs-g2", head, pairRows(byG2, names)));
    return new Section("pairs", "Top entity pairs", sb.toString());
  }

  private List<Row> top(Dataset<Row> ordered) {
    return ordered.limit(settings.topN()).collectAsList();
  }

  /** Table cells of {@code pairs}, each entity by its name where {@code names} has one. */
  private static List<List<Object>> pairRows(List<Row> pairs, Map<String, String> names) {
    List<List<Object>> cells = new ArrayList<>();
    for (Row r : pairs) {
      String a = r.getAs("entity_a");
      String b = r.getAs("entity_b");
      cells.add(List.of(names.getOrDefault(a, a), names.getOrDefault(b, b), r.<Long>getAs("n_ab"),
          String.format(Locale.ROOT, "%.3f", r.<Double>getAs("npmi")),
          String.format(Locale.ROOT, "%.1f", r.<Double>getAs("g2"))));
    }
    return cells;
  }

  /** Name of each of {@code ids} that the day's entities table knows (null names left out). */
  private Map<String, String> entityNames(Object[] ids) {
    Map<String, String> names = new HashMap<>();
    Optional<Dataset<Row>> entities = tables.read("entities", "entity_id", "name");
    if (entities.isEmpty() || ids.length == 0) {
      return names;
    }
    for (Row r : entities.get().filter(col("entity_id").isin(ids).and(col("name").isNotNull()))
        .select("entity_id", "name").collectAsList()) {
      names.put(r.getString(0), r.getString(1));
    }
    return names;
  }

  Section network() {
    Optional<Dataset<Row>> entities = tables.read("entities", "entity_id", "name", "type",
        "doc_count");
    Optional<Dataset<Row>> cooc = tables.read("cooccurrence", "entity_a", "entity_b", "level",
        "n_ab", "npmi", "g2");
    if (entities.isEmpty() || cooc.isEmpty()) {
      return new Section("network", "Entity network",
          missing(entities.isEmpty() ? "entities" : "cooccurrence"));
    }
    List<NetworkSvg.Node> nodes = new ArrayList<>();
    for (Row r : entities.get().orderBy(col("doc_count").desc(), col("entity_id"))
        .limit(settings.networkEntities()).collectAsList()) {
      nodes.add(new NetworkSvg.Node(r.getAs("entity_id"), r.getAs("name"), r.getAs("type"),
          r.<Long>getAs("doc_count")));
    }
    Object[] ids = nodes.stream().map(NetworkSvg.Node::id).toArray();
    // attracting links among the drawn entities only: at most network-entities^2 / 2 rows
    List<NetworkSvg.Edge> links = new ArrayList<>();
    // Only the five columns drawn are read, not the table's twelve.
    for (Row r : cooc.get().filter(col("level").equalTo("document").and(col("npmi").gt(0))
            .and(col("entity_a").isin(ids)).and(col("entity_b").isin(ids)))
        .select("entity_a", "entity_b", "n_ab", "npmi", "g2")
        .orderBy(col("g2").desc(), col("entity_a"), col("entity_b")).collectAsList()) {
      links.add(new NetworkSvg.Edge(r.getAs("entity_a"), r.getAs("entity_b"),
          r.<Long>getAs("n_ab"), r.<Double>getAs("npmi"), r.<Double>getAs("g2")));
    }
    List<NetworkSvg.Edge> edges = NetworkSvg.strongest(links, settings.networkEdges());
    if (nodes.isEmpty()) {
      return new Section("network", "Entity network", "<p>No entities on this date.</p>");
    }
    return new Section("network", "Entity network", String.format(Locale.ROOT,
        "<p>The %d most mentioned entities and %d of their strongest attracting "
            + "document-level links (NPMI &gt; 0; the strongest by G2, plus each entity's own "
            + "strongest link). Line width: G2; circle area: documents.</p>%n", nodes.size(), edges.size())
        + NetworkSvg.draw("plot-network", "Entity network, dt=" + tables.dt(), nodes, edges));
  }

  Section stageTimings() {
    if (timings.isEmpty()) {
      return new Section("timings", "Stage timings",
          "<p class=\"missing\">No timings.json for this date.</p>");
    }
    List<Svg.Bar> bars = new ArrayList<>();
    List<List<Object>> cells = new ArrayList<>();
    for (StageTimings.Stage s : timings.stages()) {
      String secs = String.format(Locale.ROOT, "%.1f s", s.seconds());
      bars.add(new Svg.Bar(s.name(), s.seconds(), secs));
      cells.add(List.of(s.name(), secs, s.records(), s.finishedAt()));
    }
    return new Section("timings", "Stage timings",
        Svg.bars("plot-timings", "Seconds per stage (latest run of each)", bars)
            + table("table-timings", List.of("stage", "time", "records", "finished"), cells));
  }

  // ---- helpers ----

  static String sizeBucket(long size) {
    if (size <= 10) {
      return Long.toString(size);
    }
    long[] bounds = {20, 50, 100, 1000};
    long lo = 11;
    for (long hi : bounds) {
      if (size <= hi) {
        return lo + "–" + hi;
      }
      lo = hi + 1;
    }
    return lo + "+";
  }

  private static Column visible(Column text) {
    return VisibleChars.of(text).cast("long");
  }

  private static scala.collection.immutable.Seq<String> seq(String... names) {
    return scala.jdk.javaapi.CollectionConverters.asScala(List.of(names)).toList();
  }

  static String pct(long part, long whole) {
    return whole == 0 ? "0%" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
  }

  static String missing(String table) {
    return "<p class=\"missing\">No <code>" + Html.esc(table) + "</code> table for this date "
        + "(the stage that writes it has not run).</p>\n";
  }

  static String table(String id, List<String> head, List<List<Object>> rows) {
    StringBuilder sb = new StringBuilder("<table id=\"" + Html.esc(id) + "\"><thead><tr>");
    head.forEach(h -> sb.append("<th>").append(Html.esc(h)).append("</th>"));
    sb.append("</tr></thead><tbody>\n");
    for (List<Object> r : rows) {
      sb.append("<tr>");
      r.forEach(c -> sb.append(c instanceof Number ? "<td class=\"num\">" : "<td>")
          .append(Html.esc(c)).append("</td>"));
      sb.append("</tr>\n");
    }
    if (rows.isEmpty()) {
      sb.append("<tr><td colspan=\"").append(head.size()).append("\">none</td></tr>\n");
    }
    return sb.append("</tbody></table>\n").toString();
  }
}
