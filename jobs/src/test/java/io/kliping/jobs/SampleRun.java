package io.kliping.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The bundled sample run once per test JVM for the tests that only read its output (report,
 * notebook docs): the pipeline for {@link #DAY} and ingest alone for {@link #INGEST_ONLY_DAY}.
 * The warehouse lives under {@code target/sample-run} so the report and screenshots can be
 * looked at after the build.
 */
final class SampleRun {
  static final String DAY = "2024-10-25";
  static final String INGEST_ONLY_DAY = "2024-10-27";
  static final Path ROOT = Path.of("target", "sample-run").toAbsolutePath();
  static final Path WAREHOUSE = ROOT.resolve("warehouse");

  private static String pipelineStdout;

  private SampleRun() {}

  /** Runs the sample once (the caller owns a local Spark session); returns the warehouse. */
  static synchronized Path warehouse() throws IOException {
    if (pipelineStdout == null) {
      deleteRecursively(ROOT);
      Files.createDirectories(ROOT);
      String input = Path.of("..", "sample", "news").toString();
      ByteArrayOutputStream captured = new ByteArrayOutputStream();
      PrintStream old = System.out;
      System.setOut(new PrintStream(new Tee(old, captured), true, StandardCharsets.UTF_8));
      try {
        assertThat(Main.execute("pipeline", "--input", input, "--warehouse",
            WAREHOUSE.toString(), "--date", DAY)).isEqualTo(ExitCodes.OK);
      } finally {
        System.setOut(old);
      }
      assertThat(Main.execute("ingest", "--input", input, "--warehouse", WAREHOUSE.toString(),
          "--date", INGEST_ONLY_DAY)).isEqualTo(ExitCodes.OK);
      pipelineStdout = captured.toString(StandardCharsets.UTF_8);
    }
    return WAREHOUSE;
  }

  /** What the pipeline run printed on standard output. */
  static String pipelineStdout() throws IOException {
    warehouse();
    return pipelineStdout;
  }

  static Path runFolder(String day) {
    return WAREHOUSE.resolve("_runs").resolve("dt=" + day);
  }

  static void deleteRecursively(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
  }

  /** Writes to the console and to a buffer. */
  private static final class Tee extends OutputStream {
    private final OutputStream a;
    private final OutputStream b;

    Tee(OutputStream a, OutputStream b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public void write(int c) throws IOException {
      a.write(c);
      b.write(c);
    }

    @Override
    public void write(byte[] buf, int off, int len) throws IOException {
      a.write(buf, off, len);
      b.write(buf, off, len);
    }
  }
}
