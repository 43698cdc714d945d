package io.kliping.text;

import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * Undoes the commonest mojibake: UTF-8 bytes that were decoded with a single-byte code page, so
 * that one character became two to four (’ → {@code â€™} via windows-1252, NBSP → {@code ¬†} and
 * ” → {@code ‚Äù} via Mac Roman, as in the click-id dump).
 *
 * <p>Rather than a table of known garbles, each family is reversed generically: characters are
 * mapped back to the byte the code page gave them and re-read as UTF-8 wherever they form a valid
 * multi-byte sequence (this also restores whole words of, say, Arabic). Because a few legitimate
 * character pairs also form valid sequences (“É in Mac Roman), a family is only repaired in a
 * text that shows its signature: at least one sequence decoding to a no-break space or to General
 * Punctuation (quotes, dashes, ellipsis), the characters that are garbled in practically every
 * affected article.
 */
final class MojibakeRepair {

  /** Windows-1252 high half plus the C1 controls that Latin-1 decoding leaves behind. */
  private static final ByteTable WINDOWS_1252 = ByteTable.windows1252();

  /** Mac Roman high half (bytes 0x80..0xFF), spelled out: not every JRE ships x-MacRoman. */
  private static final ByteTable MAC_ROMAN =
      ByteTable.of(
          "\u00C4\u00C5\u00C7\u00C9\u00D1\u00D6\u00DC\u00E1\u00E0\u00E2\u00E4\u00E3\u00E5\u00E7\u00E9\u00E8"
              + "\u00EA\u00EB\u00ED\u00EC\u00EE\u00EF\u00F1\u00F3\u00F2\u00F4\u00F6\u00F5\u00FA\u00F9\u00FB\u00FC"
              + "\u2020\u00B0\u00A2\u00A3\u00A7\u2022\u00B6\u00DF\u00AE\u00A9\u2122\u00B4\u00A8\u2260\u00C6\u00D8"
              + "\u221E\u00B1\u2264\u2265\u00A5\u00B5\u2202\u2211\u220F\u03C0\u222B\u00AA\u00BA\u03A9\u00E6\u00F8"
              + "\u00BF\u00A1\u00AC\u221A\u0192\u2248\u2206\u00AB\u00BB\u2026\u00A0\u00C0\u00C3\u00D5\u0152\u0153"
              + "\u2013\u2014\u201C\u201D\u2018\u2019\u00F7\u25CA\u00FF\u0178\u2044\u20AC\u2039\u203A\uFB01\uFB02"
              + "\u2021\u00B7\u201A\u201E\u2030\u00C2\u00CA\u00C1\u00CB\u00C8\u00CD\u00CE\u00CF\u00CC\u00D3\u00D4"
              + "\uF8FF\u00D2\u00DA\u00DB\u00D9\u0131\u02C6\u02DC\u00AF\u02D8\u02D9\u02DA\u00B8\u02DD\u02DB\u02C7");

  private MojibakeRepair() {}

  static String repair(String text) {
    if (!hasNonAscii(text)) {
      return text;
    }
    return repair(repair(text, WINDOWS_1252), MAC_ROMAN);
  }

  private static boolean hasNonAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return true;
      }
    }
    return false;
  }

  /** One family; returns {@code text} itself when nothing (or nothing convincing) was found. */
  private static String repair(String text, ByteTable table) {
    StringBuilder out = null;
    boolean signature = false;
    int copiedUpTo = 0;
    for (int i = 0; i < text.length(); i++) {
      int lead = table.byteOf(text.charAt(i));
      int length = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3
          : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
      if (length == 0 || i + length > text.length()) {
        continue;
      }
      int codePoint = decode(text, i, length, lead, table);
      if (codePoint < 0) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length());
      }
      out.append(text, copiedUpTo, i).appendCodePoint(codePoint);
      signature |= codePoint == 0x00A0 || (codePoint >= 0x2000 && codePoint <= 0x206F);
      i += length - 1;
      copiedUpTo = i + 1;
    }
    if (out == null || !signature) {
      return text;
    }
    return out.append(text, copiedUpTo, text.length()).toString();
  }

  /** The code point of a well-formed UTF-8 sequence at {@code start}, or -1. */
  private static int decode(String text, int start, int length, int lead, ByteTable table) {
    int codePoint = lead & (0xFF >> (length + 1));
    for (int k = 1; k < length; k++) {
      int b = table.byteOf(text.charAt(start + k));
      if (b < 0x80 || b > 0xBF) {
        return -1;
      }
      if (k == 1
          && ((lead == 0xE0 && b < 0xA0) // overlong
              || (lead == 0xED && b > 0x9F) // surrogate
              || (lead == 0xF0 && b < 0x90) // overlong
              || (lead == 0xF4 && b > 0x8F))) { // beyond U+10FFFF
        return -1;
      }
      codePoint = (codePoint << 6) | (b & 0x3F);
    }
    return codePoint;
  }

  /** Character → byte of one code page's high half, by binary search over ~160 entries. */
  private static final class ByteTable {
    private final char[] chars;
    private final byte[] bytes;

    private ByteTable(char[] chars, byte[] bytes) {
      this.chars = chars;
      this.bytes = bytes;
    }

    /** {@code highHalf.charAt(i)} is the character for byte {@code 0x80 + i}. */
    static ByteTable of(String highHalf) {
      long[] pairs = new long[highHalf.length()];
      for (int i = 0; i < pairs.length; i++) {
        pairs[i] = ((long) highHalf.charAt(i) << 8) | (0x80 + i);
      }
      return fromPairs(pairs);
    }

    static ByteTable windows1252() {
      Charset cp1252 = Charset.forName("windows-1252");
      long[] pairs = new long[256];
      int n = 0;
      for (int b = 0x80; b <= 0xFF; b++) {
        char c = new String(new byte[] {(byte) b}, cp1252).charAt(0);
        if (c != '\uFFFD') {
          pairs[n++] = ((long) c << 8) | b;
        }
        if (b <= 0x9F && c != b) {
          pairs[n++] = ((long) b << 8) | b; // the C1 control a Latin-1 decoder would give
        }
      }
      return fromPairs(Arrays.copyOf(pairs, n));
    }

    private static ByteTable fromPairs(long[] pairs) {
      Arrays.sort(pairs);
      char[] chars = new char[pairs.length];
      byte[] bytes = new byte[pairs.length];
      for (int i = 0; i < pairs.length; i++) {
        chars[i] = (char) (pairs[i] >>> 8);
        bytes[i] = (byte) pairs[i];
      }
      return new ByteTable(chars, bytes);
    }

    /** The byte (0x80..0xFF) this code page shows as {@code c}, or -1 (ASCII included). */
    int byteOf(char c) {
      if (c < 0x80) {
        return -1;
      }
      int at = Arrays.binarySearch(chars, c);
      return at < 0 ? -1 : bytes[at] & 0xFF;
    }
  }
}
