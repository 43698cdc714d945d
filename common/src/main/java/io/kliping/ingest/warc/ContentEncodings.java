package io.kliping.ingest.warc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.netpreserve.jwarc.DecodedBody;

/**
 * Undoes HTTP {@code Content-Encoding} on a payload already in memory, using jwarc's decoders.
 *
 * <p>Archives are inconsistent here: some crawlers store the payload decoded but keep the {@code
 * Content-Encoding: gzip} header. So the header is trusted only when the bytes agree: a gzip label
 * on bytes without the gzip magic, or any label whose decoding fails on bytes that already look
 * like markup, yields the bytes as they are.
 */
final class ContentEncodings {

  /** Signals an encoding that neither decodes nor looks already decoded. */
  static final class UndecodableException extends IOException {
    UndecodableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private ContentEncodings() {}

  /**
   * @return the decoded payload, or null when it exceeds {@code cap} bytes
   * @throws UndecodableException when the encoding is unknown or its data corrupt
   */
  static byte[] decode(byte[] raw, List<String> contentEncodingHeaders, int cap)
      throws UndecodableException {
    List<String> labels = new ArrayList<>(1);
    for (String header : contentEncodingHeaders) {
      for (String label : header.split(",")) {
        String normalized = label.strip().toLowerCase(Locale.ROOT);
        if (!normalized.isEmpty() && !normalized.equals("identity") && !normalized.equals("none")) {
          labels.add(normalized);
        }
      }
    }
    if (labels.isEmpty()) {
      return raw;
    }
    if (labels.size() > 1) {
      return fallback(raw, "stacked Content-Encoding " + labels, null);
    }
    DecodedBody.Encoding encoding =
        switch (labels.get(0)) {
          case "gzip", "x-gzip" -> DecodedBody.Encoding.GZIP;
          case "deflate" -> DecodedBody.Encoding.DEFLATE;
          case "br" -> DecodedBody.Encoding.BROTLI;
          default -> null;
        };
    if (encoding == null) {
      return fallback(raw, "unsupported Content-Encoding " + labels.get(0), null);
    }
    if (encoding == DecodedBody.Encoding.GZIP && !isGzip(raw)) {
      return raw; // stored decoded, header kept
    }
    // HTTP "deflate" is zlib-wrapped (RFC 9110) but jwarc inflates raw deflate, as some servers
    // send.
    int start = encoding == DecodedBody.Encoding.DEFLATE && isZlib(raw) ? 2 : 0;
    try {
      return BoundedBytes.read(
          Channels.newInputStream(
              DecodedBody.create(
                  Channels.newChannel(new ByteArrayInputStream(raw, start, raw.length - start)),
                  encoding)),
          cap);
    } catch (IOException | RuntimeException | LinkageError e) { // LinkageError: no brotli library
      return fallback(raw, "Content-Encoding " + labels.get(0) + ": " + e, e);
    }
  }

  private static byte[] fallback(byte[] raw, String problem, Throwable cause)
      throws UndecodableException {
    if (looksLikeMarkup(raw)) {
      return raw;
    }
    throw new UndecodableException(problem, cause);
  }

  private static boolean isGzip(byte[] raw) {
    return raw.length >= 2 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b;
  }

  /** A zlib header: deflate method, 32K window or less, header checksum right, no dictionary. */
  private static boolean isZlib(byte[] raw) {
    if (raw.length < 2) {
      return false;
    }
    int cmf = raw[0] & 0xff;
    int flg = raw[1] & 0xff;
    return (cmf & 0x0f) == 8
        && (cmf >> 4) <= 7
        && ((cmf << 8) | flg) % 31 == 0
        && (flg & 0x20) == 0;
  }

  /** First non-blank byte (after a UTF-8 BOM) is {@code <}. */
  static boolean looksLikeMarkup(byte[] raw) {
    int i = raw.length >= 3 && (raw[0] & 0xff) == 0xef && (raw[1] & 0xff) == 0xbb ? 3 : 0;
    while (i < raw.length
        && (raw[i] == ' ' || raw[i] == '\t' || raw[i] == '\r' || raw[i] == '\n')) {
      i++;
    }
    return i < raw.length && raw[i] == '<';
  }
}
