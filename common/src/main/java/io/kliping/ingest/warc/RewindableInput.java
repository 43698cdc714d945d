package io.kliping.ingest.warc;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A byte stream that can be given back any number of bytes already read, with the position of the
 * next byte. {@link WarcRecordSplitter} reads a record's block by its Content-Length and, when the
 * length turns out wrong, puts back the part of the block where the next record starts.
 * ({@link java.io.PushbackInputStream} has a fixed pushback size and no position.)
 */
final class RewindableInput {

  private final InputStream in;
  /** Given-back bytes, next first: {@code back[backPos..back.length)}. */
  private byte[] back = new byte[0];
  private int backPos;
  private long position;
  /** A read failure met while peeking, thrown when the reader gets that far. */
  private IOException failure;

  RewindableInput(InputStream in) {
    this.in = in;
  }

  /** Position of the next byte in the (decompressed) stream. */
  long position() {
    return position;
  }

  int read() throws IOException {
    int b;
    if (backPos < back.length) {
      b = back[backPos++] & 0xff;
      releaseIfDrained();
    } else {
      rethrowFailure();
      b = in.read();
    }
    if (b >= 0) {
      position++;
    }
    return b;
  }

  /** Reads up to {@code len} bytes; -1 at the end. */
  int read(byte[] b, int off, int len) throws IOException {
    int n;
    if (backPos < back.length) {
      n = Math.min(len, back.length - backPos);
      System.arraycopy(back, backPos, b, off, n);
      backPos += n;
      releaseIfDrained();
    } else {
      rethrowFailure();
      n = in.read(b, off, len);
    }
    if (n > 0) {
      position += n;
    }
    return n;
  }

  /** Gives back {@code b[off..off+len)}: they are the next bytes read. */
  void unread(byte[] b, int off, int len) {
    if (len == 0) {
      return;
    }
    if (backPos < len) {
      int pending = back.length - backPos;
      byte[] grown = new byte[len + pending];
      System.arraycopy(back, backPos, grown, len, pending);
      back = grown;
      backPos = len;
    }
    backPos -= len;
    System.arraycopy(b, off, back, backPos, len);
    position -= len;
  }

  /**
   * Up to {@code n} next bytes without consuming them: fewer at the end of the stream, or before
   * a read failure, which is then thrown by the read that reaches it.
   */
  byte[] peek(int n) {
    byte[] b = new byte[n];
    int got = 0;
    try {
      while (got < n) {
        int r = read(b, got, n - got);
        if (r < 0) {
          break;
        }
        got += r;
      }
    } catch (IOException e) {
      failure = e;
    }
    unread(b, 0, got);
    return got == n ? b : Arrays.copyOf(b, got);
  }

  private void rethrowFailure() throws IOException {
    if (failure != null) {
      IOException e = failure;
      failure = null;
      throw e;
    }
  }

  /** Drops a large given-back block once it is read again. */
  private void releaseIfDrained() {
    if (backPos == back.length && back.length > 0) {
      back = new byte[0];
      backPos = 0;
    }
  }

  void close() throws IOException {
    in.close();
  }
}
