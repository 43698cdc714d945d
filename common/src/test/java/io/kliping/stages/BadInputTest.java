package io.kliping.stages;

import static org.assertj.core.api.Assertions.assertThat;

import io.kliping.config.ConfigLoader;
import io.kliping.config.KlipingConfig;
import io.kliping.ingest.warc.WarcFixtures;
import io.kliping.io.InputFiles;
import io.kliping.io.RawRecords;
import io.kliping.testing.SparkTestBase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.compress.BZip2Codec;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcCompression;

/**
 * A dump with every kind of bad input the ingest job knows, read from real files through the
 * real readers: each bad record is a reject with its file, position and reason, every good
 * record arrives, and {@code records = articles + rejects}.
 */
class BadInputTest extends SparkTestBase {
  @TempDir
  static Path dir;

  private static IngestStage.Result result;
  private static List<String> rejects;
  private static List<Row> articles;
  private static long records;

  /** A body long enough to pass every check, unique per n. */
  static String body(int n) {
    return "Berita nomor " + n + ". Menteri Luar Negeri Sugiono bertemu duta besar di Jakarta "
        + "pada hari Senin untuk membahas kerja sama perdagangan kedua negara.";
  }

  static String json(int n, String url) {
    return "{\"url\": \"" + url + "\", \"title\": \"Judul " + n + "\", \"text\": \"" + body(n)
        + "\"}";
  }

  @BeforeAll
  static void ingestTheDump() throws IOException {
    // JSON Lines: one file with every per-line problem between good lines
    Files.writeString(dir.resolve("lines.jsonl"), String.join("\n",
        json(1, "https://x.id/1"),
        "{\"url\": \"https://x.id/broken\", \"text\": \"no closing",          // malformed_json
        "[\"an\", \"array\"]",                                                // not_an_object
        "{\"url\": \"https://x.id/nobody\", \"title\": \"only a title\"}",    // missing_text
        "{\"url\": \"https://x.id/num\", \"text\": 12345}",                   // wrong_type
        "{\"url\": \"https://x.id/debris\", \"text\": \"\u00ac\u2020\\n, ,\\nloading...\"}", // empty_text
        "{\"url\": \"https://x.id/short\", \"text\": \"Terlalu pendek.\"}",   // too_short
        "",                                                                   // blank: no record
        json(2, "https://x.id/1?utm_source=twitter"),                         // duplicate_article_id
        "{\"url\": \"https://x.id/3\", \"date\": \"besok lusa\", \"text\": \"" + body(3) + "\"}",
        "") + "\n");
    Files.write(dir.resolve("empty.jsonl"), new byte[0]);
    // compressed files cut in the middle
    // (bzip2 compresses blocks of 900 kB: the bz2 file needs two to keep one)
    StringBuilder many = new StringBuilder();
    for (int i = 100; i < 7000; i++) {
      many.append(json(i, "https://x.id/gz/" + i)).append('\n');
    }
    byte[] gz = gzip(many.substring(0, many.length() / 20).getBytes(StandardCharsets.UTF_8));
    Files.write(dir.resolve("cut.jsonl.gz"), Arrays.copyOf(gz, gz.length * 2 / 3));
    byte[] bz = bzip2(many.toString().replace("/gz/", "/bz/").getBytes(StandardCharsets.UTF_8));
    Files.write(dir.resolve("cut.jsonl.bz2"), Arrays.copyOf(bz, bz.length * 2 / 3));
    // text files
    Path texts = Files.createDirectories(dir.resolve("texts"));
    Files.writeString(texts.resolve("good.txt"), "Judul Teks\n\n" + body(4));
    Files.write(texts.resolve("latin1.txt"),
        ("Caf\u00e9 baru\n\n" + body(5) + " Harga \u00a315.").getBytes("windows-1252"));
    Files.write(texts.resolve("image.txt"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
    Files.write(texts.resolve("empty.txt"), new byte[0]);
    // CSV
    Files.writeString(dir.resolve("export.csv"), "title,url,content\n"
        + "Judul 6,https://x.id/6,\"" + body(6) + "\n\nParagraf kedua.\"\n"
        + "Judul 7,https://x.id/7,\"" + body(7) + "\",stray field\n"
        + "Judul 8,https://x.id/8,\"" + body(8) + "\"\n"
        + "Judul 9,https://x.id/9,\"never closed " + "x ".repeat(600));
    // Parquet: a good table and a file that only claims to be one
    spark.createDataFrame(List.of(RowFactory.create("Judul 10", "https://x.id/10", body(10))),
            new StructType().add("headline", DataTypes.StringType)
                .add("link", DataTypes.StringType).add("body", DataTypes.StringType))
        .coalesce(1).write().parquet(dir.resolve("table.parquet").toString());
    Files.writeString(dir.resolve("broken.parquet"), "PAR1 this is not a parquet file");

    // WARC: an article, a request (skipped), an image, a 404, and a second file cut mid-record
    WarcFixtures warc = new WarcFixtures(MessageVersion.WARC_1_1);
    byte[] page = WarcFixtures.html("Judul 11", body(11), "Paragraf kedua yang panjang.");
    Files.write(dir.resolve("crawl.warc.gz"), WarcFixtures.write(WarcCompression.GZIP,
        warc.request("https://x.id/11"),
        warc.response("https://x.id/11",
            WarcFixtures.http(200, "OK", page, "Content-Type: text/html; charset=utf-8")),
        warc.response("https://x.id/logo.png",
            WarcFixtures.http(200, "OK", new byte[] {(byte) 0x89, 'P', 'N', 'G'},
                "Content-Type: image/png")),
        warc.response("https://x.id/gone",
            WarcFixtures.http(404, "Not Found", page, "Content-Type: text/html")),
        warc.revisit("https://x.id/11")).bytes());
    WarcFixtures.WarcFile two = WarcFixtures.write(WarcCompression.GZIP,
        warc.response("https://x.id/12", WarcFixtures.http(200, "OK",
            WarcFixtures.html("Judul 12", body(12)), "Content-Type: text/html")),
        warc.response("https://x.id/13", WarcFixtures.http(200, "OK",
            WarcFixtures.html("Judul 13", body(13)), "Content-Type: text/html")));
    Files.write(dir.resolve("cut.warc.gz"), two.cutInside(1, 40));

    KlipingConfig config = ConfigLoader.load(Optional.empty(), List.of(
        "kliping.date=2024-10-25", "kliping.input.csv.max-field-chars=1024"));
    InputFiles.Listing files = InputFiles.list(new Configuration(), List.of(dir.toString()),
        "auto");
    KlipingConfig.Csv csv = config.input().csv();
    result = IngestStage.create(config).apply(RawRecords.read(spark, files,
        new RawRecords.CsvOptions(csv.delimiterChar(), csv.encoding(), csv.maxFieldChars())));
    articles = result.articles().collectAsList();
    rejects = new ArrayList<>();
    for (Row r : result.rejects().collectAsList()) {
      String file = r.getString(0);
      String root = dir.getFileName().toString() + "/";
      rejects.add(file.substring(file.indexOf(root) + root.length()) + "@" + r.getString(1) + ":"
          + r.getString(2));
    }
    records = result.records();
  }

  @AfterAll
  static void release() {
    if (result != null) {
      result.close();
    }
  }

  private static List<String> urls() {
    return articles.stream().map(a -> a.<String>getAs("url")).filter(u -> u != null).toList();
  }

  @Test
  void everyRecordIsAnArticleOrAReject() {
    // 10 JSON lines (the blank one is no record) + the cut files' lines + 4 text files + 4 CSV
    // rows + 1 Parquet row + the broken Parquet file + 3 WARC responses + the cut WARC's records
    assertThat(records).isGreaterThan(10 + 4 + 4 + 2 + 3);
    assertThat(articles.size() + rejects.size()).isEqualTo(records);
  }

  @Test
  void jsonLineProblemsAreRejectsWithTheirByteOffsets() {
    assertThat(rejects).filteredOn(r -> r.startsWith("lines.jsonl@"))
        .extracting(r -> r.substring(r.lastIndexOf(':') + 1))
        .containsExactlyInAnyOrder("malformed_json", "not_an_object", "missing_text",
            "wrong_type", "empty_text", "too_short", "duplicate_article_id");
    assertThat(rejects).contains("lines.jsonl@0:malformed_json".replace("@0", "@"
        + (json(1, "https://x.id/1").length() + 1)));
    assertThat(urls()).contains("https://x.id/1", "https://x.id/3");
  }

  @Test
  void anUnreadableDateIsAWarningNotAReject() {
    Row a = articles.stream().filter(x -> "https://x.id/3".equals(x.getAs("url"))).findFirst()
        .orElseThrow();
    assertThat(a.<Object>getAs("published_at")).isNull();
    assertThat(result.prepared().filter("date_unparsed").count()).isEqualTo(1);
  }

  @Test
  void truncatedCompressedFilesKeepTheRecordsBeforeTheDamage() {
    for (String kind : List.of("gz", "bz")) {
      String file = "cut.jsonl." + (kind.equals("gz") ? "gz" : "bz2");
      assertThat(rejects).filteredOn(r -> r.startsWith(file + "@"))
          .as(file).singleElement().asString().endsWith(":truncated_file");
      List<Integer> kept = urls().stream().filter(u -> u.startsWith("https://x.id/" + kind + "/"))
          .map(u -> Integer.parseInt(u.substring(u.lastIndexOf('/') + 1))).sorted().toList();
      // a prefix of the file, nothing invented after the damage
      assertThat(kept).as(file).isNotEmpty().hasSizeLessThan(6900);
      assertThat(kept.get(kept.size() - 1) - kept.get(0) + 1).as(file).isEqualTo(kept.size());
      assertThat(kept.get(0)).isEqualTo(100);
    }
  }

  @Test
  void textFileProblems() {
    assertThat(rejects).contains("texts/image.txt@0:binary_content", "texts/empty.txt@0:empty_text");
    assertThat(articles).extracting(a -> a.<String>getAs("title"))
        .contains("Judul Teks", "Caf\u00e9 baru");
  }

  @Test
  void csvProblemsAreRejectsWithTheirLineAndLaterRowsArrive() {
    assertThat(rejects).filteredOn(r -> r.startsWith("export.csv@"))
        .containsExactlyInAnyOrder("export.csv@line 5:csv_extra_fields",
            "export.csv@line 7:malformed_csv");
    assertThat(urls()).contains("https://x.id/6", "https://x.id/8").doesNotContain("https://x.id/9");
  }

  @Test
  void aBrokenParquetFileIsOneRejectAndTheGoodTableArrives() {
    assertThat(rejects).contains("broken.parquet@file:unreadable_file");
    assertThat(urls()).contains("https://x.id/10");
  }

  @Test
  void warcRecordsThatAreNotArticlesAreSkippedOrRejectedAndDamageKeepsEarlierRecords() {
    assertThat(urls()).contains("https://x.id/11", "https://x.id/12")
        .doesNotContain("https://x.id/13", "https://x.id/logo.png", "https://x.id/gone");
    assertThat(rejects).filteredOn(r -> r.startsWith("crawl.warc.gz@"))
        .extracting(r -> r.substring(r.lastIndexOf(':') + 1))
        .containsExactlyInAnyOrder("unsupported_content_type", "http_status");
    assertThat(rejects).filteredOn(r -> r.startsWith("cut.warc.gz@"))
        .singleElement().asString().endsWith(":truncated_file");
    assertThat(result.prepared().filter("skipped is not null").collectAsList())
        .extracting(x -> x.<String>getAs("skipped") + "=" + x.getAs("skipped_count"))
        .containsExactlyInAnyOrder("request=1", "revisit=1");
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  private static byte[] bzip2(byte[] data) throws IOException {
    BZip2Codec codec = new BZip2Codec();
    codec.setConf(new Configuration());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream bz = codec.createOutputStream(out)) {
      bz.write(data);
    }
    return out.toByteArray();
  }
}
