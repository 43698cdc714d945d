package io.kliping.dedup;

import static io.kliping.dedup.DedupColumns.ARTICLE_ID;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Adds the cluster columns ({@link DedupColumns#ADDED_SCHEMA}) to the articles: what {@link
 * Deduplicator.Result#articles()} and {@link Deduplicator#annotate} return.
 *
 * <p>Not a join: the articles and their assignments are stacked (union), hash-partitioned by
 * {@code article_id} and each column of an article's one assignment row is spread over its
 * {@code article_id} by a window. A sort-merge join would shuffle the articles, texts included,
 * into {@code spark.sql.shuffle.partitions} partitions and the writer would shuffle and sort them
 * again into its files (Spark widens two explicitly co-partitioned join inputs to the default
 * partition count); this plan keeps the one hash partitioning and the one sort, so a writer that
 * lays its files out by {@code article_id} into the same number of partitions adds neither.
 */
final class ClusterColumns {
  private static final String SIDE = "_dedup_assignment_row";

  private ClusterColumns() {}

  /**
   * @param articles unique {@code article_id}, none of the added columns
   * @param assignments {@code article_id} and the added columns, at most one row per article
   * @param partitions hash partitions by {@code article_id}; 0 for {@code
   *     spark.sql.shuffle.partitions}
   */
  static Dataset<Row> annotate(Dataset<Row> articles, Dataset<Row> assignments, int partitions) {
    String[] added = DedupColumns.ADDED_SCHEMA.fieldNames();
    List<Column> assignmentColumns = new ArrayList<>();
    assignmentColumns.add(col(ARTICLE_ID));
    for (String name : added) {
      assignmentColumns.add(col(name));
    }
    Dataset<Row> stacked =
        articles
            .withColumn(SIDE, lit(false))
            .unionByName(
                assignments.select(assignmentColumns.toArray(Column[]::new))
                    .withColumn(SIDE, lit(true)),
                true);
    Dataset<Row> partitioned =
        partitions == 0
            ? stacked.repartition(stacked.col(ARTICLE_ID))
            : stacked.repartition(partitions, stacked.col(ARTICLE_ID));
    // One row per article carries values (the others are null), so max is that row's value.
    WindowSpec article = Window.partitionBy(partitioned.col(ARTICLE_ID));
    List<Column> out = new ArrayList<>();
    out.add(partitioned.col(SIDE));
    for (String name : articles.columns()) {
      out.add(partitioned.col(name));
    }
    for (String name : added) {
      out.add(max(partitioned.col(name)).over(article).as(name));
    }
    return partitioned.select(out.toArray(Column[]::new)).where(not(col(SIDE))).drop(SIDE);
  }
}
