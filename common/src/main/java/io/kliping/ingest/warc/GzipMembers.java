package io.kliping.ingest.warc;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * Decompresses a file of concatenated gzip members (a {@code .warc.gz} writes one per record) and
 * remembers where in the raw file each member starts, so a record found in the decompressed bytes
 * can be reported at the byte offset a user can cut it out from. {@link java.util.zip.GZIPInputStream}
 * hides those offsets and gives up on bytes between members; here such garbage is skipped up to the
 * next gzip magic and reported as a {@link Gap}, so the members after it are still read.
 *
 * <p>A member cut off by the end of the file ends the stream with an {@link EOFException}; corrupt
 * deflate data with a {@link ZipException}. Not thread-safe.
 */
final class GzipMembers extends InputStream {

  /** Bytes between two gzip members (or after the last) that are not a gzip member. */
  record Gap(long rawOffset, long length) {}

  private static final int FHCRC = 2;
  private static final int FEXTRA = 4;
  private static final int FNAME = 8;
  private static final int FCOMMENT = 16;
  private static final int TRAILER_BYTES = 8;

  private final InputStream raw;
  private final byte[] buf = new byte[64 * 1024];
  private int bufPos;
  private int bufLen;
  /** Raw offset of {@code buf[0]}. */
  private long bufBase;

  private final Inflater inflater = new Inflater(true);
  private boolean inMember;
  private boolean done;
  private long produced;
  private final TreeMap<Long, Long> memberStarts = new TreeMap<>();
  private final Deque<Gap> gaps = new ArrayDeque<>();
  private final byte[] one = new byte[1];

  GzipMembers(InputStream raw) {
    this.raw = raw;
  }

  /** The raw offset of the member holding decompressed byte {@code position} (0 before any). */
  long rawOffsetOf(long position) {
    Map.Entry<Long, Long> e = memberStarts.floorEntry(position);
    return e == null ? 0 : e.getValue();
  }

  /** Forgets member starts before the one holding {@code position}; keeps the map small. */
  void forgetBefore(long position) {
    Long floor = memberStarts.floorKey(position);
    if (floor != null) {
      memberStarts.headMap(floor, false).clear();
    }
  }

  /** Gaps found since the last call, in file order. */
  Deque<Gap> takeGaps() {
    Deque<Gap> taken = new ArrayDeque<>(gaps);
    gaps.clear();
    return taken;
  }

  @Override
  public int read() throws IOException {
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (!done) {
      if (!inMember && !startMember()) {
        done = true;
        break;
      }
      if (inflater.needsInput()) {
        if (bufPos == bufLen && fill() < 0) {
          throw new EOFException("gzip member cut short at offset " + rawPosition());
        }
        inflater.setInput(buf, bufPos, bufLen - bufPos);
      }
      int n;
      try {
        n = inflater.inflate(b, off, len);
      } catch (DataFormatException e) {
        throw new ZipException("corrupt gzip data near offset " + rawPosition() + ": "
            + e.getMessage());
      }
      bufPos = bufLen - inflater.getRemaining();
      if (n > 0) {
        produced += n;
        return n;
      }
      if (inflater.finished()) {
        skipBytes(TRAILER_BYTES);
        inflater.reset();
        inMember = false;
      } else if (inflater.needsDictionary()) {
        throw new ZipException("gzip member needs a preset dictionary at " + rawPosition());
      }
    }
    return -1;
  }

  @Override
  public void close() throws IOException {
    inflater.end();
    raw.close();
  }

  private long rawPosition() {
    return bufBase + bufPos;
  }

  /** Finds the next member (skipping and reporting garbage) and reads its header. */
  private boolean startMember() throws IOException {
    if (!ensure(1)) {
      return false;
    }
    long gapStart = rawPosition();
    while (!isMagic()) {
      if (!ensure(3)) { // fewer than three bytes left: garbage up to the end
        long end = rawPosition() + (bufLen - bufPos);
        bufPos = bufLen;
        gaps.add(new Gap(gapStart, end - gapStart));
        return false;
      }
      bufPos++;
    }
    if (rawPosition() > gapStart) {
      gaps.add(new Gap(gapStart, rawPosition() - gapStart));
    }
    memberStarts.put(produced, rawPosition());
    requireBytes(10);
    int flags = buf[bufPos + 3] & 0xff;
    bufPos += 10;
    if ((flags & FEXTRA) != 0) {
      requireBytes(2);
      int xlen = (buf[bufPos] & 0xff) | (buf[bufPos + 1] & 0xff) << 8;
      bufPos += 2;
      skipBytes(xlen);
    }
    if ((flags & FNAME) != 0) {
      skipZeroTerminated();
    }
    if ((flags & FCOMMENT) != 0) {
      skipZeroTerminated();
    }
    if ((flags & FHCRC) != 0) {
      skipBytes(2);
    }
    inMember = true;
    return true;
  }

  private boolean isMagic() throws IOException {
    return ensure(3)
        && buf[bufPos] == (byte) 0x1f
        && buf[bufPos + 1] == (byte) 0x8b
        && buf[bufPos + 2] == 8;
  }

  private void skipZeroTerminated() throws IOException {
    do {
      requireBytes(1);
    } while (buf[bufPos++] != 0);
  }

  private void skipBytes(int n) throws IOException {
    while (n > 0) {
      requireBytes(1);
      int step = Math.min(n, bufLen - bufPos);
      bufPos += step;
      n -= step;
    }
  }

  private void requireBytes(int n) throws IOException {
    if (!ensure(n)) {
      throw new EOFException("gzip member cut short at offset " + rawPosition());
    }
  }

  /** At least {@code n} (at most the buffer's size) bytes buffered, unless the file ends. */
  private boolean ensure(int n) throws IOException {
    while (bufLen - bufPos < n) {
      if (fill() < 0) {
        return false;
      }
    }
    return true;
  }

  /** Moves the unread bytes to the front and reads more; -1 at the end of the file. */
  private int fill() throws IOException {
    if (bufPos > 0) {
      System.arraycopy(buf, bufPos, buf, 0, bufLen - bufPos);
      bufBase += bufPos;
      bufLen -= bufPos;
      bufPos = 0;
    }
    int n = raw.read(buf, bufLen, buf.length - bufLen);
    if (n > 0) {
      bufLen += n;
    }
    return n;
  }
}
