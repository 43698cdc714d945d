package io.kliping.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.dynatrace.hash4j.hashing.Hashing;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench-floor}: reads every record as ingest does and hashes it, writing nothing. */
class BenchFloorTest {
  private static final Path SAMPLE = Path.of("..", "sample", "news", "articles.jsonl");

  @TempDir
  Path tmp;

  @Test
  void hashesEveryRecordOfTheInputAndWritesNothing() throws IOException {
    PrintStream old = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = Main.execute("bench-floor", "--input", SAMPLE.toString(), "--warehouse",
          tmp.resolve("wh").toString(), "--date", "2024-10-25",
          "--set", "kliping.spark.shuffle-partitions=2");
    } finally {
      System.setOut(old);
    }
    assertThat(code).isZero();
    List<String> lines = Files.readAllLines(SAMPLE, StandardCharsets.UTF_8);
    long chars = 0;
    long checksum = 0;
    for (String line : lines) {
      chars += line.length();
      checksum += Hashing.xxh3_64().hashCharsToLong(line);
    }
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("kliping stage=floor dt=2024-10-25 ")
        .contains(" records=" + lines.size() + " chars=" + chars + " checksum=" + checksum);
    assertThat(tmp.resolve("wh")).doesNotExist();
  }
}
