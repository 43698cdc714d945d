package io.kliping.dedup;

import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Settings of the {@code dedup} stage. Validated on construction, so a bad configuration fails
 * before any Spark work starts.
 *
 * @param shingleSize n of the word (or character) n-grams
 * @param charShingles shingle code-point n-grams instead of word n-grams
 * @param minTokens texts with fewer tokens get no signature and can only be exact duplicates
 * @param numPerm MinHash signature components
 * @param threshold Jaccard similarity from which two documents are near duplicates
 * @param fpWeight weight of false positives when choosing the LSH banding
 * @param fnWeight weight of false negatives when choosing the LSH banding
 * @param seed MinHash seed; signatures of different seeds are not comparable
 * @param sourceRanking preferred sources for the canonical article, most preferred first
 * @param keepOldCanonical in incremental dedup, a cluster's canonical article from an earlier
 *     date stays canonical (false: the canonical is chosen again among all members)
 * @param exactVerification a candidate pair of two new articles becomes an edge by the exact
 *     Jaccard similarity of their shingle sets instead of the signatures' estimate (pairs with an
 *     earlier date's article, whose shingles are not kept, still use the estimate)
 */
public record DedupSettings(
    int shingleSize,
    boolean charShingles,
    int minTokens,
    int numPerm,
    double threshold,
    double fpWeight,
    double fnWeight,
    long seed,
    List<String> sourceRanking,
    boolean keepOldCanonical,
    boolean exactVerification)
    implements Serializable {

  /** Upper bound for {@code numPerm}: band keys hold at most 4096 bands. */
  public static final int MAX_NUM_PERM = 1 << LshBander.BAND_BITS;

  public DedupSettings {
    require(shingleSize >= 1, "shingleSize must be >= 1, got " + shingleSize);
    require(minTokens >= 1, "minTokens must be >= 1, got " + minTokens);
    require(
        numPerm >= 1 && numPerm <= MAX_NUM_PERM,
        "numPerm must be in [1, " + MAX_NUM_PERM + "], got " + numPerm);
    require(threshold > 0.0 && threshold < 1.0, "threshold must be in (0, 1), got " + threshold);
    require(
        fpWeight >= 0.0 && fnWeight >= 0.0 && fpWeight + fnWeight > 0.0,
        "fpWeight and fnWeight must be >= 0 and not both 0, got " + fpWeight + " and " + fnWeight);
    require(sourceRanking != null, "sourceRanking must not be null (use an empty list)");
    Set<String> seen = new HashSet<>();
    for (String source : sourceRanking) {
      require(source != null, "sourceRanking must not contain null");
      require(seen.add(source), "sourceRanking lists '" + source + "' twice");
    }
    sourceRanking = List.copyOf(sourceRanking);
  }

  /**
   * 5-word shingles, 3 tokens minimum, 128 components, Jaccard 0.7, balanced errors, no ranking,
   * old canonical articles kept, pairs verified by the signatures' estimate. Variants of it are
   * built with the {@code with...} methods; the canonical constructor takes every field.
   */
  public static DedupSettings defaults() {
    return new DedupSettings(5, false, 3, 128, 0.7, 0.5, 0.5, 42L, List.of(), true, false);
  }

  public DedupSettings withThreshold(double newThreshold) {
    return new DedupSettings(
        shingleSize, charShingles, minTokens, numPerm, newThreshold, fpWeight, fnWeight, seed,
        sourceRanking, keepOldCanonical, exactVerification);
  }

  public DedupSettings withSourceRanking(List<String> newSourceRanking) {
    return new DedupSettings(
        shingleSize, charShingles, minTokens, numPerm, threshold, fpWeight, fnWeight, seed,
        newSourceRanking, keepOldCanonical, exactVerification);
  }

  public DedupSettings withKeepOldCanonical(boolean keep) {
    return new DedupSettings(
        shingleSize, charShingles, minTokens, numPerm, threshold, fpWeight, fnWeight, seed,
        sourceRanking, keep, exactVerification);
  }

  public DedupSettings withExactVerification(boolean exact) {
    return new DedupSettings(
        shingleSize, charShingles, minTokens, numPerm, threshold, fpWeight, fnWeight, seed,
        sourceRanking, keepOldCanonical, exact);
  }

  /** The LSH banding for these settings (see {@link LshParams#optimal}). */
  public LshParams lshParams() {
    return LshParams.optimal(threshold, numPerm, fpWeight, fnWeight);
  }

  /**
   * Everything a stored signature depends on, e.g. {@code minhash-v1/word5/min3/perm128/seed42}:
   * signatures (and band keys) may only be compared when this string is equal.
   */
  public String signatureScheme() {
    return String.format(
        Locale.ROOT,
        "minhash-v%d/%s%d/min%d/perm%d/seed%d",
        MinHashSigner.SIGNATURE_VERSION,
        charShingles ? "char" : "word",
        shingleSize,
        minTokens,
        numPerm,
        seed);
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException("invalid dedup settings: " + message);
    }
  }
}
