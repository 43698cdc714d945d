package io.kliping.dedup;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A document's shingle set as bytes (its sorted, distinct 64-bit shingle hashes, little-endian) and
 * the exact Jaccard similarity of two such sets, by one merge pass. Used by the optional exact
 * verification of candidate pairs, where the MinHash estimate alone could let a pair just below the
 * threshold through.
 */
public final class ShingleSets {

  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private ShingleSets() {}

  /** The shingles of {@code buffer} (sorted and distinct, as {@link Shingler} leaves them). */
  public static byte[] toBytes(ShingleBuffer buffer) {
    byte[] bytes = new byte[buffer.size() * Long.BYTES];
    long[] values = buffer.array();
    for (int i = 0; i < buffer.size(); i++) {
      LONG.set(bytes, i * Long.BYTES, values[i]);
    }
    return bytes;
  }

  /** |A ∩ B| / |A ∪ B| of two sets written by {@link #toBytes}; 1.0 for two empty sets. */
  public static double jaccard(byte[] a, byte[] b) {
    int sizeA = a.length / Long.BYTES;
    int sizeB = b.length / Long.BYTES;
    if (sizeA + sizeB == 0) {
      return 1.0;
    }
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < sizeA && j < sizeB) {
      long x = (long) LONG.get(a, i * Long.BYTES);
      long y = (long) LONG.get(b, j * Long.BYTES);
      if (x == y) {
        common++;
        i++;
        j++;
      } else if (x < y) {
        i++;
      } else {
        j++;
      }
    }
    return (double) common / (sizeA + sizeB - common);
  }
}
