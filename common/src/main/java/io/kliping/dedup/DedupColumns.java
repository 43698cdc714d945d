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

  private DedupColumns() {}
}
