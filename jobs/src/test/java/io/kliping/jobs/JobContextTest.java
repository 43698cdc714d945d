package io.kliping.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kliping.config.ConfigLoader;
import io.kliping.config.KlipingConfig;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** The Spark settings a job's own session takes from the configuration. */
class JobContextTest {

  @Test
  void settingsTheSubmitterLeftOpenComeFromTheConfiguration() {
    assumeTrue(SparkSession.getActiveSession().isEmpty()
        && SparkSession.getDefaultSession().isEmpty(), "another test's session is still open");
    KlipingConfig config = ConfigLoader.load(Optional.empty(), List.of("kliping.date=2024-10-25",
        "kliping.spark.shuffle-partitions=3", "kliping.spark.broadcast-join-threshold=3m",
        "kliping.spark.max-split-bytes=5m"));
    try (JobContext ctx = JobContext.start("test", config)) {
      assertThat(ctx.spark().conf().get("spark.sql.shuffle.partitions")).isEqualTo("3");
      assertThat(ctx.spark().sessionState().conf().getConfString(
          "spark.sql.adaptive.autoBroadcastJoinThreshold")).isEqualTo(Long.toString(3L << 20));
      assertThat(ctx.spark().sessionState().conf().filesMaxPartitionBytes()).isEqualTo(5L << 20);
    }
  }
}
