package io.kliping.ner;

import java.util.Arrays;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.namefind.NameContextGenerator;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.SequenceCodec;
import opennlp.tools.util.Span;

/**
 * Left-to-right greedy decoding of an OpenNLP name-finder model: each token gets the most probable
 * outcome that is valid after the previous one (a {@code -cont} only continues a name of its own
 * type). This is what OpenNLP's beam search does with a beam of 1, without its per-step sequence
 * copies and sorting; it evaluates the model once per token instead of up to three times (the
 * default beam of 3), which was most of the entity stage's time, for about the same dev F1
 * (BENCHMARKS.md, "NER").
 *
 * <p>For the shipped feature descriptor and a perceptron model, features are hashed rather than
 * built as strings and looked up in a {@link PerceptronTable} ({@link HashedNameFeatures}): same
 * probabilities, much less work. Any other model goes through OpenNLP's context generator and
 * {@code MaxentModel.eval}.
 *
 * <p>Not thread-safe (reused buffers, the feature generators' caches): one per thread, over a
 * shared model ({@link NameFinderHolder}).
 */
public final class GreedyNameFinder {
    private static final String MODEL_ENTRY = "nameFinder.model";
    private static final Object[] NO_ADDITIONAL_CONTEXT = new Object[0];
    private static final String CONT = "-cont";
    private static final String START = "-start";

    private final MaxentModel model;
    private final NameContextGenerator contexts;
    private final SequenceCodec<String> codec;
    private final String[] outcomes;
    /** For each outcome, the type it continues (the "X" of "X-cont"), else null. */
    private final String[] continues;
    /** For each outcome, the type it opens or continues, else null ("other"). */
    private final String[] types;
    private final double[] probs;
    /** Null: OpenNLP's string features and model evaluation. */
    private final PerceptronTable table;
    private final HashedNameFeatures hashedFeatures;
    private final FeatureHashSink hashes;
    private String[] predicted = new String[64];
    private int[] rows = new int[256];

    /** A finder that hashes features when the model allows ({@link #table}). */
    public GreedyNameFinder(TokenNameFinderModel nameFinderModel) {
        this(nameFinderModel, table(nameFinderModel));
    }

    /**
     * A finder over {@code table} (from {@link #table(TokenNameFinderModel)}, shareable between
     * threads), or over OpenNLP's string features when it is null.
     */
    GreedyNameFinder(TokenNameFinderModel nameFinderModel, PerceptronTable table) {
        Object maxent = nameFinderModel.getArtifact(MODEL_ENTRY);
        if (!(maxent instanceof MaxentModel m)) {
            throw new IllegalArgumentException("not a classifier-based name-finder model: " + maxent);
        }
        this.model = m;
        this.contexts = nameFinderModel.getFactory().createContextGenerator();
        this.codec = nameFinderModel.getSequenceCodec();
        int n = m.getNumOutcomes();
        this.outcomes = new String[n];
        this.continues = new String[n];
        this.types = new String[n];
        for (int i = 0; i < n; i++) {
            String o = m.getOutcome(i);
            outcomes[i] = o;
            if (o.endsWith(CONT)) {
                continues[i] = o.substring(0, o.length() - CONT.length());
                types[i] = continues[i];
            } else if (o.endsWith(START)) {
                types[i] = o.substring(0, o.length() - START.length());
            }
        }
        this.probs = new double[n];
        this.table = table;
        this.hashedFeatures = table == null ? null : new HashedNameFeatures(
            (WordClusters) nameFinderModel.getArtifact(NerTrainer.CLUSTERS));
        this.hashes = table == null ? null : new FeatureHashSink();
    }

    /**
     * The hashed weights of {@code nameFinderModel} when its features are those
     * {@link HashedNameFeatures} implements, its word clusters can be looked up by hash and it is
     * a perceptron, else null.
     */
    static PerceptronTable table(TokenNameFinderModel nameFinderModel) {
        Object maxent = nameFinderModel.getArtifact(MODEL_ENTRY);
        return maxent instanceof MaxentModel m && HashedNameFeatures.describes(nameFinderModel)
            && nameFinderModel.getArtifact(NerTrainer.CLUSTERS) instanceof WordClusters clusters
            && clusters.hashed() ? PerceptronTable.of(m) : null;
    }

    /** Whether this finder hashes features (else it builds OpenNLP's feature strings). */
    boolean hashesFeatures() {
        return table != null;
    }

    /** The hashed weights this finder reads (null: none). */
    PerceptronTable table() {
        return table;
    }

    /** Name spans of one sentence's tokens (token offsets, type set). */
    public Span[] find(String[] tokens) {
        int n = tokens.length;
        if (predicted.length < n) {
            predicted = new String[Math.max(n, predicted.length * 2)];
        }
        String[] preds = predicted;
        if (table != null) {
            hashedFeatures.sentence(tokens);
        }
        int previous = -1;
        for (int i = 0; i < n; i++) {
            if (table != null) {
                hashedFeatures.context(i, preds, hashes);
                if (rows.length < hashes.size()) {
                    rows = new int[Math.max(hashes.size(), 2 * rows.length)];
                }
                table.eval(hashes.hashes(), hashes.size(), probs, rows);
            } else {
                String[] context = contexts.getContext(i, tokens, preds, NO_ADDITIONAL_CONTEXT);
                model.eval(context, probs);
            }
            int best = -1;
            for (int o = 0; o < probs.length; o++) {
                if ((best < 0 || probs[o] > probs[best]) && valid(o, previous)) {
                    best = o;
                }
            }
            preds[i] = outcomes[best];
            previous = best;
        }
        String[] sequence = Arrays.copyOf(preds, n);
        if (table == null) {
            contexts.updateAdaptiveData(tokens, sequence);
        }
        Arrays.fill(preds, 0, n, null);
        return codec.decode(Arrays.asList(sequence));
    }

    /** Forgets what the adaptive feature generators learnt (call at the end of each document). */
    public void clearAdaptiveData() {
        contexts.clearAdaptiveData();
    }

    private boolean valid(int outcome, int previous) {
        String cont = continues[outcome];
        return cont == null || previous >= 0 && cont.equals(types[previous]);
    }
}
