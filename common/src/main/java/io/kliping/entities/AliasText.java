package io.kliping.entities;

/**
 * The character rules shared by gazetteer validation and matching, kept in one place so that what
 * the loader calls "the same alias" is exactly what the matcher treats as the same.
 *
 * <p>Runs of horizontal whitespace and hyphens/dashes are one separator ("Kim Jong-un" = "Kim Jong
 * Un"), typographic apostrophes are the ASCII one, and case is folded char by char so that offsets
 * never shift. Line breaks are not separators: a name never spans a paragraph break.
 */
final class AliasText {

    /** What a collapsed separator run becomes. */
    static final char SEPARATOR = ' ';

    private AliasText() {}

    /** Whitespace other than line breaks, and the hyphen/dash family. */
    static boolean isSeparator(char c) {
        switch (c) {
            case '\n', '\r', '\u000B', '\u000C', '\u0085', '\u2028', '\u2029':
                return false;
            case '-', '\u00AD', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\uFE63', '\uFF0D':
                return true;
            default:
                return Character.isWhitespace(c) || Character.isSpaceChar(c);
        }
    }

    /** Maps look-alike characters that vary between sources onto one form (same length: 1 char). */
    static char fold(char c) {
        switch (c) {
            case '\u2018', '\u2019', '\u201B', '\u02BC', '\u2032', '`', '\u00B4':
                return '\'';
            default:
                return c;
        }
    }

    /**
     * Characters that continue a token: a match must not start or end next to one. Besides letters
     * and digits this includes '$' so that the "US" of "US$" (a currency) is not the USA.
     */
    static boolean isTokenChar(char c) {
        return Character.isLetterOrDigit(c) || c == '$';
    }

    /** The key an alias is matched by: folded, separator runs collapsed, trimmed; case kept. */
    static String matchKey(String alias) {
        StringBuilder key = new StringBuilder(alias.length());
        boolean pendingSeparator = false;
        for (int i = 0; i < alias.length(); i++) {
            char c = alias.charAt(i);
            if (isSeparator(c)) {
                pendingSeparator = key.length() > 0;
                continue;
            }
            if (pendingSeparator) {
                key.append(SEPARATOR);
                pendingSeparator = false;
            }
            key.append(fold(c));
        }
        return key.toString();
    }

    /** Lower-cases char by char (never changes the length, unlike {@link String#toLowerCase()}). */
    static String lowerCase(String s) {
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toLowerCase(chars[i]);
        }
        return new String(chars);
    }

    /** True when {@code s} has at least one letter and every letter is upper-case (AS, DK PBB, G20). */
    static boolean isAllUpperCase(String s) {
        boolean sawLetter = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetter(c)) {
                if (!Character.isUpperCase(c)) {
                    return false;
                }
                sawLetter = true;
            }
        }
        return sawLetter;
    }

    /** True when the key contains something matchable (a letter or digit). */
    static boolean hasWordCharacter(String key) {
        for (int i = 0; i < key.length(); i++) {
            if (Character.isLetterOrDigit(key.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
