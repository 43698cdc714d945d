package io.kliping.ner;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.StringUtil;
import opennlp.tools.util.featuregen.FeatureGeneratorUtil;

/**
 * The hashes ({@link FeatureHashSink}) of exactly the feature strings, in the same order, that
 * OpenNLP's name-finder context generator builds from {@code kliping/ner/features.xml} (plus its
 * previous-outcome features), without building the strings: each token is lower-cased and
 * classified once per sentence, and every feature is hashed from those parts. Building the
 * strings was about a third of the entity stage's time. Only valid for that exact descriptor
 * ({@link #describes}); the tests compare every feature with OpenNLP's on real sentences.
 *
 * <p>Not thread-safe (per-sentence buffers): one per {@link GreedyNameFinder}.
 */
final class HashedNameFeatures implements NewsCueFeatures.Sink {
    /** SHA-256 of the feature descriptor this class implements. */
    static final String DESCRIPTOR_SHA256 =
        "7e7a6c6acbb7eee901f21cc10e090c966d166c92cb12212ab6a9faa0b7c5a59b";
    private static final String DESCRIPTOR_ENTRY = "generator.featuregen";
    private static final String OTHER = "other";
    private static final int WINDOW = 2;
    private static final int AFFIX = 4;

    private String[] tokens = new String[0];
    private String[] lower = new String[64];
    private String[] classes = new String[64];
    private String[] rootLower = new String[64];
    /** Per token: polynomial hash and power ({@link FeatureHashSink#put(long, long)}). */
    private long[] tokenHash = new long[64];
    private long[] tokenPower = new long[64];
    private long[] lowerHash = new long[64];
    private long[] lowerPower = new long[64];
    private long[] classHash = new long[64];
    private long[] classPower = new long[64];
    /** Per token: its word clusters, packed ({@link WordClusters#packedClusters}), or -1. */
    private long[] clusterIds = new long[64];
    private final WordClusters clusters;
    /** Per level and cluster: the hash of the feature {@code cl<level>=<id>}. */
    private final long[][] clusterFeatures;
    private FeatureHashSink sink;

    /**
     * Features over {@code clusters}, the model's {@link NerTrainer#CLUSTERS} artifact, which must
     * be {@link WordClusters#hashed()}.
     */
    HashedNameFeatures(WordClusters clusters) {
        if (!clusters.hashed()) {
            throw new IllegalArgumentException("word clusters cannot be looked up by hash");
        }
        this.clusters = clusters;
        int[] levels = clusters.levels();
        this.clusterFeatures = new long[levels.length][];
        for (int l = 0; l < levels.length; l++) {
            clusterFeatures[l] = new long[levels[l]];
            String prefix = WordClusterFeatures.prefix(levels[l]);
            for (int id = 0; id < levels[l]; id++) {
                clusterFeatures[l][id] = FeatureHashSink.hash(prefix + id);
            }
        }
    }

    /** Whether {@code model} was trained with the descriptor this class implements. */
    static boolean describes(TokenNameFinderModel model) {
        Object descriptor = model.getArtifact(DESCRIPTOR_ENTRY);
        return descriptor instanceof byte[] bytes && DESCRIPTOR_SHA256.equals(sha256(bytes));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts a sentence: lower-cases, classifies and hashes each token once. */
    void sentence(String[] sentenceTokens) {
        int n = sentenceTokens.length;
        if (lower.length < n) {
            int size = Math.max(n, lower.length * 2);
            lower = new String[size];
            classes = new String[size];
            rootLower = new String[size];
            tokenHash = new long[size];
            tokenPower = new long[size];
            lowerHash = new long[size];
            lowerPower = new long[size];
            classHash = new long[size];
            classPower = new long[size];
            clusterIds = new long[size];
        }
        tokens = sentenceTokens;
        for (int i = 0; i < n; i++) {
            lower[i] = StringUtil.toLowerCase(sentenceTokens[i]);
            classes[i] = FeatureGeneratorUtil.tokenFeature(sentenceTokens[i]);
            tokenHash[i] = FeatureHashSink.polynomial(sentenceTokens[i]);
            tokenPower[i] = FeatureHashSink.power(sentenceTokens[i].length());
            lowerHash[i] = FeatureHashSink.polynomial(lower[i]);
            lowerPower[i] = FeatureHashSink.power(lower[i].length());
            classHash[i] = FeatureHashSink.polynomial(classes[i]);
            classPower[i] = FeatureHashSink.power(classes[i].length());
            clusterIds[i] = clusters.packedClusters(FeatureHashSink.mix(lowerHash[i]));
        }
        java.util.Arrays.fill(rootLower, 0, n, null);
    }

    /**
     * Replaces {@code out}'s hashes with those of token {@code i}'s context, given the outcomes
     * {@code preds[0 .. i)} of the tokens before it.
     */
    void context(int i, String[] preds, FeatureHashSink out) {
        sink = out;
        out.clear();
        int n = tokens.length;
        // WindowFeatureGenerator(2, 2) over TokenClassFeatureGenerator(wordAndClass = true)
        tokenClassFeatures(' ', 0, i);
        for (int k = 1; k <= WINDOW && i - k >= 0; k++) {
            tokenClassFeatures('p', k, i - k);
        }
        for (int k = 1; k <= WINDOW && i + k < n; k++) {
            tokenClassFeatures('n', k, i + k);
        }
        // WindowFeatureGenerator(2, 2) over TokenFeatureGenerator(lowercase = true)
        window(' ', 0).put("w=");
        lower(i).end();
        for (int k = 1; k <= WINDOW && i - k >= 0; k++) {
            window('p', k).put("w=");
            lower(i - k).end();
        }
        for (int k = 1; k <= WINDOW && i + k < n; k++) {
            window('n', k).put("w=");
            lower(i + k).end();
        }
        // PrefixFeatureGenerator, SuffixFeatureGenerator (4 characters)
        String token = tokens[i];
        int len = token.length();
        int affixes = Math.min(AFFIX, len);
        for (int a = 0; a < affixes; a++) {
            out.begin().put("pre=").put(token, 0, a + 1).end();
        }
        for (int a = 0; a < affixes; a++) {
            out.begin().put("suf=").put(token, Math.max(len - a - 1, 0), len).end();
        }
        // DefinitionFeatureGenerator
        out.add("def");
        // SentenceBigramFeatures
        if (i > 0) {
            out.begin().put("pw,w=");
            word(i - 1).put(',');
            word(i).end();
            out.begin().put("pwc,wc=");
            tokenClass(i - 1).put(',');
            tokenClass(i).end();
        }
        if (i + 1 < n) {
            out.begin().put("w,nw=");
            word(i).put(',');
            word(i + 1).end();
            out.begin().put("wc,nc=");
            tokenClass(i).put(',');
            tokenClass(i + 1).end();
        }
        // SentenceFeatureGenerator(begin = true, end = false)
        if (i == 0) {
            out.add("S=begin");
        }
        // NewsCueFeatures
        NewsCueFeatures.cues(tokens, rootLower, i, this);
        // WordClusterFeatures
        long packed = clusterIds[i];
        if (packed >= 0) {
            for (int l = 0; l < clusterFeatures.length; l++) {
                out.addHash(clusterFeatures[l][clusters.cluster(packed, l)]);
            }
        }
        // DefaultNameContextGenerator: previous outcomes
        String po = i > 0 ? preds[i - 1] : OTHER;
        String ppo = i > 1 ? preds[i - 2] : OTHER;
        out.begin().put("po=").put(po).end();
        out.begin().put("pow=").put(po).put(',');
        word(i).end();
        out.begin().put("powf=").put(po).put(',');
        tokenClass(i).end();
        out.begin().put("ppo=").put(ppo).end();
    }

    @Override
    public void feature(String name, String value) {
        sink.begin().put(name);
        if (value != null) {
            sink.put(value);
        }
        sink.end();
    }

    private void tokenClassFeatures(char side, int k, int j) {
        window(side, k).put("wc=");
        tokenClass(j).end();
        window(side, k).put("w&c=");
        lower(j).put(',');
        tokenClass(j).end();
    }

    /** Begins a feature of the window position {@code side}{@code k} ("p1", "n2"; none for 0). */
    private FeatureHashSink window(char side, int k) {
        sink.begin();
        if (k > 0) {
            sink.put(side).put((char) ('0' + k));
        }
        return sink;
    }

    private FeatureHashSink word(int j) {
        return sink.put(tokenHash[j], tokenPower[j]);
    }

    private FeatureHashSink lower(int j) {
        return sink.put(lowerHash[j], lowerPower[j]);
    }

    private FeatureHashSink tokenClass(int j) {
        return sink.put(classHash[j], classPower[j]);
    }
}
