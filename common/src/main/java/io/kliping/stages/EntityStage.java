package io.kliping.stages;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.sum;

import io.kliping.entities.EntityExtractor;
import io.kliping.entities.Mention;
import io.kliping.schema.Tables;
import java.util.Collections;
import java.util.Iterator;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.encoders.ExpressionEncoder;

/**
 * Articles to entity mentions (one row per linked mention) and to the per-date entity table.
 * The extractor is shipped once in the task closure; its matcher is built once per executor JVM.
 */
public final class EntityStage {
  private final EntityExtractor extractor;

  private EntityStage(EntityExtractor extractor) {
    this.extractor = extractor;
  }

  public static EntityStage create(EntityExtractor extractor) {
    return new EntityStage(extractor);
  }

  /** Mentions of every article (columns of {@link Tables#MENTIONS}). */
  public Dataset<Row> mentions(Dataset<Row> articles) {
    return articles.select(col("article_id"), col("text"))
        .flatMap(new ExtractMentions(extractor), ExpressionEncoder.apply(Tables.MENTIONS.schema()));
  }

  /**
   * Per entity: its name, type, number of articles and of mentions, the surface forms seen (sorted,
   * at most {@link #MAX_ALIASES}, so one entity cannot grow a huge row) and its source
   * ({@link Tables#ENTITIES}).
   *
   * <p>Summed in two parts joined by entity: the articles, from the distinct (entity, article)
   * pairs, and the rest from the mentions counted by (entity, name, type, surface, source) first.
   * Both first steps are hash aggregations, combined in the reading tasks, and what follows sums
   * their far fewer rows. One aggregation over the mentions, with {@code countDistinct} and
   * {@code collect_set}, is an object hash aggregation keyed by (entity, article), which keeps
   * 128 groups in its map and sorts the rest: the groups of every mention (4.9M at 250k
   * articles), before and after their shuffle.
   */
  public static Dataset<Row> entities(Dataset<Row> mentions) {
    Dataset<Row> docCounts = mentions.select(col("entity_id"), col("article_id")).distinct()
        .groupBy(col("entity_id"))
        .agg(count(lit(1)).as("doc_count"));
    // The count keeps the first step: without it Spark drops a distinct whose only reader is
    // an aggregation that ignores duplicates, and the maxima would read every mention again.
    Dataset<Row> described = mentions
        .groupBy(col("entity_id"), col("entity_name"), col("entity_type"), col("surface"),
            col("source"))
        .agg(count(lit(1)).as("mentions"))
        .groupBy(col("entity_id"))
        .agg(max(col("entity_name")).as("name"), max(col("entity_type")).as("type"),
            // never null, as count(*) was: Spark types every sum as nullable
            coalesce(sum(col("mentions")), lit(0L)).as("mention_count"),
            slice(sort_array(collect_set(col("surface"))), 1, MAX_ALIASES).as("aliases"),
            max(col("source")).as("source"));
    return described.join(docCounts, "entity_id")
        .select(col("entity_id"), col("name"), col("type"), col("doc_count"),
            col("mention_count"), col("aliases"), col("source"));
  }

  /** Most surface forms kept in {@code entities.aliases}. */
  public static final int MAX_ALIASES = 100;

  /** Runs the extractor over one article's text. */
  static final class ExtractMentions implements FlatMapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final EntityExtractor extractor;

    ExtractMentions(EntityExtractor extractor) {
      this.extractor = extractor;
    }

    @Override
    public Iterator<Row> call(Row article) {
      String id = article.getString(0);
      String text = article.getString(1);
      if (text == null || text.isEmpty()) {
        return Collections.emptyIterator();
      }
      return extractor.extract(text).stream()
          .map(m -> toRow(id, m))
          .iterator();
    }

    private static Row toRow(String articleId, Mention m) {
      return RowFactory.create(articleId, m.entityId(), m.entityName(), m.entityType().name(),
          m.surface(), m.sentenceIdx(), m.charStart(), m.charEnd(), m.source());
    }
  }
}
