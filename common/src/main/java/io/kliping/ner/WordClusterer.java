package io.kliping.ner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Groups words that occur in similar contexts (Brown-cluster style features for the name finder,
 * which sees only two small annotated sets): every frequent lower-cased word is described by its
 * left and right neighbours among the {@code contextWords} most frequent words, weighted by
 * positive pointwise mutual information, and the vectors are grouped by spherical k-means. Plain
 * Java over an unlabelled corpus, single-threaded and deterministic: the same sentences, in any
 * order, give the same clusters (words ranked by frequency, then by the word itself; seeds drawn
 * from a fixed random seed).
 *
 * <p>Cost: one pass to count words, one to collect neighbour pairs (two {@code long}s per token,
 * sorted), then per iteration {@code words x nonZeros x k} multiply-adds.
 */
public final class WordClusterer {
    /** Sentence boundary, a context of its own ("the word opens a sentence"). */
    private static final String BOUNDARY = "\u0000";
    /** The default seeding's random seed: fixed, so the same corpus gives the same clusters. */
    public static final long SEED = 20261202L;

    /**
     * Options: the words seen at least {@code minCount} times (at most {@code maxWords}, the most
     * frequent), described by their neighbours among the {@code contextWords} most frequent,
     * grouped by {@code iterations} rounds of k-means at most, seeded from {@code seed} (another
     * seed gives another, equally reasonable clustering of the same corpus).
     */
    public record Options(int minCount, int maxWords, int contextWords, int iterations, long seed) {
        public Options {
            if (minCount < 1 || maxWords < 1 || contextWords < 1 || iterations < 1) {
                throw new IllegalArgumentException("invalid clustering options: " + this);
            }
        }

        /** Options with the default seed ({@link #SEED}). */
        public Options(int minCount, int maxWords, int contextWords, int iterations) {
            this(minCount, maxWords, contextWords, iterations, SEED);
        }
    }

    private final Options options;
    private final Map<String, int[]> counts = new HashMap<>();
    private final List<String[]> sentences = new ArrayList<>();

    public WordClusterer(Options options) {
        this.options = options;
    }

    /** Adds one sentence (or any run of tokens); tokens are lower-cased. */
    public void add(String[] tokens) {
        String[] lower = new String[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            lower[i] = opennlp.tools.util.StringUtil.toLowerCase(tokens[i]);
            counts.computeIfAbsent(lower[i], w -> new int[1])[0]++;
        }
        sentences.add(lower);
    }

    /**
     * The clusters of every word kept (see {@link Options}) at each of {@code levels} (cluster
     * counts, each at least 2): one k-means run per level over the same vectors. Cluster numbers
     * follow the order of each cluster's most frequent word, so they are stable for the same
     * input.
     */
    public WordClusters cluster(int... levels) {
        for (int level : levels) {
            if (level < 2) {
                throw new IllegalArgumentException("a level needs at least 2 clusters: " + level);
            }
        }
        List<String> vocabulary = new ArrayList<>();
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            if (e.getValue()[0] >= options.minCount()) {
                vocabulary.add(e.getKey());
            }
        }
        vocabulary.sort((a, b) -> {
            int c = Integer.compare(counts.get(b)[0], counts.get(a)[0]);
            return c != 0 ? c : a.compareTo(b);
        });
        if (vocabulary.size() > options.maxWords()) {
            vocabulary = new ArrayList<>(vocabulary.subList(0, options.maxWords()));
        }
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < vocabulary.size(); i++) {
            rank.put(vocabulary.get(i), i);
        }
        int contexts = Math.min(options.contextWords(), vocabulary.size());
        int dims = 2 * (contexts + 1); // left and right neighbour, boundary last on each side
        SparseRows rows = contextVectors(vocabulary.size(), rank, contexts, dims);
        Map<String, int[]> ids = new HashMap<>();
        for (String word : vocabulary) {
            ids.put(word, new int[levels.length]);
        }
        for (int l = 0; l < levels.length; l++) {
            int k = Math.min(levels[l], vocabulary.size());
            int[] assignment = sphericalKMeans(rows, dims, k);
            int[] renumber = new int[k];
            Arrays.fill(renumber, -1);
            int next = 0;
            for (int w = 0; w < vocabulary.size(); w++) {
                int c = assignment[w];
                if (renumber[c] < 0) {
                    renumber[c] = next++;
                }
                ids.get(vocabulary.get(w))[l] = renumber[c];
            }
        }
        return new WordClusters(levels, ids);
    }

    /** Rows of L2-normalised PPMI weights over neighbour contexts, one per vocabulary word. */
    private SparseRows contextVectors(int words, Map<String, Integer> rank, int contexts,
            int dims) {
        long[] pairs = new long[1024];
        int n = 0;
        for (String[] s : sentences) {
            for (int i = 0; i < s.length; i++) {
                Integer w = rank.get(s[i]);
                if (w == null) {
                    continue;
                }
                int left = contextIndex(i > 0 ? s[i - 1] : BOUNDARY, rank, contexts);
                int right = contextIndex(i + 1 < s.length ? s[i + 1] : BOUNDARY, rank, contexts);
                if (n + 2 > pairs.length) {
                    pairs = Arrays.copyOf(pairs, pairs.length * 2);
                }
                if (left >= 0) {
                    pairs[n++] = (long) w * dims + left;
                }
                if (right >= 0) {
                    pairs[n++] = (long) w * dims + contexts + 1 + right;
                }
            }
        }
        Arrays.sort(pairs, 0, n);
        // distinct (word, context) cells with their counts
        int cells = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || pairs[i] != pairs[i - 1]) {
                cells++;
            }
        }
        int[] cellWord = new int[cells];
        int[] cellDim = new int[cells];
        float[] cellCount = new float[cells];
        int c = -1;
        for (int i = 0; i < n; i++) {
            if (i == 0 || pairs[i] != pairs[i - 1]) {
                c++;
                cellWord[c] = (int) (pairs[i] / dims);
                cellDim[c] = (int) (pairs[i] % dims);
            }
            cellCount[c]++;
        }
        double[] wordTotal = new double[words];
        double[] dimTotal = new double[dims];
        for (int i = 0; i < cells; i++) {
            wordTotal[cellWord[i]] += cellCount[i];
            dimTotal[cellDim[i]] += cellCount[i];
        }
        // context distribution smoothed with exponent 0.75 (rare contexts inflate PMI otherwise)
        double smoothedSum = 0;
        double[] dimSmoothed = new double[dims];
        for (int d = 0; d < dims; d++) {
            dimSmoothed[d] = Math.pow(dimTotal[d], 0.75);
            smoothedSum += dimSmoothed[d];
        }
        double total = n;
        int[] rowStart = new int[words + 1];
        float[] values = new float[cells];
        for (int i = 0; i < cells; i++) {
            double pmi = Math.log((cellCount[i] / total)
                / ((wordTotal[cellWord[i]] / total) * (dimSmoothed[cellDim[i]] / smoothedSum)));
            values[i] = (float) Math.max(0, pmi);
            rowStart[cellWord[i] + 1]++;
        }
        for (int w = 0; w < words; w++) {
            rowStart[w + 1] += rowStart[w];
        }
        for (int w = 0; w < words; w++) {
            double norm = 0;
            for (int i = rowStart[w]; i < rowStart[w + 1]; i++) {
                norm += (double) values[i] * values[i];
            }
            if (norm > 0) {
                float scale = (float) (1 / Math.sqrt(norm));
                for (int i = rowStart[w]; i < rowStart[w + 1]; i++) {
                    values[i] *= scale;
                }
            }
        }
        return new SparseRows(rowStart, cellDim, values);
    }

    private static int contextIndex(String word, Map<String, Integer> rank, int contexts) {
        if (word == BOUNDARY) {
            return contexts;
        }
        Integer r = rank.get(word);
        return r != null && r < contexts ? r : -1;
    }

    /**
     * Spherical k-means, seeded by k-means++ (each next seed a word drawn with probability
     * proportional to its squared cosine distance from the nearest seed so far, from a fixed
     * random seed, so deterministic); a cluster left empty keeps its centroid.
     */
    private int[] sphericalKMeans(SparseRows rows, int dims, int k) {
        int words = rows.rowStart.length - 1;
        float[] centroids = new float[dims * k]; // transposed: centroids[d * k + c]
        int[] seeds = seeds(rows, dims, k, options.seed());
        for (int c = 0; c < k; c++) {
            for (int i = rows.rowStart[seeds[c]]; i < rows.rowStart[seeds[c] + 1]; i++) {
                centroids[rows.dim[i] * k + c] = rows.value[i];
            }
        }
        int[] assignment = new int[words];
        Arrays.fill(assignment, -1);
        float[] scores = new float[k];
        for (int iteration = 0; iteration < options.iterations(); iteration++) {
            boolean changed = false;
            for (int w = 0; w < words; w++) {
                Arrays.fill(scores, 0f);
                for (int i = rows.rowStart[w]; i < rows.rowStart[w + 1]; i++) {
                    int base = rows.dim[i] * k;
                    float v = rows.value[i];
                    for (int c = 0; c < k; c++) {
                        scores[c] += v * centroids[base + c];
                    }
                }
                int best = 0;
                for (int c = 1; c < k; c++) {
                    if (scores[c] > scores[best]) {
                        best = c;
                    }
                }
                if (assignment[w] != best) {
                    assignment[w] = best;
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
            float[] sums = new float[dims * k];
            int[] members = new int[k];
            for (int w = 0; w < words; w++) {
                int c = assignment[w];
                members[c]++;
                for (int i = rows.rowStart[w]; i < rows.rowStart[w + 1]; i++) {
                    sums[rows.dim[i] * k + c] += rows.value[i];
                }
            }
            double[] norms = new double[k];
            for (int d = 0; d < dims; d++) {
                for (int c = 0; c < k; c++) {
                    float v = sums[d * k + c];
                    norms[c] += (double) v * v;
                }
            }
            for (int d = 0; d < dims; d++) {
                for (int c = 0; c < k; c++) {
                    if (members[c] > 0 && norms[c] > 0) {
                        centroids[d * k + c] = (float) (sums[d * k + c] / Math.sqrt(norms[c]));
                    }
                }
            }
        }
        return assignment;
    }

    /** k-means++ seeding over the rows (the first seed the most frequent word). */
    private static int[] seeds(SparseRows rows, int dims, int k, long seed) {
        int words = rows.rowStart.length - 1;
        Random random = new Random(seed);
        int[] seeds = new int[k];
        double[] nearest = new double[words]; // best cosine similarity to a seed so far
        Arrays.fill(nearest, -1);
        float[] dense = new float[dims];
        for (int c = 0; c < k; c++) {
            if (c > 0) {
                double total = 0;
                for (int w = 0; w < words; w++) {
                    double d = 1 - nearest[w];
                    total += d * d;
                }
                double target = random.nextDouble() * total;
                int pick = -1;
                double sum = 0;
                for (int w = 0; w < words && pick < 0; w++) {
                    double d = 1 - nearest[w];
                    sum += d * d;
                    if (sum > target && d > 0) {
                        pick = w;
                    }
                }
                seeds[c] = pick >= 0 ? pick : c; // all words on a seed already: any will do
            }
            int s = seeds[c];
            for (int i = rows.rowStart[s]; i < rows.rowStart[s + 1]; i++) {
                dense[rows.dim[i]] = rows.value[i];
            }
            for (int w = 0; w < words; w++) {
                double sim = 0;
                for (int i = rows.rowStart[w]; i < rows.rowStart[w + 1]; i++) {
                    sim += rows.value[i] * dense[rows.dim[i]];
                }
                nearest[w] = Math.max(nearest[w], sim);
            }
            for (int i = rows.rowStart[s]; i < rows.rowStart[s + 1]; i++) {
                dense[rows.dim[i]] = 0;
            }
        }
        return seeds;
    }

    private record SparseRows(int[] rowStart, int[] dim, float[] value) {}
}
