package io.kliping.eval;

import static org.apache.spark.sql.functions.array_intersect;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.ceil;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;

import io.kliping.dedup.DedupSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * All pairs of documents whose exact Jaccard similarity of shingle sets is at least a threshold:
 * the ground truth that the dedup stage's MinHash LSH approximates, to measure its recall.
 *
 * <p>Exact, with the AllPairs prefix filter (Bayardo et al. 2007; the prefix idea of PPJoin): order
 * all shingles by global document frequency, rarest first. Two sets with {@code J(x,y) >= t} share
 * at least {@code ceil(t*|x|)} shingles, so they share one among the first {@code |x| -
 * ceil(t*|x|) + 1} shingles of each in that order. Each document emits only that prefix; pairs
 * sharing a prefix shingle and passing the length filter {@code |small| >= t*|big|} are candidates,
 * and every candidate is verified exactly ({@code size(array_intersect)}). The filters are computed
 * with a small slack, so they can only admit more candidates, never drop a pair.
 *
 * <p>Cost: linear in the total number of shingles for the frequency count and prefixes; the
 * candidate join is quadratic in the size of each prefix-shingle group. Rarest-first ordering keeps
 * most groups tiny, but hub shingles (boilerplate, or documents made only of frequent shingles) and
 * large groups of exact copies (whose output is quadratic anyway) can still make big groups, and
 * low thresholds make prefixes long. Meant as an evaluation tool for corpora up to ~100k documents,
 * not as a production stage.
 *
 * <p>Documents without shingles (fewer than {@code minTokens} tokens) have no Jaccard similarity
 * and are never paired.
 */
public final class ExactJaccardJoin {

  /** Document id column of the shingle sets. */
  public static final String ID = "id";
  /** Sorted distinct shingle hashes, {@code array<bigint>}. */
  public static final String SHINGLES = "shingles";
  /** Output: the smaller id of the pair (string order = code point order). */
  public static final String ID_A = "id_a";
  /** Output: the larger id of the pair. */
  public static final String ID_B = "id_b";
  /** Output: exact Jaccard similarity, {@code |a ∩ b| / |a ∪ b|} as a double. */
  public static final String JACCARD = "jaccard";

  /** Slack of the prefix and length filters against rounding of {@code t * length}. */
  private static final double SLACK = 1e-9;

  private static final String LENGTH = "_length";
  private static final String TOKEN = "_token";
  private static final String FREQUENCY = "_frequency";
  private static final String RANK = "_rank";

  private ExactJaccardJoin() {}

  /** One similar pair, {@code idA < idB}. */
  public record Pair(String idA, String idB, double jaccard) {}

  /**
   * The shingle sets of {@code docs (id, text)} (first two columns; ids non-null and unique), as
   * the dedup stage with {@code settings} shingles them: {@code (id, shingles)}, one row per
   * document, an empty array for text with too few tokens.
   */
  public static Dataset<Row> shingleSets(Dataset<Row> docs, DedupSettings settings) {
    return docs.mapPartitions(
        new ShingleSetFunction(settings), Encoders.row(ShingleSetFunction.OUTPUT_SCHEMA));
  }

  /**
   * All pairs of {@code sets (id, shingles)} with exact Jaccard {@code >= threshold}, as {@code
   * (id_a, id_b, jaccard)} with {@code id_a < id_b}. The input is read three times: pass a cached
   * or checkpointed frame.
   */
  public static Dataset<Row> pairs(Dataset<Row> sets, double threshold) {
    checkThreshold(threshold);
    Dataset<Row> docs = withLengths(sets);
    Dataset<Row> tokens = docs.select(col(ID), col(LENGTH), explode(col(SHINGLES)).as(TOKEN));
    Dataset<Row> frequencies = tokens.groupBy(col(TOKEN)).agg(count(lit(1)).as(FREQUENCY));
    Column minOverlap = ceil(col(LENGTH).multiply(threshold).minus(SLACK));
    Dataset<Row> prefixes =
        tokens
            .join(frequencies, TOKEN)
            .withColumn(
                RANK,
                row_number().over(Window.partitionBy(col(ID)).orderBy(col(FREQUENCY), col(TOKEN))))
            .where(col(RANK).leq(col(LENGTH).minus(minOverlap).plus(1)))
            // A shingle of one document pairs nothing, but it did take its place in the prefix.
            .where(col(FREQUENCY).gt(1))
            .select(col(TOKEN), col(ID), col(LENGTH));
    Dataset<Row> left = prefixes.select(col(TOKEN), col(ID).as(ID_A), col(LENGTH).as("_length_a"));
    Dataset<Row> right = prefixes.select(col(TOKEN), col(ID).as(ID_B), col(LENGTH).as("_length_b"));
    Dataset<Row> candidates =
        left.join(right, TOKEN)
            .where(col(ID_A).lt(col(ID_B)))
            .where(
                least(col("_length_a"), col("_length_b"))
                    .geq(greatest(col("_length_a"), col("_length_b")).multiply(threshold)
                        .minus(SLACK)))
            .select(col(ID_A), col(ID_B))
            .distinct();
    return candidates
        .join(docs.select(col(ID).as(ID_A), col(SHINGLES).as("_shingles_a")), ID_A)
        .join(docs.select(col(ID).as(ID_B), col(SHINGLES).as("_shingles_b")), ID_B)
        .select(col(ID_A), col(ID_B), jaccard(col("_shingles_a"), col("_shingles_b")).as(JACCARD))
        .where(col(JACCARD).geq(threshold));
  }

  /**
   * The pairs of {@link #pairs} that have at least one document in {@code sample} (a frame with an
   * {@code id} column, ids of {@code sets}): exact ground truth for a recall measured on a sample
   * of a corpus too large for the whole join. Each sample document is compared with every document
   * that shares one of its shingles, so no prefix filter is needed: the sample's shingles are
   * broadcast and the corpus's shingles stream past them, one pass, linear in the corpus. Meant for
   * samples of a few thousand documents; the work grows with the sample's shingles times their
   * document frequencies. The input is read twice: pass a cached frame.
   */
  public static Dataset<Row> pairsWithSample(Dataset<Row> sets, Dataset<Row> sample,
      double threshold) {
    checkThreshold(threshold);
    Dataset<Row> docs = withLengths(sets);
    Dataset<Row> sampleTokens = docs.join(sample.select(col(ID)).distinct(), ID)
        .select(col(ID).as("_sample"), col(LENGTH).as("_sample_length"),
            explode(col(SHINGLES)).as(TOKEN));
    Dataset<Row> tokens = docs.select(col(ID).as("_other"), col(LENGTH).as("_other_length"),
        explode(col(SHINGLES)).as(TOKEN));
    Column sampleLength = col("_sample_length");
    Column otherLength = col("_other_length");
    // Sets are distinct, so the rows of one (sample, other) pair count their shared shingles.
    Dataset<Row> overlaps = tokens.join(broadcast(sampleTokens), TOKEN)
        .where(col("_sample").notEqual(col("_other")))
        .where(least(sampleLength, otherLength)
            .geq(greatest(sampleLength, otherLength).multiply(threshold).minus(SLACK)))
        .groupBy(col("_sample"), col("_other"), sampleLength, otherLength)
        .agg(count(lit(1)).as("_overlap"));
    Column overlap = col("_overlap");
    Column similarity = overlap.cast("double")
        .divide(sampleLength.plus(otherLength).minus(overlap).cast("double"));
    // A pair of two sample documents is found from both ends, with the same similarity.
    return overlaps
        .select(least(col("_sample"), col("_other")).as(ID_A),
            greatest(col("_sample"), col("_other")).as(ID_B), similarity.as(JACCARD))
        .where(col(JACCARD).geq(threshold))
        .distinct();
  }

  /** The documents that have shingles, with their set sizes. */
  private static Dataset<Row> withLengths(Dataset<Row> sets) {
    return sets.select(col(ID), col(SHINGLES), size(col(SHINGLES)).as(LENGTH))
        .where(col(LENGTH).gt(0));
  }

  private static void checkThreshold(double threshold) {
    if (!(threshold > 0.0 && threshold <= 1.0)) {
      throw new IllegalArgumentException("threshold must be in (0, 1], got " + threshold);
    }
  }

  /**
   * Exact Jaccard of two columns of distinct-element arrays: {@code |a ∩ b| / |a ∪ b|}; 1.0 for
   * two empty sets (texts too short to shingle, equal as far as shingles tell).
   */
  public static Column jaccard(Column a, Column b) {
    Column overlap = size(array_intersect(a, b));
    Column union = size(a).plus(size(b)).minus(overlap);
    return when(union.equalTo(0), lit(1.0))
        .otherwise(overlap.cast("double").divide(union.cast("double")));
  }

  /**
   * The same pairs as {@link #pairs} by comparing every pair, for tiny inputs and tests. Arrays
   * need not be sorted nor distinct; empty sets are never paired. Sorted by {@code (idA, idB)}.
   */
  public static List<Pair> bruteForce(Map<String, long[]> shingleSets, double threshold) {
    List<String> ids = new ArrayList<>(shingleSets.keySet());
    ids.removeIf(id -> shingleSets.get(id).length == 0);
    ids.sort(ExactJaccardJoin::compareCodePoints);
    List<long[]> sets = new ArrayList<>(ids.size());
    for (String id : ids) {
      sets.add(Arrays.stream(shingleSets.get(id)).sorted().distinct().toArray());
    }
    List<Pair> out = new ArrayList<>();
    for (int i = 0; i < sets.size(); i++) {
      for (int j = i + 1; j < sets.size(); j++) {
        double similarity = jaccard(sets.get(i), sets.get(j));
        if (similarity >= threshold) {
          out.add(new Pair(ids.get(i), ids.get(j), similarity));
        }
      }
    }
    return out;
  }

  /** Exact Jaccard of two sorted distinct arrays (1.0 for two empty arrays), as Spark computes it. */
  public static double jaccard(long[] a, long[] b) {
    int overlap = 0;
    for (int i = 0, j = 0; i < a.length && j < b.length; ) {
      if (a[i] < b[j]) {
        i++;
      } else if (a[i] > b[j]) {
        j++;
      } else {
        overlap++;
        i++;
        j++;
      }
    }
    int union = a.length + b.length - overlap;
    return union == 0 ? 1.0 : (double) overlap / (double) union;
  }

  /** Orders strings as Spark does (UTF-8 bytes, i.e. code points), not as UTF-16 units. */
  static int compareCodePoints(String a, String b) {
    return Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
  }

  static Comparator<Pair> pairOrder() {
    return Comparator.comparing(Pair::idA, ExactJaccardJoin::compareCodePoints)
        .thenComparing(Pair::idB, ExactJaccardJoin::compareCodePoints);
  }
}
