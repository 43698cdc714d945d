package io.kliping.jobs;

import io.kliping.config.KlipingConfig;
import io.kliping.cooc.CooccurrenceStage;
import io.kliping.io.Warehouse;
import io.kliping.schema.Tables;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code cooccurrence}: articles and mentions of a date to its {@code cooccurrence} table. */
@Command(name = "cooccurrence", mixinStandardHelpOptions = true,
    description = "Count entity pairs per document (each duplicate cluster once) with PMI/NPMI.")
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
    Warehouse wh = ctx.warehouse();
    CooccurrenceStage stage = CooccurrenceStage.create(config.cooccurrence());
    Warehouse.Staged pairs = wh.stage(Tables.COOCCURRENCE, config.date(), stage.apply(
        wh.read(Tables.ARTICLES, config.date()), wh.read(Tables.MENTIONS, config.date())));
    return new StageReport("cooccurrence", config.date().toString(),
        wh.publish(List.of(pairs)), Jobs.secondsSince(start));
  }
}
