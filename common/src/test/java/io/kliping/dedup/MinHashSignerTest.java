package io.kliping.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MinHashSignerTest {

  private static final String TEXT =
      "The quick brown fox jumps over the lazy dog, again and again: 42 times!";

  @Test
  void goldenSignaturesOfVersionOne() {
    // If these fail after a dependency upgrade, stored signatures are no longer comparable:
    // pin the old algorithm or bump MinHashSigner.SIGNATURE_VERSION and re-sign.
    assertThat(MinHashSigner.SIGNATURE_VERSION).isEqualTo(1);
    ShingleBuffer shingles = shingles(TEXT);
    assertThat(HexFormat.of().formatHex(MinHashSigner.create(16, 42L).sign(shingles)))
        .isEqualTo(
            "15a0b1ecd55e516f7548cfc16b683ada749a9e40d3eda5e2277632e768b9562f"
                + "63ba4c3394c1ee04882b400a480ef3b0524d223e929ebd7bcbebb67dc7608e7a");
    byte[] signature = MinHashSigner.create(128, 42L).sign(shingles);
    assertThat(signature).hasSize(512);
    assertThat(HexFormat.of().formatHex(signature, 0, 32))
        .isEqualTo("a2766349e0c8116057184298c77bb995aba20f1186636714fb09047115a0b1ec");
  }

  @Test
  void signatureDependsOnTheSetOnlyNotOnOrder() {
    MinHashSigner signer = MinHashSigner.create(64, 7L);
    long[] forward = {11L, 22L, 33L, 44L, 55L};
    long[] backward = {55L, 44L, 33L, 22L, 11L};
    assertThat(signer.sign(backward, 5)).isEqualTo(signer.sign(forward, 5));
    assertThat(signer.sign(forward, 4)).isNotEqualTo(signer.sign(forward, 5));
  }

  /** What lets {@link Shingler#shingleUnsorted} skip the sort: repeats and order change nothing. */
  @Test
  void aMultisetInAnyOrderSignsAsItsSet() {
    MinHashSigner signer = MinHashSigner.create(128, 20241025L);
    SplittableRandom random = new SplittableRandom(5);
    for (int round = 0; round < 200; round++) {
      int distinct = random.nextInt(1, 400);
      long[] set = random.longs(distinct).sorted().distinct().toArray();
      long[] multiset = new long[set.length * 2];
      for (int i = 0; i < multiset.length; i++) {
        multiset[i] = set[i < set.length ? i : random.nextInt(set.length)];
      }
      for (int i = multiset.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        long t = multiset[i];
        multiset[i] = multiset[j];
        multiset[j] = t;
      }
      assertThat(signer.sign(multiset, multiset.length)).isEqualTo(signer.sign(set, set.length));
    }
  }

  @Test
  void seedChangesTheSignature() {
    ShingleBuffer shingles = shingles(TEXT);
    assertThat(MinHashSigner.create(64, 1L).sign(shingles))
        .isNotEqualTo(MinHashSigner.create(64, 2L).sign(shingles));
  }

  @Test
  void estimatesJaccardSimilarity() {
    SplittableRandom random = new SplittableRandom(2024);
    long[] a = new long[1000];
    long[] b = new long[1000];
    for (int i = 0; i < 1000; i++) {
      a[i] = random.nextLong();
      b[i] = i < 600 ? a[i] : random.nextLong(); // 600 shared of 1400 distinct: J = 0.4286
    }
    MinHashSigner signer = MinHashSigner.create(256, 42L);
    double estimate = SignatureSimilarity.estimate(signer.sign(a, 1000), signer.sign(b, 1000));
    assertThat(estimate).isCloseTo(600.0 / 1400.0, within(0.1));
  }

  @Test
  void sizesAndValidation() {
    MinHashSigner signer = MinHashSigner.create(128, 42L);
    assertThat(signer.numPerm()).isEqualTo(128);
    assertThat(signer.signatureBytes()).isEqualTo(512);
    assertThatThrownBy(() -> signer.sign(new long[4], 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> signer.sign(new long[4], 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MinHashSigner.create(0, 42L))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static ShingleBuffer shingles(String text) {
    ShingleBuffer buffer = new ShingleBuffer();
    Shingler.words(5, 3).shingle(ContentNormalizer.normalize(text), buffer);
    return buffer;
  }
}
