package io.kliping.ingest.warc;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Cuts a WARC file (plain or gzip, decompressed by {@link GzipMembers}) into records, checking every
 * Content-Length against where the record really ends. jwarc trusts the header: a length that is
 * too long swallows the next record's header, one that is too short or unreadable makes the next
 * read fail, and the rest of the file is lost. Here a record is accepted only when its block is
 * followed by the record trailer and then the next {@code WARC/x.y} line or the end of the file;
 * otherwise it is a {@link Damage} and reading resumes at the next record start: the first {@code
 * WARC/} line inside the bad block (a length too long), else the first after it. jwarc then parses
 * each accepted record on its own.
 *
 * <p>Memory: one record's header and block (blocks over the cap are streamed past, keeping at most
 * cap bytes from a record start found inside them). Not thread-safe.
 */
final class WarcRecordSplitter implements Closeable {

  /** What the splitter found at one place in the file. */
  sealed interface Frame {
    /** Byte offset in the raw file (for gzip, the start of the member holding the record). */
    long offset();
  }

  /**
   * A record whose Content-Length matches its framing.
   *
   * @param header the header lines including the blank line that ends them
   * @param block the block, or null when it is longer than the cap (streamed past, not kept)
   */
  record Record(long offset, byte[] header, byte[] block, long contentLength) implements Frame {}

  /** Damage: a record with a wrong length, bytes that are not a record, or the file's end. */
  record Damage(long offset, String reason, String message, boolean endsFile) implements Frame {}

  static final int MAX_HEADER_BYTES = 64 * 1024;
  /** How many bytes a Content-Length may overshoot the record and still be corrected. */
  static final int SLACK = 16;
  private static final byte[] MAGIC = "WARC/".getBytes(StandardCharsets.US_ASCII);

  private final RewindableInput in;
  private final GzipMembers gzip;
  private final int maxBlockBytes;
  private final List<Frame> pending = new ArrayList<>();
  private final byte[] chunk = new byte[64 * 1024];
  private boolean finished;
  /** Raw offset of the record being read, for damage found by an exception. */
  private long currentOffset;

  private WarcRecordSplitter(InputStream decompressed, GzipMembers gzip, int maxBlockBytes) {
    this.in = new RewindableInput(decompressed);
    this.gzip = gzip;
    this.maxBlockBytes = maxBlockBytes;
  }

  /** Reads {@code raw} as gzip members when it starts with the gzip magic, else as plain WARC. */
  static WarcRecordSplitter open(InputStream raw, int maxBlockBytes) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(raw, 64 * 1024);
    buffered.mark(2);
    int b0 = buffered.read();
    int b1 = buffered.read();
    buffered.reset();
    if (b0 == 0x1f && b1 == 0x8b) {
      GzipMembers gzip = new GzipMembers(buffered);
      return new WarcRecordSplitter(new BufferedInputStream(gzip, 64 * 1024), gzip, maxBlockBytes);
    }
    return new WarcRecordSplitter(buffered, null, maxBlockBytes);
  }

  /** The next record or damage, in file order; null at the end. */
  Frame next() {
    while (pending.isEmpty() && !finished) {
      Frame frame;
      try {
        frame = readFrame();
      } catch (IOException | RuntimeException e) {
        frame = new Damage(currentOffset, isEndOfInput(e) ? WarcItem.Rejected.TRUNCATED_FILE
            : WarcItem.Rejected.CORRUPT_WARC, String.valueOf(e), true);
      }
      if (frame == null || (frame instanceof Damage d && d.endsFile())) {
        finished = true;
      }
      if (frame != null) {
        pending.add(frame);
      }
      if (gzip != null) {
        for (GzipMembers.Gap gap : gzip.takeGaps()) {
          pending.add(new Damage(gap.rawOffset(), WarcItem.Rejected.CORRUPT_WARC,
              gap.length() + " bytes between gzip members that are not a gzip member", false));
        }
        pending.sort(Comparator.comparingLong(Frame::offset));
      }
    }
    return pending.isEmpty() ? null : pending.remove(0);
  }

  @Override
  public void close() throws IOException {
    finished = true;
    in.close();
  }

  private long rawOffset(long position) {
    return gzip == null ? position : gzip.rawOffsetOf(position);
  }

  private Frame readFrame() throws IOException {
    currentOffset = rawOffset(in.position());
    int b;
    do { // blank lines between records are tolerated
      b = in.read();
    } while (b == '\r' || b == '\n');
    if (b < 0) {
      return null;
    }
    byte[] first = {(byte) b};
    in.unread(first, 0, 1);
    long start = in.position();
    if (gzip != null) {
      gzip.forgetBefore(start);
    }
    currentOffset = rawOffset(start);
    byte[] header = readHeader();
    long offset = currentOffset;
    if (header == null) {
      return new Damage(offset, WarcItem.Rejected.TRUNCATED_FILE,
          "the file ends inside a record header", true);
    }
    if (!startsWithMagic(header, 0) || header.length > MAX_HEADER_BYTES) {
      in.unread(header, 1, header.length - 1);
      scanToRecordStart(false);
      return new Damage(offset, WarcItem.Rejected.CORRUPT_WARC,
          "not a WARC record header: " + firstLine(header), false);
    }
    String headerText = new String(header, StandardCharsets.ISO_8859_1);
    String declared = field(headerText, "content-length");
    long length = parseLength(declared);
    String who = describe(headerText);
    if (length < 0) {
      scanToRecordStart(true);
      return new Damage(offset, WarcItem.Rejected.WRONG_CONTENT_LENGTH,
          (declared == null ? "no Content-Length" : "Content-Length '" + declared
              + "' is not a length") + who, false);
    }
    if (length <= maxBlockBytes) {
      return keptBlock(offset, header, length, who);
    }
    return streamedBlock(offset, header, length, who);
  }

  /** A block small enough to keep: read it, then check it ends where the length says. */
  private Frame keptBlock(long offset, byte[] header, long length, String who)
      throws IOException {
    byte[] block = readUpTo((int) length);
    boolean complete = block.length == length;
    if (complete && consumeTrailer()) {
      return new Record(offset, header, block, length);
    }
    int next = findRecordStart(concat(block, in.peek(MAGIC.length + 1)), block.length);
    Record repaired = nearlyRight(offset, header, block, next, length);
    if (repaired != null) {
      if (next >= 0) {
        in.unread(block, next, block.length - next);
      }
      return repaired;
    }
    if (next >= 0) {
      in.unread(block, next, block.length - next);
      return wrongLength(offset, length, who, "the next record starts inside it");
    }
    if (!complete) {
      return new Damage(offset, WarcItem.Rejected.TRUNCATED_FILE, "the file ends " + (length
          - block.length) + " bytes before the Content-Length " + length + " says" + who, true);
    }
    scanToRecordStart(false);
    return wrongLength(offset, length, who, "no record end after it");
  }

  /** A block over the cap: stream past it, keeping bytes from a record start found inside. */
  private Frame streamedBlock(long offset, byte[] header, long length, String who)
      throws IOException {
    ByteArrayOutputStream kept = null;
    boolean gaveUp = false;
    boolean lineStart = true;
    int matched = 0;
    long remaining = length;
    while (remaining > 0) {
      int n = in.read(chunk, 0, (int) Math.min(chunk.length, remaining));
      if (n < 0) {
        break;
      }
      remaining -= n;
      int from = kept == null ? n : 0; // once a record start is found, keep everything
      for (int i = 0; i < n && kept == null && !gaveUp; i++) {
        byte c = chunk[i];
        if (matched == MAGIC.length) {
          if (isDigit(c)) {
            kept = new ByteArrayOutputStream();
            kept.write(MAGIC, 0, MAGIC.length);
            from = i;
          }
          matched = 0;
        } else if (c == MAGIC[matched] && (matched > 0 || lineStart)) {
          matched++;
        } else {
          matched = 0;
        }
        lineStart = c == '\n';
      }
      if (kept != null) {
        kept.write(chunk, from, n - from);
        if (kept.size() > maxBlockBytes) {
          kept = null;
          gaveUp = true;
        }
      }
    }
    if (remaining == 0 && consumeTrailer()) {
      return new Record(offset, header, null, length);
    }
    if (kept != null) {
      byte[] bytes = kept.toByteArray();
      in.unread(bytes, 0, bytes.length);
      return wrongLength(offset, length, who, "the next record starts inside it");
    }
    if (remaining > 0) {
      return new Damage(offset, WarcItem.Rejected.TRUNCATED_FILE, "the file ends " + remaining
          + " bytes before the Content-Length " + length + " says" + who, true);
    }
    scanToRecordStart(false);
    return wrongLength(offset, length, who, "no record end after it");
  }

  /**
   * The record with its length corrected, when the declared end lies at most {@value #SLACK} bytes
   * past a real one: the record's text followed only by line breaks, then the next record start or
   * the end of the file. ClueWeb12's writer counts a few bytes too many this way; its pages are
   * whole and worth keeping. Null otherwise.
   */
  private static Record nearlyRight(long offset, byte[] header, byte[] block, int next,
      long length) {
    int end = next >= 0 ? next : block.length;
    if (next < 0 && block.length == length) {
      return null; // whole block there, but no record end after it: too short, not too long
    }
    int trimmed = end;
    while (trimmed > 0 && (block[trimmed - 1] == '\r' || block[trimmed - 1] == '\n')) {
      trimmed--;
    }
    if (trimmed == end || length - trimmed > SLACK) {
      return null;
    }
    String text = new String(header, StandardCharsets.ISO_8859_1)
        .replaceFirst("(?im)^(content-length[ \t]*:[ \t]*)\\d+", "$1" + trimmed);
    return new Record(offset, text.getBytes(StandardCharsets.ISO_8859_1),
        Arrays.copyOf(block, trimmed), trimmed);
  }

  private static Damage wrongLength(long offset, long length, String who, String why) {
    return new Damage(offset, WarcItem.Rejected.WRONG_CONTENT_LENGTH,
        "Content-Length " + length + " does not fit the record (" + why + ")" + who, false);
  }

  /**
   * Consumes the line breaks after a block when they end the record: followed by the next {@code
   * WARC/} line or the end of the file, or exactly CRLFCRLF (then what follows is judged as the
   * next record). Leniently 1 to 11 CR/LF bytes, as LF-only writers produce.
   */
  private boolean consumeTrailer() throws IOException {
    byte[] ahead = in.peek(16);
    int run = 0;
    while (run < ahead.length && (ahead[run] == '\r' || ahead[run] == '\n')) {
      run++;
    }
    boolean ends = ahead.length == 0
        || (run > 0 && run < 12 && (run == ahead.length || startsWithMagic(ahead, run)))
        || (ahead.length >= 4 && ahead[0] == '\r' && ahead[1] == '\n' && ahead[2] == '\r'
            && ahead[3] == '\n');
    if (ends) {
      byte[] skip = new byte[Math.min(run, 4)];
      in.read(skip, 0, skip.length);
    }
    return ends;
  }

  /** Header lines up to and including the empty line; null when the file ends first. */
  private byte[] readHeader() throws IOException {
    ByteArrayOutputStream header = new ByteArrayOutputStream(1024);
    int lineLength = 0;
    while (header.size() <= MAX_HEADER_BYTES) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      header.write(b);
      if (b == '\n') {
        if (lineLength == 0) {
          return header.toByteArray();
        }
        lineLength = 0;
      } else if (b != '\r') {
        lineLength++;
      }
    }
    return header.toByteArray(); // over the limit: judged not a header
  }

  /** Up to {@code length} bytes, fewer when the file ends. */
  private byte[] readUpTo(int length) throws IOException {
    byte[] block = new byte[Math.min(length, 64 * 1024)];
    int n = 0;
    while (n < length) {
      if (n == block.length) {
        block = Arrays.copyOf(block, (int) Math.min(length, 2L * block.length));
      }
      int r = in.read(block, n, block.length - n);
      if (r < 0) {
        return Arrays.copyOf(block, n);
      }
      n += r;
    }
    return block;
  }

  /** Reads up to the next {@code WARC/<digit>} at the start of a line; false at the end. */
  private void scanToRecordStart(boolean atLineStart) throws IOException {
    boolean lineStart = atLineStart;
    while (true) {
      int b = in.read();
      if (b < 0) {
        return;
      }
      if (lineStart && b == 'W') {
        byte[] rest = in.peek(MAGIC.length);
        if (rest.length == MAGIC.length && rest[0] == 'A' && rest[1] == 'R' && rest[2] == 'C'
            && rest[3] == '/' && isDigit(rest[4])) {
          in.unread(MAGIC, 0, 1);
          return;
        }
      }
      lineStart = b == '\n';
    }
  }

  /**
   * Index below {@code limit} of the first {@code WARC/<digit>} at a line start in {@code bytes},
   * else -1.
   */
  static int findRecordStart(byte[] bytes, int limit) {
    byte[] block = bytes;
    for (int i = 0; i < limit && i + MAGIC.length < block.length; i++) {
      if ((i == 0 || block[i - 1] == '\n') && startsWithMagic(block, i)) {
        return i;
      }
    }
    return -1;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  private static boolean startsWithMagic(byte[] b, int at) {
    if (b.length < at + MAGIC.length + 1) {
      return false;
    }
    for (int i = 0; i < MAGIC.length; i++) {
      if (b[at + i] != MAGIC[i]) {
        return false;
      }
    }
    return isDigit(b[at + MAGIC.length]);
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  /** The value of a header field (case-insensitive name), null when absent. */
  static String field(String header, String lowerName) {
    for (String line : header.split("\r?\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals(lowerName)) {
        return line.substring(colon + 1).strip();
      }
    }
    return null;
  }

  /** A non-negative decimal length, else -1. */
  private static long parseLength(String value) {
    if (value == null || value.isEmpty() || value.length() > 18) {
      return -1;
    }
    for (int i = 0; i < value.length(); i++) {
      if (!isDigit(value.charAt(i))) {
        return -1;
      }
    }
    return Long.parseLong(value);
  }

  /** " <record id> <type> <uri>" for messages, as far as the header has them. */
  private static String describe(String header) {
    StringBuilder s = new StringBuilder();
    for (String name : new String[] {"warc-record-id", "warc-type", "warc-target-uri"}) {
      String v = field(header, name);
      if (v != null) {
        s.append(' ').append(v);
      }
    }
    return s.toString();
  }

  private static String firstLine(byte[] header) {
    int end = 0;
    while (end < header.length && end < 80 && header[end] != '\r' && header[end] != '\n') {
      end++;
    }
    return new String(header, 0, end, StandardCharsets.ISO_8859_1);
  }

  private static boolean isEndOfInput(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof EOFException) {
        return true;
      }
    }
    return false;
  }
}
