package io.kliping.jobs;

import static io.kliping.jobs.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Idempotent, atomic dates: a finished date carries a manifest (inputs with sizes and checksums,
 * rows per table, configuration, version); an unchanged finished date is skipped with
 * --skip-if-done; a run that dies after staging every table leaves the date's tables and
 * manifest as they were, and a re-run completes it; a stage re-run alone un-marks the date.
 */
class BatchRunTest {
  private static final String D = "2024-10-25";
  private static final Path SAMPLE = Path.of("..", "sample", "news").toAbsolutePath().normalize();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path tmp;

  private static SparkSession spark;
  /** The warehouse of one finished run of the whole sample; tests work on copies. */
  private static Path base;
  private static CliRun baseRun;
  private static Map<String, String> baseTables;

  @BeforeAll
  static void start() {
    spark = SparkSession.builder().master("local[2]").appName("kliping-batch-run-test")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "3")
        .config("spark.driver.host", "127.0.0.1").getOrCreate();
    base = tmp.resolve("base");
    baseRun = pipeline(base, SAMPLE.toString());
    assertThat(baseRun.code()).as(baseRun.err()).isEqualTo(ExitCodes.OK);
    baseTables = TableChecksums.of(spark, base.toString());
  }

  private static Path copyOfBase(String name) throws IOException {
    Path to = tmp.resolve(name);
    try (Stream<Path> s = Files.walk(base)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(base.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    return to;
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static CliRun pipeline(Path warehouse, String input, String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of("pipeline", "--input", input,
        "--warehouse", warehouse.toString(), "--date", D));
    args.addAll(List.of(extra));
    return run(args.toArray(String[]::new));
  }

  private static Path manifest(Path warehouse) {
    return warehouse.resolve("_runs").resolve("dt=" + D).resolve("manifest.json");
  }

  @Test
  void aFinishedDateHasAManifestAndIsSkippedWhenUnchanged() throws Exception {
    Path wh = copyOfBase("done");
    Map<String, String> tables = baseTables;
    JsonNode m = JSON.readTree(manifest(wh).toFile());

    assertThat(m.path("status").asText()).isEqualTo("done");
    assertThat(m.path("dt").asText()).isEqualTo(D);
    assertThat(m.path("kliping_version").asText()).isEqualTo(RunManifest.VERSION);
    assertThat(m.path("config").path("dedup").path("threshold").asDouble()).isEqualTo(0.5);
    // every table partition of the date, with its row count
    for (String t : tables.keySet()) {
      String name = t.substring(0, t.indexOf('/'));
      long rows = Long.parseLong(tables.get(t).substring(0, tables.get(t).indexOf(':')));
      assertThat(m.path("tables").path(name).asLong(-1)).as(name).isEqualTo(rows);
    }
    assertThat(m.path("tables").size()).isEqualTo(tables.size());
    assertThat(m.path("tables").path("articles").asLong()).isEqualTo(31);
    // every input file with its size and SHA-256
    List<Path> files;
    try (Stream<Path> s = Files.walk(SAMPLE)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    assertThat(m.path("inputs")).hasSize(files.size());
    for (JsonNode f : m.path("inputs")) {
      Path p = Path.of(java.net.URI.create(f.path("path").asText()));
      assertThat(f.path("bytes").asLong()).isEqualTo(Files.size(p));
      assertThat(f.path("checksum").asText()).isEqualTo("sha256:" + sha256(p));
    }
    assertThat(Files.list(manifest(wh).getParent()).map(p -> p.getFileName().toString()))
        .noneMatch(n -> n.endsWith(".tmp")); // no temporary file left

    CliRun again = pipeline(wh, SAMPLE.toString(), "--skip-if-done");
    assertThat(again.code()).as(again.err()).isEqualTo(ExitCodes.OK);
    assertThat(again.out()).contains("kliping stage=pipeline dt=" + D).contains("skipped=1")
        .contains("articles=31").doesNotContain("stage=ingest");
    assertThat(JSON.readTree(manifest(wh).toFile()).path("finished_at"))
        .isEqualTo(m.path("finished_at"));
    assertThat(TableChecksums.of(spark, wh.toString())).isEqualTo(tables);

    // a stage re-run alone changes the date: it is no longer marked done
    assertThat(run("entities", "--warehouse", wh.toString(), "--date", D).code())
        .isEqualTo(ExitCodes.OK);
    assertThat(manifest(wh)).doesNotExist();
    assertThat(TableChecksums.of(spark, wh.toString())).isEqualTo(tables);
  }

  @Test
  void aRunThatDiesBeforeItsCommitLeavesTheDateAsItWasAndARerunCompletesIt() throws Exception {
    Path wh = copyOfBase("killed");
    Map<String, String> before = baseTables;
    String manifestBefore = Files.readString(manifest(wh));

    // New input for the same date (the JSON Lines file alone), dying after staging every table.
    String smaller = SAMPLE.resolve("articles.jsonl").toString();
    spark.conf().set(BatchRun.FAIL_BEFORE_COMMIT, "true");
    CliRun killed;
    try {
      killed = pipeline(wh, smaller, "--skip-if-done");
    } finally {
      spark.conf().unset(BatchRun.FAIL_BEFORE_COMMIT);
    }
    assertThat(killed.code()).isEqualTo(ExitCodes.FAILED);
    assertThat(killed.err()).contains("injected failure before commit");
    assertThat(killed.out()).contains("stage=cooccurrence"); // every stage had run
    assertThat(TableChecksums.of(spark, wh.toString())).isEqualTo(before);
    assertThat(Files.readString(manifest(wh))).isEqualTo(manifestBefore);

    CliRun rerun = pipeline(wh, smaller, "--skip-if-done");
    assertThat(rerun.code()).as(rerun.err()).isEqualTo(ExitCodes.OK);
    Map<String, String> after = TableChecksums.of(spark, wh.toString());
    assertThat(after.keySet()).isEqualTo(before.keySet());
    assertThat(after.get("articles/dt=" + D)).startsWith("27:"); // the four .txt articles gone
    JsonNode m = JSON.readTree(manifest(wh).toFile());
    assertThat(m.path("inputs")).hasSize(1);
    assertThat(m.path("tables").path("articles").asLong()).isEqualTo(27);
    assertThat(m.path("fingerprint").asText())
        .isNotEqualTo(JSON.readTree(manifestBefore).path("fingerprint").asText());
    try (Stream<Path> s = Files.walk(wh)) { // the killed run's staging folders were cleaned up
      assertThat(s.filter(p -> p.getFileName().toString().equals(".staging"))).isEmpty();
    }
  }

  @Test
  void eachStagePrintsOneStructuredProgressLine() {
    List<String> lines = baseRun.out().lines().filter(l -> l.startsWith("kliping stage=")).toList();
    assertThat(lines).extracting(l -> l.split(" ")[1]).containsExactly("stage=ingest",
        "stage=dedup", "stage=entities", "stage=cooccurrence");
    assertThat(lines).allMatch(l -> l.matches(
        "kliping stage=\\w+ dt=" + D + " seconds=\\d+\\.\\d( [\\w.]+=\\d+)+"), "key=value line");
    assertThat(lines.get(0)).contains(" records=34 ", " articles=31 ", " rejects=3 ");
    assertThat(lines.get(1)).contains(" articles=31 ");
  }

  private static String sha256(Path p) throws IOException {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
