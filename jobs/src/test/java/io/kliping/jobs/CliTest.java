package io.kliping.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad calls fail fast, with one clear message and the documented exit code, before Spark. */
class CliTest {
  @TempDir
  Path tmp;

  private record Outcome(int code, String err) {}

  private static Outcome run(String... args) {
    PrintStream oldErr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      int code = Main.execute(args);
      return new Outcome(code, err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(oldErr);
    }
  }

  @Test
  void noJobIsAUsageError() {
    Outcome o = run();
    assertThat(o.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(o.err()).contains("name a job");
  }

  @Test
  void unknownOptionIsAUsageError() {
    Outcome o = run("dedup", "--treshold", "0.8");
    assertThat(o.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(o.err()).contains("--treshold");
  }

  @Test
  void badDateIsAUsageErrorBeforeSparkStarts() {
    Outcome o = run("dedup", "--date", "25/10/2024", "--warehouse", tmp.toString());
    assertThat(o.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(o.err()).contains("yyyy-MM-dd").contains("25/10/2024");
    assertThat(SparkSession.getActiveSession().isDefined()).isFalse();
  }

  @Test
  void unknownConfigKeyIsAUsageError() {
    Outcome o = run("entities", "--set", "kliping.entities.gazeteers=[x]", "--date", "2024-10-25");
    assertThat(o.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(o.err()).contains("unknown configuration key").contains("kliping.entities.gazeteers");
  }

  @Test
  void ingestWithoutInputIsAUsageError() {
    Outcome o = run("ingest", "--date", "2024-10-25", "--warehouse", tmp.toString());
    assertThat(o.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(o.err()).contains("--input");
  }

  @Test
  void aStageWhoseInputTableIsMissingSaysWhichStageToRun() {
    Outcome o = run("dedup", "--date", "2024-10-25", "--warehouse", tmp.resolve("empty").toString(),
        "--set", "kliping.spark.shuffle-partitions=2");
    assertThat(o.code()).isEqualTo(ExitCodes.NO_INPUT);
    assertThat(o.err()).contains("'articles' has no partition for dt=2024-10-25")
        .contains("run the stage that writes it first").doesNotContain("\tat ");
  }

  @Test
  void missingInputPathExitsWithNoInput() {
    Outcome o = run("ingest", "--input", tmp.resolve("nope.jsonl").toString(), "--date",
        "2024-10-25", "--warehouse", tmp.resolve("w").toString(), "--set",
        "kliping.spark.shuffle-partitions=2");
    assertThat(o.code()).isEqualTo(ExitCodes.NO_INPUT);
    assertThat(o.err()).contains("input not found").contains("nope.jsonl");
    assertThat(tmp.resolve("w")).doesNotExist();
  }
}
