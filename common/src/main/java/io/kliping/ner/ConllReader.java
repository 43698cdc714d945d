package io.kliping.ner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a CoNLL-style file: one token per line with whitespace-separated columns (the token
 * first), a blank line between sentences; {@code -DOCSTART-} lines are sentence breaks. Each
 * sentence is handed over as its lines split into columns.
 */
public final class ConllReader {
    private ConllReader() {}

    /** Calls {@code sink} with each sentence (a list of column arrays, one per token). */
    public static void read(BufferedReader in, Consumer<List<String[]>> sink) {
        List<String[]> sentence = new ArrayList<>();
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("-DOCSTART-")) {
                    if (!sentence.isEmpty()) {
                        sink.accept(sentence);
                        sentence = new ArrayList<>();
                    }
                    continue;
                }
                sentence.add(trimmed.split("[\\t ]+"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!sentence.isEmpty()) {
            sink.accept(sentence);
        }
    }

    /** Column {@code fromEnd} counted from the last (0 = last) of every token line. */
    public static List<String> column(List<String[]> sentence, int fromEnd) {
        List<String> out = new ArrayList<>(sentence.size());
        for (String[] cols : sentence) {
            int i = cols.length - 1 - fromEnd;
            out.add(i >= 1 ? cols[i] : "O");
        }
        return out;
    }

    /** The tokens (first column). */
    public static List<String> tokens(List<String[]> sentence) {
        List<String> out = new ArrayList<>(sentence.size());
        for (String[] cols : sentence) {
            out.add(cols[0]);
        }
        return out;
    }
}
