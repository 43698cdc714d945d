package io.kliping.dedup;

import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;
import com.dynatrace.hash4j.similarity.ElementHashProvider;
import com.dynatrace.hash4j.similarity.SimilarityHasher;
import com.dynatrace.hash4j.similarity.SimilarityHashing;
import com.dynatrace.hash4j.similarity.SuperMinHashVersion;

/** {@link MinHashSigner} on hash4j's SuperMinHash V1 (version pinned, never {@code DEFAULT}). */
final class SuperMinHashSigner implements MinHashSigner {

  private final int numPerm;
  private final SimilarityHasher hasher;
  private final SeededElements elements;

  SuperMinHashSigner(int numPerm, long seed) {
    if (numPerm < 1) {
      throw new IllegalArgumentException("numPerm must be >= 1, got " + numPerm);
    }
    this.numPerm = numPerm;
    this.hasher =
        SimilarityHashing.superMinHash(numPerm, COMPONENT_BITS, SuperMinHashVersion.V1)
            .createHasher();
    this.elements = new SeededElements(Hashing.komihash5_0(seed));
  }

  @Override
  public int numPerm() {
    return numPerm;
  }

  @Override
  public byte[] sign(long[] elementHashes, int count) {
    if (count < 1 || count > elementHashes.length) {
      throw new IllegalArgumentException(
          "count must be in [1, " + elementHashes.length + "], got " + count);
    }
    elements.values = elementHashes;
    elements.count = count;
    try {
      return hasher.compute(elements);
    } finally {
      elements.values = null;
    }
  }

  @Override
  public String toString() {
    return "SuperMinHashSigner[numPerm=" + numPerm + ", version=" + SIGNATURE_VERSION + "]";
  }

  /** Reusable view of the caller's hashes, re-hashed with the seed (64-bit, so collisions are negligible). */
  private static final class SeededElements implements ElementHashProvider {
    private final Hasher64 seeded;
    long[] values;
    int count;

    SeededElements(Hasher64 seeded) {
      this.seeded = seeded;
    }

    @Override
    public long getElementHash(int index) {
      return seeded.hashLongToLong(values[index]);
    }

    @Override
    public int getNumberOfElements() {
      return count;
    }
  }
}
