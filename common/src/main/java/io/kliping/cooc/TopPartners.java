package io.kliping.cooc;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.raise_error;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import io.kliping.config.KlipingConfig;
import io.kliping.io.StringRanks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The {@code k} best partners of every entity, per group (e.g. window end and length) and level:
 * each scored pair counts for both of its entities, pairs sharing fewer than
 * {@code top-k.min-count} units are left out (NPMI and PMI would otherwise crown one-off pairs),
 * and ties break by {@code n_ab} (more first), then partner id, so ranks are deterministic.
 */
public final class TopPartners {
  /** Column of the ranked rows: the entity's rank in the dictionary given to {@code of}. */
  public static final String ENTITY_RANK = "entity_rank";

  private TopPartners() {}

  /**
   * Rows with {@code groups..., level, entity_id, entity_name, rank, partner_id, partner_name,
   * partner_type, measure, score, n_ab, n_entity, n_partner, n}.
   *
   * @param scored pairs as {@link CooccurrenceStage#score} gives them, with the group columns
   * @param names  {@code entity_id, name, type}, one row per entity
   */
  public static Dataset<Row> of(Dataset<Row> scored, List<String> groups, Dataset<Row> names,
      KlipingConfig.Cooccurrence settings) {
    return of(scored, groups, names, settings, Optional.empty());
  }

  /**
   * {@link #of(Dataset, List, Dataset, KlipingConfig.Cooccurrence)}; with {@code ranks}, the
   * entity's rank in them stands for its id in the window that ranks the partners (a
   * {@code long} the sort compares first, where ids share their first bytes), and the rows
   * keep it as {@link #ENTITY_RANK}. An entity missing from the dictionary fails the task.
   */
  public static Dataset<Row> of(Dataset<Row> scored, List<String> groups, Dataset<Row> names,
      KlipingConfig.Cooccurrence settings, Optional<StringRanks> ranks) {
    String measure = settings.topMeasure();
    Dataset<Row> frequent = scored.filter(col("n_ab").geq(settings.topMinCount()));
    // Both ends of a pair from one pass over the pairs: a union of the two would read (or
    // compute) the scored pairs twice.
    List<Column> perEnd = new ArrayList<>();
    groups.forEach(g -> perEnd.add(col(g)));
    perEnd.add(col("level"));
    perEnd.add(col("n_ab"));
    perEnd.add(col("n"));
    perEnd.add(col(measure).cast("double").as("score"));
    perEnd.add(explode(array(
        end("entity_a", "entity_b", "n_a", "n_b"), end("entity_b", "entity_a", "n_b", "n_a")))
        .as("end"));
    List<Column> flat = new ArrayList<>();
    groups.forEach(g -> flat.add(col(g)));
    flat.addAll(List.of(col("level"), col("end.entity_id").as("entity_id"),
        col("end.partner_id").as("partner_id"), col("score"), col("n_ab"),
        col("end.n_entity").as("n_entity"), col("end.n_partner").as("n_partner"), col("n")));
    Dataset<Row> both = frequent.select(perEnd.toArray(Column[]::new))
        .select(flat.toArray(Column[]::new));
    List<Column> partition = new ArrayList<>();
    if (ranks.isPresent()) {
      both = both.join(ranks.get().keyed("entity_id", "known_rank"), seq("entity_id"), "left")
          .withColumn(ENTITY_RANK, when(col("known_rank").isNull(), raise_error(concat(
              lit("top partners: entity missing from the dictionary: "), col("entity_id"))))
              .otherwise(col("known_rank")));
      partition.add(col(ENTITY_RANK)); // first, so the window's sort compares a long first
    }
    groups.forEach(g -> partition.add(col(g)));
    partition.add(col("level"));
    if (ranks.isEmpty()) {
      partition.add(col("entity_id"));
    }
    Dataset<Row> ranked = both
        .withColumn("rank", row_number().over(Window.partitionBy(partition.toArray(Column[]::new))
            .orderBy(col("score").desc(), col("n_ab").desc(), col("partner_id"))))
        .filter(col("rank").leq(settings.topK()));
    Dataset<Row> entityNames = names.select(col("entity_id"), col("name").as("entity_name"));
    Dataset<Row> partnerNames = names.select(col("entity_id").as("partner_id"),
        col("name").as("partner_name"), col("type").as("partner_type"));
    List<Column> out = new ArrayList<>();
    groups.forEach(g -> out.add(col(g)));
    out.addAll(List.of(col("level"), col("entity_id"), col("entity_name"), col("rank"),
        col("partner_id"), col("partner_name"), col("partner_type"), lit(measure).as("measure"),
        col("score"), col("n_ab"), col("n_entity"), col("n_partner"), col("n")));
    ranks.ifPresent(r -> out.add(col(ENTITY_RANK)));
    return ranked.join(entityNames, seq("entity_id"), "left")
        .join(partnerNames, seq("partner_id"), "left")
        .select(out.toArray(Column[]::new));
  }

  /**
   * One name and type per entity from {@code entities} rows of several days (with {@code dt}):
   * those of the latest day, so a renamed gazetteer entry shows its current name.
   */
  public static Dataset<Row> latestNames(Dataset<Row> entitiesByDay) {
    return entitiesByDay.groupBy(col("entity_id"))
        .agg(max_by(col("name"), col("dt")).as("name"), max_by(col("type"), col("dt")).as("type"));
  }

  /** One end of a pair: the entity, its partner and their unit counts. */
  private static Column end(String self, String other, String nSelf, String nOther) {
    return struct(col(self).as("entity_id"), col(other).as("partner_id"),
        col(nSelf).as("n_entity"), col(nOther).as("n_partner"));
  }

  private static scala.collection.immutable.Seq<String> seq(String... columns) {
    return scala.jdk.javaapi.CollectionConverters.asScala(List.of(columns)).toSeq();
  }
}
