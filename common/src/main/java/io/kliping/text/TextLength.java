package io.kliping.text;

import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.octet_length;

import org.apache.spark.sql.Column;

/**
 * Comparisons of a string column's length in characters (code points, as Spark's {@code length}
 * counts them) that look at its length in bytes first. Spark stores strings as UTF-8 and keeps
 * their byte length, but counts characters by scanning every byte, and ingest compares the
 * length of every article and paragraph, some several times: those scans were about a tenth of
 * ingest's CPU samples. A character is one to four bytes, so the byte length alone settles the
 * comparison unless it lies within a factor of four of the bound; only then are the characters
 * counted. Each method gives exactly the value of the plain comparison, null for null.
 */
public final class TextLength {

  private static final int MAX_BYTES_PER_CHAR = 4;

  private TextLength() {}

  /** {@code length(text) > 0}. */
  public static Column isNotEmpty(Column text) {
    return text.notEqual(lit(""));
  }

  /** {@code length(text) <= max}. */
  public static Column atMost(Column text, int max) {
    Column bytes = octet_length(text);
    return bytes.leq(max)
        .or(bytes.leq((long) max * MAX_BYTES_PER_CHAR).and(length(text).leq(max)));
  }

  /** {@code length(text) < min}. */
  public static Column below(Column text, int min) {
    Column bytes = octet_length(text);
    return bytes.lt(min)
        .or(bytes.lt((long) min * MAX_BYTES_PER_CHAR).and(length(text).lt(min)));
  }
}
