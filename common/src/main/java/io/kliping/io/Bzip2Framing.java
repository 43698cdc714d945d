package io.kliping.io;

import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Checks the two ends of a bzip2 file, which Hadoop's splittable (block-mode) bzip2 reader never
 * looks at: it just scans for block markers. So without these checks a {@code .bz2} file that is
 * not bzip2 at all reads as empty, and one cut off at (or within a few bytes after) a block
 * boundary loses every later block in silence.
 *
 * <p>A bzip2 stream starts with {@code "BZh1"}..{@code "BZh9"} and then a block (or, for empty
 * content, the end of stream), both byte-aligned; it ends with the 48-bit end-of-stream marker,
 * the 32-bit combined CRC and up to 7 zero bits of padding. Concatenated streams (pbzip2) pass.
 * A raw stream without the {@code "BZ"} magic, which Hadoop would read, fails the head check.
 */
final class Bzip2Framing {
  private static final long BLOCK_MAGIC = 0x314159265359L;
  private static final long END_MAGIC = 0x177245385090L;
  /** "BZh", the level digit, a 48-bit marker. */
  private static final int HEAD_BYTES = 10;
  /** 48-bit end marker, 32-bit CRC, up to 7 padding bits. */
  private static final int TAIL_BYTES = 11;
  private static final int TAIL_BITS = 48 + 32;

  private Bzip2Framing() {}

  /** Why the file does not start as a bzip2 stream, or null when it does. */
  static String headProblem(FileSystem fs, Path file) throws IOException {
    byte[] head = new byte[HEAD_BYTES];
    int n;
    try (FSDataInputStream in = fs.open(file)) {
      n = readUpTo(in, head);
    }
    return startsAsBzip2(head, n) ? null
        : "not a bzip2 stream: no \"BZh\" header followed by a block";
  }

  /** Why the file, {@code length} bytes long, does not end as a bzip2 stream, or null. */
  static String tailProblem(FileSystem fs, Path file, long length) throws IOException {
    byte[] tail = new byte[TAIL_BYTES];
    int n;
    try (FSDataInputStream in = fs.open(file)) {
      in.seek(Math.max(0, length - TAIL_BYTES));
      n = readUpTo(in, tail);
    }
    return endsAsBzip2(tail, n) ? null
        : "bzip2 stream has no end-of-stream marker: the file is truncated or has trailing bytes";
  }

  static boolean startsAsBzip2(byte[] head, int n) {
    if (n < HEAD_BYTES || head[0] != 'B' || head[1] != 'Z' || head[2] != 'h'
        || head[3] < '1' || head[3] > '9') {
      return false;
    }
    long marker = bits(head, 32, 48);
    return marker == BLOCK_MAGIC || marker == END_MAGIC;
  }

  static boolean endsAsBzip2(byte[] tail, int n) {
    for (int padding = 0; padding < 8; padding++) {
      int from = n * 8 - padding - TAIL_BITS;
      if (from >= 0 && bits(tail, from, 48) == END_MAGIC) {
        return true;
      }
    }
    return false;
  }

  /** {@code count} (≤ 64) bits from {@code bitOffset}, most significant bit first. */
  private static long bits(byte[] bytes, int bitOffset, int count) {
    long value = 0;
    for (int bit = bitOffset, to = bitOffset + count; bit < to; bit++) {
      value = (value << 1) | ((bytes[bit >>> 3] >>> (7 - (bit & 7))) & 1);
    }
    return value;
  }

  private static int readUpTo(InputStream in, byte[] buffer) throws IOException {
    int n = 0;
    for (int r; n < buffer.length && (r = in.read(buffer, n, buffer.length - n)) > 0; ) {
      n += r;
    }
    return n;
  }
}
