package io.kliping.stages;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.sort_array;
import static org.assertj.core.api.Assertions.assertThat;

import io.kliping.schema.Tables;
import io.kliping.testing.SparkTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.aggregate.HashAggregateExec;
import org.apache.spark.sql.execution.aggregate.ObjectHashAggregateExec;
import org.apache.spark.sql.execution.aggregate.SortAggregateExec;
import org.junit.jupiter.api.Test;
import scala.jdk.javaapi.CollectionConverters;

/** The per-date entity table summed from the mentions. */
class EntityStageTest extends SparkTestBase {

  /**
   * Mentions of 40 entities in 300 articles, several per article, with names and sources that
   * differ between mentions of one entity (the maxima must pick one) and, for {@code e0}, more
   * surface forms than {@link EntityStage#MAX_ALIASES}.
   */
  private Dataset<Row> mentions() {
    Random random = new Random(7);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      int entity = i % 7 == 0 ? 0 : random.nextInt(40);
      String surface = entity == 0 ? "Surface " + (i % 150) : "S" + entity + "-" + random.nextInt(3);
      rows.add(RowFactory.create("a" + random.nextInt(300), "e" + entity,
          "Name " + entity + (random.nextInt(4) == 0 ? " (variant)" : ""),
          entity % 3 == 0 ? "PERSON" : "LOCATION", surface, random.nextInt(20),
          i, i + 5, random.nextInt(5) == 0 ? "model" : "gazetteer"));
    }
    return spark.createDataFrame(rows, Tables.MENTIONS.schema()).repartition(3);
  }

  /** The table as one aggregation over the mentions states it. */
  private static Dataset<Row> reference(Dataset<Row> mentions) {
    return mentions.groupBy(col("entity_id"))
        .agg(max(col("entity_name")).as("name"), max(col("entity_type")).as("type"),
            countDistinct(col("article_id")).as("doc_count"), count(col("*")).as("mention_count"),
            slice(sort_array(collect_set(col("surface"))), 1, EntityStage.MAX_ALIASES)
                .as("aliases"),
            max(col("source")).as("source"));
  }

  @Test
  void entitiesAreTheOneAggregationsRows() {
    Dataset<Row> mentions = mentions();
    List<Row> entities = EntityStage.entities(mentions).orderBy("entity_id").collectAsList();
    assertThat(entities).hasSize(40)
        .isEqualTo(reference(mentions).orderBy("entity_id").collectAsList());
    Row e0 = entities.stream().filter(r -> r.getString(0).equals("e0")).findFirst().orElseThrow();
    assertThat(e0.getList(5)).hasSize(EntityStage.MAX_ALIASES).isSorted();
    assertThat(e0.getString(1)).isEqualTo("Name 0 (variant)");
    assertThat(e0.getLong(4)).isEqualTo(mentions.where("entity_id = 'e0'").count());
    assertThat(e0.getLong(3)).isEqualTo(
        mentions.where("entity_id = 'e0'").select("article_id").distinct().count());
    // Same columns, types and nullability: a nullable count would be written as an optional
    // Parquet column.
    assertThat(EntityStage.entities(mentions).schema()).isEqualTo(reference(mentions).schema());
    assertThat(EntityStage.entities(mentions).schema().fieldNames())
        .containsExactly(Tables.ENTITIES.schema().fieldNames());
  }

  @Test
  void noSortingAggregationReadsTheMentionsThemselves() {
    SparkPlan plan = EntityStage.entities(mentions()).queryExecution().sparkPlan();
    List<SparkPlan> sorting = nodes(plan).stream()
        .filter(p -> p instanceof SortAggregateExec || p instanceof ObjectHashAggregateExec)
        .toList();
    assertThat(sorting).isNotEmpty();
    // Each one sums rows a hash aggregation (the distinct) reduced first, never the mentions.
    assertThat(sorting).allMatch(p -> nodes(p).stream().skip(1)
        .anyMatch(below -> below instanceof HashAggregateExec));
    SparkPlan onePass = reference(mentions()).queryExecution().sparkPlan();
    assertThat(nodes(onePass).stream()
        .filter(p -> p instanceof SortAggregateExec || p instanceof ObjectHashAggregateExec))
        .anyMatch(p -> nodes(p).stream().skip(1).noneMatch(b -> b instanceof HashAggregateExec));
  }

  /** The node and every node below it, depth first. */
  private static List<SparkPlan> nodes(SparkPlan plan) {
    List<SparkPlan> out = new ArrayList<>();
    out.add(plan);
    for (SparkPlan child : CollectionConverters.asJava(plan.children())) {
      out.addAll(nodes(child));
    }
    return out;
  }
}
