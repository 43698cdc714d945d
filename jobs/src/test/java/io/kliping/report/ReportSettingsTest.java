package io.kliping.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kliping.config.ConfigException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The kliping.report block: its documented defaults, overrides and range checks. */
class ReportSettingsTest {
  @Test
  void defaultsAreThoseOfTheReferenceConfiguration() {
    assertThat(ReportSettings.defaults())
        .isEqualTo(new ReportSettings(true, 20, 2, 30, 60, 10.0));
  }

  @Test
  void overridesApplyAndBadValuesFailBeforeAnyWork() {
    assertThat(ReportSettings.load(Optional.empty(), List.of("kliping.report.enabled=false",
        "kliping.report.progress-interval-seconds=0.5")))
        .extracting(ReportSettings::enabled, ReportSettings::progressIntervalSeconds)
        .containsExactly(false, 0.5);
    assertThatThrownBy(() -> ReportSettings.load(Optional.empty(),
        List.of("kliping.report.top-n=0")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("kliping.report.top-n");
    assertThatThrownBy(() -> ReportSettings.load(Optional.empty(),
        List.of("kliping.report.progress-interval-seconds=-1")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("progress-interval-seconds");
    assertThatThrownBy(() -> ReportSettings.load(Optional.empty(),
        List.of("kliping.report.colour=blue")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("kliping.report.colour");
  }
}
