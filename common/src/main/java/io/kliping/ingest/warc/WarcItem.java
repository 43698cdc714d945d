package io.kliping.ingest.warc;

/** STUB until the WARC helper lands. */
public sealed interface WarcItem {
  record Article(String recordId, long offset, String url, String title, String text,
      String publishedRaw, String warcDate, String charset) implements WarcItem {}

  record Rejected(String recordId, long offset, String reason, String raw) implements WarcItem {}
}
