package io.kliping.eval;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How many copies a generated story gets, so that a corpus reaches a chosen share of duplicates
 * with a chosen cluster-size distribution. A story is syndicated with probability {@code p} and
 * then gets {@code k} copies drawn from the distribution on {@code [1, max]}; {@code p} is solved
 * from the wanted share: {@code share = p·E[k] / (1 + p·E[k] + h)} with {@code h} the expected
 * hard negatives per story. The legacy mode (no share given) draws {@code k} uniformly from
 * {@code [0, max]}, exactly as earlier corpora were made, so their seeds still give them.
 */
public final class CopyCounts {

  /** The cluster-size distributions. */
  public enum Shape { UNIFORM, GEOMETRIC, ZIPF }

  private final boolean legacy;
  private final int max;
  private final double syndicated;
  private final double[] cdf;
  private final double mean;
  private final String description;

  private CopyCounts(boolean legacy, int max, double syndicated, double[] cdf, double mean,
      String description) {
    this.legacy = legacy;
    this.max = max;
    this.syndicated = syndicated;
    this.cdf = cdf;
    this.mean = mean;
    this.description = description;
  }

  /** Copies uniform on {@code [0, max]} for every story (the original generator's rule). */
  public static CopyCounts legacy(int max) {
    return new CopyCounts(true, max, 1.0, null, max / 2.0, "uniform[0," + max + "]");
  }

  /**
   * Copies for a wanted duplicate share.
   *
   * @param dupShare copies / all articles, in {@code [0, 0.99]}
   * @param spec {@code uniform}, {@code geometric[:MEAN]} (mean copies of the untruncated
   *     distribution, default 3) or {@code zipf[:S]} (exponent, default 2), truncated to {@code
   *     [1, max]}
   * @param max largest number of copies of a story ({@code >= 1})
   * @param hardNegativeShare share of stories that also get a hard negative
   * @throws IllegalArgumentException on a bad spec, or a share the distribution cannot reach
   */
  public static CopyCounts forShare(double dupShare, String spec, int max,
      double hardNegativeShare) {
    if (!(dupShare >= 0.0 && dupShare <= 0.99)) {
      throw new IllegalArgumentException("dup-share must be in [0, 0.99], got " + dupShare);
    }
    if (max < 1) {
      throw new IllegalArgumentException("max-copies must be >= 1 with a dup-share, got " + max);
    }
    String[] parts = spec.trim().toLowerCase(Locale.ROOT).split(":", 2);
    Shape shape;
    try {
      shape = Shape.valueOf(parts[0].toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("cluster-sizes must be uniform, geometric[:MEAN] or "
          + "zipf[:S], got " + spec);
    }
    double param = switch (shape) {
      case UNIFORM -> 0;
      case GEOMETRIC -> parts.length > 1 ? number(parts[1], spec) : 3.0;
      case ZIPF -> parts.length > 1 ? number(parts[1], spec) : 2.0;
    };
    if ((shape == Shape.GEOMETRIC && param < 1.0) || (shape == Shape.ZIPF && param <= 0.0)) {
      throw new IllegalArgumentException("cluster-sizes: geometric needs a mean >= 1, zipf an "
          + "exponent > 0, got " + spec);
    }
    double[] weights = new double[max];
    for (int k = 1; k <= max; k++) {
      weights[k - 1] = switch (shape) {
        case UNIFORM -> 1.0;
        case GEOMETRIC -> Math.pow(1.0 - 1.0 / param, k - 1);
        case ZIPF -> Math.pow(k, -param);
      };
    }
    double total = Arrays.stream(weights).sum();
    double[] cdf = new double[max];
    double running = 0;
    double mean = 0;
    for (int k = 1; k <= max; k++) {
      running += weights[k - 1] / total;
      cdf[k - 1] = running;
      mean += k * weights[k - 1] / total;
    }
    cdf[max - 1] = 1.0;
    double p = dupShare == 0.0 ? 0.0
        : dupShare * (1.0 + hardNegativeShare) / (mean * (1.0 - dupShare));
    if (p > 1.0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "dup-share %.2f needs %.2f copies per story on average, but %s up to %d copies gives "
              + "%.2f: raise --max-copies or the distribution's mean", dupShare,
          dupShare * (1.0 + hardNegativeShare) / (1.0 - dupShare), spec, max, mean));
    }
    String description = String.format(Locale.ROOT, "%s[1,%d] mean %.2f, %.3f of stories syndicated",
        spec.trim(), max, mean, p);
    return new CopyCounts(false, max, p, cdf, mean, description);
  }

  private static double number(String s, String spec) {
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("cluster-sizes: not a number in " + spec);
    }
  }

  /** The copies of one story, drawn from {@code rng}. */
  public int draw(SplittableRandom rng) {
    if (legacy) {
      return rng.nextInt(max + 1);
    }
    if (rng.nextDouble() >= syndicated) {
      return 0;
    }
    int i = Arrays.binarySearch(cdf, rng.nextDouble());
    return (i >= 0 ? i : -i - 1) + 1;
  }

  /** Largest number of copies {@link #draw} returns. */
  public int max() {
    return max;
  }

  /** Mean copies of a syndicated story. */
  public double meanCopies() {
    return mean;
  }

  /** Share of stories that get copies. */
  public double syndicatedShare() {
    return syndicated;
  }

  @Override
  public String toString() {
    return description;
  }
}
