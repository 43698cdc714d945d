package io.kliping.ner;

import java.util.Arrays;
import java.util.Map;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.ml.perceptron.PerceptronModel;

/**
 * The weights of an OpenNLP perceptron model found by the 64-bit hash of a feature string
 * ({@link FeatureHashSink#hash}) in an open-addressing table, one dense row of weights per
 * feature. OpenNLP's {@code PerceptronModel.eval} looks every feature string up in a
 * {@code HashMap<String, Context>}, which needs the strings built and hashed per token and then
 * touches four objects per feature; that was about 40 % of the entity stage. {@link #eval} adds
 * the same weights in the same order (a dense row adds 0.0 for the outcomes a feature has no
 * weight for, which changes no sum) and normalises with the same arithmetic, so its
 * probabilities are bit-identical to OpenNLP's for the same features (tested). Immutable, shared
 * by all threads.
 *
 * <p>Rows are {@value #REGISTER_OUTCOMES} doubles wide (padded with 0.0) when the model has at
 * most that many outcomes (the shipped one has 7: three types, start and continue, and other).
 * {@link #eval} then finds all of a token's rows first, reading each feature's home slot in a loop
 * whose loads do not wait on each other (the table, about 8 MB, lives in L3 or memory, and the
 * probes were cache misses one after another), and sums the rows after, in local variables rather
 * than the caller's array; a feature the model lacks adds a row of zeros. In the entity job the
 * table's share of the samples fell from 28.5 % to 24.2 %; alone, with the table in cache, it is
 * about 1.3x faster per token (BENCHMARKS.md). A packed layout of only the (outcome, weight)
 * pairs a feature has, a quarter of the memory, was slower.
 */
final class PerceptronTable {
    /** Outcomes whose sums {@link #eval} keeps in local variables (rows padded to this width). */
    static final int REGISTER_OUTCOMES = 8;

    /** Per slot: the feature's hash at {@code 2 * slot}, its row + 1 at {@code 2 * slot + 1}. */
    private final long[] slots;
    private final int mask;
    /** Row r: the weights of feature r for every outcome, from {@code r * stride}. */
    private final double[] weights;
    private final int numOutcomes;
    /** Doubles per row: {@link #REGISTER_OUTCOMES} when the sums fit in registers, else numOutcomes. */
    private final int stride;
    private final int size;

    private PerceptronTable(Map<String, Context> predicates, int numOutcomes) {
        int capacity = Integer.highestOneBit(Math.max(4, predicates.size() * 2)) * 2;
        this.slots = new long[2 * capacity];
        this.mask = capacity - 1;
        this.numOutcomes = numOutcomes;
        this.stride = numOutcomes <= REGISTER_OUTCOMES ? REGISTER_OUTCOMES : numOutcomes;
        this.size = predicates.size();
        // one more row of zeros, for the features the model lacks (sumInRegisters)
        this.weights = new double[Math.multiplyExact(size + 1, stride)];
        int row = 0;
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
            slots[2 * pos] = h;
            slots[2 * pos + 1] = row + 1L;
            int[] os = e.getValue().getOutcomes();
            double[] ws = e.getValue().getParameters();
            for (int a = 0; a < os.length; a++) {
                weights[row * stride + os[a]] = ws[a];
            }
            row++;
        }
    }

    /** The table of {@code model}, or null when it is not an OpenNLP perceptron model. */
    @SuppressWarnings("unchecked")
    static PerceptronTable of(MaxentModel model) {
        if (!(model instanceof PerceptronModel perceptron)) {
            return null;
        }
        Map<String, Context> predicates = (Map<String, Context>) perceptron.getDataStructures()[1];
        for (Context c : predicates.values()) {
            if (Arrays.stream(c.getOutcomes()).distinct().count() != c.getOutcomes().length) {
                return null; // OpenNLP would add a repeated outcome's weights one by one
            }
        }
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
     * OpenNLP's {@code PerceptronModel.eval(String[], double[])} computes them.
     */
    void eval(long[] hashes, int n, double[] probs) {
        eval(hashes, n, probs, new int[n]);
    }

    /** {@link #eval(long[], int, double[])} with a caller's buffer of at least n rows. */
    void eval(long[] hashes, int n, double[] probs, int[] rows) {
        int outcomes = numOutcomes;
        if (stride == REGISTER_OUTCOMES) {
            sumInRegisters(hashes, n, probs, rows);
        } else {
            Arrays.fill(probs, 0, outcomes, 0d);
            for (int i = 0; i < n; i++) {
                int row = find(hashes[i]);
                if (row >= 0) {
                    int at = row * stride;
                    for (int o = 0; o < outcomes; o++) {
                        probs[o] += weights[at + o];
                    }
                }
            }
        }
        normalise(probs, outcomes);
    }

    /**
     * OpenNLP's normalisation of weight sums: {@code exp(sum / max(1, max |sum|))}, divided by
     * their total, with the same arithmetic (StrictMath) so the results are bit-identical.
     */
    static void normalise(double[] probs, int outcomes) {
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

    /**
     * The weight sums of {@link #eval} for rows of {@value #REGISTER_OUTCOMES}: each outcome's sum
     * in its own variable, added in feature order as OpenNLP does (a feature the model lacks adds
     * the zero row: adding 0.0 can only turn a -0.0 sum into 0.0, which exp maps to the same 1.0);
     * the first numOutcomes written. The rows are found
     * first and summed after, so the loads of one token's slots and rows overlap.
     */
    private void sumInRegisters(long[] hashes, int n, double[] probs, int[] rows) {
        long[] s = slots;
        // Each feature's home slot first, in a loop whose loads do not wait on each other, so the
        // cache misses overlap; a feature whose home holds another is probed on below.
        for (int i = 0; i < n; i++) {
            long h = hashes[i];
            int at = 2 * position(h);
            long value = s[at + 1];
            rows[i] = s[at] == h && value != 0 ? (int) value - 1 : value == 0 ? size : -1;
        }
        for (int i = 0; i < n; i++) {
            if (rows[i] < 0) {
                int row = find(hashes[i]);
                rows[i] = row < 0 ? size : row;
            }
        }
        double[] w = weights;
        double s0 = 0d;
        double s1 = 0d;
        double s2 = 0d;
        double s3 = 0d;
        double s4 = 0d;
        double s5 = 0d;
        double s6 = 0d;
        double s7 = 0d;
        for (int i = 0; i < n; i++) {
            int at = rows[i] * REGISTER_OUTCOMES;
            s0 += w[at];
            s1 += w[at + 1];
            s2 += w[at + 2];
            s3 += w[at + 3];
            s4 += w[at + 4];
            s5 += w[at + 5];
            s6 += w[at + 6];
            s7 += w[at + 7];
        }
        double[] sums = {s0, s1, s2, s3, s4, s5, s6, s7};
        System.arraycopy(sums, 0, probs, 0, numOutcomes);
    }

    /** The row of a feature hash, -1 when the model has no weights for it. */
    int find(long hash) {
        int pos = position(hash);
        long row;
        while ((row = slots[2 * pos + 1]) != 0) {
            if (slots[2 * pos] == hash) {
                return (int) row - 1;
            }
            pos = (pos + 1) & mask;
        }
        return -1;
    }

    private int position(long hash) {
        return (int) (hash ^ (hash >>> 32)) & mask;
    }
}
