package io.kliping.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.kliping.testing.SparkTestBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BroadcastThresholdTest extends SparkTestBase {
  @AfterEach
  void restore() {
    spark.conf().unset(BroadcastThreshold.ADAPTIVE);
    spark.conf().unset(BroadcastThreshold.STATIC);
  }

  @Test
  void theAdaptiveThresholdWinsWhereItIsSet() {
    spark.conf().set(BroadcastThreshold.STATIC, "1m");
    spark.conf().set(BroadcastThreshold.ADAPTIVE, "64m");
    assertThat(BroadcastThreshold.bytes(spark)).isEqualTo(64L << 20);
    assertThat(BroadcastThreshold.fits(spark, 64L << 20)).isTrue();
    assertThat(BroadcastThreshold.fits(spark, (64L << 20) + 1)).isFalse();
  }

  @Test
  void withoutItTheStaticThresholdAndItsDefaultApply() {
    assertThat(BroadcastThreshold.bytes(spark)).isEqualTo(10L << 20); // Spark's default, 10MB
    spark.conf().set(BroadcastThreshold.STATIC, "123456");
    assertThat(BroadcastThreshold.bytes(spark)).isEqualTo(123456L);
  }

  @Test
  void aNegativeThresholdTurnsBroadcastingOff() {
    spark.conf().set(BroadcastThreshold.ADAPTIVE, "-1");
    assertThat(BroadcastThreshold.bytes(spark)).isEqualTo(-1L);
    assertThat(BroadcastThreshold.fits(spark, 0)).isFalse();
  }
}
