package io.kliping.dedup;

import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;
import java.util.Arrays;

/**
 * Turns {@link ContentNormalizer normalised} text into the set of 64-bit shingle hashes that MinHash
 * signs: word n-grams (default) or code-point n-grams. Each n-gram is the substring of the normalised
 * text it covers, hashed with Komihash 5.0, so shingles are stable across JVMs and releases (pinned
 * by a golden test; part of {@link MinHashSigner#SIGNATURE_VERSION}). Each n-gram is hashed from
 * the {@link NormalizedContent}'s array of UTF-16 code units (little-endian), between the token starts
 * the normaliser recorded: the same value as hashing the chars ({@code hashCharsToLong}), about
 * three times faster than reading them one {@code charAt} at a time.
 *
 * <p>Short texts: a text with fewer than {@code minTokens} tokens yields no shingles at all (it can
 * only be an exact duplicate: an empty set would give every such text the same signature). A text
 * with at least {@code minTokens} tokens but shorter than one n-gram yields one shingle of the whole
 * text.
 *
 * <p>Not thread-safe (reuses internal buffers); create one per partition.
 */
public final class Shingler {

  /** Version of the shingling rules; part of {@link MinHashSigner#SIGNATURE_VERSION}. */
  public static final int VERSION = 1;

  private static final Hasher64 HASHER = Hashing.komihash5_0();

  private final int size;
  private final boolean characters;
  private final int minTokens;
  /** Code point offsets of character shingling. */
  private int[] offsets = new int[256];
  /** Where a normalised text given as another {@link CharSequence} is copied. */
  private final NormalizedContent copy = new NormalizedContent();

  private Shingler(int size, boolean characters, int minTokens) {
    if (size < 1) {
      throw new IllegalArgumentException("shingle size must be >= 1, got " + size);
    }
    if (minTokens < 1) {
      throw new IllegalArgumentException("minTokens must be >= 1, got " + minTokens);
    }
    this.size = size;
    this.characters = characters;
    this.minTokens = minTokens;
  }

  /** Word n-grams of {@code n} tokens. */
  public static Shingler words(int n, int minTokens) {
    return new Shingler(n, false, minTokens);
  }

  /** Character n-grams of {@code n} code points (spaces between tokens included). */
  public static Shingler characters(int n, int minTokens) {
    return new Shingler(n, true, minTokens);
  }

  /** The shingler the settings describe. */
  public static Shingler of(DedupSettings settings) {
    return new Shingler(settings.shingleSize(), settings.charShingles(), settings.minTokens());
  }

  /**
   * Writes the sorted, distinct shingle hashes of {@code normalizedText} into {@code out} (cleared
   * first) and returns their number. A {@link NormalizedContent} is read as it is; any other sequence
   * is copied into a reused one first.
   */
  public int shingle(CharSequence normalizedText, ShingleBuffer out) {
    int count = shingleUnsorted(normalizedText, out);
    out.sortDistinct();
    return count == 0 ? 0 : out.size();
  }

  /**
   * Writes the hash of every shingle of {@code normalizedText} into {@code out} (cleared first), in
   * text order with repeats, and returns their number: what a {@link MinHashSigner} needs, as the
   * MinHash of a multiset is that of its set, without the sort that {@link #shingle} costs.
   */
  public int shingleUnsorted(CharSequence normalizedText, ShingleBuffer out) {
    out.clear();
    NormalizedContent text =
        normalizedText instanceof NormalizedContent t ? t : copy.setNormalized(normalizedText);
    int tokens = text.tokens();
    if (tokens < minTokens) {
      return 0;
    }
    byte[] utf16 = text.utf16();
    if (characters) {
      addCharacterShingles(text, utf16, out);
    } else {
      addWordShingles(text, utf16, tokens, out);
    }
    return out.size();
  }

  private void addWordShingles(NormalizedContent text, byte[] utf16, int tokens, ShingleBuffer out) {
    int length = text.length();
    if (tokens <= size) {
      out.add(hash(utf16, text.tokenStart(0), length));
      return;
    }
    for (int first = 0; first + size <= tokens; first++) {
      int next = first + size;
      int end = next < tokens ? text.tokenStart(next) - 1 : length;
      out.add(hash(utf16, text.tokenStart(first), end));
    }
  }

  private void addCharacterShingles(NormalizedContent text, byte[] utf16, ShingleBuffer out) {
    int length = text.length();
    int codePoints = 0;
    for (int i = 0; i < length; i += Character.charCount(Character.codePointAt(text, i))) {
      offsets = ensureCapacity(offsets, codePoints + 1);
      offsets[codePoints++] = i;
    }
    if (codePoints <= size) {
      out.add(hash(utf16, 0, length));
      return;
    }
    for (int first = 0; first + size <= codePoints; first++) {
      int next = first + size;
      out.add(hash(utf16, offsets[first], next < codePoints ? offsets[next] : length));
    }
  }

  /** Komihash of {@code text[start, end)}, equal to {@code hashCharsToLong} of that slice. */
  private static long hash(byte[] utf16, int start, int end) {
    return HASHER.hashBytesToLong(utf16, 2 * start, 2 * (end - start));
  }

  private static int[] ensureCapacity(int[] array, int required) {
    return required <= array.length ? array : Arrays.copyOf(array, Math.max(required, array.length * 2));
  }
}
