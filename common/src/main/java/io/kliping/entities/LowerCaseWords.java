package io.kliping.entities;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * Words that news writes in lower case when they are not the first word of a sentence
 * ("setiap", "demi", "lima", "politik"), counted from unlabelled text.
 *
 * <p>A capital at the start of a sentence says nothing about a word, so a one-word name found
 * there is doubtful when the word is ordinarily lower case: "Setiap orang …" (every), "Lima
 * orang tewas" (five, not Peru's capital). {@link SentenceInitialWordFilter} drops such mentions.
 * Names never qualify, however short: "Jokowi" and "Indonesia" are capitalised wherever they
 * stand.
 *
 * <p>Text format: a header line {@value #HEADER}, then one lower-cased word per line, sorted.
 * Immutable; {@link #resource} loads a classpath resource once per JVM.
 */
public final class LowerCaseWords {
    /** First line of the file format. */
    public static final String HEADER = "#kliping-lowercase-words 1";

    private static final Map<String, LowerCaseWords> BY_RESOURCE = new ConcurrentHashMap<>();

    private final Set<String> words;

    private LowerCaseWords(Set<String> words) {
        this.words = Set.copyOf(words);
    }

    /** Whether {@code word}, in any case, is ordinarily written in lower case. */
    public boolean contains(String word) {
        return words.contains(word.toLowerCase(Locale.ROOT));
    }

    public int size() {
        return words.size();
    }

    /** Reads the text format (not gzip; see {@link #resource} for that). */
    public static LowerCaseWords read(InputStream in) throws IOException {
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String header = reader.readLine();
        if (!HEADER.equals(header)) {
            throw new IOException("not a lower-case word list (first line must be '" + HEADER
                + "'): " + header);
        }
        Set<String> words = new TreeSet<>();
        String line;
        while ((line = reader.readLine()) != null) {
            if (!line.isBlank()) {
                words.add(line.strip());
            }
        }
        return new LowerCaseWords(words);
    }

    /** Writes the text format: the header, then the words sorted, one per line. */
    public void write(OutputStream out) throws IOException {
        Writer writer = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write(HEADER);
        writer.write('\n');
        for (String w : new TreeSet<>(words)) {
            writer.write(w);
            writer.write('\n');
        }
        writer.flush();
    }

    /**
     * The list at classpath {@code resource} (gunzipped when it ends in {@code .gz}), read once
     * per JVM; fails with the resource's name when it is missing or malformed.
     */
    public static LowerCaseWords resource(String resource) {
        return BY_RESOURCE.computeIfAbsent(resource, LowerCaseWords::load);
    }

    private static LowerCaseWords load(String resource) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader() != null
            ? Thread.currentThread().getContextClassLoader()
            : LowerCaseWords.class.getClassLoader();
        try (InputStream raw = loader.getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalArgumentException(
                    "lower-case word list not on the classpath: " + resource);
            }
            return read(resource.endsWith(".gz") ? new GZIPInputStream(raw) : raw);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read lower-case word list " + resource, e);
        }
    }

    /**
     * Counts, over tokenised sentences, how often each word is written in lower case and how
     * often capitalised inside a sentence, and how often it opens one. Order-independent.
     */
    public static final class Counter {
        private static final int LOWER = 0;
        private static final int UPPER = 1;
        private static final int OPENING = 2;

        /** Per lower-cased word: inside a sentence in lower case, capitalised; openings. */
        private final Map<String, int[]> counts = new HashMap<>();

        /**
         * Counts one sentence's tokens: the first word-like token as an opening (when
         * capitalised), the others by their case.
         */
        public void add(String[] tokens) {
            boolean first = true;
            for (String token : tokens) {
                if (token.isEmpty() || !Character.isLetter(token.codePointAt(0))) {
                    continue;
                }
                int c = token.codePointAt(0);
                int which = Character.isLowerCase(c) ? LOWER : Character.isUpperCase(c) ? UPPER : -1;
                if (first) {
                    first = false;
                    which = which == UPPER ? OPENING : -1;
                }
                if (which >= 0) {
                    counts.computeIfAbsent(token.toLowerCase(Locale.ROOT), k -> new int[3])[which]++;
                }
            }
        }

        /**
         * The words seen at least {@code minCount} times (inside sentences) and written in lower
         * case at least {@code minLowerShare} of them; no opening words.
         */
        public LowerCaseWords build(int minCount, double minLowerShare) {
            return build(minCount, minLowerShare, Integer.MAX_VALUE);
        }

        /**
         * As {@link #build(int, double)}, and also the <em>opening words</em>: words that open
         * at least {@code minOpenings} sentences, are written in lower case inside a sentence at
         * least once and never capitalised there. Connectives such as "Alhasil," (as a result)
         * almost always open a sentence, so the inside count alone rarely reaches {@code
         * minCount}; a name that opens that many sentences is capitalised inside others.
         */
        public LowerCaseWords build(int minCount, double minLowerShare, int minOpenings) {
            if (minCount < 1 || !(minLowerShare > 0 && minLowerShare <= 1) || minOpenings < 1) {
                throw new IllegalArgumentException(
                    "need minCount >= 1, 0 < minLowerShare <= 1 and minOpenings >= 1");
            }
            Set<String> words = new TreeSet<>();
            counts.forEach((word, c) -> {
                int inside = c[LOWER] + c[UPPER];
                boolean lowerInside = inside >= minCount && c[LOWER] >= minLowerShare * inside;
                boolean opening = c[OPENING] >= minOpenings && c[LOWER] > 0 && c[UPPER] == 0;
                if (lowerInside || opening) {
                    words.add(word);
                }
            });
            return new LowerCaseWords(words);
        }
    }

    @Override
    public String toString() {
        return "LowerCaseWords[" + words.size() + " words]";
    }
}
