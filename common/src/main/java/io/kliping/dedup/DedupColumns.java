package io.kliping.dedup;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Column names and schemas of the {@link Deduplicator}'s input and output. */
public final class DedupColumns {

  // Input (other columns pass through untouched).
  public static final String ARTICLE_ID = "article_id";
  public static final String TEXT = "text";
  public static final String PUBLISHED_AT = "published_at";
  public static final String SOURCE = "source";

  // Added to every article.
  public static final String CLUSTER_ID = "cluster_id";
  public static final String IS_CANONICAL = "is_canonical";
  public static final String DUP_TYPE = "dup_type";
  public static final String CANONICAL_ID = "canonical_id";
  public static final String SIMILARITY = "similarity";

  // Index entries (besides article_id, cluster_id, is_canonical, published_at, source).
  public static final String CONTENT_HASH = FingerprintFunction.CONTENT_HASH;
  public static final String TEXT_LENGTH = FingerprintFunction.TEXT_LENGTH;
  public static final String SIGNATURE = FingerprintFunction.SIGNATURE;
  public static final String SCHEME = "scheme";

  // Clusters (besides cluster_id, canonical_id).
  public static final String SIZE = "size";
  public static final String NEW_MEMBERS = "new_members";
  public static final String SOURCES = "sources";
  public static final String FIRST_PUBLISHED_AT = "first_published_at";
  public static final String LAST_PUBLISHED_AT = "last_published_at";

  /** Columns the input must have, with their types. */
  public static final StructType REQUIRED_INPUT_SCHEMA =
      new StructType(
          new StructField[] {
            DataTypes.createStructField(ARTICLE_ID, DataTypes.StringType, false),
            DataTypes.createStructField(TEXT, DataTypes.StringType, true),
            DataTypes.createStructField(PUBLISHED_AT, DataTypes.TimestampType, true),
            DataTypes.createStructField(SOURCE, DataTypes.StringType, true)
          });

  /** Columns appended to the input by {@link Deduplicator.Result#articles()}. */
  public static final StructType ADDED_SCHEMA =
      new StructType(
          new StructField[] {
            DataTypes.createStructField(CLUSTER_ID, DataTypes.StringType, true),
            DataTypes.createStructField(IS_CANONICAL, DataTypes.BooleanType, true),
            DataTypes.createStructField(DUP_TYPE, DataTypes.StringType, true),
            DataTypes.createStructField(CANONICAL_ID, DataTypes.StringType, true),
            DataTypes.createStructField(SIMILARITY, DataTypes.DoubleType, true)
          });

  /** Schema of {@link Deduplicator.Result#duplicates()}. */
  public static final StructType DUPLICATES_SCHEMA =
      new StructType(
          new StructField[] {
            DataTypes.createStructField(ARTICLE_ID, DataTypes.StringType, true),
            DataTypes.createStructField(CLUSTER_ID, DataTypes.StringType, true),
            DataTypes.createStructField(CANONICAL_ID, DataTypes.StringType, true),
            DataTypes.createStructField(DUP_TYPE, DataTypes.StringType, true),
            DataTypes.createStructField(SIMILARITY, DataTypes.DoubleType, true)
          });

  /**
   * Schema of {@link Deduplicator.Result#indexEntries()}, and the columns an index given to {@link
   * Deduplicator#apply(org.apache.spark.sql.Dataset, org.apache.spark.sql.Dataset)} must have
   * (other columns, such as {@code dt}, are ignored).
   */
  public static final StructType INDEX_SCHEMA =
      new StructType(
          new StructField[] {
            DataTypes.createStructField(ARTICLE_ID, DataTypes.StringType, true),
            DataTypes.createStructField(CLUSTER_ID, DataTypes.StringType, true),
            DataTypes.createStructField(IS_CANONICAL, DataTypes.BooleanType, true),
            DataTypes.createStructField(PUBLISHED_AT, DataTypes.TimestampType, true),
            DataTypes.createStructField(SOURCE, DataTypes.StringType, true),
            DataTypes.createStructField(CONTENT_HASH, DataTypes.StringType, true),
            DataTypes.createStructField(TEXT_LENGTH, DataTypes.IntegerType, true),
            DataTypes.createStructField(SIGNATURE, DataTypes.BinaryType, true),
            DataTypes.createStructField(SCHEME, DataTypes.StringType, true)
          });

  /** Schema of {@link Deduplicator.Result#clusters()}. */
  public static final StructType CLUSTERS_SCHEMA =
      new StructType(
          new StructField[] {
            DataTypes.createStructField(CLUSTER_ID, DataTypes.StringType, true),
            DataTypes.createStructField(CANONICAL_ID, DataTypes.StringType, true),
            DataTypes.createStructField(SIZE, DataTypes.LongType, true),
            DataTypes.createStructField(NEW_MEMBERS, DataTypes.LongType, true),
            DataTypes.createStructField(
                SOURCES, DataTypes.createArrayType(DataTypes.StringType, true), true),
            DataTypes.createStructField(FIRST_PUBLISHED_AT, DataTypes.TimestampType, true),
            DataTypes.createStructField(LAST_PUBLISHED_AT, DataTypes.TimestampType, true)
          });

  private DedupColumns() {}
}
