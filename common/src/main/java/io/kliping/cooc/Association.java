package io.kliping.cooc;

/**
 * Association measures of a pair from its counts, as documented in README.md ("Co-occurrence"):
 * with n documents, n_a and n_b documents containing a and b, and n_ab containing both,
 * {@code pmi = ln(n_ab * n / (n_a * n_b))} and {@code npmi = pmi / -ln(n_ab / n)} (1 when
 * n_ab = n: the pair is in every document). The Spark stage computes the same expressions.
 */
public final class Association {
  private Association() {}

  /** Pointwise mutual information, natural log. */
  public static double pmi(long nab, long na, long nb, long n) {
    return Math.log((double) nab * n / ((double) na * nb));
  }

  /** Normalised PMI in [-1, 1]. */
  public static double npmi(long nab, long na, long nb, long n) {
    if (nab == n) {
      return 1.0;
    }
    return pmi(nab, na, nb, n) / -Math.log((double) nab / n);
  }
}
