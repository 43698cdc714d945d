package io.kliping.dedup;

import java.io.Serializable;
import java.util.Locale;

/**
 * LSH banding of a MinHash signature: {@code bands} bands of {@code rows} components each. Two
 * documents of Jaccard similarity {@code s} share at least one band, and so become candidates, with
 * probability {@code 1 - (1 - s^rows)^bands} (the S-curve).
 */
public record LshParams(int bands, int rows) implements Serializable {

  private static final int INTEGRATION_STEPS = 256; // even, for Simpson's rule

  public LshParams {
    if (bands < 1 || rows < 1) {
      throw new IllegalArgumentException(
          "bands and rows must be >= 1, got bands=" + bands + ", rows=" + rows);
    }
  }

  /**
   * The banding with {@code bands * rows <= numPerm} that minimises {@code fpWeight * FP + fnWeight *
   * FN}, where FP is the S-curve integrated over similarities below {@code threshold} and FN is its
   * complement integrated above it, as datasketch's {@code MinHashLSH} does. Ties keep the fewest
   * bands, then the fewest rows.
   */
  public static LshParams optimal(
      double threshold, int numPerm, double fpWeight, double fnWeight) {
    if (!(threshold > 0.0 && threshold < 1.0)) {
      throw new IllegalArgumentException("threshold must be in (0, 1), got " + threshold);
    }
    if (numPerm < 1) {
      throw new IllegalArgumentException("numPerm must be >= 1, got " + numPerm);
    }
    if (!(fpWeight >= 0.0 && fnWeight >= 0.0 && fpWeight + fnWeight > 0.0)) {
      throw new IllegalArgumentException(
          "weights must be >= 0 and not both 0, got fpWeight="
              + fpWeight
              + ", fnWeight="
              + fnWeight);
    }
    LshParams best = null;
    double bestError = Double.POSITIVE_INFINITY;
    for (int bands = 1; bands <= numPerm; bands++) {
      for (int rows = 1; bands * rows <= numPerm; rows++) {
        LshParams candidate = new LshParams(bands, rows);
        double falsePositive = integrate(candidate::probability, 0.0, threshold);
        double falseNegative = integrate(s -> 1.0 - candidate.probability(s), threshold, 1.0);
        double error = fpWeight * falsePositive + fnWeight * falseNegative;
        if (error < bestError) {
          bestError = error;
          best = candidate;
        }
      }
    }
    return best;
  }

  /** Number of signature components the bands use. */
  public int components() {
    return bands * rows;
  }

  /** Probability that two documents of Jaccard similarity {@code s} become candidates. */
  public double probability(double s) {
    return 1.0 - Math.pow(1.0 - Math.pow(s, rows), bands);
  }

  /** The similarity at which documents become candidates with probability {@code p} in (0, 1). */
  public double similarityAtProbability(double p) {
    if (!(p > 0.0 && p < 1.0)) {
      throw new IllegalArgumentException("p must be in (0, 1), got " + p);
    }
    return Math.pow(1.0 - Math.pow(1.0 - p, 1.0 / bands), 1.0 / rows);
  }

  /** Banding plus the similarities at which the candidate probability is 10%, 50% and 90%. */
  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "LshParams[bands=%d, rows=%d, P(candidate)=10%% at s=%.3f, 50%% at s=%.3f, 90%% at s=%.3f]",
        bands,
        rows,
        similarityAtProbability(0.1),
        similarityAtProbability(0.5),
        similarityAtProbability(0.9));
  }

  private static double integrate(java.util.function.DoubleUnaryOperator f, double from, double to) {
    double step = (to - from) / INTEGRATION_STEPS;
    double sum = f.applyAsDouble(from) + f.applyAsDouble(to);
    for (int i = 1; i < INTEGRATION_STEPS; i++) {
      sum += f.applyAsDouble(from + i * step) * ((i & 1) == 1 ? 4 : 2);
    }
    return sum * step / 3.0;
  }
}
