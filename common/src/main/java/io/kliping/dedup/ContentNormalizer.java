package io.kliping.dedup;

/**
 * The one text normalisation behind both the exact content hash and the shingles, so that "the same
 * content" means the same thing to exact and near-duplicate detection.
 *
 * <p>Rules ({@link #VERSION} 1): every code point is lower-cased locale-independently (as with {@code
 * Locale.ROOT}, per code point, so {@code 'İ'} folds to {@code 'i'}); tokens are maximal runs of
 * Unicode letters, digits and combining marks (marks keep words of scripts such as Devanagari or
 * decomposed accents whole); tokens are joined by single spaces. Punctuation, symbols and whitespace
 * only separate tokens. Any change to these rules changes every content hash and signature and must
 * bump {@link #VERSION} and {@link MinHashSigner#SIGNATURE_VERSION}.
 */
public final class ContentNormalizer {

  /** Version of the normalisation rules; part of {@link MinHashSigner#SIGNATURE_VERSION}. */
  public static final int VERSION = 1;

  private ContentNormalizer() {}

  /** Returns the normalised form of {@code text}; {@code null} normalises to the empty string. */
  public static String normalize(CharSequence text) {
    StringBuilder out = new StringBuilder(text == null ? 0 : text.length());
    normalize(text, out);
    return out.toString();
  }

  /**
   * Writes the normalised form of {@code text} into {@code out} (cleared first), so a per-partition
   * caller can reuse one builder. Returns the normalised length in chars.
   */
  public static int normalize(CharSequence text, StringBuilder out) {
    out.setLength(0);
    if (text == null) {
      return 0;
    }
    boolean inToken = false;
    int length = text.length();
    for (int i = 0; i < length; ) {
      // ASCII (most of the text) without code point decoding or the case table.
      char c = text.charAt(i);
      int codePoint = c < 0x80 ? c : Character.codePointAt(text, i);
      i += c < 0x80 ? 1 : Character.charCount(codePoint);
      if (isTokenChar(codePoint)) {
        if (!inToken && out.length() > 0) {
          out.append(' ');
        }
        if (codePoint < 0x80) {
          out.append(codePoint >= 'A' && codePoint <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        } else {
          out.appendCodePoint(Character.toLowerCase(codePoint));
        }
        inToken = true;
      } else {
        inToken = false;
      }
    }
    return out.length();
  }

  private static boolean isTokenChar(int codePoint) {
    if (codePoint < 0x80) { // ASCII fast path
      return (codePoint >= 'a' && codePoint <= 'z')
          || (codePoint >= 'A' && codePoint <= 'Z')
          || (codePoint >= '0' && codePoint <= '9');
    }
    switch (Character.getType(codePoint)) {
      case Character.UPPERCASE_LETTER:
      case Character.LOWERCASE_LETTER:
      case Character.TITLECASE_LETTER:
      case Character.MODIFIER_LETTER:
      case Character.OTHER_LETTER:
      case Character.DECIMAL_DIGIT_NUMBER:
      case Character.NON_SPACING_MARK:
      case Character.COMBINING_SPACING_MARK:
      case Character.ENCLOSING_MARK:
        return true;
      default:
        return false;
    }
  }
}
