package io.kliping.report;

import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.udf;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * Characters of a text other than white space, as a Spark column: what the run report and the
 * ingest summary compare before and after cleaning (cleaning re-joins paragraphs with blank
 * lines, which is layout, not content).
 *
 * <p>White space is that of Java's regular expression class {@code \s}: space, tab, line feed,
 * vertical tab, form feed and carriage return (not the no-break or other Unicode spaces); a
 * character is a code point, as in Spark's {@code length}. The count equals {@code
 * length(regexp_replace(text, "\\s+", ""))} but is one loop over the text in a Java function
 * ({@link Count}), not a Spark built-in: the built-ins all copy or rescan the text per white-space
 * character (six {@code replace} calls, each a byte-by-byte search; {@code translate} looks every
 * character up in a map of strings; the regular expression is slower still), and with them this
 * count was most of the run report's time (22.5 s of a 250,000-article report; see
 * BENCHMARKS.md). Null stays null.
 */
public final class VisibleChars {
  private static final UserDefinedFunction COUNT = udf(new Count(), DataTypes.IntegerType);

  private VisibleChars() {}

  /** The number of characters of {@code text} that are not white space (an int column). */
  public static Column of(Column text) {
    return COUNT.apply(text);
  }

  /** The same count the slow way, kept for the tests that check the two agree. */
  static Column byRegex(Column text) {
    return length(org.apache.spark.sql.functions.regexp_replace(text, "\\s+", ""));
  }

  /**
   * Code points of a string other than the six characters of {@code \s} (space, \t, \n,
   * vertical tab, \f, \r); null for null.
   */
  static final class Count implements UDF1<String, Integer> {
    private static final long serialVersionUID = 1L;

    @Override
    public Integer call(String text) {
      if (text == null) {
        return null;
      }
      int n = text.length();
      int visible = 0;
      for (int i = 0; i < n; i++) {
        char c = text.charAt(i);
        // A surrogate pair is one character: count its high half only.
        if (c > ' ' ? !Character.isLowSurrogate(c) : !isWhiteSpace(c)) {
          visible++;
        }
      }
      return visible;
    }

    /** Space, or tab, line feed, vertical tab, form feed, carriage return (9 to 13). */
    private static boolean isWhiteSpace(char c) {
      return c == ' ' || (c >= '\t' && c <= '\r');
    }
  }
}
