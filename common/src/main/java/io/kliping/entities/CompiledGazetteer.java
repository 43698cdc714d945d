package io.kliping.entities;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.ahocorasick.trie.PayloadTrie;

/**
 * The Aho–Corasick tries of one gazetteer and the matching algorithm over them.
 *
 * <p>Two tries: one over lower-cased keys of the case-insensitive forms (run on the lower-cased
 * text) and one over the exact keys of the case-sensitive forms (run on the text as is), both on
 * the {@link NormalizedText} view. Matches not on whole tokens are dropped, and so are
 * case-insensitive matches written in lower case where every form of the key is capitalised
 * ("bahan baku" is raw material, not Baku; "Korut" may be written "korut" only if the gazetteer
 * lists it so); the rest are resolved longest first (then leftmost), never overlapping, across
 * both tries.
 *
 * <p>Building the tries costs far more than matching an article, so instances are cached per JVM
 * by gazetteer fingerprint: however many deserialised extractor copies a Spark executor holds,
 * each gazetteer is compiled once. Immutable and safe for concurrent use.
 */
final class CompiledGazetteer {

    private static final Map<String, CompiledGazetteer> BY_FINGERPRINT = new ConcurrentHashMap<>();

    private final List<GazetteerEntry> entries;
    private final PayloadTrie<Integer> caseInsensitive;
    private final PayloadTrie<Integer> caseSensitive;

    private CompiledGazetteer(Gazetteer gazetteer) {
        this.entries = gazetteer.entries();
        Map<String, Integer> insensitiveKeys = new LinkedHashMap<>();
        Map<String, Integer> sensitiveKeys = new LinkedHashMap<>();
        Set<String> lowerCaseAllowed = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            GazetteerEntry entry = entries.get(i);
            for (String form : entry.caseInsensitiveForms()) {
                String key = AliasText.lowerCase(AliasText.matchKey(form));
                insensitiveKeys.putIfAbsent(key, i << 1);
                if (!Character.isUpperCase(form.codePointAt(0))) {
                    lowerCaseAllowed.add(key);
                }
            }
            for (String form : entry.caseSensitiveForms()) {
                sensitiveKeys.putIfAbsent(AliasText.matchKey(form), i << 1);
            }
        }
        // Payload: entity index << 1, low bit set when the match must start with a capital.
        insensitiveKeys.replaceAll((key, payload) ->
            lowerCaseAllowed.contains(key) ? payload : payload | 1);
        this.caseInsensitive = buildTrie(insensitiveKeys);
        this.caseSensitive = buildTrie(sensitiveKeys);
    }

    /** The compiled form of {@code gazetteer}, built on first request in this JVM. */
    static CompiledGazetteer of(Gazetteer gazetteer) {
        return BY_FINGERPRINT.computeIfAbsent(gazetteer.fingerprint(), fingerprint -> new CompiledGazetteer(gazetteer));
    }

    private static PayloadTrie<Integer> buildTrie(Map<String, Integer> keys) {
        if (keys.isEmpty()) {
            return null;
        }
        PayloadTrie.PayloadTrieBuilder<Integer> builder = PayloadTrie.builder();
        keys.forEach(builder::addKeyword);
        return builder.build();
    }

    /** Finds the mentions in {@code text}, using {@code scratch} (one per thread) for buffers. */
    List<Mention> find(String text, Scratch scratch) {
        NormalizedText normalized = scratch.normalized;
        normalized.reset(text);
        Candidates candidates = scratch.candidates;
        candidates.clear();
        if (caseInsensitive != null) {
            caseInsensitive.parseText(normalized.lower(), emit -> {
                int payload = emit.getPayload();
                if ((payload & 1) != 0 && Character.isLowerCase(
                        text.codePointAt(normalized.originalOffset(emit.getStart())))) {
                    return false;
                }
                return candidates.addIfWholeTokens(text, normalized, emit.getStart(),
                    emit.getEnd() + 1, payload >>> 1);
            });
        }
        if (caseSensitive != null) {
            caseSensitive.parseText(normalized.exact(), emit -> candidates.addIfWholeTokens(
                    text, normalized, emit.getStart(), emit.getEnd() + 1, emit.getPayload() >>> 1));
        }
        if (candidates.size == 0) {
            return List.of();
        }
        int accepted = candidates.selectLongestNonOverlapping(scratch.occupied);
        int[] sentenceStarts = SentenceSplitter.sentenceStarts(text);
        List<Mention> mentions = new ArrayList<>(accepted);
        for (int k = 0; k < accepted; k++) {
            int c = candidates.accepted[k];
            int start = normalized.originalOffset(candidates.start[c]);
            int end = normalized.originalOffset(candidates.end[c] - 1) + 1;
            GazetteerEntry entry = entries.get(candidates.entity[c]);
            mentions.add(new Mention(entry.id(), entry.name(), entry.type(), text.substring(start, end),
                    SentenceSplitter.sentenceIndexAt(sentenceStarts, start), start, end));
        }
        return mentions;
    }

    /** Per-thread reusable buffers for {@link #find}. */
    static final class Scratch {
        final NormalizedText normalized = new NormalizedText();
        final Candidates candidates = new Candidates();
        final BitSet occupied = new BitSet();
    }

    /**
     * Raw trie hits as parallel primitive arrays (positions in the normalised text, end exclusive),
     * plus the selection step. Sorting uses packed {@code long} keys to stay allocation-free.
     */
    static final class Candidates {
        private static final int MAX_KEY_LENGTH = 0x7FFF;

        int size;
        int[] start = new int[64];
        int[] end = new int[64];
        int[] entity = new int[64];
        /** After selection: accepted candidate indices, ordered by start. */
        int[] accepted = new int[64];
        private long[] keys = new long[64];
        private int[] byStart = new int[64];

        void clear() {
            size = 0;
        }

        boolean addIfWholeTokens(String text, NormalizedText normalized, int from, int to, int entityIndex) {
            int originalStart = normalized.originalOffset(from);
            int originalEnd = normalized.originalOffset(to - 1) + 1;
            if (originalStart > 0 && AliasText.isTokenChar(text.charAt(originalStart - 1))) {
                return false;
            }
            if (originalEnd < text.length() && AliasText.isTokenChar(text.charAt(originalEnd))) {
                return false;
            }
            if (size == start.length) {
                grow();
            }
            start[size] = from;
            end[size] = to;
            entity[size] = entityIndex;
            size++;
            return true;
        }

        /**
         * Keeps the longest candidates first (ties: leftmost), dropping any that overlap one already
         * kept; leaves the kept ones in {@link #accepted} ordered by start and returns their count.
         */
        int selectLongestNonOverlapping(BitSet occupied) {
            // 1. order by start, so that equal lengths below resolve leftmost-first.
            for (int i = 0; i < size; i++) {
                keys[i] = ((long) start[i] << 32) | i;
            }
            Arrays.sort(keys, 0, size);
            for (int i = 0; i < size; i++) {
                byStart[i] = (int) keys[i];
            }
            // 2. stable order by length descending (the low half is the rank by start).
            for (int rank = 0; rank < size; rank++) {
                int c = byStart[rank];
                long shorter = MAX_KEY_LENGTH - (end[c] - start[c]);
                keys[rank] = (shorter << 32) | rank;
            }
            Arrays.sort(keys, 0, size);
            occupied.clear();
            int kept = 0;
            for (int i = 0; i < size; i++) {
                int c = byStart[(int) keys[i]];
                int next = occupied.nextSetBit(start[c]);
                if (next >= 0 && next < end[c]) {
                    continue;
                }
                occupied.set(start[c], end[c]);
                accepted[kept++] = c;
            }
            // 3. report in text order.
            for (int k = 0; k < kept; k++) {
                keys[k] = ((long) start[accepted[k]] << 32) | accepted[k];
            }
            Arrays.sort(keys, 0, kept);
            for (int k = 0; k < kept; k++) {
                accepted[k] = (int) keys[k];
            }
            return kept;
        }

        private void grow() {
            int capacity = start.length * 2;
            start = Arrays.copyOf(start, capacity);
            end = Arrays.copyOf(end, capacity);
            entity = Arrays.copyOf(entity, capacity);
            accepted = Arrays.copyOf(accepted, capacity);
            keys = Arrays.copyOf(keys, capacity);
            byStart = Arrays.copyOf(byStart, capacity);
        }
    }
}
