package io.kliping.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application jar under a real spark-submit: {@code scripts/submit.sh} with SPARK_HOME set
 * calls {@code $SPARK_HOME/bin/spark-submit}, here a SPARK_HOME whose spark-submit launches
 * Spark's own {@code org.apache.spark.deploy.SparkSubmit} with the Maven-resolved Spark jars (what
 * a Spark distribution's script does). It checks the shaded jar (Spark and Hadoop provided, the
 * rest relocated) runs the whole pipeline in a separate JVM, and that --master and --conf pass
 * through.
 */
class SparkSubmitIT {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @TempDir
  Path tmp;

  @Test
  void theApplicationJarRunsThePipelineUnderSparkSubmit() throws Exception {
    Path sparkHome = fakeSparkHome();
    Path warehouse = tmp.resolve("warehouse");
    Path log = tmp.resolve("submit.log");
    ProcessBuilder pb = new ProcessBuilder("bash", ROOT.resolve("scripts/submit.sh").toString(),
        "pipeline", "--master", "local[2]", "--conf", "spark.sql.shuffle.partitions=3",
        "--input", ROOT.resolve("sample/news").toString(), "--warehouse", warehouse.toString(),
        "--date", "2024-10-25")
        .redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("SPARK_HOME", sparkHome.toString());
    Process p = pb.start();
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("finished in time").isTrue();
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(output).isEqualTo(0);
    assertThat(output).contains("kliping stage=ingest dt=2024-10-25")
        .contains("kliping stage=cooccurrence dt=2024-10-25")
        .contains("local[2]");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
         Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT count(*), sum(CASE WHEN is_canonical THEN 1 ELSE 0 END) "
             + "FROM read_parquet('" + warehouse + "/articles/dt=2024-10-25/*.parquet')")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getLong(1)).isEqualTo(31);
      assertThat(rs.getLong(2)).isEqualTo(20);
    }
  }

  @Test
  void aBadCallFailsWithTheUsageExitCodeThroughSparkSubmit() throws Exception {
    ProcessBuilder pb = new ProcessBuilder("bash", ROOT.resolve("scripts/submit.sh").toString(),
        "dedup", "--date", "2024-13-01").redirectErrorStream(true);
    pb.environment().put("SPARK_HOME", fakeSparkHome().toString());
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(output).isEqualTo(ExitCodes.USAGE);
    assertThat(output).contains("yyyy-MM-dd");
  }

  /** A SPARK_HOME whose bin/spark-submit runs SparkSubmit from the Maven-resolved Spark jars. */
  private Path fakeSparkHome() throws IOException {
    Path home = tmp.resolve("spark-home");
    Path bin = Files.createDirectories(home.resolve("bin"));
    Path classpath = ROOT.resolve("jobs/target/classpath-provided.txt");
    assertThat(classpath).exists();
    assertThat(ROOT.resolve("jobs/target/kliping-app.jar")).exists();
    Path script = bin.resolve("spark-submit");
    Files.write(script, List.of(
        "#!/usr/bin/env bash",
        "exec java " + System.getProperty("kliping.spark.jvm.opens", "")
            + " -cp \"$(cat '" + classpath + "')\" org.apache.spark.deploy.SparkSubmit \"$@\""));
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return home;
  }
}
