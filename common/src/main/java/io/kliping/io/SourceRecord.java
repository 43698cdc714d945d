package io.kliping.io;

/**
 * One record as a per-file reader (CSV, WARC) found it, before any article parsing: either a
 * JSON object holding the record's fields, a record that cannot be read ({@code error} is the
 * reject reason and {@code raw} what was seen), or a record that is not an article candidate
 * at all ({@code skipped} names its kind, e.g. a WARC request).
 *
 * @param position where in the file: {@code line 17}, a byte offset, a WARC record id
 */
public record SourceRecord(String position, String json, String error, String raw,
    String skipped) {

  public static SourceRecord fields(String position, String json) {
    return new SourceRecord(position, json, null, null, null);
  }

  public static SourceRecord rejected(String position, String reason, String raw) {
    return new SourceRecord(position, null, reason, raw, null);
  }

  public static SourceRecord skipped(String position, String kind) {
    return new SourceRecord(position, null, null, null, kind);
  }
}
