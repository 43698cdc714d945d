package io.kliping.text;

import java.util.regex.Pattern;

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
 */
public final class CommaJoinedParagraphs {

  private static final Pattern JOIN = Pattern.compile("([.!?][\"”’')]?),(?=[^\\s,])");
  private static final Pattern RUN = Pattern.compile(
      "([.!?][\"”’')]?)(?:\\h+(?:,\\h*)+|,(?:\\h*,)+\\h*)(?=[\"“‘'(]?[\\p{Lu}\\p{N}])");
  private static final Pattern EDGES = Pattern.compile("^[\\s,]+|[\\s,]+$");

  private CommaJoinedParagraphs() {}

  /** {@code text} with each glued paragraph on its own line. */
  public static String split(String text) {
    if (text == null || text.indexOf(',') < 0) {
      return text;
    }
    String trimmed = EDGES.matcher(text).replaceAll("");
    return JOIN.matcher(RUN.matcher(trimmed).replaceAll("$1\n")).replaceAll("$1\n");
  }
}
