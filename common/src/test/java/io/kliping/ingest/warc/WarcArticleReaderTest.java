package io.kliping.ingest.warc;

import static io.kliping.ingest.warc.WarcFixtures.concat;
import static io.kliping.ingest.warc.WarcFixtures.gzip;
import static io.kliping.ingest.warc.WarcFixtures.html;
import static io.kliping.ingest.warc.WarcFixtures.http;
import static io.kliping.ingest.warc.WarcFixtures.readAll;
import static io.kliping.ingest.warc.WarcFixtures.write;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kliping.ingest.warc.WarcFixtures.WarcFile;
import io.kliping.ingest.warc.WarcItem.Article;
import io.kliping.ingest.warc.WarcItem.Rejected;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcCompression;

class WarcArticleReaderTest {

  private static final WarcFixtures W10 = new WarcFixtures(MessageVersion.WARC_1_0);

  private static final byte[] NEWS =
      html(
          "Harga Beras Naik",
          "Harga beras medium di pasar induk naik tiga persen dalam sepekan terakhir menurut"
              + " pedagang.",
          "Pemerintah menyiapkan operasi pasar untuk menahan kenaikan harga menjelang akhir"
              + " tahun.");

  static Stream<Arguments> versionsAndCompressions() {
    return Stream.of(
        Arguments.of(MessageVersion.WARC_1_0, WarcCompression.NONE),
        Arguments.of(MessageVersion.WARC_1_0, WarcCompression.GZIP),
        Arguments.of(MessageVersion.WARC_1_1, WarcCompression.NONE),
        Arguments.of(MessageVersion.WARC_1_1, WarcCompression.GZIP));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("versionsAndCompressions")
  void responseResourceAndConversionBecomeArticlesOtherTypesAreCounted(
      MessageVersion version, WarcCompression compression) throws Exception {
    WarcFixtures w = new WarcFixtures(version);
    WarcFile file =
        write(
            compression,
            w.warcinfo(),
            w.request("https://berita.example.id/ekonomi/harga-beras"),
            w.response(
                "https://berita.example.id/ekonomi/harga-beras",
                http(200, "OK", NEWS, "Content-Type: text/html; charset=UTF-8")),
            w.metadata("https://berita.example.id/ekonomi/harga-beras"),
            w.revisit("https://berita.example.id/ekonomi/harga-beras"),
            w.resource("https://arsip.example.id/halaman.html", "text/html", NEWS),
            w.conversion(
                "https://berita.example.id/ekonomi/harga-beras",
                "Harga Beras Naik\r\n\r\n"
                    + "  Harga beras medium naik tiga persen.  \n"
                    + "Operasi pasar disiapkan.\n"));

    try (WarcArticleReader reader =
        WarcArticleReader.open(file.stream(), new HtmlArticleExtractor())) {
      List<WarcItem> items = readAll(reader);

      assertThat(items).hasSize(3).allMatch(Article.class::isInstance);
      Article response = (Article) items.get(0);
      assertThat(response.url()).isEqualTo("https://berita.example.id/ekonomi/harga-beras");
      assertThat(response.title()).isEqualTo("Harga Beras Naik");
      assertThat(response.text())
          .isEqualTo(
              "Harga beras medium di pasar induk naik tiga persen dalam sepekan terakhir menurut"
                  + " pedagang.\nPemerintah menyiapkan operasi pasar untuk menahan kenaikan harga"
                  + " menjelang akhir tahun.");
      assertThat(response.charset()).isEqualTo("UTF-8");
      assertThat(response.warcDate()).isEqualTo("2019-10-21T01:30:00Z");
      assertThat(response.recordId()).startsWith("<urn:uuid:");
      assertThat(response.offset()).isEqualTo(file.offsets()[2]);

      Article resource = (Article) items.get(1);
      assertThat(resource.url()).isEqualTo("https://arsip.example.id/halaman.html");
      assertThat(resource.text()).isEqualTo(response.text());
      assertThat(resource.offset()).isEqualTo(file.offsets()[5]);

      Article wet = (Article) items.get(2);
      assertThat(wet.title()).isNull();
      assertThat(wet.publishedRaw()).isNull();
      assertThat(wet.text())
          .isEqualTo(
              "Harga Beras Naik\nHarga beras medium naik tiga persen.\nOperasi pasar disiapkan.");
      assertThat(wet.offset()).isEqualTo(file.offsets()[6]);

      assertThat(reader.skipped())
          .containsExactly(
              Map.entry("metadata", 1L),
              Map.entry("request", 1L),
              Map.entry("revisit", 1L),
              Map.entry("warcinfo", 1L));
    }
  }

  @ParameterizedTest
  @EnumSource(WarcCompression.class)
  void offsetsPointAtTheRecordStart(WarcCompression compression) {
    WarcFile file =
        write(
            compression,
            W10.warcinfo(),
            W10.response(
                "https://a.example.id/1", http(200, "OK", NEWS, "Content-Type: text/html")),
            W10.response(
                "https://a.example.id/2", http(200, "OK", NEWS, "Content-Type: text/html")));
    List<WarcItem> items = readAll(file.stream());

    Article second = (Article) items.get(1);
    byte[] fromOffset =
        Arrays.copyOfRange(file.bytes(), (int) second.offset(), file.bytes().length);
    List<WarcItem> reread = readAll(new ByteArrayInputStream(fromOffset));
    assertThat(reread).hasSize(1);
    assertThat(((Article) reread.get(0)).recordId()).isEqualTo(second.recordId());
    assertThat(((Article) reread.get(0)).url()).isEqualTo("https://a.example.id/2");
  }

  @Test
  void nonHtmlErrorStatusesAndBrokenHttpAreRejectedWithReasonAndEvidence() {
    WarcFile file =
        write(
            WarcCompression.GZIP,
            W10.response(
                "https://a.example.id/logo.png",
                http(
                    200, "OK", new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "Content-Type: image/png")),
            W10.response(
                "https://a.example.id/hilang",
                http(404, "Not Found", NEWS, "Content-Type: text/html")),
            W10.response(
                "https://a.example.id/lama",
                http(301, "Moved Permanently", new byte[0], "Location: https://a.example.id/baru")),
            W10.response(
                "https://a.example.id/rusak",
                "this is not an HTTP response\r\n\r\n<html></html>".getBytes(ISO_8859_1)),
            W10.response(
                "https://a.example.id/kosong",
                http(
                    200,
                    "OK",
                    "<html><body><nav>Menu</nav></body></html>".getBytes(UTF_8),
                    "Content-Type: text/html")),
            W10.resource("https://a.example.id/gaya.css", "text/css", "p{}".getBytes(UTF_8)),
            W10.response(
                "https://a.example.id/ok", http(200, "OK", NEWS, "Content-Type: text/html")));

    List<WarcItem> items = readAll(file.stream());

    assertThat(items).hasSize(7);
    assertRejected(
        items.get(0), "unsupported_content_type", "image/png", "https://a.example.id/logo.png");
    assertRejected(items.get(1), "http_status", "404", "https://a.example.id/hilang");
    assertRejected(items.get(2), "http_status", "301", "https://a.example.id/lama");
    assertRejected(items.get(3), "malformed_http", "https://a.example.id/rusak");
    assertRejected(items.get(4), "empty_text", "https://a.example.id/kosong");
    assertRejected(items.get(5), "unsupported_content_type", "text/css");
    assertThat(items.get(6)).isInstanceOf(Article.class);
    for (int i = 0; i < items.size(); i++) {
      assertThat(items.get(i).offset()).isEqualTo(file.offsets()[i]);
      if (items.get(i) instanceof Rejected rejected) {
        assertThat(rejected.recordId()).startsWith("<urn:uuid:");
      }
    }
  }

  @Test
  void recordsOverTheCapAreRejectedAndSkipped() {
    byte[] big = html("Besar", "x".repeat(5_000));
    WarcFile file =
        write(
            WarcCompression.GZIP,
            W10.response(
                "https://a.example.id/besar", http(200, "OK", big, "Content-Type: text/html")),
            W10.response(
                "https://a.example.id/kecil", http(200, "OK", NEWS, "Content-Type: text/html")));

    List<WarcItem> items =
        readAll(WarcArticleReader.open(file.stream(), new HtmlArticleExtractor(), 2_000));

    assertRejected(items.get(0), "record_too_large", "https://a.example.id/besar");
    assertThat(((Article) items.get(1)).url()).isEqualTo("https://a.example.id/kecil");
  }

  @Test
  void gzipBombPayloadIsCappedAfterDecoding() {
    byte[] bomb = gzip(html("Bom", "a".repeat(50_000)));
    WarcFile file =
        write(
            WarcCompression.NONE,
            W10.response(
                "https://a.example.id/bom",
                http(200, "OK", bomb, "Content-Type: text/html", "Content-Encoding: gzip")));

    List<WarcItem> items =
        readAll(WarcArticleReader.open(file.stream(), new HtmlArticleExtractor(), 10_000));

    assertRejected(items.get(0), "record_too_large", "https://a.example.id/bom");
  }

  @Test
  void httpContentEncodingIsDecoded() throws Exception {
    ByteArrayOutputStream deflated = new ByteArrayOutputStream();
    try (DeflaterOutputStream out = new DeflaterOutputStream(deflated)) {
      out.write(NEWS);
    }
    WarcFile file =
        write(
            WarcCompression.GZIP,
            W10.response(
                "https://a.example.id/gzip",
                http(200, "OK", gzip(NEWS), "Content-Type: text/html", "Content-Encoding: gzip")),
            W10.response(
                "https://a.example.id/deflate",
                http(
                    200,
                    "OK",
                    deflated.toByteArray(),
                    "Content-Type: text/html",
                    "Content-Encoding: deflate")),
            // stored decoded by the crawler, header left behind
            W10.response(
                "https://a.example.id/label-only",
                http(200, "OK", NEWS, "Content-Type: text/html", "Content-Encoding: gzip")),
            W10.response(
                "https://a.example.id/brotli",
                http(
                    200,
                    "OK",
                    new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, 0x11},
                    "Content-Type: text/html",
                    "Content-Encoding: br")));

    List<WarcItem> items = readAll(file.stream());

    assertThat(items).hasSize(4);
    for (int i = 0; i < 3; i++) {
      assertThat(items.get(i)).isInstanceOf(Article.class);
      assertThat(((Article) items.get(i)).text()).startsWith("Harga beras medium di pasar induk");
    }
    assertRejected(
        items.get(3), "undecodable_content_encoding", "br", "https://a.example.id/brotli");
  }

  @Test
  void chunkedTransferEncodingIsUndone() {
    byte[] head =
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
            .getBytes(ISO_8859_1);
    byte[] firstHalf = Arrays.copyOf(NEWS, 100);
    byte[] secondHalf = Arrays.copyOfRange(NEWS, 100, NEWS.length);
    byte[] chunked =
        concat(
            head,
            (Integer.toHexString(firstHalf.length) + "\r\n").getBytes(ISO_8859_1),
            firstHalf,
            ("\r\n" + Integer.toHexString(secondHalf.length) + "\r\n").getBytes(ISO_8859_1),
            secondHalf,
            "\r\n0\r\n\r\n".getBytes(ISO_8859_1));
    WarcFile file =
        write(WarcCompression.GZIP, W10.response("https://a.example.id/chunked", chunked));

    Article article = (Article) readAll(file.stream()).get(0);

    assertThat(article.title()).isEqualTo("Harga Beras Naik");
    assertThat(article.text()).startsWith("Harga beras medium").doesNotContain("\r");
  }

  @Test
  void charsetComesFromHttpHeaderThenMetaThenDetection() {
    Charset cp1252 = Charset.forName("windows-1252");
    Charset cp1251 = Charset.forName("windows-1251");
    byte[] metaOnly =
        ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html;"
             + " charset=windows-1252\"><title>Caf\u00e9</title></head><body><article><p>Le"
             + " caf\u00e9 de la gare sert une cr\u00e8me br\u00fbl\u00e9e renomm\u00e9e depuis"
             + " 1920, dit-on \u2014 vraiment.</p></article></body></html>")
            .getBytes(cp1252);
    String russian =
        "Москва — столица России, крупнейший по численности населения город страны и её"
            + " политический, экономический и культурный центр. Город расположен на реке Москве.";
    byte[] undeclared =
        ("<html><head><title>Москва</title></head><body><p>"
                + russian
                + "</p><p>"
                + russian
                + "</p></body></html>")
            .getBytes(cp1251);
    byte[] headerWins =
        ("<html><head><meta charset=\"utf-8\"></head><body><p>Na\u00efve r\u00e9sum\u00e9 \u2014"
             + " the header charset beats the meta tag, the meta tag lies here.</p></body></html>")
            .getBytes(cp1252);
    WarcFile file =
        write(
            WarcCompression.GZIP,
            W10.response(
                "https://a.example.id/meta", http(200, "OK", metaOnly, "Content-Type: text/html")),
            W10.response(
                "https://a.example.id/detect",
                http(200, "OK", undeclared, "Content-Type: text/html")),
            W10.response(
                "https://a.example.id/header",
                http(200, "OK", headerWins, "Content-Type: text/html; charset=windows-1252")));

    List<WarcItem> items = readAll(file.stream());

    Article meta = (Article) items.get(0);
    assertThat(meta.charset()).isEqualTo("windows-1252");
    assertThat(meta.title()).isEqualTo("Caf\u00e9");
    assertThat(meta.text()).contains("cr\u00e8me br\u00fbl\u00e9e", "\u2014 vraiment");
    Article detected = (Article) items.get(1);
    assertThat(detected.charset()).isEqualTo("windows-1251");
    assertThat(detected.title()).isEqualTo("Москва");
    assertThat(detected.text()).contains("столица России");
    Article header = (Article) items.get(2);
    assertThat(header.charset()).isEqualTo("windows-1252");
    assertThat(header.text()).contains("Na\u00efve r\u00e9sum\u00e9");
  }

  @Test
  void publishedDateComesFromThePage() {
    byte[] page =
        ("<html><head><meta property=\"article:published_time\""
             + " content=\"2019-10-21T08:15:00+07:00\"></head><body><article><p>Isi berita yang"
             + " cukup panjang untuk menjadi sebuah paragraf artikel.</p></article></body></html>")
            .getBytes(UTF_8);
    WarcFile file =
        write(
            WarcCompression.NONE,
            W10.response(
                "https://a.example.id/x", http(200, "OK", page, "Content-Type: text/html")));

    Article article = (Article) readAll(file.stream()).get(0);

    assertThat(article.publishedRaw()).isEqualTo("2019-10-21T08:15:00+07:00");
    assertThat(article.title()).isNull();
  }

  @ParameterizedTest
  @EnumSource(WarcCompression.class)
  void truncatedFileKeepsEarlierRecordsAndEndsWithOneRejection(WarcCompression compression) {
    WarcFile file =
        write(
            compression,
            W10.warcinfo(),
            W10.response(
                "https://a.example.id/1", http(200, "OK", NEWS, "Content-Type: text/html")),
            W10.request("https://a.example.id/2"),
            W10.response(
                "https://a.example.id/2", http(200, "OK", NEWS, "Content-Type: text/html")));
    byte[] cut = file.cutInside(3, 300);

    WarcArticleReader reader =
        WarcArticleReader.open(new ByteArrayInputStream(cut), new HtmlArticleExtractor());
    List<WarcItem> items = readAll(reader);

    assertThat(items).hasSize(2);
    assertThat(((Article) items.get(0)).url()).isEqualTo("https://a.example.id/1");
    Rejected damage = (Rejected) items.get(1);
    assertThat(damage.reason()).isEqualTo("truncated_file");
    assertThat(damage.offset()).isEqualTo(file.offsets()[3]);
    assertThat(damage.raw()).isNotBlank();
    assertThat(reader.skipped()).containsOnlyKeys("request", "warcinfo");
    assertThat(reader.hasNext()).isFalse();
    assertThatThrownBy(reader::next).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void fileCutInsideARecordThatIsNeverReadIsTruncatedAtThatRecord() {
    WarcFile file =
        write(
            WarcCompression.GZIP,
            W10.response(
                "https://a.example.id/1", http(200, "OK", NEWS, "Content-Type: text/html")),
            W10.request("https://a.example.id/2"),
            W10.response(
                "https://a.example.id/2", http(200, "OK", NEWS, "Content-Type: text/html")));

    List<WarcItem> items = readAll(new ByteArrayInputStream(file.cutInside(1, 30)));

    assertThat(items).hasSize(2);
    assertThat(((Rejected) items.get(1)).reason()).isEqualTo("truncated_file");
    assertThat(items.get(1).offset()).isEqualTo(file.offsets()[1]);
  }

  @Test
  void fileCutInsideARecordHeaderIsTruncatedToo() {
    WarcFile file =
        write(
            WarcCompression.NONE,
            W10.response(
                "https://a.example.id/1", http(200, "OK", NEWS, "Content-Type: text/html")),
            W10.response(
                "https://a.example.id/2", http(200, "OK", NEWS, "Content-Type: text/html")));

    List<WarcItem> items = readAll(new ByteArrayInputStream(file.cutInside(1, 40)));

    assertThat(items).hasSize(2);
    assertThat(items.get(0)).isInstanceOf(Article.class);
    assertThat(((Rejected) items.get(1)).reason()).isEqualTo("truncated_file");
    assertThat(items.get(1).offset()).isEqualTo(file.offsets()[1]);
  }

  @ParameterizedTest
  @EnumSource(WarcCompression.class)
  void garbageBetweenRecordsIsOneRejectAndTheRecordsAfterItArrive(WarcCompression compression) {
    WarcFile first =
        write(
            compression,
            W10.response(
                "https://a.example.id/1", http(200, "OK", NEWS, "Content-Type: text/html")));
    WarcFile second =
        write(
            compression,
            W10.response(
                "https://a.example.id/2", http(200, "OK", NEWS, "Content-Type: text/html")));
    byte[] garbage = "\u0000\u0001 garbage, not a WARC header at all\r\n\r\n".getBytes(ISO_8859_1);
    byte[] damaged = concat(first.bytes(), garbage, second.bytes());

    List<WarcItem> items = readAll(new ByteArrayInputStream(damaged));

    assertThat(items).hasSize(3);
    assertThat(((Article) items.get(0)).url()).isEqualTo("https://a.example.id/1");
    Rejected damage = (Rejected) items.get(1);
    assertThat(damage.reason()).isEqualTo("corrupt_warc");
    assertThat(damage.recordId()).isNull();
    assertThat(damage.offset()).isEqualTo(first.bytes().length);
    Article after = (Article) items.get(2);
    assertThat(after.url()).isEqualTo("https://a.example.id/2");
    assertThat(after.offset()).isEqualTo(first.bytes().length + garbage.length);
  }

  @Test
  void inputsTooShortOrEmptyNeverThrow() {
    assertThat(readAll(new ByteArrayInputStream(new byte[0]))).isEmpty();
    List<WarcItem> tiny = readAll(new ByteArrayInputStream(new byte[] {0x1f}));
    assertThat(tiny).singleElement().isInstanceOf(Rejected.class);
    assertThat(((Rejected) tiny.get(0)).reason()).isEqualTo("truncated_file");
  }

  @Test
  void lfOnlyLineEndingsAreReadLeniently() {
    String page =
        "HTTP/1.1 200 OK\n"
            + "Content-Type: text/html\n\n"
            + "<html><head><title>Baris LF</title></head><body><p>Arsip gaya ClueWeb12 memakai LF"
            + " saja sebagai akhir baris di header WARC dan HTTP.</p></body></html>";
    int length = page.getBytes(UTF_8).length;
    String warc =
        "WARC/1.0\n"
            + "WARC-Type: response\n"
            + "WARC-Date: 2012-02-12T08:28:02Z\n"
            + "WARC-Record-ID: <urn:uuid:1b361052-a7d0-48e7-a1f9-b7d5c235b893>\n"
            + "WARC-Target-URI: http://lf.example.id/\n"
            + "Content-Type: application/http; msgtype=response\n"
            + "Content-Length: "
            + length
            + "\n\n"
            + page
            + "\n\n";

    List<WarcItem> items = readAll(new ByteArrayInputStream(warc.getBytes(UTF_8)));

    Article article = (Article) items.get(0);
    assertThat(article.title()).isEqualTo("Baris LF");
    assertThat(article.text()).startsWith("Arsip gaya ClueWeb12");
    assertThat(article.recordId()).isEqualTo("<urn:uuid:1b361052-a7d0-48e7-a1f9-b7d5c235b893>");
  }

  private static void assertRejected(WarcItem item, String reason, String... rawContains) {
    assertThat(item).isInstanceOf(Rejected.class);
    Rejected rejected = (Rejected) item;
    assertThat(rejected.reason()).isEqualTo(reason);
    assertThat(rejected.raw()).contains(rawContains).hasSizeLessThanOrEqualTo(1000);
  }
}
