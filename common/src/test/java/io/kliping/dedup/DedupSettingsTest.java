package io.kliping.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class DedupSettingsTest {

  @Test
  void defaults() {
    DedupSettings defaults = DedupSettings.defaults();
    assertThat(defaults.shingleSize()).isEqualTo(5);
    assertThat(defaults.charShingles()).isFalse();
    assertThat(defaults.minTokens()).isEqualTo(3);
    assertThat(defaults.numPerm()).isEqualTo(128);
    assertThat(defaults.threshold()).isEqualTo(0.7);
    assertThat(defaults.fpWeight()).isEqualTo(0.5);
    assertThat(defaults.fnWeight()).isEqualTo(0.5);
    assertThat(defaults.sourceRanking()).isEmpty();
    assertThat(defaults.lshParams()).isEqualTo(new LshParams(14, 9));
    assertThat(defaults.signatureScheme()).isEqualTo("minhash-v1/word5/min3/perm128/seed42");
  }

  @Test
  void rejectsInvalidValuesWithClearMessages() {
    List<String> none = List.of();
    assertInvalid(() -> settings(0, 3, 128, 0.7, 0.5, none), "shingleSize must be >= 1, got 0");
    assertInvalid(() -> settings(5, 0, 128, 0.7, 0.5, none), "minTokens must be >= 1, got 0");
    assertInvalid(() -> settings(5, 3, 0, 0.7, 0.5, none), "numPerm must be in [1, 4096], got 0");
    assertInvalid(() -> settings(5, 3, 128, 1.5, 0.5, none), "threshold must be in (0, 1), got 1.5");
    assertInvalid(() -> settings(5, 3, 128, 0.7, -1.0, none), "fpWeight and fnWeight must be >= 0");
    assertInvalid(() -> settings(5, 3, 128, 0.7, 0.5, null), "sourceRanking must not be null");
    assertInvalid(
        () -> settings(5, 3, 128, 0.7, 0.5, Arrays.asList("a.com", null)), "must not contain null");
    assertInvalid(
        () -> settings(5, 3, 128, 0.7, 0.5, List.of("a.com", "a.com")), "lists 'a.com' twice");
  }

  @Test
  void sourceRankingIsCopied() {
    List<String> ranking = new ArrayList<>(List.of("kompas.com", "tempo.co"));
    DedupSettings settings = DedupSettings.defaults().withSourceRanking(ranking);
    ranking.add("detik.com");
    assertThat(settings.sourceRanking()).containsExactly("kompas.com", "tempo.co");
    assertThatThrownBy(() -> settings.sourceRanking().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void survivesJavaSerialisationForShippingToExecutors() throws Exception {
    DedupSettings settings =
        DedupSettings.defaults().withThreshold(0.8).withSourceRanking(List.of("antaranews.com"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(settings);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertThat(in.readObject()).isEqualTo(settings);
    }
  }

  private static DedupSettings settings(
      int shingleSize,
      int minTokens,
      int numPerm,
      double threshold,
      double fpWeight,
      List<String> ranking) {
    return new DedupSettings(
        shingleSize, false, minTokens, numPerm, threshold, fpWeight, 0.5, 42L, ranking, true,
        false);
  }

  private static void assertInvalid(ThrowingCallable construction, String message) {
    assertThatThrownBy(construction)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid dedup settings: ")
        .hasMessageContaining(message);
  }
}
