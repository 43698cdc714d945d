package io.kliping.dedup;

import static io.kliping.dedup.DedupColumns.ARTICLE_ID;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.pmod;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction2;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

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
 *
 * <p>{@link #annotateInPlace} is the cheaper form for articles read file by file as the warehouse
 * laid them out (partition {@code k}: the articles whose {@code article_id} hashes to {@code k},
 * sorted by it): only the assignments are shuffled, into the same hash partitions, sorted, and
 * merged into each partition's articles in their order, so the texts are neither shuffled nor
 * sorted and each article keeps its partition and place.
 */
final class ClusterColumns {
  private static final String SIDE = "_dedup_assignment_row";
  private static final String PLACE = "_dedup_hash_partition";

  private ClusterColumns() {}

  /**
   * @param articles unique {@code article_id}, none of the added columns
   * @param assignments {@code article_id} and the added columns, at most one row per article
   * @param partitions hash partitions by {@code article_id}; 0 for {@code
   *     spark.sql.shuffle.partitions}
   */
  static Dataset<Row> annotate(Dataset<Row> articles, Dataset<Row> assignments, int partitions) {
    String[] added = DedupColumns.ADDED_SCHEMA.fieldNames();
    Dataset<Row> stacked =
        articles
            .withColumn(SIDE, lit(false))
            .unionByName(
                assignmentColumns(assignments)
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

  /**
   * {@link #annotate} for articles hash-partitioned by {@code article_id} (Spark's hash
   * partitioning, as {@code repartition(n, article_id)} makes it) and sorted by it inside each
   * partition: the result has the same partitions, each article in its place.
   *
   * <p>The merge runs on Spark's internal rows ({@link InternalFrames}): converting every text to
   * a Java string and back took about as long as the shuffle it replaces.
   *
   * @param articles unique {@code article_id}, none of the added columns, laid out as above
   * @param assignments {@code article_id} and the added columns, at most one row per article
   * @throws IllegalStateException in a task, when an article is not in its hash partition or not
   *     after the one before it
   */
  static Dataset<Row> annotateInPlace(Dataset<Row> articles, Dataset<Row> assignments) {
    int partitions = articles.rdd().getNumPartitions();
    if (partitions < 1) {
      throw new IllegalArgumentException("articles have no partitions");
    }
    Dataset<Row> sortedAssignments = assignmentColumns(assignments)
        .repartition(partitions, col(ARTICLE_ID))
        .sortWithinPartitions(ARTICLE_ID);
    StructType schema = articles.schema();
    for (StructField f : DedupColumns.ADDED_SCHEMA.fields()) {
      schema = schema.add(f);
    }
    // Each article's hash partition, by Spark's own hash, checked against the partition it is in.
    Dataset<Row> placed = articles.withColumn(PLACE,
        pmod(hash(col(ARTICLE_ID)), lit(partitions)));
    JavaRDD<InternalRow> merged = InternalFrames.rows(placed).zipPartitions(
        InternalFrames.rows(sortedAssignments),
        new MergeAssignments(schema, articles.schema().fieldIndex(ARTICLE_ID),
            articles.columns().length));
    return InternalFrames.frame(articles.sparkSession(), merged, schema);
  }

  /** The assignments' {@code article_id}, then the added columns in their schema's order. */
  private static Dataset<Row> assignmentColumns(Dataset<Row> assignments) {
    List<Column> columns = new ArrayList<>();
    columns.add(col(ARTICLE_ID));
    for (String name : DedupColumns.ADDED_SCHEMA.fieldNames()) {
      columns.add(col(name));
    }
    return assignments.select(columns.toArray(Column[]::new));
  }

  /**
   * Appends to each article of a partition the added columns of its assignment (nulls without
   * one), walking both sorted sides once; the articles keep their order. Output {@code schema}:
   * the articles' {@code width} columns (of which {@code idField} is the id), then the added
   * ones; the input articles have their hash partition after their columns.
   */
  private record MergeAssignments(StructType schema, int idField, int width)
      implements FlatMapFunction2<Iterator<InternalRow>, Iterator<InternalRow>, InternalRow> {

    @Override
    public Iterator<InternalRow> call(Iterator<InternalRow> articles,
        Iterator<InternalRow> assignments) {
      int partition = TaskContext.getPartitionId();
      DataType[] types = Arrays.stream(schema.fields()).map(StructField::dataType)
          .toArray(DataType[]::new);
      // One output row, reused: the dataset's scan copies each row into its own format.
      GenericInternalRow out = new GenericInternalRow(types.length);
      return new Iterator<>() {
        // Rows from Spark's iterators may be reused buffers: only the current one is read.
        private InternalRow assignment = assignments.hasNext() ? assignments.next() : null;
        private UTF8String previous;

        @Override
        public boolean hasNext() {
          return articles.hasNext();
        }

        @Override
        public InternalRow next() {
          InternalRow article = articles.next();
          UTF8String id = article.getUTF8String(idField);
          if (article.getInt(width) != partition) {
            throw new IllegalStateException("article " + id + " hashes to partition "
                + article.getInt(width) + ", found in partition " + partition);
          }
          if (previous != null && previous.binaryCompare(id) >= 0) {
            throw new IllegalStateException("articles not sorted by article_id in partition "
                + partition + ": " + previous + " before " + id);
          }
          previous = id.clone();
          while (assignment != null && assignment.getUTF8String(0).binaryCompare(id) < 0) {
            advance();
          }
          for (int i = 0; i < width; i++) {
            out.update(i, article.get(i, types[i]));
          }
          boolean matched = assignment != null && assignment.getUTF8String(0).equals(id);
          for (int i = width; i < types.length; i++) {
            out.update(i, matched ? assignment.get(1 + i - width, types[i]) : null);
          }
          if (matched) {
            advance();
          }
          return out;
        }

        private void advance() {
          assignment = assignments.hasNext() ? assignments.next() : null;
        }
      };
    }
  }
}
