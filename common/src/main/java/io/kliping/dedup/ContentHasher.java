package io.kliping.dedup;

import com.dynatrace.hash4j.hashing.HashValue128;
import com.dynatrace.hash4j.hashing.Hasher128;
import com.dynatrace.hash4j.hashing.Hashing;
import java.util.HexFormat;

/**
 * Exact-duplicate key: a 128-bit XXH3 hash of the {@link ContentNormalizer normalised} text as 32
 * lower-case hex chars. 128 bits make accidental collisions irrelevant at any corpus size, and the
 * hex form is a stable, join-friendly string column. Pinned by a golden test.
 */
public final class ContentHasher {

  /** Length of every hash this class returns. */
  public static final int HEX_LENGTH = 32;

  private static final Hasher128 HASHER = Hashing.xxh3_128();
  private static final HexFormat HEX = HexFormat.of();

  private ContentHasher() {}

  /**
   * Hashes text that is already normalised (a reusable buffer is fine: nothing is retained). A
   * {@link NormalizedContent} is hashed from its bytes, the same value as from its chars.
   */
  public static String hashNormalized(CharSequence normalizedText) {
    HashValue128 hash =
        normalizedText instanceof NormalizedContent t
            ? HASHER.hashBytesTo128Bits(t.utf16(), 0, 2 * t.length())
            : HASHER.hashCharsTo128Bits(normalizedText);
    return HEX.toHexDigits(hash.getMostSignificantBits())
        + HEX.toHexDigits(hash.getLeastSignificantBits());
  }

  /** Normalises {@code text} and hashes the result. */
  public static String hash(CharSequence text) {
    return hashNormalized(ContentNormalizer.normalize(text));
  }
}
