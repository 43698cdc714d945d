package io.kliping.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SignatureSimilarityTest {

  @Test
  void countsEqualFourByteComponents() {
    byte[] a = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
    byte[] b = {1, 2, 3, 4, 5, 6, 7, 9, 9, 10, 11, 12, 0, 0, 0, 0};
    // Components 0 and 2 equal, 1 differs in one byte, 3 differs entirely.
    assertThat(SignatureSimilarity.estimate(a, b)).isEqualTo(0.5);
    assertThat(SignatureSimilarity.estimate(a, a.clone())).isEqualTo(1.0);
  }

  @Test
  void identicalAndUnrelatedTexts() {
    MinHashSigner signer = MinHashSigner.create(128, 42L);
    byte[] fox = signer.sign(MinHashSignerTest.shingles("the quick brown fox jumps over the lazy dog"));
    byte[] rain =
        signer.sign(MinHashSignerTest.shingles("heavy rain flooded forty neighbourhoods in jakarta today"));
    assertThat(SignatureSimilarity.estimate(fox, fox)).isEqualTo(1.0);
    assertThat(SignatureSimilarity.estimate(fox, rain)).isLessThan(0.1);
  }

  @Test
  void rejectsSignaturesOfDifferentShape() {
    assertThatThrownBy(() -> SignatureSimilarity.estimate(new byte[8], new byte[12]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("differ in length");
    assertThatThrownBy(() -> SignatureSimilarity.estimate(new byte[6], new byte[6]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SignatureSimilarity.estimate(new byte[0], new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sketchesKeepTheLowHalfOfEveryComponentAndEstimateAlike() {
    byte[] a = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
    assertThat(SignatureSimilarity.sketch(a)).containsExactly(1, 2, 5, 6, 9, 10, 13, 14);
    // Component 1 of b differs only in its high half: the sketch cannot see it.
    byte[] b = {1, 2, 3, 4, 5, 6, 7, 9, 9, 10, 11, 12, 0, 0, 0, 0};
    assertThat(SignatureSimilarity.estimateFromSketches(
            SignatureSimilarity.sketch(a), SignatureSimilarity.sketch(b)))
        .isEqualTo(0.75);

    MinHashSigner signer = MinHashSigner.create(128, 42L);
    byte[] fox = signer.sign(MinHashSignerTest.shingles(
        "the quick brown fox jumps over the lazy dog near the river bank"));
    byte[] foxEdited = signer.sign(MinHashSignerTest.shingles(
        "the quick brown fox jumps over the lazy cat near the river bank"));
    byte[] rain = signer.sign(MinHashSignerTest.shingles(
        "heavy rain flooded forty neighbourhoods in jakarta today"));
    for (byte[] other : new byte[][] {fox, foxEdited, rain}) {
      assertThat(SignatureSimilarity.estimateFromSketches(
              SignatureSimilarity.sketch(fox), SignatureSimilarity.sketch(other)))
          .isEqualTo(SignatureSimilarity.estimate(fox, other));
    }
    assertThatThrownBy(() -> SignatureSimilarity.sketch(new byte[6]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
