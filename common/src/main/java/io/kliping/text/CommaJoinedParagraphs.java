package io.kliping.text;

/**
 * Restores paragraph breaks in bodies whose scraper joined paragraphs with a bare comma (the
 * click-id dump: {@code "...dalam berkembang.,Lewat seni, si kecil..."}). Run it before {@link
 * TextCleaner} on such sources, so that debris and repeated-paragraph rules see real paragraphs.
 *
 * <p>A comma glued between a sentence end ({@code . ! ?}, optionally followed by a closing quote
 * or bracket) and the next non-space character is a break. So is a run of such commas (the
 * paragraphs between were removed, typically embedded links: {@code "...kemenangan.,,,Sayangnya,
 * usaha..."}) when what follows starts a sentence: a capital or a digit, optionally after an
 * opening quote or bracket; before a lower-case word the run stays ({@code "...2018.,," tulis
 * akun tersebut"} is one sentence around a removed embed). Commas inside sentences, and the
 * {@code ", ,"} gaps left where the scraper removed link text, stay as they are. Leading and
 * trailing commas (empty paragraphs) are dropped.
 *
 * <p>The rules were first three regular expressions applied in turn (kept in the tests as the
 * specification this class is checked against); they are one pass over the characters here,
 * because ingest calls this on every body and the three scans with their copies were about 5 % of
 * its CPU time. Character classes are those of {@link java.util.regex.Pattern}: white space is
 * {@code \s} (the six ASCII ones), a gap between commas is horizontal white space ({@code \h}:
 * including the no-break and typographic spaces), a capital is {@code \p{Lu}} and a digit
 * {@code \p{N}}.
 */
public final class CommaJoinedParagraphs {

  private CommaJoinedParagraphs() {}

  /** {@code text} with each glued paragraph on its own line. */
  public static String split(String text) {
    if (text == null || text.indexOf(',') < 0) {
      return text;
    }
    int start = 0;
    int end = text.length();
    while (start < end && isSpaceOrComma(text.charAt(start))) {
      start++;
    }
    // A trailing run goes; as with the pattern's '$', so does one before a final line terminator
    // that is not white space itself (U+0085, U+2028, U+2029).
    int trimmedEnd = trailingRunStart(text, start, end);
    int tailStart = end;
    if (trimmedEnd == end && end > start && isOtherLineTerminator(text.charAt(end - 1))) {
      tailStart = end - 1;
      trimmedEnd = trailingRunStart(text, start, tailStart);
    }
    StringBuilder out = new StringBuilder(end - start + 16);
    int copied = start;
    for (int i = start; i < trimmedEnd; i++) {
      char c = text.charAt(i);
      if (c != '.' && c != '!' && c != '?') {
        continue;
      }
      int gap = i + 1 < trimmedEnd && isClosing(text.charAt(i + 1)) ? i + 2 : i + 1;
      int next = breakEnd(text, gap, trimmedEnd);
      if (next >= 0) {
        out.append(text, copied, gap).append('\n');
        copied = next;
        i = next - 1;
      }
    }
    return out.append(text, copied, trimmedEnd).append(text, tailStart, end).toString();
  }

  /**
   * Where the text after a break that starts at {@code gap} (just after a sentence end) goes on,
   * or -1 when there is no break: a run of commas and horizontal spaces holding two commas, or one
   * comma after a space, before a sentence start; else one comma before anything but white space
   * or another comma.
   */
  private static int breakEnd(String text, int gap, int end) {
    if (gap >= end) {
      return -1;
    }
    int commas = 0;
    int j = gap;
    for (; j < end; j++) {
      char c = text.charAt(j);
      if (c == ',') {
        commas++;
      } else if (!isHorizontalSpace(c)) {
        break;
      }
    }
    boolean run = text.charAt(gap) == ',' ? commas >= 2 : commas >= 1;
    if (run && startsSentence(text, j, end)) {
      return j;
    }
    if (text.charAt(gap) == ',' && gap + 1 < end && !isSpaceOrComma(text.charAt(gap + 1))) {
      return gap + 1;
    }
    return -1;
  }

  /** A capital or digit at {@code i}, or after one opening quote or bracket there. */
  private static boolean startsSentence(String text, int i, int end) {
    if (i >= end) {
      return false;
    }
    int first = isOpening(text.charAt(i)) ? i + 1 : i;
    return first < end && isCapitalOrDigit(text.codePointAt(first));
  }

  private static int trailingRunStart(String text, int start, int end) {
    while (end > start && isSpaceOrComma(text.charAt(end - 1))) {
      end--;
    }
    return end;
  }

  private static boolean isCapitalOrDigit(int codePoint) {
    int type = Character.getType(codePoint);
    return type == Character.UPPERCASE_LETTER || type == Character.DECIMAL_DIGIT_NUMBER
        || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
  }

  /** {@code \s} or a comma. */
  private static boolean isSpaceOrComma(char c) {
    return c == ',' || c == ' ' || (c >= '\t' && c <= '\r');
  }

  /** {@code \h}: space, tab, no-break space and the other horizontal spaces of Unicode. */
  private static boolean isHorizontalSpace(char c) {
    return c == ' ' || c == '\t' || c == '\u00A0' || c == '\u1680' || c == '\u180E'
        || (c >= '\u2000' && c <= '\u200A') || c == '\u202F' || c == '\u205F' || c == '\u3000';
  }

  private static boolean isOtherLineTerminator(char c) {
    return c == '\u0085' || c == '\u2028' || c == '\u2029';
  }

  private static boolean isClosing(char c) {
    return c == '"' || c == '”' || c == '’' || c == '\'' || c == ')';
  }

  private static boolean isOpening(char c) {
    return c == '"' || c == '“' || c == '‘' || c == '\'' || c == '(';
  }
}
