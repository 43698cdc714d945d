package io.kliping.ingest.warc;

import io.kliping.ingest.warc.RecordConverter.FileDamageException;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.TreeMap;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;

/**
 * Streams one WARC, WARC.gz or WET file as article candidates, record by record (one record body in
 * memory at a time, capped at {@link #DEFAULT_MAX_RECORD_BYTES}).
 *
 * <p>{@code response}, {@code resource} and {@code conversion} records become {@link
 * WarcItem.Article}s or {@link WarcItem.Rejected}s; all other record types (request, metadata,
 * revisit, warcinfo, ...) are only counted in {@link #skipped()}. Damage never escapes as an
 * exception and never costs the valid records after it: {@link WarcRecordSplitter} checks each
 * Content-Length and resumes at the next record start after a wrong one ({@code
 * wrong_content_length}) or after bytes that are not a record ({@code corrupt_warc}); only the end
 * of the file inside a record ({@code truncated_file}) or corrupt gzip data ends the iteration.
 *
 * <p>Each record is then parsed by jwarc, in lenient mode: WARC/1.0, 1.1 and 0.17 headers, LF-only
 * line endings. Not thread-safe; one reader per file (per Spark task).
 */
public final class WarcArticleReader implements Iterator<WarcItem>, Closeable {

  public static final int DEFAULT_MAX_RECORD_BYTES = 16 * 1024 * 1024;
  private static final byte[] TRAILER = {'\r', '\n', '\r', '\n'};

  private final WarcRecordSplitter splitter;
  private final RecordConverter converter;
  private final TreeMap<String, Long> skipped = new TreeMap<>();
  private WarcItem next;
  private boolean finished;

  private WarcArticleReader(
      WarcRecordSplitter splitter, RecordConverter converter, WarcItem openFailure) {
    this.splitter = splitter;
    this.converter = converter;
    this.next = openFailure;
    this.finished = splitter == null;
  }

  /**
   * @param in raw file bytes, gzip-per-record or plain; closed by {@link #close()}
   */
  public static WarcArticleReader open(InputStream in, HtmlArticleExtractor extractor) {
    return open(in, extractor, DEFAULT_MAX_RECORD_BYTES);
  }

  /**
   * @param maxRecordBytes records (and decoded payloads) larger than this are rejected unread
   */
  public static WarcArticleReader open(
      InputStream in, HtmlArticleExtractor extractor, int maxRecordBytes) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(extractor, "extractor");
    RecordConverter converter = new RecordConverter(extractor, maxRecordBytes);
    try {
      return new WarcArticleReader(
          WarcRecordSplitter.open(in, maxRecordBytes), converter, null);
    } catch (IOException | RuntimeException e) { // an I/O error on the first bytes
      closeQuietly(in);
      return new WarcArticleReader(null, converter,
          new WarcItem.Rejected(null, 0, WarcItem.Rejected.CORRUPT_WARC, String.valueOf(e)));
    }
  }

  @Override
  public boolean hasNext() {
    while (next == null && !finished) {
      next = advance();
    }
    return next != null;
  }

  @Override
  public WarcItem next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    WarcItem item = next;
    next = null;
    return item;
  }

  /**
   * Records that are not article candidates, counted by WARC-Type ({@code "(none)"} when the header
   * is missing), sorted by type. Complete once iteration has ended.
   */
  public Map<String, Long> skipped() {
    return Collections.unmodifiableSortedMap(new TreeMap<>(skipped));
  }

  @Override
  public void close() throws IOException {
    finished = true;
    if (splitter != null) {
      splitter.close();
    }
  }

  /** The next item, or null when the record was skipped or the file ended. */
  private WarcItem advance() {
    WarcRecordSplitter.Frame frame = splitter.next();
    if (frame == null) {
      finished = true;
      return null;
    }
    if (frame instanceof WarcRecordSplitter.Damage d) {
      return new WarcItem.Rejected(null, d.offset(), d.reason(), d.message());
    }
    WarcRecordSplitter.Record framed = (WarcRecordSplitter.Record) frame;
    WarcRecord record;
    try {
      record = parse(framed);
    } catch (IOException | RuntimeException e) { // framed right, but jwarc cannot read the header
      return new WarcItem.Rejected(
          null, framed.offset(), WarcItem.Rejected.CORRUPT_WARC, String.valueOf(e));
    }
    String type = RecordConverter.headerOr(record, "WARC-Type", "(none)");
    if (!RecordConverter.ARTICLE_TYPES.contains(type)) {
      skipped.merge(type, 1L, Long::sum);
      return null;
    }
    try {
      return converter.convert(record, type, framed.offset());
    } catch (FileDamageException e) { // cannot happen with the block in memory; kept for safety
      return new WarcItem.Rejected(null, framed.offset(), WarcItem.Rejected.CORRUPT_WARC,
          String.valueOf(e.getCause()));
    }
  }

  /** jwarc's view of one framed record (header only when the block was too large to keep). */
  private static WarcRecord parse(WarcRecordSplitter.Record framed) throws IOException {
    byte[] block = framed.block() == null ? new byte[0] : framed.block();
    byte[] bytes = new byte[framed.header().length + block.length + TRAILER.length];
    System.arraycopy(framed.header(), 0, bytes, 0, framed.header().length);
    System.arraycopy(block, 0, bytes, framed.header().length, block.length);
    System.arraycopy(TRAILER, 0, bytes, framed.header().length + block.length, TRAILER.length);
    WarcReader reader = new WarcReader(new ByteArrayInputStream(bytes));
    reader.setLenient(true);
    return reader.next().orElseThrow(() -> new EOFException("no record in the framed bytes"));
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // the open failure is what gets reported
    }
  }
}
