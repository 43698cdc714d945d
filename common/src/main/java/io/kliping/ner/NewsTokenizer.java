package io.kliping.ner;

import java.util.Arrays;

/**
 * Splits text into the tokens the name finder was trained on (NER-UI and NERGrit style): runs of
 * letters, marks and digits, numbers keeping their inner separators ("1.000", "2,5"), and every
 * other non-space character on its own ("Jong-un" is "Jong", "-", "un"). Offsets are kept so
 * that model spans map back to the exact text.
 */
public final class NewsTokenizer {
    private NewsTokenizer() {}

    /** Tokens of {@code text[from, to)}: parallel start/end offsets into {@code text}. */
    public record Tokens(String text, int[] starts, int[] ends, int size) {
        public String token(int i) {
            return text.substring(starts[i], ends[i]);
        }

        public String[] strings() {
            String[] out = new String[size];
            for (int i = 0; i < size; i++) {
                out[i] = token(i);
            }
            return out;
        }
    }

    public static Tokens tokenize(String text, int from, int to) {
        int[] starts = new int[32];
        int[] ends = new int[32];
        int n = 0;
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                i++;
                continue;
            }
            int start = i;
            if (isWord(text.codePointAt(i))) {
                while (i < to) {
                    int cp = text.codePointAt(i);
                    if (isWord(cp)) {
                        i += Character.charCount(cp);
                    } else if ((cp == '.' || cp == ',') && i + 1 < to
                            && Character.isDigit(text.charAt(i + 1)) && i > start
                            && Character.isDigit(text.charAt(i - 1))) {
                        i++;
                    } else {
                        break;
                    }
                }
            } else {
                i += Character.charCount(text.codePointAt(i));
            }
            if (n == starts.length) {
                starts = Arrays.copyOf(starts, n * 2);
                ends = Arrays.copyOf(ends, n * 2);
            }
            starts[n] = start;
            ends[n] = i;
            n++;
        }
        return new Tokens(text, starts, ends, n);
    }

    private static boolean isWord(int cp) {
        return Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK;
    }
}
