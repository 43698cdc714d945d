package io.kliping.text;

import java.util.regex.Pattern;

/**
 * Restores paragraph breaks in bodies whose scraper joined paragraphs with a bare comma (the
 * click-id dump: {@code "...dalam berkembang.,Lewat seni, si kecil..."}). Run it before {@link
 * TextCleaner} on such sources, so that debris and repeated-paragraph rules see real paragraphs.
 *
 * <p>Only a comma glued between a sentence end ({@code . ! ?}, optionally followed by a closing
 * quote or bracket) and the next non-space character is a break; commas inside sentences, and the
 * {@code ", ,"} gaps left where the scraper removed link text, stay as they are. Leading and
 * trailing commas (empty paragraphs) are dropped.
 */
public final class CommaJoinedParagraphs {

  private static final Pattern JOIN = Pattern.compile("([.!?][\"”’')]?),(?=[^\\s,])");
  private static final Pattern EDGES = Pattern.compile("^[\\s,]+|[\\s,]+$");

  private CommaJoinedParagraphs() {}

  /** {@code text} with each glued paragraph on its own line. */
  public static String split(String text) {
    if (text == null || text.indexOf(',') < 0) {
      return text;
    }
    return JOIN.matcher(EDGES.matcher(text).replaceAll("")).replaceAll("$1\n");
  }
}
