package io.kliping.jobs;

import io.kliping.config.KlipingConfig;
import io.kliping.io.InputException;
import io.kliping.io.InputFiles;
import io.kliping.io.RawRecords;
import io.kliping.io.Warehouse;
import io.kliping.schema.Tables;
import io.kliping.stages.IngestStage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ingest}: input files to the {@code articles} and {@code rejects} tables of a date. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Read article dumps (JSON Lines, .txt folders, CSV, Parquet, WARC/WET), clean, identify language, "
        + "assign ids; write articles and rejects for the batch date.")
final class IngestJob implements Callable<Integer> {
  @Mixin
  JobOptions options;

  @Override
  public Integer call() {
    return Jobs.run("ingest", options, true, ctx -> List.of(run(ctx)));
  }

  static StageReport run(JobContext ctx) {
    long start = System.nanoTime();
    KlipingConfig config = ctx.config();
    InputFiles.Listing files = InputFiles.list(ctx.spark().sparkContext().hadoopConfiguration(),
        config.input().paths(), config.input().format());
    if (files.isEmpty()) {
      throw new InputException("no article files (.jsonl/.json/.ndjson, .txt, .csv/.tsv, "
          + ".parquet, .warc/.wet, optionally .gz/.bz2) in " + config.input().paths()
          + (files.skipped().isEmpty() ? "" : "; skipped " + files.skipped()));
    }
    KlipingConfig.Csv csv = config.input().csv();
    Warehouse wh = ctx.warehouse();
    try (IngestStage.Result result = IngestStage.create(config).apply(RawRecords.read(
        ctx.spark(), files,
        new RawRecords.CsvOptions(csv.delimiterChar(), csv.encoding(), csv.maxFieldChars())))) {
      Warehouse.Staged articles = wh.stage(Tables.ARTICLES, config.date(), result.articles());
      Warehouse.Staged rejects = wh.stage(Tables.REJECTS, config.date(), result.rejects());
      long records = result.records();
      long written = articles.rows() + rejects.rows();
      if (records != written) {
        throw new IllegalStateException("input records (" + records + ") != articles + rejects ("
            + written + "): nothing published");
      }
      IngestSummary summary = IngestSummary.of(result);
      Map<String, Long> counts = new LinkedHashMap<>();
      counts.put("files", (long) files.count());
      counts.put("files_skipped", (long) files.skipped().size());
      counts.put("records", records);
      counts.putAll(wh.publish(List.of(articles, rejects)));
      counts.putAll(summary.counts());
      List<String> details = new ArrayList<>();
      files.skipped().forEach(f -> details.add("skipped (not an article file): " + f));
      details.addAll(summary.details());
      return new StageReport("ingest", config.date().toString(), counts, Jobs.secondsSince(start),
          details);
    }
  }
}
