package io.kliping.ingest.warc;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** Reads a stream into memory up to a cap, so one oversized record cannot exhaust the heap. */
final class BoundedBytes {

  private BoundedBytes() {}

  /** All bytes of {@code in}, or null when it holds more than {@code cap} bytes. */
  static byte[] read(InputStream in, int cap) throws IOException {
    byte[] buf = new byte[Math.min(cap + 1, 64 * 1024)];
    int n = 0;
    while (true) {
      if (n == buf.length) {
        if (n > cap) {
          return null;
        }
        buf = Arrays.copyOf(buf, (int) Math.min((long) cap + 1, 2L * buf.length));
      }
      int read = in.read(buf, n, buf.length - n);
      if (read < 0) {
        return n == buf.length ? buf : Arrays.copyOf(buf, n);
      }
      n += read;
    }
  }
}
