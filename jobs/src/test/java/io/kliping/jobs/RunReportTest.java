package io.kliping.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The run report of the sample: written by every run next to the run's other artefacts, its
 * numbers equal to the tables', tolerant of a date where only ingest ran, and rebuilt by the
 * {@code report} job. (What a browser shows of it: {@link ReportBrowserTest}.)
 */
class RunReportTest {
  private static SparkSession spark;
  private static Path warehouse;

  @BeforeAll
  static void run() throws IOException {
    spark = SparkSession.builder().master("local[2]").appName("kliping-report-test")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
        .config("spark.driver.host", "127.0.0.1").getOrCreate();
    warehouse = SampleRun.warehouse();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static Document report(String day) throws IOException {
    return Jsoup.parse(SampleRun.runFolder(day).resolve("report.html").toFile(), "UTF-8");
  }

  private static long count(String table, String day, String where) {
    return table(table, day).where(where).count();
  }

  private static org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> table(String table,
      String day) {
    return spark.read().parquet(warehouse.resolve(table).resolve("dt=" + day).toString());
  }

  @Test
  void everyRunWritesReportAndTimingsAndTheSummarySaysWhere() throws IOException {
    Path folder = SampleRun.runFolder(SampleRun.DAY);
    assertThat(folder.resolve("report.html")).isRegularFile();
    try (Stream<Path> files = Files.list(folder)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("no temporary files left").noneMatch(n -> n.endsWith(".tmp"));
    }
    JsonNode timings = new ObjectMapper().readTree(folder.resolve("timings.json").toFile());
    assertThat(timings.fieldNames()).toIterable()
        .containsExactly("ingest", "dedup", "entities", "cooccurrence");
    assertThat(timings.path("ingest").path("records").asLong())
        .isEqualTo(count("articles", SampleRun.DAY, "true")
            + count("rejects", SampleRun.DAY, "true"));
    timings.forEach(s -> assertThat(s.path("seconds").asDouble()).isPositive());
    String out = SampleRun.pipelineStdout();
    assertThat(out).containsPattern("kliping report: \\S+/_runs/dt=2024-10-25/report\\.html");
    assertThat(out).doesNotContain("top document-level entity pairs"); // moved to the report
  }

  @Test
  void reportNumbersAreTheTables() throws IOException {
    Document doc = report(SampleRun.DAY);
    assertThat(doc.getElementById("report-title").text()).contains("2024-10-25");
    for (String id : List.of("inputs", "cleaning", "languages", "duplicates", "clusters",
        "entities", "pairs", "network", "timings")) {
      assertThat(doc.getElementById(id)).as(id).isNotNull();
    }
    long articles = count("articles", SampleRun.DAY, "true");
    long rejects = count("rejects", SampleRun.DAY, "true");
    assertThat(doc.getElementById("total-articles").text()).isEqualTo(Long.toString(articles));
    assertThat(doc.getElementById("total-rejects").text()).isEqualTo(Long.toString(rejects));
    assertThat(doc.select("#table-rejects tbody td:eq(1)").eachText())
        .containsExactlyInAnyOrder("malformed_json", "missing_text", "wrong_type");
    assertThat(doc.select("#plot-languages title").eachText())
        .anyMatch(t -> t.startsWith("id: ")).anyMatch(t -> t.startsWith("en: "));
    assertThat(doc.getElementById("removed-share").text()).matches("\\d+\\.\\d%");
    // the cleaning numbers, recomputed here the plain way (a regular expression per text)
    org.apache.spark.sql.Column visibleRaw = functions.coalesce(functions.length(
        functions.regexp_replace(functions.col("raw_text"), "\\s+", "")), functions.lit(0));
    org.apache.spark.sql.Column visibleClean = functions.when(
        functions.col("raw_text").isNotNull(), functions.length(
            functions.regexp_replace(functions.col("text"), "\\s+", ""))).otherwise(0);
    org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> texts = spark.read()
        .parquet(warehouse.resolve("articles").resolve("dt=" + SampleRun.DAY).toString());
    org.apache.spark.sql.Row chars = texts.agg(functions.sum(visibleRaw),
        functions.sum(visibleClean)).first();
    long rawChars = chars.getLong(0);
    long cleanChars = chars.getLong(1);
    assertThat(rawChars).isGreaterThan(cleanChars);
    assertThat(doc.getElementById("cleaning").text())
        .contains("(" + (rawChars - cleanChars) + " of " + rawChars + ")");
    for (org.apache.spark.sql.Row r : texts.groupBy(functions.coalesce(functions.col("source"),
            functions.lit("(none)")).as("source"))
        .agg(functions.count(functions.lit(1)), functions.sum(visibleRaw),
            functions.sum(visibleClean)).collectAsList()) {
      List<String> row = List.of(r.getString(0), Long.toString(r.getLong(1)),
          Long.toString(r.getLong(2)), Long.toString(r.getLong(2) - r.getLong(3)));
      assertThat(doc.select("#table-cleaning tbody tr").stream()
          .map(tr -> tr.children().eachText().subList(0, 4)).toList()).as("cleaning of %s", row)
          .contains(row);
    }
    long copies = count("articles", SampleRun.DAY, "NOT is_canonical");
    assertThat(doc.getElementById("duplicate-share").text())
        .isEqualTo(String.format(java.util.Locale.ROOT, "%.1f%%", 100.0 * copies / articles));
    // the largest cluster of the sample: four copies of one story (s12..s15)
    Element biggest = doc.selectFirst("#table-clusters tbody tr");
    long maxSize = spark.read().parquet(warehouse.resolve("clusters").resolve("dt=2024-10-25")
        .toString()).agg(org.apache.spark.sql.functions.max("size")).first().getLong(0);
    assertThat(biggest.child(0).text()).isEqualTo(Long.toString(maxSize));
    assertThat(biggest.child(2).text()).isNotBlank();
    assertThat(doc.select("#plot-cluster-sizes rect.bar")).isNotEmpty();
    assertThat(doc.select("#table-entities tbody tr td:eq(0)").eachText())
        .contains("Korea Utara", "Sergey Lavrov");
    assertThat(doc.select("#table-pairs-npmi tbody tr")).isNotEmpty();
    assertThat(doc.select("#table-pairs-g2 tbody tr")).hasSizeGreaterThanOrEqualTo(5);
    // The strongest attracting pairs, in order and named as the entities table names them.
    List<org.apache.spark.sql.Row> strongest = table("cooccurrence", SampleRun.DAY)
        .where("level = 'document' AND npmi > 0")
        .orderBy(functions.col("g2").desc(), functions.col("n_ab").desc(),
            functions.col("entity_a"), functions.col("entity_b"))
        .limit(5).collectAsList();
    java.util.Map<String, String> names = new java.util.HashMap<>();
    for (org.apache.spark.sql.Row e : table("entities", SampleRun.DAY)
        .select("entity_id", "name").collectAsList()) {
      names.put(e.getString(0), e.getString(1));
    }
    List<List<String>> shown = doc.select("#table-pairs-g2 tbody tr").stream().limit(5)
        .map(tr -> tr.children().eachText().subList(0, 3)).toList();
    assertThat(shown).containsExactlyElementsOf(strongest.stream()
        .map(r -> List.of(names.getOrDefault(r.getString(0), r.getString(0)),
            names.getOrDefault(r.getString(1), r.getString(1)),
            Long.toString(r.<Long>getAs("n_ab"))))
        .toList());
    assertThat(doc.select("#plot-network circle.node")).hasSizeGreaterThanOrEqualTo(10);
    assertThat(doc.select("#plot-network line.edge")).hasSizeGreaterThanOrEqualTo(5);
    assertThat(doc.select("#table-timings tbody td:eq(0)").eachText())
        .containsExactly("ingest", "dedup", "entities", "cooccurrence");
    assertThat(doc.select("script, link, img, iframe")).as("self-contained").isEmpty();
  }

  @Test
  void dateWhereOnlyIngestRanStillHasAReport() throws IOException {
    Document doc = report(SampleRun.INGEST_ONLY_DAY);
    assertThat(doc.getElementById("total-articles").text())
        .isEqualTo(Long.toString(count("articles", SampleRun.INGEST_ONLY_DAY, "true")));
    assertThat(doc.getElementById("duplicates").text()).contains("dedup has not run");
    assertThat(doc.getElementById("entities").text()).contains("No entities table");
    assertThat(doc.getElementById("pairs").text()).contains("No cooccurrence table");
    assertThat(doc.select("#table-timings tbody td:eq(0)").eachText()).containsExactly("ingest");
    assertThat(doc.select("#plot-languages rect.bar")).isNotEmpty();
  }

  @Test
  void reportJobRebuildsTheReportFromTablesAndTimings() throws IOException {
    String day = "2024-10-25";
    Path report = SampleRun.runFolder(day).resolve("report.html");
    String timingsBefore = Files.readString(SampleRun.runFolder(day).resolve("timings.json"));
    Files.delete(report);
    assertThat(Main.execute("report", "--warehouse", warehouse.toString(), "--date", day))
        .isEqualTo(ExitCodes.OK);
    assertThat(report).isRegularFile();
    assertThat(report(day).select("#table-timings tbody tr")).hasSize(4);
    assertThat(Files.readString(SampleRun.runFolder(day).resolve("timings.json")))
        .as("the report job is not a stage").isEqualTo(timingsBefore);
  }
}
