package io.kliping.ner;

import java.util.Arrays;
import java.util.Map;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.ml.perceptron.PerceptronModel;

/**
 * The weights of an OpenNLP perceptron model found by the 64-bit hash of a feature string
 * ({@link FeatureHashSink#hash}) in an open-addressing table. OpenNLP's
 * {@code PerceptronModel.eval} looks every feature string up in a {@code HashMap<String,
 * Context>}, which needs the strings built and hashed per token and then touches four objects per
 * feature; that was about 40 % of the entity stage. Here a feature's slot holds its hash and where
 * its (outcome, weight) pairs lie in one packed array, in OpenNLP's order, so a feature the model
 * knows costs the slot and one short run of that array (2.6 pairs on average for the shipped model,
 * against a dense row of every outcome before: the table probes are memory-bound). {@link #eval}
 * adds the same weights in the same order and normalises with the same arithmetic, so its
 * probabilities are bit-identical to OpenNLP's for the same features (tested). Immutable, shared
 * by all threads.
 */
final class PerceptronTable {
    /**
     * Per slot: the feature's hash at {@code 2 * slot}; at {@code 2 * slot + 1} 0 when the slot is
     * empty, else the feature's first pair index in the high 32 bits and its end + 1 in the low.
     */
    private final long[] slots;
    private final int mask;
    /** Pair k: the outcome at {@code 2 * k} (a small integer, exact as a double), the weight after. */
    private final double[] pairs;
    private final int numOutcomes;
    private final int size;

    private PerceptronTable(Map<String, Context> predicates, int numOutcomes) {
        int capacity = Integer.highestOneBit(Math.max(4, predicates.size() * 2)) * 2;
        this.slots = new long[2 * capacity];
        this.mask = capacity - 1;
        this.numOutcomes = numOutcomes;
        this.size = predicates.size();
        long pairCount = 0;
        for (Context c : predicates.values()) {
            pairCount += c.getOutcomes().length;
        }
        this.pairs = new double[Math.toIntExact(2 * pairCount)];
        int next = 0;
        for (Map.Entry<String, Context> e : predicates.entrySet()) {
            long h = FeatureHashSink.hash(e.getKey());
            int pos = position(h);
            while (slots[2 * pos + 1] != 0) {
                if (slots[2 * pos] == h) {
                    throw new IllegalStateException("two model features with one 64-bit hash: "
                        + e.getKey());
                }
                pos = (pos + 1) & mask;
            }
            int[] os = e.getValue().getOutcomes();
            double[] ws = e.getValue().getParameters();
            int first = next;
            for (int a = 0; a < os.length; a++) {
                pairs[2 * next] = os[a];
                pairs[2 * next + 1] = ws[a];
                next++;
            }
            slots[2 * pos] = h;
            slots[2 * pos + 1] = ((long) first << 32) | (next + 1L);
        }
    }

    /** The table of {@code model}, or null when it is not an OpenNLP perceptron model. */
    @SuppressWarnings("unchecked")
    static PerceptronTable of(MaxentModel model) {
        if (!(model instanceof PerceptronModel perceptron)) {
            return null;
        }
        Map<String, Context> predicates = (Map<String, Context>) perceptron.getDataStructures()[1];
        return new PerceptronTable(predicates, perceptron.getNumOutcomes());
    }

    int numOutcomes() {
        return numOutcomes;
    }

    /** Number of features the model has weights for. */
    int size() {
        return size;
    }

    /**
     * Outcome probabilities of the features {@code hashes[0 .. n)} into {@code probs}, as
     * OpenNLP's {@code PerceptronModel.eval(String[], double[])} computes them: each known
     * feature's weights added in feature order (a repeated outcome of one feature as often as it
     * is listed), then {@code exp(sum / max(1, max |sum|))} normalised.
     */
    void eval(long[] hashes, int n, double[] probs) {
        int outcomes = numOutcomes;
        Arrays.fill(probs, 0, outcomes, 0d);
        double[] p = pairs;
        for (int i = 0; i < n; i++) {
            long run = lookup(hashes[i]);
            if (run != 0) {
                int end = 2 * ((int) run - 1);
                for (int k = 2 * (int) (run >>> 32); k < end; k += 2) {
                    probs[(int) p[k]] += p[k + 1];
                }
            }
        }
        double max = 1;
        for (int o = 0; o < outcomes; o++) {
            if (max < StrictMath.abs(probs[o])) {
                max = StrictMath.abs(probs[o]);
            }
        }
        double normal = 0;
        for (int o = 0; o < outcomes; o++) {
            probs[o] = StrictMath.exp(probs[o] / max);
            normal += probs[o];
        }
        for (int o = 0; o < outcomes; o++) {
            probs[o] /= normal;
        }
    }

    /** Whether the model has weights for a feature hash. */
    boolean contains(long hash) {
        return lookup(hash) != 0;
    }

    /** The slot value of a feature hash (first pair and end + 1), 0 when the model lacks it. */
    private long lookup(long hash) {
        int pos = position(hash);
        long run;
        while ((run = slots[2 * pos + 1]) != 0) {
            if (slots[2 * pos] == hash) {
                return run;
            }
            pos = (pos + 1) & mask;
        }
        return 0;
    }

    private int position(long hash) {
        return (int) (hash ^ (hash >>> 32)) & mask;
    }
}
