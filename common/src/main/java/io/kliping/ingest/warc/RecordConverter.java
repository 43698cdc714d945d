package io.kliping.ingest.warc;

import static io.kliping.ingest.warc.WarcItem.Rejected.EMPTY_TEXT;
import static io.kliping.ingest.warc.WarcItem.Rejected.EXTRACTION_FAILED;
import static io.kliping.ingest.warc.WarcItem.Rejected.HTTP_STATUS;
import static io.kliping.ingest.warc.WarcItem.Rejected.MALFORMED_HTTP;
import static io.kliping.ingest.warc.WarcItem.Rejected.RECORD_TOO_LARGE;
import static io.kliping.ingest.warc.WarcItem.Rejected.TRUNCATED_RECORD;
import static io.kliping.ingest.warc.WarcItem.Rejected.UNDECODABLE_CONTENT_ENCODING;
import static io.kliping.ingest.warc.WarcItem.Rejected.UNSUPPORTED_CONTENT_TYPE;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

/**
 * Turns one {@code response}, {@code resource} or {@code conversion} record into a {@link
 * WarcItem}. Bodies are read only when the record can become an article (an image response is
 * rejected from its headers alone), and never beyond the byte cap.
 *
 * <p>A failure while reading a record is blamed on the record when the rest of its block can still
 * be skipped, and on the block otherwise ({@link FileDamageException}). {@link WarcArticleReader}
 * hands over records whose block {@link WarcRecordSplitter} already holds in memory, so the
 * latter cannot happen there; it stays for records read straight from a stream.
 */
final class RecordConverter {

  /** The record's block cannot be read to its end. */
  static final class FileDamageException extends IOException {
    FileDamageException(Throwable cause) {
      super(cause);
    }
  }

  static final Set<String> ARTICLE_TYPES = Set.of("response", "resource", "conversion");

  private static final Set<String> HTML_TYPES = Set.of("text/html", "application/xhtml+xml");

  private final HtmlArticleExtractor extractor;
  private final int maxRecordBytes;

  RecordConverter(HtmlArticleExtractor extractor, int maxRecordBytes) {
    this.extractor = extractor;
    this.maxRecordBytes = maxRecordBytes;
  }

  /**
   * @param type the record's WARC-Type, one of {@link #ARTICLE_TYPES}
   * @param offset the record's byte position in the file
   */
  WarcItem convert(WarcRecord record, String type, long offset) throws FileDamageException {
    if (!ARTICLE_TYPES.contains(type)) {
      throw new IllegalArgumentException("not an article record type: " + type);
    }
    Context ctx = new Context(record, offset);
    long blockLength =
        record.headers().sole("Content-Length").map(RecordConverter::parseLong).orElse(-1L);
    if (blockLength > maxRecordBytes) {
      return ctx.reject(RECORD_TOO_LARGE, blockLength + " bytes " + ctx.url);
    }
    try {
      return switch (type) {
        case "response" -> response(ctx);
        case "conversion" -> conversion(ctx);
        default -> payload(ctx, ctx.warcContentType, readBlock(record));
      };
    } catch (ContentEncodings.UndecodableException e) {
      return ctx.reject(UNDECODABLE_CONTENT_ENCODING, e.getMessage() + " " + ctx.url);
    } catch (IOException | RuntimeException e) {
      requireIntactBlock(record);
      boolean cutShort = e instanceof EOFException || e.getCause() instanceof EOFException;
      return ctx.reject(cutShort ? TRUNCATED_RECORD : MALFORMED_HTTP, e + " " + ctx.url);
    }
  }

  private WarcItem response(Context ctx) throws IOException {
    if (!(ctx.record instanceof WarcResponse response) || !isHttp(ctx.warcContentType)) {
      return payload(ctx, ctx.warcContentType, readBlock(ctx.record));
    }
    HttpResponse http = response.http();
    if (http.status() < 200 || http.status() > 299) {
      return ctx.reject(HTTP_STATUS, http.status() + " " + http.reason() + " " + ctx.url);
    }
    String contentType = http.headers().first("Content-Type").orElse(null);
    if (contentType != null && !contentType.isBlank() && !isHtml(contentType)) {
      return ctx.reject(UNSUPPORTED_CONTENT_TYPE, contentType + " " + ctx.url);
    }
    byte[] raw = BoundedBytes.read(http.body().stream(), maxRecordBytes);
    byte[] decoded =
        raw == null
            ? null
            : ContentEncodings.decode(raw, http.headers().all("Content-Encoding"), maxRecordBytes);
    if (decoded == null) {
      return ctx.reject(RECORD_TOO_LARGE, "payload over " + maxRecordBytes + " bytes " + ctx.url);
    }
    return payload(ctx, contentType, decoded);
  }

  /** An HTML payload becomes an article; anything else is an unsupported type. */
  private WarcItem payload(Context ctx, String contentType, byte[] body) {
    if (body == null) {
      return ctx.reject(RECORD_TOO_LARGE, "payload over " + maxRecordBytes + " bytes " + ctx.url);
    }
    boolean html =
        contentType == null || contentType.isBlank()
            ? ContentEncodings.looksLikeMarkup(body) && sniffHtml(body)
            : isHtml(contentType);
    if (!html) {
      return ctx.reject(UNSUPPORTED_CONTENT_TYPE, describe(contentType) + " " + ctx.url);
    }
    HtmlArticleExtractor.Extracted page;
    try {
      page = extractor.extract(body, contentType, ctx.url);
    } catch (RuntimeException | StackOverflowError e) { // jsoup on pathological markup
      return ctx.reject(EXTRACTION_FAILED, e + " " + ctx.url);
    }
    if (page.text().isBlank()) {
      return ctx.reject(EMPTY_TEXT, describe(contentType) + " " + ctx.url);
    }
    return ctx.article(page.title(), page.text(), page.publishedRaw(), page.charset());
  }

  /** WET: the block is the extracted plain text, one paragraph per line already. */
  private WarcItem conversion(Context ctx) throws IOException {
    String contentType = ctx.warcContentType;
    if (contentType != null && !contentType.toLowerCase(Locale.ROOT).startsWith("text/")) {
      return ctx.reject(UNSUPPORTED_CONTENT_TYPE, contentType + " " + ctx.url);
    }
    byte[] body = readBlock(ctx.record);
    if (body == null) {
      return ctx.reject(RECORD_TOO_LARGE, "block over " + maxRecordBytes + " bytes " + ctx.url);
    }
    Charset charset = CharsetResolver.resolve(body, contentType, false);
    String text = paragraphs(CharsetResolver.decode(body, charset));
    if (text.isEmpty()) {
      return ctx.reject(EMPTY_TEXT, contentType + " " + ctx.url);
    }
    return ctx.article(null, text, null, charset.name());
  }

  private byte[] readBlock(WarcRecord record) throws IOException {
    return BoundedBytes.read(record.body().stream(), maxRecordBytes);
  }

  /** Skips the rest of the block; failing to do so means the file, not the record, is damaged. */
  private static void requireIntactBlock(WarcRecord record) throws FileDamageException {
    try {
      record.body().consume();
    } catch (IOException | RuntimeException e) {
      throw new FileDamageException(e);
    }
  }

  static String paragraphs(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (String line : text.split("\r\n|\r|\n")) {
      String stripped = line.strip();
      if (!stripped.isEmpty()) {
        if (!out.isEmpty()) {
          out.append('\n');
        }
        out.append(stripped);
      }
    }
    return out.toString();
  }

  private static boolean isHttp(String warcContentType) {
    return warcContentType != null
        && warcContentType.strip().toLowerCase(Locale.ROOT).startsWith("application/http");
  }

  static boolean isHtml(String contentType) {
    int semicolon = contentType.indexOf(';');
    String base = (semicolon < 0 ? contentType : contentType.substring(0, semicolon));
    return HTML_TYPES.contains(base.strip().toLowerCase(Locale.ROOT));
  }

  /** For payloads without a Content-Type: an HTML tag near the start. */
  private static boolean sniffHtml(byte[] body) {
    String head =
        new String(body, 0, Math.min(body.length, 1024), StandardCharsets.ISO_8859_1)
            .toLowerCase(Locale.ROOT);
    return head.contains("<!doctype html")
        || head.contains("<html")
        || head.contains("<head")
        || head.contains("<body");
  }

  private static String describe(String contentType) {
    return contentType == null || contentType.isBlank() ? "(no content type)" : contentType;
  }

  private static long parseLong(String s) {
    try {
      return Long.parseLong(s.strip());
    } catch (NumberFormatException e) {
      return -1L;
    }
  }

  static String headerOr(WarcRecord record, String name, String fallback) {
    return record.headers().first(name).map(String::strip).orElse(fallback);
  }

  /** The per-record fields every item carries, read once and defensively. */
  private static final class Context {
    final WarcRecord record;
    final long offset;
    final String recordId;
    final String url;
    final String warcContentType;

    Context(WarcRecord record, long offset) {
      this.record = record;
      this.offset = offset;
      this.recordId = headerOr(record, "WARC-Record-ID", null);
      this.url = unbracket(headerOr(record, "WARC-Target-URI", ""));
      this.warcContentType = headerOr(record, "Content-Type", null);
    }

    WarcItem.Rejected reject(String reason, String raw) {
      return new WarcItem.Rejected(recordId, offset, reason, raw);
    }

    WarcItem.Article article(String title, String text, String publishedRaw, String charset) {
      return new WarcItem.Article(
          recordId, offset, url, title, text, publishedRaw, warcDate(), charset);
    }

    private String warcDate() {
      try {
        return record.date().toString();
      } catch (RuntimeException e) {
        return headerOr(record, "WARC-Date", null);
      }
    }

    /** WARC 1.0 drafts (and some writers) wrap the URI in angle brackets. */
    private static String unbracket(String uri) {
      return uri.length() >= 2 && uri.startsWith("<") && uri.endsWith(">")
          ? uri.substring(1, uri.length() - 1)
          : uri;
    }
  }
}
