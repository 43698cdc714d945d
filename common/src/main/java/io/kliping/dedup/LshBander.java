package io.kliping.dedup;

import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;

/**
 * Band keys of a signature: one 64-bit key per band, equal for two signatures exactly when (up to
 * hash collisions) their components in that band are equal. A key carries its band index in the top
 * {@value #BAND_BITS} bits, so buckets of different bands never mix, and a hash of the band's
 * components seeded with {@link #VERSION} and {@link MinHashSigner#SIGNATURE_VERSION} in the rest,
 * so keys of different versions do not meet either. Pinned by a golden test.
 *
 * <p>Immutable and thread-safe.
 */
public final class LshBander {

  /** Version of the band-key layout. */
  public static final int VERSION = 1;

  /** Bits of a key holding the band index; at most {@code 2^BAND_BITS} bands. */
  public static final int BAND_BITS = 12;

  private static final int HASH_BITS = Long.SIZE - BAND_BITS;

  private final LshParams params;
  private final Hasher64[] bandHashers;

  private LshBander(LshParams params) {
    if (params.bands() > 1 << BAND_BITS) {
      throw new IllegalArgumentException(
          "at most " + (1 << BAND_BITS) + " bands supported, got " + params.bands());
    }
    this.params = params;
    this.bandHashers = new Hasher64[params.bands()];
    long versionSeed = ((long) VERSION << 32) | MinHashSigner.SIGNATURE_VERSION;
    for (int band = 0; band < bandHashers.length; band++) {
      bandHashers[band] = Hashing.komihash5_0(Hashing.komihash5_0(versionSeed).hashIntToLong(band));
    }
  }

  public static LshBander create(LshParams params) {
    return new LshBander(params);
  }

  public LshParams params() {
    return params;
  }

  /**
   * Writes the {@code bands} keys of {@code signature} into {@code keys[0, bands)}. The signature
   * needs at least {@code bands * rows} components; later ones are not used.
   */
  public void bandKeys(byte[] signature, long[] keys) {
    int bandBytes = params.rows() * MinHashSigner.COMPONENT_BYTES;
    if (signature.length < params.bands() * bandBytes) {
      throw new IllegalArgumentException(
          "signature of "
              + signature.length / MinHashSigner.COMPONENT_BYTES
              + " components is too short for "
              + params);
    }
    if (keys.length < params.bands()) {
      throw new IllegalArgumentException(
          "key buffer holds " + keys.length + " keys, need " + params.bands());
    }
    for (int band = 0; band < bandHashers.length; band++) {
      long hash = bandHashers[band].hashBytesToLong(signature, band * bandBytes, bandBytes);
      keys[band] = ((long) band << HASH_BITS) | (hash >>> BAND_BITS);
    }
  }

  /** Convenience: a new array with the keys of {@code signature}. */
  public long[] bandKeys(byte[] signature) {
    long[] keys = new long[params.bands()];
    bandKeys(signature, keys);
    return keys;
  }
}
