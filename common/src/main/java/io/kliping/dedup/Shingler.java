package io.kliping.dedup;

import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;
import java.util.Arrays;

/**
 * Turns {@link ContentNormalizer normalised} text into the set of 64-bit shingle hashes that MinHash
 * signs: word n-grams (default) or code-point n-grams. Each n-gram is the substring of the normalised
 * text it covers, hashed with Komihash 5.0, so shingles are stable across JVMs and releases (pinned
 * by a golden test; part of {@link MinHashSigner#SIGNATURE_VERSION}). The text is copied once into
 * a reused array of its UTF-16 code units (little-endian), and each n-gram hashed from there: the
 * same value as hashing the chars ({@code hashCharsToLong}), about three times faster than reading
 * them one {@code charAt} at a time.
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
  private int[] offsets = new int[256];
  /** The normalised text's chars, two bytes each, little-endian. */
  private byte[] utf16 = new byte[8192];

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
   * first) and returns their number.
   */
  public int shingle(CharSequence normalizedText, ShingleBuffer out) {
    out.clear();
    int tokens = indexTokens(normalizedText);
    if (tokens < minTokens) {
      return 0;
    }
    copyChars(normalizedText);
    if (characters) {
      addCharacterShingles(normalizedText, out);
    } else {
      addWordShingles(normalizedText, tokens, out);
    }
    out.sortDistinct();
    return out.size();
  }

  /** Stores token start offsets in {@code offsets[0..tokens)} and returns the token count. */
  private int indexTokens(CharSequence text) {
    int length = text.length();
    int tokens = 0;
    boolean inToken = false;
    for (int i = 0; i < length; i++) {
      boolean space = text.charAt(i) == ' ';
      if (!space && !inToken) {
        offsets = ensureCapacity(offsets, tokens + 1);
        offsets[tokens++] = i;
      }
      inToken = !space;
    }
    return tokens;
  }

  private void addWordShingles(CharSequence text, int tokens, ShingleBuffer out) {
    if (tokens <= size) {
      out.add(hash(offsets[0], text.length()));
      return;
    }
    for (int first = 0; first + size <= tokens; first++) {
      int next = first + size;
      int end = next < tokens ? offsets[next] - 1 : text.length();
      out.add(hash(offsets[first], end));
    }
  }

  private void addCharacterShingles(CharSequence text, ShingleBuffer out) {
    int length = text.length();
    int codePoints = 0;
    for (int i = 0; i < length; i += Character.charCount(Character.codePointAt(text, i))) {
      offsets = ensureCapacity(offsets, codePoints + 1);
      offsets[codePoints++] = i;
    }
    if (codePoints <= size) {
      out.add(hash(0, length));
      return;
    }
    for (int first = 0; first + size <= codePoints; first++) {
      int next = first + size;
      out.add(hash(offsets[first], next < codePoints ? offsets[next] : length));
    }
  }

  private void copyChars(CharSequence text) {
    int length = text.length();
    if (utf16.length < 2 * length) {
      utf16 = new byte[Math.max(2 * length, 2 * utf16.length)];
    }
    byte[] bytes = utf16;
    for (int i = 0, j = 0; i < length; i++, j += 2) {
      char c = text.charAt(i);
      bytes[j] = (byte) c;
      bytes[j + 1] = (byte) (c >>> 8);
    }
  }

  /** Komihash of {@code text[start, end)}, equal to {@code hashCharsToLong} of that slice. */
  private long hash(int start, int end) {
    return HASHER.hashBytesToLong(utf16, 2 * start, 2 * (end - start));
  }

  private static int[] ensureCapacity(int[] array, int required) {
    return required <= array.length ? array : Arrays.copyOf(array, Math.max(required, array.length * 2));
  }
}
