package io.kliping.ner;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kliping.entities.SentenceSplitter;
import io.kliping.text.CommaJoinedParagraphs;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.ml.perceptron.PerceptronModel;
import opennlp.tools.namefind.TokenNameFinderModel;

/**
 * Single-thread harness of the perceptron's per-token evaluation (not a test; no Spark): the
 * feature hashes of every token of the first N articles of a JSON-lines dump are captured once
 * (the shipped model, greedy decoding as {@link GreedyNameFinder} does), then {@link
 * PerceptronTable#eval} is timed over all of them against {@link DenseTable}, the evaluation it
 * replaced (the same dense rows, unpadded, summed into the caller's array outcome by outcome),
 * in alternating rounds in one JVM. Both must give the same probabilities; the checksum line
 * says so.
 *
 * <pre>
 * java -cp common/target/classes:common/target/test-classes:$(cat jobs/target/classpath-test.txt) io.kliping.ner.PerceptronTableBench \
 *   ../shared/data/click-id/articles.jsonl.gz 3000 6
 * </pre>
 */
public final class PerceptronTableBench {
    private PerceptronTableBench() {}

    public static void main(String[] args) throws Exception {
        Path input = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        TokenNameFinderModel model = NameFinderHolder.model("kliping/ner/kliping-ner.bin");
        MaxentModel maxent = (MaxentModel) model.getArtifact("nameFinder.model");
        PerceptronTable table = PerceptronTable.of(maxent);
        DenseTable dense = new DenseTable(maxent);
        Features features = capture(input, n, model, table);
        System.out.printf("articles=%d tokens=%d features=%d (%.1f per token) model_features=%d%n",
            n, features.tokens, features.ends[features.tokens], (double) features.ends[features.tokens]
                / features.tokens, table.size());
        double[] probs = new double[table.numOutcomes()];
        System.out.printf("checksum table=%s row_loop=%s%n", features.checksum(table::eval, probs),
            features.checksum(dense::eval, probs));
        for (int r = 0; r < rounds; r++) {
            for (String layout : new String[] {"table", "row_loop"}) {
                Eval eval = layout.equals("table") ? table::eval : dense::eval;
                long t0 = System.nanoTime();
                features.checksum(eval, probs);
                double ns = (System.nanoTime() - t0) / (double) features.tokens;
                System.out.printf("round=%d eval=%s ns_per_token=%.1f%n", r, layout, ns);
            }
        }
    }

    @FunctionalInterface
    interface Eval {
        void eval(long[] hashes, int n, double[] probs);
    }

    /** The feature hashes of every token, concatenated; token t's are {@code [ends[t], ends[t+1])}. */
    record Features(long[] hashes, int[] ends, int tokens) {
        /** Evaluates every token and sums the best outcome's index and probability. */
        String checksum(Eval eval, double[] probs) {
            long[] buffer = new long[256];
            double sum = 0;
            for (int t = 0; t < tokens; t++) {
                int from = ends[t];
                int count = ends[t + 1] - from;
                if (buffer.length < count) {
                    buffer = new long[count];
                }
                System.arraycopy(hashes, from, buffer, 0, count);
                eval.eval(buffer, count, probs);
                int best = 0;
                for (int o = 1; o < probs.length; o++) {
                    if (probs[o] > probs[best]) {
                        best = o;
                    }
                }
                sum += best + probs[best];
            }
            return Double.toHexString(sum);
        }
    }

    private static Features capture(Path input, int n, TokenNameFinderModel model,
            PerceptronTable table) throws Exception {
        ObjectMapper json = new ObjectMapper();
        HashedNameFeatures hashed =
            new HashedNameFeatures((WordClusters) model.getArtifact(NerTrainer.CLUSTERS));
        MaxentModel maxent = (MaxentModel) model.getArtifact("nameFinder.model");
        String[] outcomes = new String[maxent.getNumOutcomes()];
        for (int o = 0; o < outcomes.length; o++) {
            outcomes[o] = maxent.getOutcome(o);
        }
        FeatureHashSink sink = new FeatureHashSink();
        double[] probs = new double[outcomes.length];
        long[] hashes = new long[1 << 20];
        int[] ends = new int[1 << 16];
        int tokens = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(input)), StandardCharsets.UTF_8))) {
            String line;
            for (int read = 0; read < n && (line = in.readLine()) != null; read++) {
                String text = CommaJoinedParagraphs.split(
                    json.readTree(line).path("content").asText(""));
                int[] starts = SentenceSplitter.sentenceStarts(text);
                for (int s = 0; s < starts.length; s++) {
                    int end = s + 1 < starts.length ? starts[s + 1] : text.length();
                    String[] words = NewsTokenizer.tokenize(text, starts[s], end).strings();
                    hashed.sentence(words);
                    String[] preds = new String[words.length];
                    for (int i = 0; i < words.length; i++) {
                        hashed.context(i, preds, sink);
                        if (tokens + 2 > ends.length) {
                            ends = Arrays.copyOf(ends, ends.length * 2);
                        }
                        int at = ends[tokens];
                        if (at + sink.size() > hashes.length) {
                            hashes = Arrays.copyOf(hashes, hashes.length * 2);
                        }
                        System.arraycopy(sink.hashes(), 0, hashes, at, sink.size());
                        ends[++tokens] = at + sink.size();
                        table.eval(sink.hashes(), sink.size(), probs);
                        int best = 0;
                        for (int o = 1; o < probs.length; o++) {
                            if (probs[o] > probs[best]) {
                                best = o;
                            }
                        }
                        preds[i] = outcomes[best];
                    }
                }
            }
        }
        return new Features(hashes, ends, tokens);
    }

    /** {@link PerceptronTable} as it was before: the sums in the caller's array. */
    static final class DenseTable {
        private final long[] slots;
        private final int mask;
        private final double[] weights;
        private final int numOutcomes;

        @SuppressWarnings("unchecked")
        DenseTable(MaxentModel model) {
            Map<String, Context> predicates =
                (Map<String, Context>) ((PerceptronModel) model).getDataStructures()[1];
            int capacity = Integer.highestOneBit(Math.max(4, predicates.size() * 2)) * 2;
            slots = new long[2 * capacity];
            mask = capacity - 1;
            numOutcomes = model.getNumOutcomes();
            weights = new double[predicates.size() * numOutcomes];
            int row = 0;
            for (Map.Entry<String, Context> e : predicates.entrySet()) {
                long h = FeatureHashSink.hash(e.getKey());
                int pos = position(h);
                while (slots[2 * pos + 1] != 0) {
                    pos = (pos + 1) & mask;
                }
                slots[2 * pos] = h;
                slots[2 * pos + 1] = row + 1L;
                int[] os = e.getValue().getOutcomes();
                double[] ws = e.getValue().getParameters();
                for (int a = 0; a < os.length; a++) {
                    weights[row * numOutcomes + os[a]] = ws[a];
                }
                row++;
            }
        }

        void eval(long[] hashes, int n, double[] probs) {
            int outcomes = numOutcomes;
            Arrays.fill(probs, 0, outcomes, 0d);
            for (int i = 0; i < n; i++) {
                int row = find(hashes[i]);
                if (row >= 0) {
                    int at = row * outcomes;
                    for (int o = 0; o < outcomes; o++) {
                        probs[o] += weights[at + o];
                    }
                }
            }
            PerceptronTable.normalise(probs, outcomes);
        }

        private int find(long hash) {
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
}
