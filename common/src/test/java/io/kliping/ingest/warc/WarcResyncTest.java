package io.kliping.ingest.warc;

import static io.kliping.ingest.warc.WarcFixtures.concat;
import static io.kliping.ingest.warc.WarcFixtures.gzip;
import static io.kliping.ingest.warc.WarcFixtures.html;
import static io.kliping.ingest.warc.WarcFixtures.http;
import static io.kliping.ingest.warc.WarcFixtures.readAll;
import static io.kliping.ingest.warc.WarcFixtures.write;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import io.kliping.ingest.warc.WarcItem.Article;
import io.kliping.ingest.warc.WarcItem.Rejected;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRecord;

/**
 * A record with a wrong Content-Length costs that record only: it is one {@code
 * wrong_content_length} reject at its byte offset (for .warc.gz, its gzip member's), and every
 * valid record after it in the same file still arrives, in plain WARC and in per-record gzip, WARC
 * 1.0 and 1.1. Also a length a few bytes too long (ClueWeb12's writer) is corrected, not rejected.
 */
class WarcResyncTest {

  private static final Pattern LENGTH = Pattern.compile("Content-Length: (\\d+)\r\n");

  /** Ways to spoil the Content-Length line of the WARC header. */
  enum Damage {
    /** Long enough to swallow the next record's header. */
    TOO_LONG(n -> "Content-Length: " + (Long.parseLong(n) + 200) + "\r\n"),
    /** Longer than everything after it: the reader meets the end of the file. */
    FAR_TOO_LONG(n -> "Content-Length: " + (Long.parseLong(n) + 5_000_000) + "\r\n"),
    /** Over the 16 MiB record cap, so the block is streamed past, not kept. */
    OVER_THE_CAP(n -> "Content-Length: 999999999\r\n"),
    TOO_SHORT(n -> "Content-Length: " + (Long.parseLong(n) - 100) + "\r\n"),
    NOT_A_NUMBER(n -> "Content-Length: 12x4\r\n"),
    MISSING(n -> "");

    final UnaryOperator<String> line;

    Damage(UnaryOperator<String> line) {
      this.line = line;
    }
  }

  static Stream<Arguments> damages() {
    List<Arguments> all = new ArrayList<>();
    for (Damage d : Damage.values()) {
      for (WarcCompression c : WarcCompression.values()) {
        all.add(Arguments.of(d, c, MessageVersion.WARC_1_0));
      }
      all.add(Arguments.of(d, WarcCompression.NONE, MessageVersion.WARC_1_1));
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("damages")
  void theDamagedRecordIsOneRejectAndEveryValidRecordAfterItArrives(
      Damage damage, WarcCompression compression, MessageVersion version) {
    WarcFixtures w = new WarcFixtures(version);
    List<byte[]> records = new ArrayList<>();
    records.add(record(w.response("https://a.example.id/1", page(1))));
    records.add(record(w.request("https://a.example.id/2")));
    byte[] spoiled = spoil(record(w.response("https://a.example.id/2", page(2))), damage);
    records.add(spoiled);
    records.add(record(w.response("https://a.example.id/3", page(3))));
    records.add(record(w.request("https://a.example.id/4")));
    records.add(record(w.response("https://a.example.id/4", page(4))));
    long[] offsets = new long[records.size()];
    byte[] file = join(records, compression, offsets);

    WarcArticleReader reader =
        WarcArticleReader.open(new ByteArrayInputStream(file), new HtmlArticleExtractor());
    List<WarcItem> items = readAll(reader);

    assertThat(items).filteredOn(i -> i instanceof Article)
        .extracting(i -> ((Article) i).url())
        .containsExactly("https://a.example.id/1", "https://a.example.id/3",
            "https://a.example.id/4");
    assertThat(items).filteredOn(i -> i instanceof Article)
        .extracting(WarcItem::offset)
        .containsExactly(offsets[0], offsets[3], offsets[5]);
    assertThat(items).filteredOn(i -> i instanceof Rejected).singleElement()
        .satisfies(i -> {
          Rejected r = (Rejected) i;
          assertThat(r.reason()).isEqualTo("wrong_content_length");
          assertThat(r.offset()).isEqualTo(offsets[2]);
          assertThat(r.raw()).contains(recordId(spoiled), "https://a.example.id/2");
        });
    assertThat(reader.skipped()).containsEntry("request", 2L);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("compressions")
  void aLengthAFewBytesTooLongIsCorrectedAndTheRecordKept(WarcCompression compression) {
    WarcFixtures w = new WarcFixtures(MessageVersion.WARC_1_0);
    List<byte[]> records = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      byte[] r = record(w.response("https://a.example.id/" + i, page(i)));
      records.add(i == 3 ? r : relength(r, 6)); // the middle one, and the last one at the end
    }
    records.set(2, relength(records.get(2), 5));
    long[] offsets = new long[records.size()];

    List<WarcItem> items = readAll(
        new ByteArrayInputStream(join(records, compression, offsets)));

    assertThat(items).allMatch(i -> i instanceof Article).hasSize(3);
    assertThat(items).extracting(i -> ((Article) i).text())
        .allMatch(t -> t.contains("halaman"));
  }

  static Stream<WarcCompression> compressions() {
    return Stream.of(WarcCompression.values());
  }

  private static byte[] page(int n) {
    return http(200, "OK", html("Berita " + n, "Isi berita nomor " + n + " pada halaman ini cukup"
        + " panjang untuk menjadi satu paragraf artikel yang utuh.",
        "Paragraf kedua berita " + n + " menambah rincian peristiwa."), "Content-Type: text/html");
  }

  private static byte[] record(WarcRecord record) {
    return write(WarcCompression.NONE, record).bytes();
  }

  /** Plain: the records one after the other; gzip: each record its own gzip member. */
  private static byte[] join(List<byte[]> records, WarcCompression compression, long[] offsets) {
    List<byte[]> parts = new ArrayList<>();
    long at = 0;
    for (int i = 0; i < records.size(); i++) {
      byte[] part = compression == WarcCompression.GZIP ? gzip(records.get(i)) : records.get(i);
      offsets[i] = at;
      at += part.length;
      parts.add(part);
    }
    return concat(parts.toArray(byte[][]::new));
  }

  private static byte[] spoil(byte[] record, Damage damage) {
    String text = new String(record, ISO_8859_1);
    Matcher m = LENGTH.matcher(text);
    assertThat(m.find()).isTrue();
    return (text.substring(0, m.start()) + damage.line.apply(m.group(1)) + text.substring(m.end()))
        .getBytes(ISO_8859_1);
  }

  /** The record with its Content-Length {@code more} bytes too long. */
  private static byte[] relength(byte[] record, int more) {
    String text = new String(record, ISO_8859_1);
    Matcher m = LENGTH.matcher(text);
    assertThat(m.find()).isTrue();
    return (text.substring(0, m.start()) + "Content-Length: "
        + (Long.parseLong(m.group(1)) + more) + "\r\n" + text.substring(m.end()))
        .getBytes(ISO_8859_1);
  }

  private static String recordId(byte[] record) {
    Matcher m = Pattern.compile("WARC-Record-ID: (\\S+)").matcher(new String(record, ISO_8859_1));
    assertThat(m.find()).isTrue();
    return m.group(1);
  }
}
