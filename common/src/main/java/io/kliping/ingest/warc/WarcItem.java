package io.kliping.ingest.warc;

import java.io.Serializable;
import java.util.Objects;

/**
 * What one WARC record became: an article candidate, or a rejection the ingest job counts by {@code
 * reason} and samples by {@code raw} instead of failing the whole file.
 *
 * <p>{@code offset} is the byte position of the record in the raw file (for gzip files, the start
 * of its gzip member), so a rejected or suspicious record can be cut out of the file for a look.
 */
public sealed interface WarcItem extends Serializable {

  /** Byte position of the record (or of the damage) in the raw file. */
  long offset();

  /**
   * An article candidate.
   *
   * @param recordId WARC-Record-ID, e.g. {@code <urn:uuid:...>}
   * @param url WARC-Target-URI
   * @param title null when the page has none (always null for WET conversion records)
   * @param text paragraphs separated by {@code "\n"}, never blank
   * @param publishedRaw publication date as written in the page (meta tag, JSON-LD, {@code
   *     <time>}), null when the page states none
   * @param warcDate WARC-Date as an ISO-8601 instant, or as written when it does not parse
   * @param charset the charset the body was decoded with, e.g. {@code UTF-8}
   */
  record Article(
      String recordId,
      long offset,
      String url,
      String title,
      String text,
      String publishedRaw,
      String warcDate,
      String charset)
      implements WarcItem {
    public Article {
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * A record that cannot become an article, or damage in the file.
   *
   * @param recordId null for damage that is not tied to a readable record header
   * @param reason short snake_case code, one of the constants below
   * @param raw audit snippet (content type, status, URL, error message), at most {@value
   *     #MAX_RAW_CHARS} characters
   */
  record Rejected(String recordId, long offset, String reason, String raw) implements WarcItem {
    public static final int MAX_RAW_CHARS = 1000;

    /** The payload is not HTML (image, stylesheet, script, PDF, robots.txt, DNS...). */
    public static final String UNSUPPORTED_CONTENT_TYPE = "unsupported_content_type";

    /** HTTP status outside 2xx: redirects, not-found pages, server errors. */
    public static final String HTTP_STATUS = "http_status";

    /** The HTTP status line or headers inside a response record do not parse. */
    public static final String MALFORMED_HTTP = "malformed_http";

    /** HTTP Content-Encoding that cannot be decoded (brotli, zstd, corrupt gzip). */
    public static final String UNDECODABLE_CONTENT_ENCODING = "undecodable_content_encoding";

    /** The record block or its decoded payload exceeds the read cap. */
    public static final String RECORD_TOO_LARGE = "record_too_large";

    /** The page decodes and parses but no text is left after boilerplate removal. */
    public static final String EMPTY_TEXT = "empty_text";

    /**
     * One record's block is shorter than its Content-Length, yet the file goes on (seen with
     * truncated gzip members written by old crawlers); reading resumes with the next record.
     */
    public static final String TRUNCATED_RECORD = "truncated_record";

    /** The file ends in the middle of a record or gzip member; iteration ends here. */
    public static final String TRUNCATED_FILE = "truncated_file";

    /**
     * Bytes that are not a WARC record where one should start (reading resumes at the next record
     * start), or corrupt gzip data (iteration ends here).
     */
    public static final String CORRUPT_WARC = "corrupt_warc";

    /**
     * A record whose Content-Length is missing, not a number, or does not end the record (too long:
     * the next record's header lies inside it; too short: no record end after it). The record is
     * lost; reading resumes at the next record start, so the records after it still arrive.
     */
    public static final String WRONG_CONTENT_LENGTH = "wrong_content_length";

    /** Unexpected failure while turning one record into text; the record is skipped. */
    public static final String EXTRACTION_FAILED = "extraction_failed";

    public Rejected {
      Objects.requireNonNull(reason, "reason");
      raw = clip(raw);
    }

    private static String clip(String raw) {
      if (raw == null) {
        return "";
      }
      if (raw.length() <= MAX_RAW_CHARS) {
        return raw;
      }
      int end =
          Character.isHighSurrogate(raw.charAt(MAX_RAW_CHARS - 1))
              ? MAX_RAW_CHARS - 1
              : MAX_RAW_CHARS;
      return raw.substring(0, end);
    }
  }
}
