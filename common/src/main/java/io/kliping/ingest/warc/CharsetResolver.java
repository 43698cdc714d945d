package io.kliping.ingest.warc;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Picks the charset of a web page body, first usable answer wins: the HTTP {@code Content-Type}
 * charset, a byte-order mark, a {@code <meta charset>} / {@code <meta http-equiv>} declaration,
 * statistical detection (juniversalchardet), UTF-8.
 *
 * <p>Crawled pages lie about their charset often enough that every step must be allowed to fail: a
 * name Java does not know ({@code "utf8mb4"}, {@code "none"}) falls through to the next step rather
 * than throwing. Labels are widened the way browsers do (WHATWG Encoding): ISO-8859-1 and US-ASCII
 * decode as windows-1252, GB2312 as GBK, so bytes the label does not cover still come out as the
 * characters the author saw.
 */
final class CharsetResolver {

  /** How far into the body a {@code <meta>} declaration is looked for. */
  static final int META_SCAN_BYTES = 8 * 1024;

  /** How many bytes the statistical detector sees; enough for a confident guess on news pages. */
  static final int DETECT_BYTES = 64 * 1024;

  /**
   * {@code charset=} inside a meta tag: covers both {@code <meta charset="x">} and {@code <meta
   * http-equiv="Content-Type" content="text/html; charset=x">}.
   */
  private static final Pattern META_CHARSET =
      Pattern.compile(
          "<meta\\b[^>]*?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:+-]+)", Pattern.CASE_INSENSITIVE);

  private static final Pattern HEADER_CHARSET =
      Pattern.compile("charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:+-]+)", Pattern.CASE_INSENSITIVE);

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private CharsetResolver() {}

  /**
   * @param body the payload bytes (after Content-Encoding decoding)
   * @param contentType HTTP or WARC Content-Type header value, nullable
   * @param html whether to look for {@code <meta>} declarations
   */
  static Charset resolve(byte[] body, String contentType, boolean html) {
    Charset charset = fromHeader(contentType);
    if (charset == null) {
      charset = fromBom(body);
    }
    if (charset == null && html) {
      charset = fromMeta(body);
    }
    if (charset == null) {
      charset = detect(body);
    }
    return charset == null ? StandardCharsets.UTF_8 : charset;
  }

  /** Decodes without ever throwing: malformed input becomes U+FFFD; a leading BOM is dropped. */
  static String decode(byte[] body, Charset charset) {
    String text = new String(body, charset);
    return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
  }

  static Charset fromHeader(String contentType) {
    if (contentType == null) {
      return null;
    }
    Matcher m = HEADER_CHARSET.matcher(contentType);
    return m.find() ? lookup(m.group(1)) : null;
  }

  static Charset fromBom(byte[] body) {
    return lookup(UniversalDetector.detectCharsetFromBOM(body));
  }

  static Charset fromMeta(byte[] body) {
    // ISO-8859-1 maps bytes 1:1 to chars, so the ASCII markup reads the same whatever the charset.
    String head =
        new String(body, 0, Math.min(body.length, META_SCAN_BYTES), StandardCharsets.ISO_8859_1);
    Matcher m = META_CHARSET.matcher(head);
    if (!m.find()) {
      return null;
    }
    Charset declared = lookup(m.group(1));
    // A UTF-16 label read through an ASCII-compatible prescan is a lie (WHATWG: use UTF-8).
    if (declared != null && declared.name().startsWith("UTF-16")) {
      return StandardCharsets.UTF_8;
    }
    return declared;
  }

  static Charset detect(byte[] body) {
    UniversalDetector detector = new UniversalDetector();
    detector.handleData(body, 0, Math.min(body.length, DETECT_BYTES));
    detector.dataEnd();
    Charset detected = lookup(detector.getDetectedCharset());
    // Pure ASCII is valid UTF-8; name it that way so downstream counts do not split.
    return detected == WINDOWS_1252 && isAscii(body) ? StandardCharsets.UTF_8 : detected;
  }

  /** Java charset for a label, widened like browsers do; null when unknown or unsupported. */
  static Charset lookup(String label) {
    if (label == null || label.isBlank()) {
      return null;
    }
    String name = label.strip().toLowerCase(Locale.ROOT);
    switch (name) {
      case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii", "ascii" -> {
        return WINDOWS_1252;
      }
      case "gb2312", "gb_2312-80", "x-gbk" -> name = "gbk";
      case "utf8", "utf-8", "unicode-1-1-utf-8" -> {
        return StandardCharsets.UTF_8;
      }
      default -> {}
    }
    try {
      return Charset.isSupported(name) ? Charset.forName(name) : null;
    } catch (IllegalArgumentException e) { // IllegalCharsetNameException and friends
      return null;
    }
  }

  private static boolean isAscii(byte[] body) {
    int n = Math.min(body.length, DETECT_BYTES);
    for (int i = 0; i < n; i++) {
      if (body[i] < 0) {
        return false;
      }
    }
    return true;
  }
}
