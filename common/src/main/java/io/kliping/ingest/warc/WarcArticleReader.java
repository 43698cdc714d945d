package io.kliping.ingest.warc;

import io.kliping.ingest.warc.RecordConverter.FileDamageException;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
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
 * exception: a truncated or corrupt file yields everything readable before the damage, then one
 * {@code truncated_file} or {@code corrupt_warc} rejection at the damaged offset, then the end.
 *
 * <p>WARC parsing is jwarc's, in lenient mode: WARC/1.0, 1.1 and 0.17 headers, gzip per record or
 * plain, LF-only line endings. Not thread-safe; one reader per file (per Spark task).
 */
public final class WarcArticleReader implements Iterator<WarcItem>, Closeable {

  public static final int DEFAULT_MAX_RECORD_BYTES = 16 * 1024 * 1024;

  private final WarcReader reader;
  private final RecordConverter converter;
  private final TreeMap<String, Long> skipped = new TreeMap<>();
  private WarcItem next;
  private boolean finished;

  private WarcArticleReader(WarcReader reader, RecordConverter converter, WarcItem openFailure) {
    this.reader = reader;
    this.converter = converter;
    this.next = openFailure;
    this.finished = reader == null;
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
      WarcReader reader = new WarcReader(in);
      reader.setLenient(true);
      return new WarcArticleReader(reader, converter, null);
    } catch (IOException | RuntimeException e) { // fewer bytes than a gzip magic, or an I/O error
      closeQuietly(in);
      return new WarcArticleReader(null, converter, damage(0, e));
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
    if (reader != null) {
      reader.close();
    }
  }

  /** The next item, or null when the record was skipped or the file ended. */
  private WarcItem advance() {
    WarcRecord record;
    try {
      Optional<WarcRecord> read = reader.next();
      if (read.isEmpty()) {
        finished = true;
        return null;
      }
      record = read.get();
    } catch (IOException | RuntimeException e) {
      finished = true;
      return damage(reader.position(), e);
    }
    long offset = reader.position();
    String type = RecordConverter.headerOr(record, "WARC-Type", "(none)");
    if (!RecordConverter.ARTICLE_TYPES.contains(type)) {
      skipped.merge(type, 1L, Long::sum);
      return null;
    }
    try {
      return converter.convert(record, type, offset);
    } catch (FileDamageException e) {
      finished = true;
      return damage(offset, e.getCause());
    }
  }

  private static WarcItem.Rejected damage(long offset, Throwable e) {
    String reason =
        isEndOfInput(e) ? WarcItem.Rejected.TRUNCATED_FILE : WarcItem.Rejected.CORRUPT_WARC;
    return new WarcItem.Rejected(null, offset, reason, String.valueOf(e));
  }

  private static boolean isEndOfInput(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof EOFException) {
        return true;
      }
    }
    return false;
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // the open failure is what gets reported
    }
  }
}
