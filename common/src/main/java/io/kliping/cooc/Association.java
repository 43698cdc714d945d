package io.kliping.cooc;

/**
 * Association measures of a pair from its counts, as documented in README.md ("Co-occurrence").
 * With n units (documents or sentences), n_a and n_b units containing a and b, and n_ab
 * containing both:
 * <ul>
 *   <li>{@code pmi = ln(n_ab * n / (n_a * n_b))};
 *   <li>{@code npmi = pmi / -ln(n_ab / n)}, in [-1, 1]; 1 when n_ab = n;
 *   <li>{@code g2 = 2 * sum_ij k_ij * ln(k_ij * n / (row_i * col_j))} over the 2x2 contingency
 *       table k11 = n_ab, k12 = n_a - n_ab, k21 = n_b - n_ab, k22 = n - n_a - n_b + n_ab (with
 *       0 ln 0 = 0): Dunning's log-likelihood ratio, reliable for rare pairs;
 *   <li>{@code jaccard = n_ab / (n_a + n_b - n_ab)}.
 * </ul>
 * The Spark stage computes the same expressions; tests hold the two together.
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

  /** Dunning's log-likelihood ratio G2 of the 2x2 table. */
  public static double g2(long nab, long na, long nb, long n) {
    long k11 = nab;
    long k12 = na - nab;
    long k21 = nb - nab;
    long k22 = n - na - nb + nab;
    return 2.0 * (term(k11, na, nb, n) + term(k12, na, n - nb, n)
        + term(k21, n - na, nb, n) + term(k22, n - na, n - nb, n));
  }

  /** Jaccard similarity of the two unit sets. */
  public static double jaccard(long nab, long na, long nb) {
    return (double) nab / (na + nb - nab);
  }

  private static double term(long k, long row, long col, long n) {
    return k == 0 ? 0.0 : k * Math.log((double) k * n / ((double) row * col));
  }
}
