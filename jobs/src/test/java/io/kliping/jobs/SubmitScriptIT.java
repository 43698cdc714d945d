package io.kliping.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/submit.sh} with SPARK_HOME hands cluster options (YARN, Kubernetes, standalone)
 * to {@code $SPARK_HOME/bin/spark-submit} before the application jar and the job's options after
 * it. The spark-submit here only records its arguments; the real one runs in SparkSubmitIT and
 * StandaloneClusterIT.
 */
class SubmitScriptIT {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @TempDir
  Path tmp;

  private List<String> submit(String... args) throws Exception {
    Path bin = Files.createDirectories(tmp.resolve("spark-home/bin"));
    Path script = bin.resolve("spark-submit");
    Files.write(script, List.of("#!/usr/bin/env bash", "printf '%s\\n' \"$@\""));
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    List<String> cmd = new java.util.ArrayList<>(List.of("bash",
        ROOT.resolve("scripts/submit.sh").toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("SPARK_HOME", tmp.resolve("spark-home").toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out.lines().toList();
  }

  @Test
  void yarnOptionsGoToSparkSubmitAndJobOptionsToTheJob() throws Exception {
    List<String> args = submit("pipeline", "--master", "yarn", "--deploy-mode", "cluster",
        "--queue", "etl", "--num-executors", "8", "--executor-memory", "4g",
        "--principal", "etl@EXAMPLE.COM", "--keytab", "/etc/security/etl.keytab",
        "--packages", "org.apache.hadoop:hadoop-aws:3.4.1",
        "--input", "hdfs:///dumps/2024-10-25/", "--warehouse", "hdfs:///kliping",
        "--date", "2024-10-25", "--skip-if-done");
    int jar = args.indexOf(ROOT.resolve("jobs/target/kliping-app.jar").toString());
    assertThat(jar).isPositive();
    assertThat(args.subList(0, jar)).containsSubsequence("--class", "io.kliping.jobs.Main")
        .containsSubsequence("--master", "yarn", "--deploy-mode", "cluster", "--queue", "etl",
            "--num-executors", "8", "--executor-memory", "4g", "--principal", "etl@EXAMPLE.COM",
            "--keytab", "/etc/security/etl.keytab", "--packages",
            "org.apache.hadoop:hadoop-aws:3.4.1");
    assertThat(args.subList(jar + 1, args.size())).containsExactly("pipeline", "--input",
        "hdfs:///dumps/2024-10-25/", "--warehouse", "hdfs:///kliping", "--date", "2024-10-25",
        "--skip-if-done");
  }

  @Test
  void kubernetesAndStandaloneMastersPassThrough() throws Exception {
    List<String> k8s = submit("dedup", "--master=k8s://https://k8s-api:6443",
        "--deploy-mode", "cluster", "--conf",
        "spark.kubernetes.container.image=apache/spark:4.0.1-java17", "--date", "2024-10-25");
    assertThat(k8s).containsSubsequence("--master", "k8s://https://k8s-api:6443", "--deploy-mode",
        "cluster", "--conf", "spark.kubernetes.container.image=apache/spark:4.0.1-java17")
        .endsWith("dedup", "--date", "2024-10-25");
    List<String> standalone = submit("entities", "--master", "spark://master:7077",
        "--total-executor-cores", "16", "--date", "2024-10-25");
    assertThat(standalone).containsSubsequence("--master", "spark://master:7077",
        "--total-executor-cores", "16").endsWith("entities", "--date", "2024-10-25");
  }
}
