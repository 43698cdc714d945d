package io.kliping.text;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.length;
import static org.assertj.core.api.Assertions.assertThat;

import io.kliping.testing.SparkTestBase;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The byte-first comparisons against Spark's own {@code length}, on strings of one- to four-byte
 * characters whose lengths straddle every bound, null and empty included.
 */
class TextLengthTest extends SparkTestBase {

  /** One character each of 1, 2, 3 and 4 UTF-8 bytes (the last a surrogate pair in Java). */
  private static final String[] CHARS = {"a", "é", "中", "😀"};

  @Test
  void agreesWithLengthOnEveryMixOfCharacterWidths() {
    List<Row> rows = new ArrayList<>();
    rows.add(RowFactory.create((String) null));
    rows.add(RowFactory.create(""));
    for (String c : CHARS) {
      for (int n = 1; n <= 30; n++) {
        rows.add(RowFactory.create(c.repeat(n)));
        rows.add(RowFactory.create("a".repeat(n) + c.repeat(n / 3)));
      }
    }
    Dataset<Row> texts =
        spark.createDataFrame(rows, new StructType().add("text", DataTypes.StringType, true));
    Column text = col("text");
    List<Column> pairs = new ArrayList<>();
    pairs.add(TextLength.isNotEmpty(text));
    pairs.add(length(text).gt(0));
    for (int bound = 1; bound <= 40; bound++) {
      pairs.add(TextLength.atMost(text, bound));
      pairs.add(length(text).leq(bound));
      pairs.add(TextLength.below(text, bound));
      pairs.add(length(text).lt(bound));
    }
    List<Row> results = texts.select(pairs.toArray(Column[]::new)).collectAsList();
    assertThat(results).hasSize(rows.size());
    int nonNull = 0;
    for (Row r : results) {
      for (int i = 0; i < r.length(); i += 2) {
        assertThat(r.get(i)).as("column %d of %s", i, r).isEqualTo(r.get(i + 1));
        nonNull += r.isNullAt(i) ? 0 : 1;
      }
    }
    // all but the null text's
    assertThat(nonNull).isEqualTo((rows.size() - 1) * pairs.size() / 2);
  }
}
