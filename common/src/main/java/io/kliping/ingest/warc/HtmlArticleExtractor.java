package io.kliping.ingest.warc;

/** STUB. */
public final class HtmlArticleExtractor implements java.io.Serializable {
  public HtmlArticleExtractor() {}
}
