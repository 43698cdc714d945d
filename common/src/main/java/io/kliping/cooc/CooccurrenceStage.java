package io.kliping.cooc;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import io.kliping.config.KlipingConfig;
import io.kliping.schema.Tables;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Document-level co-occurrence of entities for one batch date: for each pair of distinct
 * entities the number of documents mentioning both ({@code n_ab}), each ({@code n_a, n_b}), the
 * number of documents {@code n}, and PMI/NPMI ({@link Association}). A near-duplicate cluster
 * counts once (its canonical article) unless {@code count-duplicates} is set. Pairs are built per
 * document from its distinct entities, capped at {@code max-entities-per-doc}.
 */
public final class CooccurrenceStage {
  /** Value of the {@code level} column for document-level pairs. */
  public static final String DOCUMENT = "document";

  private final KlipingConfig.Cooccurrence settings;

  private CooccurrenceStage(KlipingConfig.Cooccurrence settings) {
    this.settings = settings;
  }

  public static CooccurrenceStage create(KlipingConfig.Cooccurrence settings) {
    return new CooccurrenceStage(settings);
  }

  /** The documents counted: canonical articles, or all when duplicates are counted. */
  public Dataset<Row> countedDocuments(Dataset<Row> articles) {
    Dataset<Row> docs = settings.countDuplicates() ? articles
        : articles.filter(col("is_canonical").equalTo(true));
    return docs.select(col("article_id"));
  }

  /** Rows of {@link Tables#COOCCURRENCE} for the given articles and their mentions. */
  public Dataset<Row> apply(Dataset<Row> articles, Dataset<Row> mentions) {
    Dataset<Row> docs = countedDocuments(articles);
    Dataset<Row> total = docs.agg(count(lit(1)).as("n"));
    Dataset<Row> docEntities = mentions.join(docs, "article_id")
        .groupBy(col("article_id"), col("entity_id"))
        .agg(min(col("char_start")).as("first_at"))
        .withColumn("rank", row_number().over(Window.partitionBy(col("article_id"))
            .orderBy(col("first_at"), col("entity_id"))))
        .filter(col("rank").leq(settings.maxEntitiesPerDoc()))
        .select(col("article_id"), col("entity_id"));
    Dataset<Row> perEntity = docEntities.groupBy(col("entity_id")).agg(count(lit(1)).as("n_e"));
    Dataset<Row> a = docEntities.select(col("article_id"), col("entity_id").as("entity_a"));
    Dataset<Row> b = docEntities.select(col("article_id"), col("entity_id").as("entity_b"));
    Dataset<Row> pairs = a.join(b, "article_id")
        .filter(col("entity_a").lt(col("entity_b")))
        .groupBy(col("entity_a"), col("entity_b"))
        .agg(count(lit(1)).as("n_ab"))
        .filter(col("n_ab").geq(settings.minCount()));
    Dataset<Row> na = perEntity.select(col("entity_id").as("entity_a"), col("n_e").as("n_a"));
    Dataset<Row> nb = perEntity.select(col("entity_id").as("entity_b"), col("n_e").as("n_b"));
    Dataset<Row> counted = pairs.join(na, "entity_a").join(nb, "entity_b").crossJoin(total);
    Column nab = col("n_ab").cast("double");
    Column n = col("n").cast("double");
    Column pmi = log(nab.multiply(n).divide(col("n_a").cast("double").multiply(col("n_b"))));
    Column npmi = when(col("n_ab").equalTo(col("n")), lit(1.0))
        .otherwise(pmi.divide(log(nab.divide(n)).multiply(-1.0)));
    return counted.select(col("entity_a"), col("entity_b"), lit(DOCUMENT).as("level"),
        col("n_ab"), col("n_a"), col("n_b"), col("n"), pmi.as("pmi"), npmi.as("npmi"));
  }
}
