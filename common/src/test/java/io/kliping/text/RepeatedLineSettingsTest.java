package io.kliping.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class RepeatedLineSettingsTest {
  @Test
  void defaultsAreEnabledAndCoverWhatTextCleanerTreatsAsShort() {
    RepeatedLineSettings defaults = RepeatedLineSettings.defaults();

    assertThat(defaults.enabled()).isTrue();
    assertThat(defaults.maxChars()).isEqualTo(TextCleaner.MAX_DEBRIS_CHARS);
  }

  @Test
  void rejectsThresholdsThatWouldTurnNewsIntoDebris() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new RepeatedLineSettings(true, 1, 0.5, 300, 0.5))
        .withMessageContaining("minArticles");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new RepeatedLineSettings(true, 3, 1.5, 300, 0.5))
        .withMessageContaining("minShare");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new RepeatedLineSettings(true, 3, Double.NaN, 300, 0.5))
        .withMessageContaining("minShare");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new RepeatedLineSettings(true, 3, 0.5, 0, 0.5))
        .withMessageContaining("maxChars");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new RepeatedLineSettings(true, 3, 0.5, 300, 0.0))
        .withMessageContaining("maxFrequentShare");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new RepeatedLineSettings(true, 3, 0.5, 300, 1.01))
        .withMessageContaining("maxFrequentShare");
  }
}
