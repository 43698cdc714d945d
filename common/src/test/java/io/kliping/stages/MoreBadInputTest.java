package io.kliping.stages;

import static io.kliping.stages.BadInputTest.body;
import static io.kliping.stages.BadInputTest.json;
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
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcCompression;

/**
 * More kinds of bad input, in their own dump: invalid UTF-8 inside a JSON line (the article
 * is kept, the bad bytes replaced), a 50 MB JSON record (a {@code record_too_large} reject, the
 * lines around it kept), a null text, a {@code .gz} that is not gzip, empty files, in a WARC.gz
 * broken HTTP, a brotli body and bytes between gzip members (each one reject, the records after
 * them kept), a WARC response whose HTML has no text ({@code empty_text}) and a WARC
 * record with a wrong Content-Length (one {@code wrong_content_length} reject at its byte offset,
 * the record after it still an article).
 */
class MoreBadInputTest extends SparkTestBase {
  @TempDir
  static Path dir;

  private static IngestStage.Result result;
  private static List<String> rejects;
  private static List<Row> articles;
  private static long records;
  private static long wrongLengthOffset;
  private static long gapOffset;
  private static String notextRecordId;

  @BeforeAll
  static void ingest() throws IOException {
    // invalid UTF-8 inside a JSON line, between good lines
    ByteArrayOutputStream utf = new ByteArrayOutputStream();
    utf.write((json(21, "https://x.id/21") + "\n").getBytes(StandardCharsets.UTF_8));
    utf.write(("{\"url\": \"https://x.id/22\", \"text\": \"" + body(22) + " caf").getBytes(StandardCharsets.UTF_8));
    utf.write(new byte[] {(byte) 0xE9, (byte) 0xFF, (byte) 0xC3, ' '});
    utf.write(("\"}\n" + json(23, "https://x.id/23") + "\n").getBytes(StandardCharsets.UTF_8));
    Files.write(dir.resolve("bad-utf8.jsonl"), utf.toByteArray());
    // a 50 MB record between good lines
    try (OutputStream out = Files.newOutputStream(dir.resolve("huge.jsonl"))) {
      out.write((json(24, "https://x.id/24") + "\n").getBytes(StandardCharsets.UTF_8));
      out.write("{\"url\": \"https://x.id/huge\", \"text\": \"".getBytes(StandardCharsets.UTF_8));
      byte[] chunk = "Kata kata berita yang sangat panjang sekali. ".repeat(1000).getBytes(StandardCharsets.UTF_8);
      for (long n = 0; n < 50L * 1024 * 1024; n += chunk.length) {
        out.write(chunk);
      }
      out.write(("\"}\n" + json(25, "https://x.id/25") + "\n").getBytes(StandardCharsets.UTF_8));
    }
    // WARC: HTML without text, then a record whose Content-Length is wrong, then a good one
    WarcFixtures warc = new WarcFixtures(MessageVersion.WARC_1_1);
    byte[] empty = "<html><head><title></title></head><body><script>x()</script></body></html>"
        .getBytes(StandardCharsets.UTF_8);
    byte[] good = WarcFixtures.write(WarcCompression.NONE,
        warc.response("https://x.id/26", WarcFixtures.http(200, "OK",
            WarcFixtures.html("Judul 26", body(26)), "Content-Type: text/html"))).bytes();
    byte[] notext = WarcFixtures.write(WarcCompression.NONE,
        warc.response("https://x.id/notext", WarcFixtures.http(200, "OK", empty,
            "Content-Type: text/html"))).bytes();
    byte[] wrong = WarcFixtures.write(WarcCompression.NONE,
        warc.response("https://x.id/wronglength", WarcFixtures.http(200, "OK",
            WarcFixtures.html("Judul 27", body(27)), "Content-Type: text/html"))).bytes();
    String w = new String(wrong, StandardCharsets.ISO_8859_1);
    w = w.replaceFirst("Content-Length: (\\d+)", "Content-Length: 40");
    Files.write(dir.resolve("lengths.warc"), concat(notext, w.getBytes(StandardCharsets.ISO_8859_1), good));
    wrongLengthOffset = notext.length;
    String n = new String(notext, StandardCharsets.ISO_8859_1);
    notextRecordId = n.substring(n.indexOf("<urn:"), n.indexOf('>', n.indexOf("<urn:")) + 1);

    // WARC.gz: a broken HTTP response, a body in an encoding that cannot be undone, an article,
    // then bytes that are not a gzip member, then another article
    WarcFixtures.WarcFile members = WarcFixtures.write(WarcCompression.GZIP,
        warc.response("https://x.id/brokenhttp",
            "not an HTTP response\r\n\r\n<html></html>".getBytes(StandardCharsets.ISO_8859_1)),
        warc.response("https://x.id/brotli", WarcFixtures.http(200, "OK",
            new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, "Content-Type: text/html",
            "Content-Encoding: br")),
        warc.response("https://x.id/28", WarcFixtures.http(200, "OK",
            WarcFixtures.html("Judul 28", body(28)), "Content-Type: text/html")));
    byte[] after = WarcFixtures.write(WarcCompression.GZIP,
        warc.response("https://x.id/29", WarcFixtures.http(200, "OK",
            WarcFixtures.html("Judul 29", body(29)), "Content-Type: text/html"))).bytes();
    gapOffset = members.bytes().length;
    Files.write(dir.resolve("members.warc.gz"), concat(members.bytes(),
        "\0\0 not a gzip member \0".getBytes(StandardCharsets.ISO_8859_1), after));
    // JSON: a null text; a file named .gz that is not gzip; empty compressed and CSV files
    Files.writeString(dir.resolve("nulls.jsonl"), "{\"url\": \"https://x.id/null\", \"text\": null}\n"
        + json(30, "https://x.id/30") + "\n");
    Files.writeString(dir.resolve("plain.jsonl.gz"), json(31, "https://x.id/31") + "\n");
    Files.write(dir.resolve("nothing.warc.gz"), new byte[0]);
    Files.write(dir.resolve("nothing.csv"), new byte[0]);
    Files.write(dir.resolve("nothing.jsonl.gz"), new byte[0]);

    KlipingConfig config = ConfigLoader.load(Optional.empty(), List.of("kliping.date=2024-10-25"));
    InputFiles.Listing files = InputFiles.list(new Configuration(), List.of(dir.toString()), "auto");
    KlipingConfig.Csv csv = config.input().csv();
    result = IngestStage.create(config).apply(RawRecords.read(spark, files,
        new RawRecords.CsvOptions(csv.delimiterChar(), csv.encoding(), csv.maxFieldChars())));
    articles = result.articles().select("url", "title").collectAsList();
    rejects = new ArrayList<>();
    for (Row r : result.rejects().select("input_file", "position", "reason").collectAsList()) {
      String file = r.getString(0);
      rejects.add(file.substring(file.lastIndexOf('/') + 1) + "@" + r.getString(1) + ":" + r.getString(2));
    }
    records = result.records();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  @AfterAll
  static void release() {
    if (result != null) {
      result.close();
    }
  }

  private static List<String> urls() {
    return articles.stream().map(a -> a.<String>getAs("url")).toList();
  }

  @Test
  void everyRecordIsAnArticleOrAReject() {
    assertThat(articles.size() + rejects.size()).isEqualTo(records);
    // 3 + 3 JSON lines, 3 + 4 WARC records and the gap, 2 JSON lines, the file that is not gzip
    assertThat(records).isEqualTo(17);
  }

  @Test
  void invalidUtf8KeepsTheArticleAndItsNeighbours() {
    assertThat(urls()).contains("https://x.id/21", "https://x.id/22", "https://x.id/23");
    assertThat(rejects).noneMatch(r -> r.startsWith("bad-utf8.jsonl"));
  }

  @Test
  void aFiftyMegabyteRecordIsRejectedAsTooLargeAndTheLinesAroundItArrive() {
    assertThat(rejects).filteredOn(r -> r.startsWith("huge.jsonl@"))
        .containsExactly("huge.jsonl@" + (json(24, "https://x.id/24").length() + 1)
            + ":record_too_large");
    assertThat(urls()).contains("https://x.id/24", "https://x.id/25")
        .doesNotContain("https://x.id/huge");
  }

  @Test
  void brokenHttpAnUndecodableBodyAndBytesBetweenGzipMembersAreRejectsAndTheRestArrives() {
    assertThat(rejects).filteredOn(r -> r.startsWith("members.warc.gz@"))
        .extracting(r -> r.substring(r.lastIndexOf(':') + 1))
        .containsExactlyInAnyOrder("malformed_http", "undecodable_content_encoding",
            "corrupt_warc");
    assertThat(rejects).contains("members.warc.gz@offset " + gapOffset + ":corrupt_warc");
    assertThat(urls()).contains("https://x.id/28", "https://x.id/29")
        .doesNotContain("https://x.id/brokenhttp", "https://x.id/brotli");
  }

  @Test
  void aNullTextAFakeGzipAndEmptyFilesEndInRejectsOrNothing() {
    assertThat(rejects).filteredOn(r -> r.startsWith("nulls.jsonl@"))
        .containsExactly("nulls.jsonl@0:missing_text");
    assertThat(urls()).contains("https://x.id/30").doesNotContain("https://x.id/null");
    assertThat(rejects).filteredOn(r -> r.startsWith("plain.jsonl.gz@")).singleElement()
        .asString().endsWith(":truncated_file");
    assertThat(rejects).noneMatch(r -> r.startsWith("nothing."));
  }

  @Test
  void htmlWithoutTextAndAWrongWarcLengthAreRejectsAndTheRecordAfterThemArrives() {
    assertThat(rejects).filteredOn(r -> r.startsWith("lengths.warc@"))
        .containsExactlyInAnyOrder("lengths.warc@" + notextRecordId + ":empty_text",
            "lengths.warc@offset " + wrongLengthOffset + ":wrong_content_length");
    assertThat(urls()).contains("https://x.id/26")
        .doesNotContain("https://x.id/notext", "https://x.id/wronglength");
  }
}
