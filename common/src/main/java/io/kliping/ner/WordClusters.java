package io.kliping.ner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import opennlp.tools.util.InvalidFormatException;
import opennlp.tools.util.model.ArtifactSerializer;
import opennlp.tools.util.model.SerializableArtifact;

/**
 * Word clusters at several granularities ({@link WordClusterer}, one run per level), the
 * resource behind {@link WordClusterFeatures}. Stored inside the name-finder model, so nothing
 * else is read at run time. Text form: a header {@code #kliping-word-clusters 64 256 1024} naming
 * the levels, then one line per lower-cased word, {@code word id id id}, space-separated.
 *
 * <p>OpenNLP's own {@code WordClusterDictionary} holds one level and its serialiser closes the
 * model's zip stream (2.5.4), so a model with it cannot be written.
 *
 * <p>Besides the string map (OpenNLP's feature path), the words are kept by their 64-bit feature
 * hash with their ids packed into one {@code long} ({@link #packedClusters}): the hashed name
 * features already have every token's hash, and one probe of a primitive table cost half of what
 * the map's string probes did in the entity job (BENCHMARKS.md).
 */
public final class WordClusters implements SerializableArtifact {
    static final String HEADER = "#kliping-word-clusters";
    private static final Pattern SPACE = Pattern.compile(" ");

    private final int[] levels;
    private final Map<String, int[]> ids;
    /** Bits of each level's cluster id in a packed value, and where they start. */
    private final int[] bits;
    private final int[] shifts;
    /**
     * The words by their 64-bit feature hash ({@link FeatureHashSink#hash}) in an open-addressing
     * table: the hash at {@code 2 * slot}, the packed cluster ids at {@code 2 * slot + 1} (-1:
     * empty). Null when the ids do not fit in 63 bits or two words share a hash.
     */
    private final long[] hashed;
    private final int hashedMask;

    /** {@code ids}: per lower-cased word, its cluster at each of {@code levels}. */
    public WordClusters(int[] levels, Map<String, int[]> ids) {
        this.levels = levels.clone();
        this.ids = Map.copyOf(ids);
        for (Map.Entry<String, int[]> e : this.ids.entrySet()) {
            int[] row = e.getValue();
            if (row.length != levels.length) {
                throw new IllegalArgumentException("word '" + e.getKey() + "' has "
                    + row.length + " cluster ids for " + levels.length + " levels");
            }
            for (int l = 0; l < row.length; l++) {
                if (row[l] < 0 || row[l] >= levels[l]) {
                    throw new IllegalArgumentException("word '" + e.getKey() + "': cluster "
                        + row[l] + " outside level " + levels[l]);
                }
            }
        }
        this.bits = new int[levels.length];
        this.shifts = new int[levels.length];
        int total = 0;
        for (int l = 0; l < levels.length; l++) {
            bits[l] = 32 - Integer.numberOfLeadingZeros(Math.max(0, levels[l] - 1));
            shifts[l] = total;
            total += bits[l];
        }
        int capacity = Integer.highestOneBit(Math.max(4, this.ids.size() * 2)) * 2;
        this.hashedMask = capacity - 1;
        this.hashed = total <= 63 ? hashTable(capacity) : null;
    }

    /** The words' table by hash (see {@link #hashed}), or null when two words share a hash. */
    private long[] hashTable(int capacity) {
        long[] table = new long[2 * capacity];
        Arrays.fill(table, -1L);
        for (Map.Entry<String, int[]> e : ids.entrySet()) {
            long hash = FeatureHashSink.hash(e.getKey());
            int pos = position(hash);
            while (table[2 * pos + 1] != -1L) {
                if (table[2 * pos] == hash) {
                    return null;
                }
                pos = (pos + 1) & hashedMask;
            }
            long packed = 0;
            int[] row = e.getValue();
            for (int l = 0; l < row.length; l++) {
                packed |= (long) row[l] << shifts[l];
            }
            table[2 * pos] = hash;
            table[2 * pos + 1] = packed;
        }
        return table;
    }

    private int position(long hash) {
        return (int) (hash ^ (hash >>> 32)) & hashedMask;
    }

    /**
     * Whether words can be looked up by hash ({@link #packedClusters}): true unless the levels
     * need more than 63 bits together or two words share a 64-bit hash.
     */
    boolean hashed() {
        return hashed != null;
    }

    /**
     * The cluster ids, packed, of the lower-cased word whose {@link FeatureHashSink#hash} is
     * {@code hash}, or -1 when unseen (read them with {@link #cluster}). One probe of a primitive
     * table instead of a string map's: no string hashed or compared, no object followed. Only
     * when {@link #hashed()}.
     */
    long packedClusters(long hash) {
        long[] table = hashed;
        int pos = position(hash);
        long packed;
        while ((packed = table[2 * pos + 1]) != -1L) {
            if (table[2 * pos] == hash) {
                return packed;
            }
            pos = (pos + 1) & hashedMask;
        }
        return -1L;
    }

    /** The cluster id at {@code level} of a {@link #packedClusters} value. */
    int cluster(long packed, int level) {
        return (int) (packed >>> shifts[level]) & ((1 << bits[level]) - 1);
    }

    /** The cluster counts of the levels, in order. */
    public int[] levels() {
        return levels.clone();
    }

    /** The clusters of a lower-cased word, one per level (do not modify), or null if unseen. */
    public int[] lookup(String lowerCaseWord) {
        return ids.get(lowerCaseWord);
    }

    public int size() {
        return ids.size();
    }

    /** Reads the text form (closes nothing). */
    public static WordClusters read(InputStream in) throws IOException {
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String header = reader.readLine();
        if (header == null || !header.startsWith(HEADER + " ")) {
            throw new InvalidFormatException("word clusters must start with '" + HEADER
                + " LEVEL...', found: " + header);
        }
        int[] levels;
        try {
            levels = SPACE.splitAsStream(header.substring(HEADER.length() + 1))
                .mapToInt(Integer::parseInt).toArray();
        } catch (NumberFormatException e) {
            throw new InvalidFormatException("word clusters: bad levels in header: " + header);
        }
        Map<String, int[]> ids = new HashMap<>();
        String line;
        int lineNumber = 1;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            String[] parts = SPACE.split(line);
            if (parts.length != levels.length + 1) {
                throw new InvalidFormatException("word clusters line " + lineNumber
                    + ": expected a word and " + levels.length + " ids: " + line);
            }
            int[] row = new int[levels.length];
            try {
                for (int i = 0; i < row.length; i++) {
                    row[i] = Integer.parseInt(parts[i + 1]);
                }
            } catch (NumberFormatException e) {
                throw new InvalidFormatException("word clusters line " + lineNumber
                    + ": not a cluster number: " + line);
            }
            ids.put(parts[0], row);
        }
        try {
            return new WordClusters(levels, ids);
        } catch (IllegalArgumentException e) {
            throw new InvalidFormatException("word clusters: " + e.getMessage());
        }
    }

    /** Writes the text form, words sorted (so the bytes depend only on the content). */
    public void write(OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        StringBuilder line = new StringBuilder(HEADER);
        for (int level : levels) {
            line.append(' ').append(level);
        }
        w.write(line.append('\n').toString());
        String[] words = ids.keySet().toArray(String[]::new);
        Arrays.sort(words);
        for (String word : words) {
            line.setLength(0);
            line.append(word);
            for (int id : ids.get(word)) {
                line.append(' ').append(id);
            }
            w.write(line.append('\n').toString());
        }
        w.flush(); // not close(): the stream is the model's zip entry
    }

    @Override
    public Class<?> getArtifactSerializerClass() {
        return Serializer.class;
    }

    /** Reads and writes the clusters as a model artifact. */
    public static final class Serializer implements ArtifactSerializer<WordClusters> {
        @Override
        public WordClusters create(InputStream in) throws IOException {
            return read(in);
        }

        @Override
        public void serialize(WordClusters artifact, OutputStream out) throws IOException {
            artifact.write(out);
        }
    }
}
