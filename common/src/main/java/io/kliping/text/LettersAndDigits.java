package io.kliping.text;

import static org.apache.spark.sql.functions.udf;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * The letters and digits of a string, everything else dropped: what {@link RepeatedLineRemover}
 * compares lines by. Letters and digits are those of {@link java.util.regex.Pattern}'s
 * {@code \p{L}} and {@code \p{N}} (the Unicode letter and number categories, by code point), so
 * the result equals {@code regexp_replace(s, "[^\\p{L}\\p{N}]+", "")}, null for null.
 *
 * <p>A Java function rather than that built-in: learning debris keys every paragraph of every
 * article, inside a higher-order function that Spark evaluates without code generation, and the
 * regular expression there (tried at every character) was about 8 % of ingest's CPU time; one
 * loop over the characters is several times cheaper (BENCHMARKS.md, session 30).
 */
public final class LettersAndDigits implements UDF1<String, String> {
  private static final long serialVersionUID = 1L;
  private static final UserDefinedFunction UDF =
      udf(new LettersAndDigits(), DataTypes.StringType);

  /** The letters and digits of {@code text} (a string column), null for null. */
  public static Column of(Column text) {
    return UDF.apply(text);
  }

  @Override
  public String call(String text) {
    return keep(text);
  }

  /** The letters and digits of {@code text}, in order; null for null. */
  public static String keep(String text) {
    if (text == null) {
      return null;
    }
    int n = text.length();
    StringBuilder out = null;
    int copied = 0;
    for (int i = 0; i < n; ) {
      int c = text.codePointAt(i);
      int next = i + Character.charCount(c);
      if (!isLetterOrDigit(c)) {
        if (out == null) {
          out = new StringBuilder(n);
        }
        out.append(text, copied, i);
        copied = next;
      }
      i = next;
    }
    return out == null ? text : out.append(text, copied, n).toString();
  }

  private static boolean isLetterOrDigit(int c) {
    if (c < 0x80) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
    switch (Character.getType(c)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER, Character.OTHER_NUMBER -> {
        return true;
      }
      default -> {
        return false;
      }
    }
  }
}
