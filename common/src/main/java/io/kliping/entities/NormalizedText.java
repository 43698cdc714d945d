package io.kliping.entities;

import java.nio.CharBuffer;

/**
 * A reusable view of one text in the form aliases are matched in ({@link AliasText}), with the map
 * from each normalised position back to the original offset. One instance per thread; the arrays
 * grow to the longest text seen and are then reused, so matching allocates no per-char garbage.
 */
final class NormalizedText {

    private char[] exact = new char[4096];
    private char[] lower = new char[4096];
    private int[] origin = new int[4096];
    private int length;

    /** Normalises {@code text} into this buffer, replacing whatever it held. */
    void reset(String text) {
        ensureCapacity(text.length());
        int n = 0;
        boolean inSeparator = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (AliasText.isSeparator(c)) {
                if (inSeparator) {
                    continue;
                }
                inSeparator = true;
                c = AliasText.SEPARATOR;
            } else {
                inSeparator = false;
                c = AliasText.fold(c);
            }
            exact[n] = c;
            lower[n] = Character.toLowerCase(c);
            origin[n] = i;
            n++;
        }
        length = n;
    }

    /** The normalised text, case kept. */
    CharSequence exact() {
        return CharBuffer.wrap(exact, 0, length);
    }

    /** The normalised text, lower-cased char by char. */
    CharSequence lower() {
        return CharBuffer.wrap(lower, 0, length);
    }

    int length() {
        return length;
    }

    /** Offset in the original text of the normalised char at {@code position}. */
    int originalOffset(int position) {
        return origin[position];
    }

    private void ensureCapacity(int capacity) {
        if (exact.length < capacity) {
            int size = Math.max(capacity, exact.length * 2);
            exact = new char[size];
            lower = new char[size];
            origin = new int[size];
        }
    }
}
