package io.kliping.report;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fast count of non-space characters equals the regular-expression one. */
class VisibleCharsTest {
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = SparkSession.builder().master("local[1]").appName("kliping-visible-chars-test")
        .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
        .getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static final List<String> TEXTS = Arrays.asList(
      null, "", " ", "a", "Jakarta, 1 Mei  2024\n\nPresiden\tJokowi\r\n",
      "\u000B\f", // vertical tab and form feed are \s
      "no\u00A0break\u2003em\u3000ideographic\u200Bzero-width\u2028line\u0085next", // not \s
      "emoji \uD83D\uDE00 and \uD835\uDD38 surrogates\n",
      "combining e\u0301 accent", "  leading and trailing  \n\n  ");

  private static List<Row> counts(boolean regex) {
    Dataset<String> texts = spark.createDataset(TEXTS, Encoders.STRING());
    return texts.select(regex ? VisibleChars.byRegex(col("value")).as("n")
        : VisibleChars.of(col("value")).as("n")).collectAsList();
  }

  @Test
  void equalsTheRegularExpressionCountOnEveryKindOfSpace() {
    List<Row> fast = counts(false);
    List<Row> slow = counts(true);
    assertThat(fast).isEqualTo(slow);
    List<Object> values = new ArrayList<>();
    fast.forEach(r -> values.add(r.isNullAt(0) ? null : r.getInt(0)));
    // null stays null; only the six characters of \s go; other spaces and marks are counted;
    // a surrogate pair is one character
    assertThat(values).containsExactly(null, 0, 0, 1, 30, 0, 44, 20, 17, 18);
  }
}
