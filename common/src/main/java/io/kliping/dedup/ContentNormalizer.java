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
    NormalizedContent out = new NormalizedContent();
    normalize(text, out);
    return out.toString();
  }

  /**
   * Writes the normalised form of {@code text}, with its token starts, into {@code out} (cleared
   * first), so a per-partition caller can reuse one buffer. Returns the normalised length in chars.
   */
  public static int normalize(CharSequence text, NormalizedContent out) {
    int length = text == null ? 0 : text.length();
    out.clear(2 * length);
    if (length == 0) {
      return 0;
    }
    char[] chars = out.copySource(text, length);
    boolean inToken = false;
    for (int i = 0; i < length; ) {
      // ASCII (most of the text) without code point decoding or the case table.
      char c = chars[i];
      if (c < 0x80) {
        i++;
        if (isAsciiTokenChar(c)) {
          if (!inToken) {
            startToken(out);
            inToken = true;
          }
          out.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        } else {
          inToken = false;
        }
        continue;
      }
      int codePoint = Character.codePointAt(chars, i, length);
      i += Character.charCount(codePoint);
      if (isTokenChar(codePoint)) {
        if (!inToken) {
          startToken(out);
          inToken = true;
        }
        int lower = Character.toLowerCase(codePoint);
        if (Character.isBmpCodePoint(lower)) {
          out.append((char) lower);
        } else {
          out.append(Character.highSurrogate(lower));
          out.append(Character.lowSurrogate(lower));
        }
      } else {
        inToken = false;
      }
    }
    return out.length();
  }

  /** Tokens are joined by single spaces: one goes before every token but the first. */
  private static void startToken(NormalizedContent out) {
    if (out.tokens() > 0) {
      out.append(' ');
    }
    out.startToken();
  }

  private static boolean isAsciiTokenChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  /** Outside ASCII: letters, decimal digits and combining marks. */
  private static boolean isTokenChar(int codePoint) {
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
