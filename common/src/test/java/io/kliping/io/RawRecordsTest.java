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
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
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
    assertThat(files.files(InputFiles.Format.JSONL)).hasSize(3);

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

  @Test
  void csvAndParquetRowsBecomeJsonObjectsWithTheirPosition() throws IOException {
    Files.writeString(tmp.resolve("export.csv"),
        "title,content\nA,\"line one\nline two\"\nB,b,extra\n");
    Path parquet = tmp.resolve("table");
    spark.createDataFrame(List.of(RowFactory.create("P1", "body one", 1L),
            RowFactory.create("P2", "body two", 2L)),
        new StructType().add("title", DataTypes.StringType).add("content", DataTypes.StringType)
            .add("n", DataTypes.LongType))
        .coalesce(1).write().parquet(parquet.toString());
    Files.writeString(tmp.resolve("broken.parquet"), "PAR1 not really");
    InputFiles.Listing files = InputFiles.list(new Configuration(), List.of(tmp.toString()), "auto");
    assertThat(files.files(InputFiles.Format.PARQUET)).hasSize(2);

    List<Row> rows = RawRecords.read(spark, files).orderBy("format", "input_file", "position")
        .collectAsList();
    assertThat(rows).extracting(r -> name(r.getString(0)) + "|" + r.getString(1) + "|"
            + r.getString(2) + "|" + r.getString(5))
        .containsExactly(
            "export.csv|line 2|csv|null",
            "export.csv|line 4|csv|" + CsvRecordReader.EXTRA_FIELDS,
            "broken.parquet|file|parquet|" + RawRecords.UNREADABLE,
            name(files.files(InputFiles.Format.PARQUET).get(1)) + "|row 0|parquet|null",
            name(files.files(InputFiles.Format.PARQUET).get(1)) + "|row 1|parquet|null");
    assertThat(rows.get(0).getString(3)).isEqualTo("{\"title\":\"A\",\"content\":\"line one\\nline two\"}");
    assertThat(rows.get(3).getString(3)).isEqualTo("{\"title\":\"P1\",\"content\":\"body one\",\"n\":1}");
    // the same file name as the listing gives, so per-file reports add up
    assertThat(rows.get(3).getString(0)).isEqualTo(files.files(InputFiles.Format.PARQUET).get(1));
  }

  private static String name(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
