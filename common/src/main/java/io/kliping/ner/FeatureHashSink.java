package io.kliping.ner;

import java.util.Arrays;

/**
 * The 64-bit hashes of one token's feature strings, each hashed while its parts are appended
 * instead of being concatenated into a {@code String} first. A feature appended in parts hashes
 * exactly like the whole string ({@link #hash}), so hashes match the model's predicate strings
 * ({@link PerceptronTable}). Not thread-safe; reused for every token.
 *
 * <p>The hash is a polynomial over the string's UTF-16 units (modulo 2^64, odd multiplier),
 * then a bijective mix: polynomial because the hash of a concatenation follows from the parts'
 * hashes ({@link #put(long, long)}), so a sentence's words are hashed once and each feature costs
 * a few multiplications. (hash4j's streaming hash, tried first, spent 17 % of the extractor's time
 * copying characters to bytes.) Collisions among the model's features are rejected when the table
 * is built, and the tests check that no feature of real text hits another feature's weights.
 */
final class FeatureHashSink {
    /** Odd 64-bit multiplier (the golden-ratio constant). */
    static final long M = 0x9E3779B97F4A7C15L;

    private long h;
    private long[] hashes = new long[64];
    private int size;

    /** The hash of a whole feature string. */
    static long hash(CharSequence feature) {
        return mix(polynomial(feature));
    }

    /** The unmixed polynomial hash of {@code part}, for {@link #put(long, long)}. */
    static long polynomial(CharSequence part) {
        long p = 0;
        for (int i = 0, n = part.length(); i < n; i++) {
            p = p * M + part.charAt(i) + 1;
        }
        return p;
    }

    /** {@code M} to the power {@code length}, for {@link #put(long, long)}. */
    static long power(int length) {
        long p = 1;
        for (int i = 0; i < length; i++) {
            p *= M;
        }
        return p;
    }

    void clear() {
        size = 0;
    }

    /** Starts a feature. */
    FeatureHashSink begin() {
        h = 0;
        return this;
    }

    FeatureHashSink put(CharSequence part) {
        long x = h;
        for (int i = 0, n = part.length(); i < n; i++) {
            x = x * M + part.charAt(i) + 1;
        }
        h = x;
        return this;
    }

    /** Appends {@code part.subSequence(start, end)} without creating it. */
    FeatureHashSink put(String part, int start, int end) {
        long x = h;
        for (int i = start; i < end; i++) {
            x = x * M + part.charAt(i) + 1;
        }
        h = x;
        return this;
    }

    FeatureHashSink put(char c) {
        h = h * M + c + 1;
        return this;
    }

    /**
     * Appends a part known by its {@link #polynomial} and {@link #power} of its length (a word
     * hashed once per sentence).
     */
    FeatureHashSink put(long partPolynomial, long partPower) {
        h = h * partPower + partPolynomial;
        return this;
    }

    /** Ends the feature begun last and keeps its hash. */
    void end() {
        if (size == hashes.length) {
            hashes = Arrays.copyOf(hashes, size * 2);
        }
        hashes[size++] = mix(h);
    }

    /** A whole feature string. */
    void add(String feature) {
        begin().put(feature).end();
    }

    /** A whole feature known by its {@link #hash} (computed once, ahead). */
    void addHash(long featureHash) {
        if (size == hashes.length) {
            hashes = Arrays.copyOf(hashes, size * 2);
        }
        hashes[size++] = featureHash;
    }

    long[] hashes() {
        return hashes;
    }

    int size() {
        return size;
    }

    /** Stafford's mix13 (as in {@code SplittableRandom}): a bijection, so no new collisions. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
