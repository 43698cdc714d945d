package io.kliping.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Spark standalone cluster on loopback: a master and two workers, each its own JVM started
 * from the Maven-resolved Spark jars (a SPARK_HOME whose {@code jars/} links to them, as a Spark
 * distribution has), executors launched by the workers in their own JVMs. The application jar is
 * submitted with {@code scripts/submit.sh --master spark://…}; one executor is killed while the
 * pipeline runs (4 shuffle partitions on 2 executors). The tables must equal those of an
 * embedded run on the same input ({@code local[1]}, 1 shuffle partition). A driver JVM
 * killed (SIGKILL) in the middle of a re-run of the date leaves the date's tables and manifest
 * as they were.
 */
class StandaloneClusterIT {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final String D = "2024-10-25";
  private static final String OPENS = System.getProperty("kliping.spark.jvm.opens", "");

  @TempDir
  static Path tmp;

  private static Path sparkHome;
  private static String masterUrl;
  private static Path embeddedWarehouse;
  private static Map<String, String> embedded;
  private static final List<Process> daemons = new ArrayList<>();

  @BeforeAll
  static void startCluster() throws Exception {
    sparkHome = sparkHome();
    int port = freePort();
    masterUrl = "spark://127.0.0.1:" + port;
    daemons.add(daemon("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
        "--port", Integer.toString(port), "--webui-port", Integer.toString(freePort())));
    for (int i = 1; i <= 2; i++) {
      Path work = Files.createDirectories(tmp.resolve("work-" + i));
      daemons.add(daemon("worker-" + i, "org.apache.spark.deploy.worker.Worker", "--host",
          "127.0.0.1", "--cores", "1", "--memory", "1g", "--work-dir", work.toString(),
          "--webui-port", Integer.toString(freePort()), masterUrl));
    }
    embeddedWarehouse = tmp.resolve("embedded-warehouse");
    // the reference of ReproducibilityTest (one core, one shuffle partition), so the cluster's
    // tables are compared with every embedded parallelism and partitioning checked there
    SparkSession spark = SparkSession.builder().master("local[1]")
        .appName("kliping-embedded-reference").config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "1")
        .config("spark.driver.host", "127.0.0.1").getOrCreate();
    try {
      assertThat(Main.execute("pipeline", "--input", ROOT.resolve("sample/news").toString(),
          "--warehouse", embeddedWarehouse.toString(), "--date", D)).isEqualTo(ExitCodes.OK);
      embedded = TableChecksums.of(spark, embeddedWarehouse.toString());
    } finally {
      spark.stop();
    }
    assertThat(embedded).hasSizeGreaterThanOrEqualTo(8);
    for (int i = 1; i <= 2; i++) {
      waitForLine(tmp.resolve("worker-" + i + ".log"), "Successfully registered with master");
    }
  }

  /** Content checksums of every table of the warehouse (a local Spark session to read them). */
  private static Map<String, String> checksums(Path warehouse) {
    SparkSession spark = SparkSession.builder().master("local[1]")
        .appName("kliping-checksums").config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1").getOrCreate();
    try {
      return TableChecksums.of(spark, warehouse.toString());
    } finally {
      spark.stop();
    }
  }

  @AfterAll
  static void stopCluster() {
    for (Process p : daemons) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
  }

  @Test
  void theClusterRunGivesTheTablesOfTheEmbeddedRunAlsoWhenAnExecutorIsKilled() throws Exception {
    Path clusterWarehouse = tmp.resolve("cluster-warehouse");
    Path log = tmp.resolve("submit.log");
    ProcessBuilder pb = new ProcessBuilder("bash", ROOT.resolve("scripts/submit.sh").toString(),
        "pipeline", "--master", masterUrl, "--total-executor-cores", "2",
        "--executor-memory", "512m", "--conf", "spark.driver.host=127.0.0.1",
        "--conf", "spark.sql.shuffle.partitions=4",
        "--input", ROOT.resolve("sample/news").toString(),
        "--warehouse", clusterWarehouse.toString(), "--date", D)
        .redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("SPARK_HOME", sparkHome.toString());
    Process submit = pb.start();

    // Mid-run (ingest published to staging, dedup running): kill one executor JVM.
    waitForLine(log, "kliping stage=ingest");
    Optional<ProcessHandle> executor = Optional.empty();
    for (int i = 0; i < 600 && executor.isEmpty(); i++) {
      executor = daemons.get(1).descendants()
          .filter(h -> h.info().commandLine().orElse("").contains("CoarseGrainedExecutorBackend"))
          .findFirst();
      Thread.sleep(100);
    }
    assertThat(executor).as("an executor JVM of worker 1").isPresent();
    assertThat(submit.isAlive()).as("the run was still going when the executor was killed")
        .isTrue();
    assertThat(executor.get().destroyForcibly()).isTrue();

    assertThat(submit.waitFor(10, TimeUnit.MINUTES)).as("finished in time").isTrue();
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(submit.exitValue()).as(output).isEqualTo(0);
    assertThat(output).contains("kliping stage=cooccurrence dt=" + D).contains(masterUrl)
        .containsPattern("(?i)lost executor|executor .* (exited|lost|removed)");
    assertThat(clusterWarehouse.resolve("_runs/dt=" + D + "/manifest.json")).exists();

    assertThat(checksums(clusterWarehouse)).isEqualTo(embedded);
  }

  @Test
  void aDriverKilledMidRunLeavesTheDateAsItWas() throws Exception {
    Path warehouse = tmp.resolve("killed-warehouse");
    copyTree(embeddedWarehouse, warehouse);
    Path manifest = warehouse.resolve("_runs/dt=" + D + "/manifest.json");
    String manifestBefore = Files.readString(manifest);
    Path log = tmp.resolve("killed.log");
    // the application jar on embedded Spark, new input (the JSON Lines file alone) for the date
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String o : OPENS.split("\\s+")) {
      if (!o.isBlank()) {
        cmd.add(o);
      }
    }
    cmd.addAll(List.of("-Dspark.master=local[2]", "-Dspark.driver.host=127.0.0.1",
        "-Dspark.ui.enabled=false", "-cp", ROOT.resolve("jobs/target/kliping-app.jar")
            + File.pathSeparator + sparkHome.resolve("jars") + File.separator + "*",
        "io.kliping.jobs.Main", "pipeline", "--input",
        ROOT.resolve("sample/news/articles.jsonl").toString(), "--warehouse",
        warehouse.toString(), "--date", D, "--set", "kliping.spark.shuffle-partitions=4"));
    Process driver = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    waitForLine(log, "kliping stage=ingest");
    assertThat(driver.isAlive()).as("killed mid-run").isTrue();
    driver.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
    assertThat(driver.waitFor(1, TimeUnit.MINUTES)).isTrue();
    assertThat(Files.readString(log)).doesNotContain("kliping stage=cooccurrence");

    assertThat(checksums(warehouse)).isEqualTo(embedded);
    assertThat(Files.readString(manifest)).isEqualTo(manifestBefore);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (java.util.stream.Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  /** A Spark daemon in its own JVM, with the Maven-resolved Spark jars, logging to NAME.log. */
  private static Process daemon(String name, String mainClass, String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String o : OPENS.split("\\s+")) {
      if (!o.isBlank()) {
        cmd.add(o);
      }
    }
    cmd.addAll(List.of("-Xmx256m", "-cp", sparkHome.resolve("jars").toString() + File.separator
        + "*", mainClass));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(tmp.resolve(name + ".log").toFile());
    pb.environment().put("SPARK_HOME", sparkHome.toString());
    pb.environment().put("SPARK_SCALA_VERSION", "2.13");
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    return pb.start();
  }

  /**
   * A SPARK_HOME as a distribution lays it out: {@code RELEASE}, {@code jars/} (links to the
   * Maven-resolved Spark and Hadoop jars, what workers put on executors' class path) and
   * {@code bin/spark-submit} (Spark's SparkSubmit on those jars).
   */
  private static Path sparkHome() throws IOException {
    Path home = tmp.resolve("spark-home");
    Path jars = Files.createDirectories(home.resolve("jars"));
    Path bin = Files.createDirectories(home.resolve("bin"));
    Files.writeString(home.resolve("RELEASE"), "Spark 4.0.1 (Maven-resolved jars, tests)\n");
    Path classpath = ROOT.resolve("jobs/target/classpath-provided.txt");
    assertThat(classpath).exists();
    assertThat(ROOT.resolve("jobs/target/kliping-app.jar")).exists();
    for (String entry : Files.readString(classpath).strip().split(File.pathSeparator)) {
      Path jar = Path.of(entry);
      if (entry.endsWith(".jar") && !Files.exists(jars.resolve(jar.getFileName()))) {
        Files.createSymbolicLink(jars.resolve(jar.getFileName()), jar);
      }
    }
    Path script = bin.resolve("spark-submit");
    Files.write(script, List.of("#!/usr/bin/env bash",
        "exec java " + OPENS + " -cp '" + jars + "/*' org.apache.spark.deploy.SparkSubmit \"$@\""));
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return home;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Waits (up to five minutes) until the log holds the line; fails with the log otherwise. */
  private static void waitForLine(Path log, String text) throws Exception {
    for (int i = 0; i < 3000; i++) {
      if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(text)) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no '" + text + "' in " + log + ":\n"
        + (Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no log)"));
  }
}
