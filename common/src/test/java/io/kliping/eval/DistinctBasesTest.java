package io.kliping.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DistinctBasesTest {

  @Test
  void dropsAPlantedNearDuplicateAndKeepsTheEarlierBase() {
    List<BaseArticle> bases = new ArrayList<>(SyntheticBases.pool(40, 3L));
    BaseArticle original = bases.get(5);
    List<String> p = TextEdits.paragraphs(original.text());
    p.set(0, "JAKARTA, KOMPAS.com - " + TextEdits.stripDateline(p.get(0)));
    p.remove(p.size() - 1);
    BaseArticle copy = new BaseArticle("Lain", String.join("\n", p), "kompas.com", "nasional");
    bases.add(20, copy);

    DistinctBases.Result result = DistinctBases.filter(bases);

    assertThat(result.kept()).hasSize(40).contains(original).doesNotContain(copy);
    assertThat(result.nearDuplicates()).isEqualTo(1);
    assertThat(result.tooShort()).isZero();
  }

  @Test
  void dropsTextsTooShortToSyndicate() {
    List<BaseArticle> bases = new ArrayList<>(SyntheticBases.pool(5, 4L));
    bases.add(new BaseArticle("Pendek", "Hanya beberapa kata saja di sini.", "a.com", null));
    bases.add(new BaseArticle(null, "", null, null));
    DistinctBases.Result result = DistinctBases.filter(bases);
    assertThat(result.kept()).hasSize(5);
    assertThat(result.tooShort()).isEqualTo(2);
  }

  /** The prefix-filtered join keeps exactly what a greedy all-pairs scan keeps. */
  @Test
  void agreesWithAllPairsOnOverlapsAroundTheThreshold() {
    List<BaseArticle> pool = SyntheticBases.pool(60, 9L);
    SplittableRandom rng = new SplittableRandom(1);
    List<BaseArticle> bases = new ArrayList<>(pool);
    // Variants sharing 10%..70% of a base's words with it: similarities on both sides of 0.3.
    for (int i = 0; i < 80; i++) {
      String[] a = pool.get(rng.nextInt(pool.size())).text().split(" ");
      String[] b = pool.get(rng.nextInt(pool.size())).text().split(" ");
      int shared = (int) (a.length * (0.1 + 0.6 * rng.nextDouble()));
      StringBuilder text = new StringBuilder();
      for (int w = 0; w < shared; w++) {
        text.append(a[w]).append(' ');
      }
      for (int w = 0; w < Math.min(b.length, a.length - shared); w++) {
        text.append(b[b.length - 1 - w]).append(' ');
      }
      bases.add(rng.nextInt(bases.size() + 1), new BaseArticle("v" + i, text.toString(), "x", "y"));
    }

    DistinctBases.Result result = DistinctBases.filter(bases, 0.3, 46);

    WordShingles shingles = new WordShingles();
    List<long[]> kept = new ArrayList<>();
    List<BaseArticle> expected = new ArrayList<>();
    int nearDuplicates = 0;
    for (BaseArticle base : bases) {
      long[] s = shingles.of(base.text());
      if (s.length < 46) {
        continue;
      }
      if (kept.stream().anyMatch(k -> WordShingles.jaccard(k, s) >= 0.3)) {
        nearDuplicates++;
      } else {
        kept.add(s);
        expected.add(base);
      }
    }
    assertThat(nearDuplicates).as("the pool must exercise the filter").isGreaterThan(10);
    assertThat(expected.size()).isGreaterThan(60);
    assertThat(result.kept()).isEqualTo(expected);
    assertThat(result.nearDuplicates()).isEqualTo(nearDuplicates);
  }

  @Test
  void prefixLengthIsExactOnRoundProducts() {
    assertThat(DistinctBases.prefixLength(10, 0.3)).isEqualTo(8);
    assertThat(DistinctBases.prefixLength(100, 0.3)).isEqualTo(71);
  }
}
