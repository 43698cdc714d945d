package io.kliping.ner;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Span-level precision, recall and F1 per entity type and micro-averaged, as CoNLL's conlleval
 * computes them: a predicted span counts only if its boundaries and type equal a gold span.
 * Types are renamed through a map first (NERGrit's PLACE is LOCATION), so data sets with other
 * label names can be scored against the pipeline's PERSON/ORGANIZATION/LOCATION.
 */
public final class SpanScorer {

    /** Counts of one type (or of all, for the micro average). */
    public static final class Counts {
        long gold;
        long predicted;
        long correct;

        public long gold() { return gold; }
        public long predicted() { return predicted; }
        public long correct() { return correct; }

        public double precision() { return predicted == 0 ? 0 : (double) correct / predicted; }
        public double recall() { return gold == 0 ? 0 : (double) correct / gold; }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    private final Map<String, String> typeMap;
    private final Map<String, Counts> byType = new TreeMap<>();
    private final Counts micro = new Counts();
    private long sentences;
    private long tokens;

    public SpanScorer(Map<String, String> typeMap) {
        this.typeMap = Map.copyOf(typeMap);
    }

    /** Adds one sentence: gold and predicted BIO tags, one per token. */
    public void add(List<String> gold, List<String> predicted) {
        if (gold.size() != predicted.size()) {
            throw new IllegalArgumentException("gold has " + gold.size() + " tags, predicted "
                + predicted.size());
        }
        sentences++;
        tokens += gold.size();
        Set<Span> g = mapped(Span.fromBio(gold));
        Set<Span> p = mapped(Span.fromBio(predicted));
        for (Span s : g) {
            counts(s.type()).gold++;
            micro.gold++;
        }
        for (Span s : p) {
            counts(s.type()).predicted++;
            micro.predicted++;
            if (g.contains(s)) {
                counts(s.type()).correct++;
                micro.correct++;
            }
        }
    }

    private Set<Span> mapped(List<Span> spans) {
        Set<Span> out = new HashSet<>();
        for (Span s : spans) {
            out.add(new Span(s.start(), s.end(), typeMap.getOrDefault(s.type(), s.type())));
        }
        return out;
    }

    private Counts counts(String type) {
        return byType.computeIfAbsent(type, t -> new Counts());
    }

    public Map<String, Counts> byType() { return byType; }

    public Counts micro() { return micro; }

    /** A conlleval-like report: one line per type, then the micro average. */
    public String report() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "sentences %d, tokens %d, gold spans %d, predicted %d,"
            + " correct %d%n", sentences, tokens, micro.gold, micro.predicted, micro.correct));
        sb.append(String.format(Locale.ROOT, "%-14s %9s %9s %9s %7s %7s%n",
            "type", "precision", "recall", "f1", "gold", "pred"));
        byType.forEach((type, c) -> line(sb, type, c));
        line(sb, "micro", micro);
        return sb.toString();
    }

    private static void line(StringBuilder sb, String name, Counts c) {
        sb.append(String.format(Locale.ROOT, "%-14s %9.4f %9.4f %9.4f %7d %7d%n",
            name, c.precision(), c.recall(), c.f1(), c.gold, c.predicted));
    }

    /** Parses {@code PLACE=LOCATION,ORGANISATION=ORGANIZATION}; blank gives an empty map. */
    public static Map<String, String> parseMap(String spec) {
        Map<String, String> map = new TreeMap<>();
        if (spec == null || spec.isBlank()) {
            return map;
        }
        for (String pair : spec.split(",")) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new IllegalArgumentException("bad type mapping '" + pair + "', want FROM=TO");
            }
            map.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return map;
    }
}
