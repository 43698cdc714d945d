package io.kliping.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CopyCountsTest {

  @Test
  void legacyDrawsExactlyWhatTheOriginalGeneratorDrew() {
    CopyCounts legacy = CopyCounts.legacy(8);
    SplittableRandom a = new SplittableRandom(5);
    SplittableRandom b = new SplittableRandom(5);
    for (int i = 0; i < 1000; i++) {
      assertThat(legacy.draw(a)).isEqualTo(b.nextInt(9));
    }
  }

  @Test
  void drawsStayInRangeAndFollowTheDistributionsMean() {
    for (String spec : new String[] {"uniform", "geometric:4", "zipf:1.5"}) {
      CopyCounts counts = CopyCounts.forShare(0.3, spec, 40, 0.0);
      SplittableRandom rng = new SplittableRandom(9);
      long syndicated = 0;
      long copies = 0;
      for (int i = 0; i < 200_000; i++) {
        int k = counts.draw(rng);
        assertThat(k).isBetween(0, 40);
        if (k > 0) {
          syndicated++;
          copies += k;
        }
      }
      assertThat(copies / (double) syndicated).as(spec)
          .isCloseTo(counts.meanCopies(), org.assertj.core.data.Offset.offset(0.05 * counts.meanCopies()));
      assertThat(syndicated / 200_000.0).as(spec)
          .isCloseTo(counts.syndicatedShare(), org.assertj.core.data.Offset.offset(0.01));
      // share = copies / (originals + copies) with no hard negatives
      assertThat(copies / (double) (200_000 + copies)).as(spec)
          .isCloseTo(0.3, org.assertj.core.data.Offset.offset(0.01));
    }
  }

  @Test
  void geometricSizesDecreaseAndZipfHasAHeavyTail() {
    CopyCounts geometric = CopyCounts.forShare(0.5, "geometric:3", 100, 0.0);
    CopyCounts zipf = CopyCounts.forShare(0.5, "zipf:1.2", 100, 0.0);
    int[] g = histogram(geometric);
    int[] z = histogram(zipf);
    assertThat(g[1]).isGreaterThan(g[2]);
    assertThat(g[2]).isGreaterThan(g[4]);
    long zipfOver50 = java.util.Arrays.stream(z, 51, 101).sum();
    long geometricOver50 = java.util.Arrays.stream(g, 51, 101).sum();
    assertThat(zipfOver50).isGreaterThan(100 * Math.max(1, geometricOver50));
  }

  private static int[] histogram(CopyCounts counts) {
    int[] h = new int[counts.max() + 1];
    SplittableRandom rng = new SplittableRandom(1);
    for (int i = 0; i < 100_000; i++) {
      h[counts.draw(rng)]++;
    }
    return h;
  }

  @Test
  void aZeroShareMeansNoCopies() {
    CopyCounts none = CopyCounts.forShare(0.0, "zipf", 10, 0.25);
    SplittableRandom rng = new SplittableRandom(3);
    for (int i = 0; i < 1000; i++) {
      assertThat(none.draw(rng)).isZero();
    }
  }

  @Test
  void anUnreachableShareOrABadSpecIsRefused() {
    assertThatThrownBy(() -> CopyCounts.forShare(0.9, "uniform", 4, 0.25))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max-copies");
    assertThatThrownBy(() -> CopyCounts.forShare(0.3, "poisson", 4, 0.25))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cluster-sizes");
    assertThatThrownBy(() -> CopyCounts.forShare(0.3, "geometric:x", 4, 0.25))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cluster-sizes");
    assertThatThrownBy(() -> CopyCounts.forShare(1.0, "uniform", 4, 0.25))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dup-share");
  }
}
