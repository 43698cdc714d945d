package io.kliping.io;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.raise_error;
import static org.apache.spark.sql.functions.shiftleft;
import static org.apache.spark.sql.functions.when;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One non-negative {@code long} column that orders a table's rows exactly as its sort key does,
 * so {@link Warehouse#stage} can sort them by it alone. Spark compares rows by an 8-byte prefix
 * of the first sort column and falls back to whole rows when prefixes tie; a key that starts
 * with a column of three values ({@code level}) and goes on with strings that share their first
 * bytes ({@code kl:person:...}) ties nearly always, and the comparisons of whole rows were a
 * fifth of co-occurrence's CPU. A single {@code long} is sorted by radix sort instead.
 *
 * <p>Each key column becomes a bit field, most significant first:
 * <ul>
 *   <li>{@link Builder#smallInt}: an int column whose values lie in {@code [0, 2^bits)};
 *   <li>{@link Builder#code}: a string column from a fixed set of values, coded by their order;
 *   <li>{@link Builder#ranked}: a string column coded by its rank in a dictionary
 *       ({@link StringRanks}), which the rows carry in a column of their own (joined on where
 *       they are fewer); null is 0 and sorts first, as Spark's ascending order puts nulls first.
 * </ul>
 * The fields are injective and monotone in each column, so the packed value orders rows as the
 * key does and ties only for equal keys. A value outside its field (a string missing from the
 * dictionary, an int out of range) fails the task with a message rather than misorder the file.
 * Immutable; {@link #builder} gives an empty prefix when the fields need more than 63 bits.
 */
public final class SortPrefix {
  /** Name of the prefix column while it exists (between {@link #apply} and the sort). */
  public static final String COLUMN = "_sort_prefix";

  private final List<Field> fields;

  private SortPrefix(List<Field> fields) {
    this.fields = List.copyOf(fields);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The key columns, most significant first; {@link Warehouse#stage} checks them. */
  public List<String> columns() {
    return fields.stream().map(Field::column).toList();
  }

  /** Total bits of the prefix (at most 63). */
  public int bits() {
    return fields.stream().mapToInt(Field::bits).sum();
  }

  /** The rows with {@link #COLUMN} added. */
  public Dataset<Row> apply(Dataset<Row> rows) {
    Column prefix = lit(0L);
    int shift = bits();
    for (Field f : fields) {
      shift -= f.bits;
      prefix = prefix.bitwiseOR(shiftleft(code(f), shift));
    }
    return rows.withColumn(COLUMN, prefix);
  }

  private static Column code(Field f) {
    Column value = col(f.column);
    if (f.code != null) {
      return f.code.apply(value);
    }
    Column rank = col(f.rankColumn);
    return when(value.isNull(), lit(0L))
        .when(rank.isNull(), raise_error(concat(lit("sort prefix: value of " + f.column
            + " missing from its dictionary: "), value)))
        .otherwise(rank.cast("long"));
  }

  /** Bits needed for values {@code 0..max}. */
  static int bitsFor(long max) {
    return Math.max(1, 64 - Long.numberOfLeadingZeros(max));
  }

  /** Builds a prefix field by field, most significant first. */
  public static final class Builder {
    private final List<Field> fields = new ArrayList<>();

    private Builder() {}

    /** An int column whose values all lie in {@code [0, 2^bits)}. */
    public Builder smallInt(String column, int bits) {
      long limit = 1L << bits;
      fields.add(new Field(column, bits, null, c -> when(c.lt(0).or(c.geq(limit)),
          raise_error(concat(lit("sort prefix: " + column
              + " outside [0, " + limit + "): "), c.cast("string"))))
          .otherwise(c.cast("long"))));
      return this;
    }

    /** A non-null string column whose values are among {@code values}. */
    public Builder code(String column, List<String> values) {
      String[] sorted = values.stream().distinct().sorted(SortPrefix::compareUtf8)
          .toArray(String[]::new);
      int bits = bitsFor(sorted.length - 1L);
      fields.add(new Field(column, bits, null, c -> {
        Column code = lit(null).cast("long");
        for (int i = sorted.length - 1; i >= 0; i--) {
          code = when(c.equalTo(lit(sorted[i])), lit((long) i)).otherwise(code);
        }
        return coalesce(code, raise_error(concat(
            lit("sort prefix: " + column + " not one of " + Arrays.toString(sorted) + ": "),
            coalesce(c, lit("null")))).cast("long"));
      }));
      return this;
    }

    /**
     * A string column whose rank in {@code ranks} the rows carry in {@code rankColumn} (joined
     * on where the rows are fewer, e.g. before they multiply); null codes as 0, and a non-null
     * value without a rank fails the task.
     */
    public Builder ranked(String column, StringRanks ranks, String rankColumn) {
      fields.add(new Field(column, bitsFor(ranks.size()), rankColumn, null));
      return this;
    }

    /** The prefix, or empty when its fields need more than 63 bits. */
    public Optional<SortPrefix> build() {
      int bits = fields.stream().mapToInt(Field::bits).sum();
      return bits <= 63 ? Optional.of(new SortPrefix(fields)) : Optional.empty();
    }
  }

  /** Spark's order of strings: unsigned comparison of their UTF-8 bytes. */
  static int compareUtf8(String a, String b) {
    return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
        b.getBytes(StandardCharsets.UTF_8));
  }

  private record Field(String column, int bits, String rankColumn,
      Function<Column, Column> code) {}
}
