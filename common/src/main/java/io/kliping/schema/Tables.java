package io.kliping.schema;

import static org.apache.spark.sql.types.DataTypes.BinaryType;
import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import java.util.List;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The warehouse tables: a public contract (README.md, "Tables"). Later versions may add columns,
 * never rename or retype them. Every table is partitioned by {@link #PARTITION_COLUMN}.
 */
public final class Tables {
  /** Partition column of every table: the batch date, yyyy-MM-dd. */
  public static final String PARTITION_COLUMN = "dt";

  public static final TableSpec ARTICLES = new TableSpec("articles", new StructType(new StructField[] {
      field("article_id", StringType, false),
      field("source_id", StringType, false),
      field("source", StringType, true),
      field("url", StringType, true),
      field("title", StringType, true),
      field("published_at", TimestampType, true),
      field("lang", StringType, false),
      field("text", StringType, false),
      field("raw_text", StringType, true),
      field("cluster_id", StringType, true),
      field("is_canonical", BooleanType, true),
      field("dup_type", StringType, true)}), List.of("article_id"), true);

  public static final TableSpec DUPLICATES = new TableSpec("duplicates", new StructType(new StructField[] {
      field("article_id", StringType, false),
      field("cluster_id", StringType, false),
      field("canonical_id", StringType, false),
      field("dup_type", StringType, false),
      field("similarity", DoubleType, false)}), List.of("article_id"));

  /** One row per duplicate cluster that has an article of the date and at least two members. */
  public static final TableSpec CLUSTERS = new TableSpec("clusters", new StructType(new StructField[] {
      field("cluster_id", StringType, false),
      field("canonical_id", StringType, false),
      field("size", LongType, false),
      field("new_members", LongType, false),
      field("sources", ArrayType.apply(StringType, true), false),
      field("first_published_at", TimestampType, true),
      field("last_published_at", TimestampType, true)}), List.of("cluster_id"));

  /**
   * The fingerprints and cluster of every article of the date, read by the dedup of later dates
   * (incremental dedup); {@code scheme} says which signatures may be compared.
   */
  public static final TableSpec DEDUP_INDEX = new TableSpec("dedup_index", new StructType(new StructField[] {
      field("article_id", StringType, false),
      field("cluster_id", StringType, false),
      field("is_canonical", BooleanType, false),
      field("published_at", TimestampType, true),
      field("source", StringType, true),
      field("content_hash", StringType, true),
      field("text_length", IntegerType, false),
      field("signature", BinaryType, true),
      field("scheme", StringType, false)}), List.of("article_id"));

  public static final TableSpec MENTIONS = new TableSpec("mentions", new StructType(new StructField[] {
      field("article_id", StringType, false),
      field("entity_id", StringType, false),
      field("entity_name", StringType, false),
      field("entity_type", StringType, false),
      field("surface", StringType, false),
      field("sentence_idx", IntegerType, false),
      field("char_start", IntegerType, false),
      field("char_end", IntegerType, false),
      field("source", StringType, false)}), List.of("article_id", "char_start", "entity_id"));

  public static final TableSpec ENTITIES = new TableSpec("entities", new StructType(new StructField[] {
      field("entity_id", StringType, false),
      field("name", StringType, false),
      field("type", StringType, false),
      field("doc_count", LongType, false),
      field("mention_count", LongType, false),
      field("aliases", DataTypes.createArrayType(StringType, false), false),
      field("source", StringType, false)}), List.of("entity_id"));

  public static final TableSpec COOCCURRENCE = new TableSpec("cooccurrence", new StructType(new StructField[] {
      field("entity_a", StringType, false),
      field("entity_b", StringType, false),
      field("level", StringType, false),
      field("n_ab", LongType, false),
      field("n_a", LongType, false),
      field("n_b", LongType, false),
      field("n", LongType, false),
      field("pmi", DoubleType, false),
      field("npmi", DoubleType, false),
      field("g2", DoubleType, false),
      field("jaccard", DoubleType, false),
      field("counting", StringType, false)}), List.of("level", "entity_a", "entity_b"));

  /**
   * The day's co-occurrence counts, unfiltered: the sufficient statistics every level, measure
   * and rolling window is computed from. Per level one total row (both entities null: units
   * counted, {@code n}), one row per entity ({@code entity_b} null: {@code n_a}) and one per pair.
   */
  public static final TableSpec COOCCURRENCE_COUNTS = new TableSpec("cooccurrence_counts", new StructType(new StructField[] {
      field("level", StringType, false),
      field("entity_a", StringType, true),
      field("entity_b", StringType, true),
      field("units", LongType, false),
      field("counting", StringType, false)}), List.of("level", "entity_a", "entity_b"));

  /**
   * Pairs over rolling windows of days, summed from the daily counts; dt = the window's last day.
   * The columns of {@link #COOCCURRENCE} after the window's length and the days it found.
   */
  public static final TableSpec COOCCURRENCE_ROLLING = new TableSpec("cooccurrence_rolling",
      new StructType(new StructField[] {
          field("window_days", IntegerType, false),
          field("days_present", IntegerType, false)}).merge(COOCCURRENCE.schema(), false),
      List.of("window_days", "level", "entity_a", "entity_b"));

  /** The best partners of each entity, for the day (window_days = 1) and each rolling window. */
  public static final TableSpec COOCCURRENCE_TOP = new TableSpec("cooccurrence_top", new StructType(new StructField[] {
      field("window_days", IntegerType, false),
      field("level", StringType, false),
      field("entity_id", StringType, false),
      field("entity_name", StringType, true),
      field("rank", IntegerType, false),
      field("partner_id", StringType, false),
      field("partner_name", StringType, true),
      field("partner_type", StringType, true),
      field("measure", StringType, false),
      field("score", DoubleType, false),
      field("n_ab", LongType, false),
      field("n_entity", LongType, false),
      field("n_partner", LongType, false),
      field("n", LongType, false)}), List.of("window_days", "level", "entity_id", "rank"));

  public static final TableSpec REJECTS = new TableSpec("rejects", new StructType(new StructField[] {
      field("input_file", StringType, false),
      field("position", StringType, false),
      field("reason", StringType, false),
      field("raw", StringType, true)}), List.of("input_file", "position", "reason"));

  /** All tables, in pipeline order. */
  public static final List<TableSpec> ALL =
      List.of(ARTICLES, DUPLICATES, CLUSTERS, DEDUP_INDEX, MENTIONS, ENTITIES, COOCCURRENCE,
          COOCCURRENCE_COUNTS, COOCCURRENCE_ROLLING, COOCCURRENCE_TOP,
          REJECTS);

  private Tables() {}

  private static StructField field(String name, org.apache.spark.sql.types.DataType type, boolean nullable) {
    return new StructField(name, type, nullable, Metadata.empty());
  }
}
