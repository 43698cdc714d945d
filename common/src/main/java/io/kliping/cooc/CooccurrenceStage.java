package io.kliping.cooc;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.kliping.config.KlipingConfig;
import io.kliping.entities.SentenceSplitter;
import io.kliping.schema.Tables;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Co-occurrence of entities for one batch date, at document and sentence level: for each pair of
 * distinct entities the number of units (documents, or sentences) mentioning both ({@code n_ab}),
 * each ({@code n_a, n_b}), the number of units {@code n}, and PMI, NPMI, G2 and Jaccard
 * ({@link Association}). A near-duplicate cluster counts once (its canonical article) unless
 * {@code count-duplicates} is set; the {@code counting} column says which. Pairs are built per
 * unit from its distinct entities, capped at {@code max-entities-per-doc} (first mentioned kept).
 */
public final class CooccurrenceStage {
  /** Value of the {@code level} column for document-level pairs. */
  public static final String DOCUMENT = "document";
  /** Value of the {@code level} column for sentence-level pairs. */
  public static final String SENTENCE = "sentence";

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
    return docs.select(col("article_id"), col("text"));
  }

  /** Rows of {@link Tables#COOCCURRENCE} for the given articles and their mentions. */
  public Dataset<Row> apply(Dataset<Row> articles, Dataset<Row> mentions) {
    Dataset<Row> docs = countedDocuments(articles);
    Dataset<Row> counted = mentions.join(docs.select(col("article_id")), "article_id");

    Dataset<Row> documents = docs.agg(count(lit(1)).as("n"));
    Dataset<Row> documentEntities = counted.select(col("article_id").as("unit"),
        col("entity_id"), col("char_start"));

    Dataset<Row> sentences = docs.select(col("text"))
        .map(new SentenceCount(), Encoders.LONG())
        .agg(sum(col("value")).as("n"));
    Dataset<Row> sentenceEntities = counted.select(
        concat_ws(":", col("article_id"), col("sentence_idx").cast("string")).as("unit"),
        col("entity_id"), col("char_start"));

    return pairs(DOCUMENT, documents, documentEntities)
        .unionByName(pairs(SENTENCE, sentences, sentenceEntities));
  }

  /** Pairs of one level from its units' entities and its one-row unit count {@code n}. */
  private Dataset<Row> pairs(String level, Dataset<Row> total, Dataset<Row> unitEntities) {
    Dataset<Row> distinct = unitEntities
        .groupBy(col("unit"), col("entity_id"))
        .agg(min(col("char_start")).as("first_at"))
        .withColumn("rank", row_number().over(Window.partitionBy(col("unit"))
            .orderBy(col("first_at"), col("entity_id"))))
        .filter(col("rank").leq(settings.maxEntitiesPerDoc()))
        .select(col("unit"), col("entity_id"));
    Dataset<Row> perEntity = distinct.groupBy(col("entity_id")).agg(count(lit(1)).as("n_e"));
    Dataset<Row> a = distinct.select(col("unit"), col("entity_id").as("entity_a"));
    Dataset<Row> b = distinct.select(col("unit"), col("entity_id").as("entity_b"));
    Dataset<Row> pairCounts = a.join(b, "unit")
        .filter(col("entity_a").lt(col("entity_b")))
        .groupBy(col("entity_a"), col("entity_b"))
        .agg(count(lit(1)).as("n_ab"))
        .filter(col("n_ab").geq(settings.minCount()));
    Dataset<Row> na = perEntity.select(col("entity_id").as("entity_a"), col("n_e").as("n_a"));
    Dataset<Row> nb = perEntity.select(col("entity_id").as("entity_b"), col("n_e").as("n_b"));
    Dataset<Row> joined = pairCounts.join(na, "entity_a").join(nb, "entity_b").crossJoin(total);

    Column nab = col("n_ab").cast("double");
    Column nA = col("n_a").cast("double");
    Column nB = col("n_b").cast("double");
    Column n = col("n").cast("double");
    Column pmi = log(nab.multiply(n).divide(nA.multiply(nB)));
    Column npmi = when(col("n_ab").equalTo(col("n")), lit(1.0))
        .otherwise(pmi.divide(log(nab.divide(n)).multiply(-1.0)));
    Column g2 = term(nab, nA, nB, n)
        .plus(term(nA.minus(nab), nA, n.minus(nB), n))
        .plus(term(nB.minus(nab), n.minus(nA), nB, n))
        .plus(term(n.minus(nA).minus(nB).plus(nab), n.minus(nA), n.minus(nB), n))
        .multiply(2.0);
    Column jaccard = nab.divide(nA.plus(nB).minus(nab));
    return joined.select(col("entity_a"), col("entity_b"), lit(level).as("level"),
        col("n_ab"), col("n_a"), col("n_b"), col("n"), pmi.as("pmi"), npmi.as("npmi"),
        g2.as("g2"), jaccard.as("jaccard"),
        lit(settings.countDuplicates() ? "all" : "canonical").as("counting"));
  }

  /** {@code k * ln(k * n / (row * col))}, 0 when k = 0. */
  private static Column term(Column k, Column row, Column column, Column n) {
    return when(k.gt(0), k.multiply(log(k.multiply(n).divide(row.multiply(column)))))
        .otherwise(lit(0.0));
  }

  /** Number of sentences of one article's text (the sentence-level {@code n}). */
  static final class SentenceCount implements MapFunction<Row, Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public Long call(Row row) {
      String text = row.getString(0);
      return text == null || text.isBlank() ? 0L
          : (long) SentenceSplitter.sentenceStarts(text).length;
    }
  }
}
