package io.kliping.ingest.warc;

/** STUB. */
public final class WarcArticleReader implements java.util.Iterator<WarcItem>, java.io.Closeable {
  public static WarcArticleReader open(java.io.InputStream in, HtmlArticleExtractor e) {
    return new WarcArticleReader();
  }

  public java.util.Map<String, Long> skipped() {
    return java.util.Map.of();
  }

  @Override
  public boolean hasNext() {
    return false;
  }

  @Override
  public WarcItem next() {
    throw new java.util.NoSuchElementException();
  }

  @Override
  public void close() {}
}
