package io.kliping.jobs;

import io.kliping.config.ConfigException;
import io.kliping.config.KlipingConfig;
import io.kliping.entities.EntityExtractor;
import io.kliping.entities.Gazetteer;
import io.kliping.io.GazetteerFiles;
import io.kliping.io.Warehouse;
import io.kliping.schema.Tables;
import io.kliping.stages.EntityStage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code entities}: articles of a date to its {@code mentions} and {@code entities} tables. */
@Command(name = "entities", mixinStandardHelpOptions = true,
    description = "Find and link entities in the date's articles; write mentions and entities.")
final class EntitiesJob implements Callable<Integer> {
  @Mixin
  JobOptions options;

  @Override
  public Integer call() {
    return Jobs.run("entities", options, false, ctx -> List.of(run(ctx)));
  }

  /**
   * The extractor the pipeline uses: gazetteer, plus the name-finder model when configured, less
   * sentence-initial lower-case words when a list is configured.
   */
  static EntityExtractor extractor(Gazetteer gazetteer, KlipingConfig.Entities settings) {
    EntityExtractor extractor;
    try {
      extractor = settings.model().isEmpty() ? EntityExtractor.fromGazetteer(gazetteer)
          : EntityExtractor.withModel(gazetteer, settings.model());
    } catch (IllegalArgumentException e) {
      throw new ConfigException("kliping.entities.model: " + e.getMessage());
    }
    try {
      return settings.lowercaseWords().isEmpty() ? extractor
          : EntityExtractor.withoutSentenceInitialWords(extractor, settings.lowercaseWords());
    } catch (IllegalArgumentException e) {
      throw new ConfigException("kliping.entities.lowercase-words: " + e.getMessage());
    }
  }

  static StageReport run(JobContext ctx) {
    long start = System.nanoTime();
    KlipingConfig config = ctx.config();
    Warehouse wh = ctx.warehouse();
    Gazetteer gazetteer = GazetteerFiles.load(ctx.spark().sparkContext().hadoopConfiguration(),
        config.entities().gazetteers());
    EntityStage stage = EntityStage.create(extractor(gazetteer, config.entities()));
    Warehouse.Staged m = wh.stage(Tables.MENTIONS, config.date(),
        stage.mentions(wh.read(Tables.ARTICLES, config.date())));
    // Entities are summed from the staged mentions, read back: cheaper than caching the
    // extraction's output (building Spark's columnar cache was 6 % of the extraction at 100k).
    Warehouse.Staged e = wh.stage(Tables.ENTITIES, config.date(),
        EntityStage.entities(wh.readStaged(m)));
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("gazetteer_entries", (long) gazetteer.size());
    counts.putAll(wh.publish(List.of(m, e)));
    return new StageReport("entities", config.date().toString(), counts, Jobs.secondsSince(start));
  }
}
