package io.kliping.io;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.octet_length;
import static org.apache.spark.sql.functions.sum;

import java.io.Serializable;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * The distinct values of a string column, each with its dense rank (from 1) in Spark's string
 * order, so that a string can stand in a sort as a number ({@link SortPrefix#ranked}). Ranked in
 * a distributed sort ({@code orderBy}, then each partition's offset from the counts of the ones
 * before it), not in one task; kept in memory (spilling to disk) until {@link #release}. Its
 * size is that of the distinct values (entities of a window, say), not of the rows they came
 * from, and it is broadcast to the joins that use it ({@link #keyed}).
 */
public final class StringRanks {
  /** Column of the dictionary's strings. */
  public static final String VALUE = "value";
  /** Column of their ranks ({@code long}, 1 for the smallest). */
  public static final String RANK = "rank";

  static final StructType SCHEMA = new StructType()
      .add(VALUE, DataTypes.StringType, false)
      .add(RANK, DataTypes.LongType, false);

  private final Dataset<Row> table;
  private final long size;
  private final long valueBytes;

  private StringRanks(Dataset<Row> table, long size, long valueBytes) {
    this.table = table;
    this.size = size;
    this.valueBytes = valueBytes;
  }

  /**
   * Ranks the distinct non-null values of the single string column of {@code values}; runs the
   * Spark jobs that rank and cache them.
   */
  public static StringRanks of(Dataset<Row> values) {
    if (values.columns().length != 1) {
      throw new IllegalArgumentException("rank one string column, got "
          + String.join(", ", values.columns()));
    }
    SparkSession spark = values.sparkSession();
    Dataset<Row> sorted = values.select(col(values.columns()[0]).cast("string").as(VALUE))
        .filter(col(VALUE).isNotNull())
        .distinct()
        .orderBy(col(VALUE));
    Dataset<Row> table = spark.createDataFrame(sorted.toJavaRDD().zipWithIndex()
        .map(new RankedRow()), SCHEMA).persist(StorageLevel.MEMORY_AND_DISK());
    Row measured = table.agg(count(lit(1)), coalesce(sum(octet_length(col(VALUE))), lit(0L)))
        .first();
    return new StringRanks(table, measured.getLong(0), measured.getLong(1));
  }

  /** Rows {@code value, rank}, one per distinct value. */
  public Dataset<Row> table() {
    return table;
  }

  /**
   * The dictionary as {@code valueColumn, rankColumn}, marked for broadcast: the form in which
   * it is joined onto rows.
   */
  public Dataset<Row> keyed(String valueColumn, String rankColumn) {
    return broadcast(table.select(col(VALUE).as(valueColumn), col(RANK).as(rankColumn)));
  }

  /** The number of values, which is also the largest rank. */
  public long size() {
    return size;
  }

  /**
   * The UTF-8 bytes of all values together: with {@link #size}, a bound on the size of tables
   * keyed by them (one row per value and group, say) known before they are computed.
   */
  public long valueBytes() {
    return valueBytes;
  }

  /** Drops the cached dictionary. */
  public void release() {
    table.unpersist();
  }

  /** A value and its 0-based position to the row {@code value, position + 1}. */
  private static final class RankedRow implements Function<Tuple2<Row, Long>, Row>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public Row call(Tuple2<Row, Long> ranked) {
      return RowFactory.create(ranked._1().getString(0), ranked._2() + 1);
    }
  }
}
