package io.kliping.ingest;

import java.io.Serial;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Reads one plain-text article file (BBC style: headline on the first line, body below).
 *
 * <p>Bytes are decoded as strict UTF-8 and, when that fails, as windows-1252, which maps every
 * byte to some character: a file with one bad byte is still an article, never a lost record. The
 * first non-blank line becomes the title when it looks like a headline (see {@link
 * #looksLikeTitle}); otherwise the whole file is the text and the title is null.
 */
public final class TextFileArticleParser implements Serializable {
  @Serial private static final long serialVersionUID = 1L;

  public static final String EMPTY_TEXT = "empty_text";
  /** A file with NUL bytes (and no UTF-16 byte-order mark): an image, archive or PDF. */
  public static final String BINARY_CONTENT = "binary_content";

  static final int MAX_TITLE_CHARS = 200;

  private static final Charset FALLBACK = Charset.forName("windows-1252");

  /** A bare host name such as "visitaaponce.com": site chrome, not a headline. */
  private static final Pattern DOMAIN =
      Pattern.compile("(?i)(?:https?://)?(?:www\\.)?(?:[\\p{L}\\d-]+\\.)+\\p{L}{2,6}/?");

  public ParseResult parse(byte[] content, String path) {
    if (isBinary(content)) {
      return ParseResult.rejected(BINARY_CONTENT, path);
    }
    String decoded = decode(content);
    if (!decoded.isEmpty() && decoded.charAt(0) == '\uFEFF') {
      decoded = decoded.substring(1);
    }
    if (decoded.isBlank()) {
      return ParseResult.rejected(EMPTY_TEXT, path);
    }

    int titleStart = 0;
    while (titleStart < decoded.length() && Character.isWhitespace(decoded.charAt(titleStart))) {
      titleStart++;
    }
    int titleEnd = decoded.indexOf('\n', titleStart);
    if (titleEnd > 0) {
      String firstLine = decoded.substring(titleStart, titleEnd).strip();
      String rest = decoded.substring(titleEnd + 1).strip();
      if (!rest.isEmpty() && looksLikeTitle(firstLine)) {
        return ParseResult.ok(new RawArticle(path, firstLine, rest, null, null, null));
      }
    }
    return ParseResult.ok(new RawArticle(path, null, decoded.strip(), null, null, null));
  }

  /**
   * Short (at most {@value #MAX_TITLE_CHARS} characters), not a sentence (no closing {@code . ! , ;
   * :}, though a question mark or a teaser ellipsis is fine) and not a bare domain name.
   */
  static boolean looksLikeTitle(String line) {
    if (line.isEmpty() || line.length() > MAX_TITLE_CHARS) {
      return false;
    }
    int end = line.length();
    char last = line.charAt(end - 1);
    if ((last == '"' || last == '\u201D' || last == '\'' || last == '\u2019') && end > 1) {
      last = line.charAt(--end - 1);
    }
    // A trailing ellipsis is a teaser headline ("Rivals of the £400 Apple..."), not a sentence.
    boolean ellipsis = last == '\u2026' || (end >= 3 && line.startsWith("...", end - 3));
    if (!ellipsis && (last == '.' || last == '!' || last == ',' || last == ';' || last == ':')) {
      return false;
    }
    return !DOMAIN.matcher(line).matches();
  }

  /** NUL bytes in the first 8 KiB of a file that is not UTF-16. */
  static boolean isBinary(byte[] content) {
    if (hasUtf16Bom(content)) {
      return false;
    }
    int n = Math.min(content.length, 8192);
    for (int i = 0; i < n; i++) {
      if (content[i] == 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasUtf16Bom(byte[] c) {
    return c.length >= 2 && ((c[0] == (byte) 0xFF && c[1] == (byte) 0xFE)
        || (c[0] == (byte) 0xFE && c[1] == (byte) 0xFF));
  }

  /**
   * Strict UTF-8, else UTF-16 when the file starts with its byte-order mark, else
   * windows-1252 (which maps every byte, so nothing is lost).
   */
  public static String decode(byte[] content) {
    if (hasUtf16Bom(content)) {
      return new String(content, StandardCharsets.UTF_16);
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content))
          .toString();
    } catch (CharacterCodingException e) {
      return new String(content, FALLBACK);
    }
  }
}
