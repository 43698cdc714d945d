package io.kliping.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.kliping.testing.SparkTestBase;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.compress.BZip2Codec;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Raw records from plain, gzip and bzip2 JSON Lines and from text files, with their origin. */
class RawRecordsTest extends SparkTestBase {
  private static final String LINES = "{\"id\": 1}\n{\"id\": 2}\n\n{\"id\": 3}\n";

  @TempDir
  Path tmp;

  @Test
  void jsonLinesInEveryCompressionGiveTheSameLinesWithByteOffsets() throws IOException {
    Files.writeString(tmp.resolve("a.jsonl"), LINES);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tmp.resolve("b.jsonl.gz")))) {
      out.write(LINES.getBytes(StandardCharsets.UTF_8));
    }
    BZip2Codec bzip2 = new BZip2Codec();
    bzip2.setConf(new Configuration());
    try (OutputStream out = bzip2.createOutputStream(Files.newOutputStream(tmp.resolve("c.jsonl.bz2")))) {
      out.write(LINES.getBytes(StandardCharsets.UTF_8));
    }
    InputFiles.Listing files = InputFiles.list(new Configuration(), List.of(tmp.toString()), "auto");
    assertThat(files.jsonl()).hasSize(3);

    List<Row> rows = RawRecords.read(spark, files).orderBy("input_file", "position").collectAsList();
    for (String file : List.of("a.jsonl", "b.jsonl.gz", "c.jsonl.bz2")) {
      assertThat(rows.stream().filter(r -> r.getString(0).endsWith("/" + file)))
          .as(file)
          .extracting(r -> r.getString(1) + "=" + r.getString(3))
          .containsExactlyInAnyOrder("0={\"id\": 1}", "10={\"id\": 2}", "20=", "21={\"id\": 3}");
    }
    assertThat(rows).allMatch(r -> RawRecords.JSONL.equals(r.getString(2)) && r.isNullAt(4));
  }

  @Test
  void textFilesGiveOneRecordWithTheirBytes() throws IOException {
    byte[] latin1 = "Caf\u00e9 title\n\nBody".getBytes(StandardCharsets.ISO_8859_1);
    Files.write(tmp.resolve("x.txt"), latin1);
    InputFiles.Listing files = InputFiles.list(new Configuration(), List.of(tmp.toString()), "auto");
    List<Row> rows = RawRecords.read(spark, files).collectAsList();
    assertThat(rows).hasSize(1);
    Row r = rows.get(0);
    assertThat(r.getString(0)).endsWith("/x.txt");
    assertThat(r.getString(1)).isEqualTo("0");
    assertThat(r.getString(2)).isEqualTo(RawRecords.TEXT);
    assertThat((byte[]) r.get(4)).isEqualTo(latin1);
  }
}
