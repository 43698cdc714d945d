package io.kliping.jobs;

import static io.kliping.jobs.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad arguments and configuration end before any Spark work with one message line and the usage
 * (64) or no-input (66) exit code; credentials given on the command line never appear in what is
 * printed, also when a run fails later (70).
 */
class BadUsageTest {
  private static final String SECRET = "wJalrXUtnFEMIK7MDENGbPxRfiCY";

  @TempDir
  Path tmp;

  private static void assertFailedBeforeSpark(CliRun o, int code, String... words) {
    assertThat(o.code()).as(o.err()).isEqualTo(code);
    assertThat(o.err().strip().lines()).as(o.err()).hasSize(1);
    assertThat(o.err()).contains(words);
    assertThat(SparkSession.getActiveSession().isDefined()).isFalse();
    assertThat(SparkSession.getDefaultSession().isDefined()).isFalse();
  }

  @Test
  void wrongTypeIsAUsageError() {
    assertFailedBeforeSpark(run("dedup", "--date", "2024-10-25", "--set",
        "kliping.dedup.num-perm=many"), ExitCodes.USAGE, "num-perm");
  }

  @Test
  void anUnknownKeyIsAUsageError() {
    assertFailedBeforeSpark(run("dedup", "--date", "2024-10-25", "--set",
        "kliping.dedup.treshold=0.5"), ExitCodes.USAGE, "kliping.dedup.treshold");
  }

  @Test
  void aConfigFileWithAnUnknownKeyAWrongTypeOrBrokenSyntaxIsAUsageError() throws IOException {
    Path unknown = Files.writeString(tmp.resolve("unknown.conf"),
        "kliping { dedup { treshold = 0.5 } }\n");
    assertFailedBeforeSpark(run("dedup", "--date", "2024-10-25", "--config", unknown.toString()),
        ExitCodes.USAGE, "kliping.dedup.treshold");
    Path wrongType = Files.writeString(tmp.resolve("type.conf"),
        "kliping.dedup.num-perm = many\n");
    assertFailedBeforeSpark(run("dedup", "--date", "2024-10-25", "--config",
        wrongType.toString()), ExitCodes.USAGE, "num-perm");
    Path broken = Files.writeString(tmp.resolve("broken.conf"), "kliping { dedup {\n");
    assertFailedBeforeSpark(run("dedup", "--date", "2024-10-25", "--config", broken.toString()),
        ExitCodes.USAGE, "broken.conf");
  }

  @Test
  void aMissingConfigFileIsAUsageError() {
    assertFailedBeforeSpark(run("dedup", "--date", "2024-10-25", "--config",
        tmp.resolve("nowhere.conf").toString()), ExitCodes.USAGE, "nowhere.conf");
  }

  @Test
  void wrongDateFormatIsAUsageError() {
    assertFailedBeforeSpark(run("pipeline", "--date", "2024/10/25", "--input", tmp.toString()),
        ExitCodes.USAGE, "yyyy-MM-dd", "2024/10/25");
  }

  @Test
  void missingInputEndsBeforeSparkWithNoInput() {
    Path wh = tmp.resolve("w");
    assertFailedBeforeSpark(run("pipeline", "--input", tmp.resolve("dumps/*.jsonl.gz").toString(),
        "--warehouse", wh.toString(), "--date", "2024-10-25"), ExitCodes.NO_INPUT,
        "input not found", "dumps/*.jsonl.gz");
    assertThat(wh).doesNotExist();
  }

  @Test
  void aWarehouseUnderAFileIsAUsageError() throws IOException {
    Path file = Files.writeString(tmp.resolve("not-a-folder"), "x");
    assertFailedBeforeSpark(run("dedup", "--date", "2024-10-25", "--warehouse",
        file.resolve("warehouse").toString()), ExitCodes.USAGE, "cannot be written", "is a file");
  }

  @Test
  void aReadOnlyWarehouseIsAUsageError() throws IOException {
    Path ro = Files.createDirectory(tmp.resolve("read-only"));
    Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      assertFailedBeforeSpark(run("dedup", "--date", "2024-10-25", "--warehouse",
          ro.resolve("warehouse").toString()), ExitCodes.USAGE, "cannot be written");
    } finally {
      Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void aSecretSetOnTheCommandLineIsNeverPrinted() {
    CliRun o = run("dedup", "--date", "2024-10-25", "--set",
        "spark.hadoop.fs.s3a.secret.key=" + SECRET);
    assertFailedBeforeSpark(o, ExitCodes.USAGE, "spark.hadoop.fs.s3a.secret.key");
    assertThat(o.err() + o.out()).doesNotContain(SECRET);

    CliRun bad = run("dedup", "--date", "2024-10-25", "--set", "fs.s3a.secret.key=" + SECRET,
        "--secret=" + SECRET);
    assertThat(bad.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(bad.err() + bad.out()).doesNotContain(SECRET);
  }

  @Test
  void aPasswordInAUrlIsMaskedInTheMessagesOfAFailedRun() {
    CliRun o = run("dedup", "--date", "2024-10-25", "--warehouse",
        "kliping-nofs://etl:" + SECRET + "@bucket/warehouse",
        "--set", "kliping.spark.shuffle-partitions=1");
    assertThat(o.code()).as(o.err()).isEqualTo(ExitCodes.FAILED);
    assertThat(o.err()).contains("kliping-nofs://etl:***@bucket/warehouse");
    assertThat(o.err() + o.out()).doesNotContain(SECRET);
  }
}
