package io.kliping.jobs;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code pipeline}: ingest, dedup, entities and cooccurrence in order, in one Spark session. Each
 * stage reads the tables the previous one wrote, exactly as when run alone; the date's tables are
 * published together at the end and a run manifest marks the date done ({@link BatchRun}).
 */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
    description = "Run ingest, dedup, entities and cooccurrence for the batch date.")
final class PipelineJob implements Callable<Integer> {
  @Mixin
  JobOptions options;

  @Option(names = "--skip-if-done",
      description = "Do nothing (exit 0) when the date's run manifest shows it finished with the "
          + "same input files, configuration and version.")
  boolean skipIfDone;

  @Override
  public Integer call() {
    return Jobs.run("pipeline", options, true, ctx -> {
      BatchRun batch = BatchRun.plan(ctx, "pipeline");
      Optional<StageReport> done = skipIfDone ? batch.skipIfDone() : Optional.empty();
      if (done.isPresent()) {
        return List.of(done.get());
      }
      batch.begin();
      StageReport ingest = IngestJob.run(ctx);
      System.out.println(ingest.line());
      StageReport dedup = DedupJob.run(ctx);
      System.out.println(dedup.line());
      StageReport entities = EntitiesJob.run(ctx);
      System.out.println(entities.line());
      StageReport cooc = CooccurrenceJob.run(ctx);
      System.out.println(cooc.line());
      List<StageReport> reports = List.of(ingest, dedup, entities, cooc);
      batch.commit(reports);
      return reports;
    });
  }
}
