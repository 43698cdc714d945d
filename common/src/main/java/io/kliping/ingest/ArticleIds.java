package io.kliping.ingest;

import com.dynatrace.hash4j.hashing.HashStream128;
import com.dynatrace.hash4j.hashing.HashValue128;
import com.dynatrace.hash4j.hashing.Hasher128;
import com.dynatrace.hash4j.hashing.Hashing;

/**
 * Stable article ids: 32 lower-case hex digits of a 128-bit XXH3 hash (hash4j), fixed forever
 * because ids are stored and joined across runs.
 *
 * <p>Ids are domain-separated: a URL id hashes {@code "url:" + url} and a content id hashes
 * {@code "content:" + text}, so a URL and a text can never share an id. The content id is
 * computed on a canonical form (lower case, runs of whitespace as one space, trimmed) so that
 * re-wrapped or re-spaced copies of one text get the same id.
 */
public final class ArticleIds {

  private static final Hasher128 HASHER = Hashing.xxh3_128();
  private static final String URL_DOMAIN = "url:";
  private static final String CONTENT_DOMAIN = "content:";

  private ArticleIds() {}

  /** Id of an article known by its URL; pass {@link UrlNormalizer#normalize} output. */
  public static String fromUrl(String normalizedUrl) {
    HashStream128 stream = HASHER.hashStream();
    stream.putChars(URL_DOMAIN);
    stream.putChars(normalizedUrl);
    return hex(stream.get());
  }

  /** Id of an article known only by its (cleaned) text. */
  public static String fromContent(String cleanedText) {
    HashStream128 stream = HASHER.hashStream();
    stream.putChars(CONTENT_DOMAIN);
    boolean pendingSpace = false;
    boolean started = false;
    for (int i = 0; i < cleanedText.length(); ) {
      int cp = cleanedText.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        pendingSpace = started;
        continue;
      }
      if (pendingSpace) {
        stream.putChar(' ');
        pendingSpace = false;
      }
      started = true;
      int lower = Character.toLowerCase(cp);
      if (Character.isBmpCodePoint(lower)) {
        stream.putChar((char) lower);
      } else {
        stream.putChar(Character.highSurrogate(lower));
        stream.putChar(Character.lowSurrogate(lower));
      }
    }
    return hex(stream.get());
  }

  private static String hex(HashValue128 hash) {
    return toHex(hash.getMostSignificantBits()) + toHex(hash.getLeastSignificantBits());
  }

  private static String toHex(long bits) {
    String digits = Long.toHexString(bits);
    return "0".repeat(16 - digits.length()) + digits;
  }
}
