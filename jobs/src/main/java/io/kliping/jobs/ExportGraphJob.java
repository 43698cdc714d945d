package io.kliping.jobs;

import static org.apache.spark.sql.functions.col;

import io.kliping.config.KlipingConfig;
import io.kliping.cooc.TopPartners;
import io.kliping.cooc.graph.CsvGraphWriter;
import io.kliping.cooc.graph.EntityGraph;
import io.kliping.cooc.graph.GexfWriter;
import io.kliping.cooc.graph.GraphMlWriter;
import io.kliping.cooc.graph.GraphSelection;
import io.kliping.schema.Tables;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code export-graph}: the entity co-occurrence graph of a date (or of a rolling window ending
 * on it) as GraphML or GEXF for Gephi, or as CSV node and edge lists. Reads the
 * {@code cooccurrence} or {@code cooccurrence_rolling} table and {@code entities}; the strongest
 * {@code --max-edges} pairs are exported, so the file stays bounded whatever the input.
 */
@Command(name = "export-graph", mixinStandardHelpOptions = true,
    description = "Export the entity co-occurrence graph of the batch date (or a rolling window "
        + "ending on it) as GraphML, GEXF or CSV edge lists.")
final class ExportGraphJob implements Callable<Integer> {
  private static final String JOB = "export-graph";

  @Mixin
  JobOptions options;

  @Option(names = "--output", paramLabel = "PATH", required = true,
      description = "File to write (graphml, gexf), or folder for nodes.csv and edges.csv (csv); "
          + "any Hadoop path.")
  String output;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "graphml",
      description = "graphml, gexf or csv (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--window-days", paramLabel = "N", defaultValue = "1",
      description = "1 for the day itself, else a rolling window length of "
          + "kliping.cooccurrence.rolling-days (default: ${DEFAULT-VALUE}).")
  int windowDays;

  @Option(names = "--level", paramLabel = "LEVEL", defaultValue = "document",
      description = "document, sentence or window (default: ${DEFAULT-VALUE}).")
  String level;

  @Option(names = "--measure", paramLabel = "M", defaultValue = "npmi",
      description = "Edge weight and ranking: npmi, pmi, g2, jaccard or n_ab "
          + "(default: ${DEFAULT-VALUE}).")
  String measure;

  @Option(names = "--min-count", paramLabel = "N", defaultValue = "3",
      description = "Smallest n_ab of an edge (default: ${DEFAULT-VALUE}).")
  int minCount;

  @Option(names = "--max-edges", paramLabel = "N", defaultValue = "2000",
      description = "Strongest edges kept, 1..1000000 (default: ${DEFAULT-VALUE}).")
  int maxEdges;

  @Override
  public Integer call() {
    String problem = validate();
    if (problem != null) {
      System.err.println("kliping " + JOB + ": " + problem);
      return ExitCodes.USAGE;
    }
    return Jobs.run(JOB, options, false, ctx -> List.of(run(ctx)));
  }

  private String validate() {
    if (!List.of("graphml", "gexf", "csv").contains(format)) {
      return "--format must be graphml, gexf or csv, got '" + format + "'";
    }
    if (!KlipingConfig.Cooccurrence.LEVELS.contains(level)) {
      return "--level must be one of " + KlipingConfig.Cooccurrence.LEVELS + ", got '" + level
          + "'";
    }
    if (!KlipingConfig.Cooccurrence.MEASURES.contains(measure)) {
      return "--measure must be one of " + KlipingConfig.Cooccurrence.MEASURES + ", got '"
          + measure + "'";
    }
    if (minCount < 1) {
      return "--min-count must be >= 1, got " + minCount;
    }
    if (maxEdges < 1 || maxEdges > 1_000_000) {
      return "--max-edges must be in 1..1000000, got " + maxEdges;
    }
    return windowDays < 1 ? "--window-days must be >= 1, got " + windowDays : null;
  }

  private StageReport run(JobContext ctx) {
    long start = System.nanoTime();
    KlipingConfig config = ctx.config();
    LocalDate dt = config.date();
    if (windowDays > 1 && !config.cooccurrence().rollingDays().contains(windowDays)) {
      throw new io.kliping.config.ConfigException("--window-days " + windowDays
          + " is not a configured rolling window (kliping.cooccurrence.rolling-days = "
          + config.cooccurrence().rollingDays() + ")");
    }
    Dataset<Row> pairs = windowDays == 1 ? ctx.warehouse().read(Tables.COOCCURRENCE, dt)
        : ctx.warehouse().read(Tables.COOCCURRENCE_ROLLING, dt)
            .filter(col("window_days").equalTo(windowDays));
    Dataset<Row> names = TopPartners.latestNames(ctx.warehouse()
        .readRange(Tables.ENTITIES, dt.minusDays(windowDays - 1L), dt.plusDays(1)));
    String title = "kliping " + level + " co-occurrence, " + (windowDays == 1 ? dt.toString()
        : windowDays + " days to " + dt);
    EntityGraph graph = GraphSelection.collect(
        GraphSelection.edges(pairs, level, measure, minCount, maxEdges), names, title, measure);
    org.apache.hadoop.conf.Configuration hadoop = ctx.spark().sparkContext().hadoopConfiguration();
    switch (format) {
      case "graphml" -> write(hadoop, new Path(output), w -> GraphMlWriter.write(graph, w));
      case "gexf" -> write(hadoop, new Path(output), w -> GexfWriter.write(graph, w));
      default -> {
        write(hadoop, new Path(output, "nodes.csv"), w -> CsvGraphWriter.writeNodes(graph, w));
        write(hadoop, new Path(output, "edges.csv"), w -> CsvGraphWriter.writeEdges(graph, w));
      }
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("nodes", (long) graph.nodes().size());
    counts.put("edges", (long) graph.edges().size());
    return new StageReport(JOB, dt.toString(), counts, Jobs.secondsSince(start),
        List.of("wrote " + format + " to " + output + " (" + title + ", weight " + measure
            + ", n_ab >= " + minCount + ")"));
  }

  private static void write(org.apache.hadoop.conf.Configuration hadoop, Path path,
      Consumer<Writer> body) {
    try {
      FileSystem fs = path.getFileSystem(hadoop);
      try (Writer w = new OutputStreamWriter(fs.create(path, true), StandardCharsets.UTF_8)) {
        body.accept(w);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }
}
