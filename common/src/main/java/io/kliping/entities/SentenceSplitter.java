package io.kliping.entities;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Rule-based sentence boundaries for cleaned Indonesian/English news text, precise enough to give
 * mentions a sentence index for co-occurrence (entities in the same sentence are related).
 *
 * <p>A sentence ends at a line break (paragraphs are separated by "\n" or "\n\n") or at '.', '!',
 * '?' or '…' (optionally followed by closing quotes/brackets) that is followed by whitespace and
 * then not by a lower-case letter. A '.' does not end a sentence after a known abbreviation or
 * title ("Dr.", "No.", "Jl.", "Letjen."), an initial ("B. J. Habibie"), or a dotted acronym
 * ("U.S."); it never does inside a token ("1.000", "2,5", "KONTAN.CO.ID") because no whitespace
 * follows.
 */
public final class SentenceSplitter {

    /** Abbreviations that are followed by a '.' without ending the sentence (case-sensitive). */
    private static final Set<String> ABBREVIATIONS = Set.of(
            // titles and honorifics
            "Dr", "dr", "Drs", "Dra", "Prof", "prof", "Ir", "Hj", "KH", "Mr", "Mrs", "Ms", "Mt", "Jr", "Sr",
            "St", "Sdr", "Sdri", "Bpk", "Ny", "Nn", "Tn", "Yth", "Pdt", "Rev", "Fr",
            // military and police ranks
            "Gen", "Jend", "Jen", "Letjen", "Mayjen", "Brigjen", "Kol", "Letkol", "Mayor", "Kapt", "Lt", "Col",
            "Capt", "Sgt", "Cpl", "Adm", "Laksda", "Laksdya", "Marsda", "Marsdya", "Irjen", "Komjen", "Kombes",
            "AKBP", "AKP", "Kompol", "Gov", "Sen", "Rep",
            // references and units
            "No", "Nos", "Nr", "no", "Vol", "vol", "Hal", "hal", "hlm", "Hlm", "Jl", "Jln", "Kec", "Kab", "Kel",
            "Rp", "Tel", "Telp", "Fig", "approx", "ca", "cf", "vs",
            // months
            "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Agu", "Agt", "Sep", "Sept", "Okt", "Oct", "Nov",
            "Des", "Dec");

    private SentenceSplitter() {}

    /**
     * Offsets at which sentences start (the first non-whitespace char of each), ascending. A text
     * with no sentence (empty or blank) yields an empty array.
     */
    public static int[] sentenceStarts(String text) {
        int[] starts = new int[16];
        int count = 0;
        boolean lookingForStart = true;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (isLineBreak(c)) {
                lookingForStart = true;
                continue;
            }
            if (lookingForStart) {
                if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                    continue;
                }
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i;
                lookingForStart = false;
            }
            if (!isTerminator(c)) {
                continue;
            }
            int after = i + 1;
            while (after < n && isTerminator(text.charAt(after))) {
                after++;
            }
            boolean singleDot = c == '.' && after == i + 1;
            while (after < n && isCloser(text.charAt(after))) {
                after++;
            }
            if (after < n && !Character.isWhitespace(text.charAt(after)) && !Character.isSpaceChar(text.charAt(after))) {
                i = after - 1;
                continue;
            }
            if (singleDot && isAbbreviationBefore(text, i)) {
                continue;
            }
            int next = after;
            while (next < n && isHorizontalSpace(text.charAt(next))) {
                next++;
            }
            if (next < n && Character.isLowerCase(text.charAt(next))) {
                i = after - 1;
                continue;
            }
            lookingForStart = true;
            i = after - 1;
        }
        return Arrays.copyOf(starts, count);
    }

    /**
     * The 0-based index of the sentence containing {@code offset}, given {@link #sentenceStarts};
     * offsets before the first sentence belong to sentence 0.
     */
    public static int sentenceIndexAt(int[] sentenceStarts, int offset) {
        int found = Arrays.binarySearch(sentenceStarts, offset);
        int index = found >= 0 ? found : -found - 2;
        return Math.max(index, 0);
    }

    /** The sentences of {@code text}, trimmed; for inspection and tests. */
    public static List<String> sentences(String text) {
        int[] starts = sentenceStarts(text);
        List<String> sentences = new ArrayList<>(starts.length);
        for (int i = 0; i < starts.length; i++) {
            int end = i + 1 < starts.length ? starts[i + 1] : text.length();
            sentences.add(text.substring(starts[i], end).strip());
        }
        return sentences;
    }

    /**
     * True when the '.' at {@code dot} closes an abbreviation, an initial or a dotted acronym; in
     * tokenised text (tokens joined by spaces, as in CoNLL files) also an initial one space before
     * it ("Stephen R . Covey").
     */
    private static boolean isAbbreviationBefore(String text, int dot) {
        if (dot >= 3 && text.charAt(dot - 1) == ' ' && Character.isUpperCase(text.charAt(dot - 2))
                && text.charAt(dot - 3) == ' ') {
            return true;
        }
        int from = dot;
        while (from > 0 && (Character.isLetter(text.charAt(from - 1)) || text.charAt(from - 1) == '.')) {
            from--;
        }
        if (from > 0 && Character.isLetterOrDigit(text.charAt(from - 1))) {
            return false;
        }
        String token = text.substring(from, dot);
        if (token.isEmpty()) {
            return false;
        }
        if (token.indexOf('.') > 0) {
            return true;
        }
        if (token.length() == 1 && Character.isUpperCase(token.charAt(0))) {
            return true;
        }
        return ABBREVIATIONS.contains(token);
    }

    private static boolean isTerminator(char c) {
        return c == '.' || c == '!' || c == '?' || c == '\u2026';
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == '\u201D' || c == '\u2019' || c == ')' || c == ']' || c == '\u00BB';
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u0085';
    }

    private static boolean isHorizontalSpace(char c) {
        return !isLineBreak(c) && (Character.isWhitespace(c) || Character.isSpaceChar(c));
    }
}
