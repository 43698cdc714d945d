package io.kliping.eval;

/**
 * A real article that becomes one story of a generated corpus: its original, the copies other
 * outlets republish, and possibly a hard negative (see {@link SyndicationGenerator}).
 *
 * @param title headline; may be null (a headline is then made from the first words of the text)
 * @param text body, paragraphs separated by line breaks
 * @param source outlet that published it (a domain such as {@code kompas.com} or a name); may be
 *     null
 * @param category section or topic; may be null. Hard negatives borrow text from bases of the same
 *     source and category, so that they read as another story on the same topic
 */
public record BaseArticle(String title, String text, String source, String category) {
  public BaseArticle {
    if (text == null) {
      throw new IllegalArgumentException("a base article needs a text");
    }
  }
}
