package io.kliping.dedup;

import java.util.Arrays;

/**
 * A reusable buffer holding one text's {@link ContentNormalizer normalised} form as the hashes read
 * it: its UTF-16 code units as little-endian bytes (what {@code hashCharsTo…} of hash4j hashes, so
 * hashing the bytes gives the same values) and the start of every token. The normaliser fills it in
 * the one pass that decides the tokens, so neither the content hash nor the {@link Shingler} scans
 * the text again to find them.
 *
 * <p>It is also a {@link CharSequence} of the normalised text, for callers that only read it.
 *
 * <p>Not thread-safe: one per partition (or per caller), reused across texts.
 */
public final class NormalizedContent implements CharSequence {

  // Small at first: a buffer grows to the longest text it holds, so a one-off normalisation
  // (a title) allocates little and a partition's buffer soon stops growing.
  /** The source text's chars, copied in bulk before the normalising pass. */
  private char[] source = new char[64];
  /** The normalised text's chars, two bytes each, little-endian. */
  private byte[] utf16 = new byte[128];
  private int length;
  private int[] starts = new int[16];
  private int tokens;

  /** Number of tokens. */
  public int tokens() {
    return tokens;
  }

  /** Char offset of token {@code index} in the normalised text. */
  public int tokenStart(int index) {
    if (index < 0 || index >= tokens) {
      throw new IndexOutOfBoundsException("token " + index + ", tokens " + tokens);
    }
    return starts[index];
  }

  /** The normalised chars as little-endian bytes; only {@code [0, 2 * length())} is valid. */
  byte[] utf16() {
    return utf16;
  }

  /**
   * Replaces the contents with {@code normalized}, a text already in normalised form (tokens
   * separated by single spaces), and returns this.
   */
  public NormalizedContent setNormalized(CharSequence normalized) {
    int n = normalized.length();
    char[] chars = sourceBuffer(n);
    copy(normalized, chars, n);
    clear(n);
    boolean inToken = false;
    for (int i = 0; i < n; i++) {
      char c = chars[i];
      boolean space = c == ' ';
      if (!space && !inToken) {
        startToken();
      }
      append(c);
      inToken = !space;
    }
    return this;
  }

  @Override
  public int length() {
    return length;
  }

  @Override
  public char charAt(int index) {
    if (index < 0 || index >= length) {
      throw new IndexOutOfBoundsException("index " + index + ", length " + length);
    }
    return (char) ((utf16[2 * index] & 0xff) | (utf16[2 * index + 1] & 0xff) << 8);
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return toString().substring(start, end);
  }

  @Override
  public String toString() {
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = charAt(i);
    }
    return new String(chars);
  }

  // --- filled by ContentNormalizer --------------------------------------------------------------

  /**
   * A buffer holding the {@code n} chars of {@code text}, copied in bulk: the normalising pass then
   * reads an array instead of calling {@code charAt} through the interface.
   */
  char[] copySource(CharSequence text, int n) {
    char[] chars = sourceBuffer(n);
    copy(text, chars, n);
    return chars;
  }

  /**
   * Empties the buffer for a normalised text of at most {@code maxChars} chars (at most twice the
   * source's: lower-casing one code unit can give two).
   */
  void clear(int maxChars) {
    if (utf16.length < 2 * maxChars) {
      utf16 = new byte[Math.max(2 * maxChars, 2 * utf16.length)];
    }
    length = 0;
    tokens = 0;
  }

  /** Marks the next appended char as the start of a token. */
  void startToken() {
    if (tokens == starts.length) {
      starts = Arrays.copyOf(starts, tokens * 2);
    }
    starts[tokens++] = length;
  }

  void append(char c) {
    int at = 2 * length++;
    utf16[at] = (byte) c;
    utf16[at + 1] = (byte) (c >>> 8);
  }

  private char[] sourceBuffer(int n) {
    if (source.length < n) {
      source = new char[Math.max(n, 2 * source.length)];
    }
    return source;
  }

  private static void copy(CharSequence text, char[] chars, int n) {
    if (text instanceof String s) {
      s.getChars(0, n, chars, 0);
    } else {
      for (int i = 0; i < n; i++) {
        chars[i] = text.charAt(i);
      }
    }
  }
}
