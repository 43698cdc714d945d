package io.kliping.dedup;

import java.util.Arrays;

/**
 * Growable primitive buffer of 64-bit shingle hashes, owned by the caller and reused across
 * documents so that shingling allocates nothing per document once the buffer has grown.
 */
public final class ShingleBuffer {

  private long[] values;
  private int size;

  public ShingleBuffer() {
    this(256);
  }

  public ShingleBuffer(int initialCapacity) {
    if (initialCapacity < 1) {
      throw new IllegalArgumentException("initialCapacity must be >= 1, got " + initialCapacity);
    }
    this.values = new long[initialCapacity];
  }

  /** Number of valid hashes. */
  public int size() {
    return size;
  }

  /** The backing array; only indexes {@code [0, size())} are valid. */
  public long[] array() {
    return values;
  }

  public long get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("index " + index + ", size " + size);
    }
    return values[index];
  }

  /** A copy of the valid hashes. */
  public long[] toArray() {
    return Arrays.copyOf(values, size);
  }

  void clear() {
    size = 0;
  }

  void add(long value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, values.length * 2);
    }
    values[size++] = value;
  }

  /** Sorts the valid hashes and removes repeats in place. */
  void sortDistinct() {
    if (size < 2) {
      return;
    }
    Arrays.sort(values, 0, size);
    int distinct = 1;
    for (int i = 1; i < size; i++) {
      if (values[i] != values[distinct - 1]) {
        values[distinct++] = values[i];
      }
    }
    size = distinct;
  }
}
