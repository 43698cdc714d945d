package io.kliping.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LshParamsTest {

  @ParameterizedTest
  @CsvSource({"0.5, 128", "0.7, 128", "0.8, 128", "0.9, 128", "0.7, 64", "0.7, 256"})
  void optimalBandingCentresTheSCurveOnTheThreshold(double threshold, int numPerm) {
    LshParams params = LshParams.optimal(threshold, numPerm, 0.5, 0.5);
    assertThat(params.components()).isLessThanOrEqualTo(numPerm);
    assertThat(params.similarityAtProbability(0.5)).isCloseTo(threshold, within(0.05));
    // Clearly similar pairs are almost always candidates, clearly different ones rarely.
    assertThat(params.probability(Math.min(1.0, threshold + 0.2))).isGreaterThan(0.95);
    assertThat(params.probability(threshold - 0.3)).isLessThan(0.05);
  }

  @Test
  void knownChoicesFor128Permutations() {
    assertThat(LshParams.optimal(0.7, 128, 0.5, 0.5)).isEqualTo(new LshParams(14, 9));
    assertThat(LshParams.optimal(0.8, 128, 0.5, 0.5)).isEqualTo(new LshParams(9, 13));
  }

  @Test
  void weightingFalseNegativesLowersTheCurve() {
    LshParams balanced = LshParams.optimal(0.7, 128, 0.5, 0.5);
    LshParams recall = LshParams.optimal(0.7, 128, 0.1, 0.9);
    assertThat(recall.similarityAtProbability(0.5))
        .isLessThan(balanced.similarityAtProbability(0.5));
  }

  @Test
  void probabilityAndItsInverseAgree() {
    LshParams params = new LshParams(20, 5);
    assertThat(params.probability(0.0)).isZero();
    assertThat(params.probability(1.0)).isEqualTo(1.0);
    for (double p : new double[] {0.1, 0.5, 0.9}) {
      assertThat(params.probability(params.similarityAtProbability(p))).isCloseTo(p, within(1e-9));
    }
    assertThat(params.probability(0.6)).isGreaterThan(params.probability(0.5));
  }

  @Test
  void toStringLogsTheTenFiftyNinetyPercentPoints() {
    assertThat(new LshParams(14, 9).toString())
        .isEqualTo(
            "LshParams[bands=14, rows=9, P(candidate)=10% at s=0.581, 50% at s=0.714,"
                + " 90% at s=0.811]");
  }

  @Test
  void rejectsInvalidArguments() {
    assertThatThrownBy(() -> new LshParams(0, 4)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LshParams.optimal(1.0, 128, 0.5, 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("threshold");
    assertThatThrownBy(() -> LshParams.optimal(0.7, 128, 0.0, 0.0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LshParams(4, 4).similarityAtProbability(1.0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
