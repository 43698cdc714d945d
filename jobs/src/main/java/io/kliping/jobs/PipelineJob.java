package io.kliping.jobs;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code pipeline}: ingest, dedup, entities and cooccurrence in order, in one Spark session. Each
 * stage reads the tables the previous one published, exactly as when run alone.
 */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
    description = "Run ingest, dedup, entities and cooccurrence for the batch date.")
final class PipelineJob implements Callable<Integer> {
  @Mixin
  JobOptions options;

  @Override
  public Integer call() {
    return Jobs.run("pipeline", options, true, ctx -> {
      StageReport ingest = IngestJob.run(ctx);
      System.out.println(ingest.line());
      StageReport dedup = DedupJob.run(ctx);
      System.out.println(dedup.line());
      StageReport entities = EntitiesJob.run(ctx);
      System.out.println(entities.line());
      StageReport cooc = CooccurrenceJob.run(ctx);
      System.out.println(cooc.line());
      return List.of(ingest, dedup, entities, cooc);
    });
  }
}
