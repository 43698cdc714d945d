package io.kliping.ingest.warc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CharsetResolverTest {

  private static final Charset CP1252 = Charset.forName("windows-1252");
  private static final byte[] UTF8_BOM = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};

  private static byte[] bytes(String s, Charset charset) {
    return s.getBytes(charset);
  }

  private static byte[] withBom(byte[] body) {
    return WarcFixtures.concat(UTF8_BOM, body);
  }

  @Test
  void httpHeaderCharsetComesFirst() {
    byte[] body = withBom(bytes("<meta charset=\"koi8-r\">", StandardCharsets.US_ASCII));
    assertThat(CharsetResolver.resolve(body, "text/html; charset=\"Shift_JIS\"", true).name())
        .isEqualTo("Shift_JIS");
  }

  @Test
  void bomBeatsMetaWhenTheHeaderHasNoCharset() {
    byte[] body = withBom(bytes("<meta charset=\"koi8-r\"><p>ok</p>", StandardCharsets.US_ASCII));
    assertThat(CharsetResolver.resolve(body, "text/html", true)).isEqualTo(StandardCharsets.UTF_8);
    assertThat(CharsetResolver.decode(body, StandardCharsets.UTF_8)).startsWith("<meta");
  }

  @Test
  void metaCharsetAndHttpEquivAreBothRead() {
    assertThat(CharsetResolver.resolve(bytes("<META CHARSET=koi8-r>", CP1252), null, true).name())
        .isEqualTo("KOI8-R");
    byte[] httpEquiv =
        bytes("<meta http-equiv='Content-Type' content='text/html; charset=windows-1251'>", CP1252);
    assertThat(CharsetResolver.resolve(httpEquiv, null, true).name()).isEqualTo("windows-1251");
    // only HTML bodies are searched for meta tags
    assertThat(CharsetResolver.resolve(bytes("<meta charset=koi8-r>", CP1252), null, false))
        .isNotEqualTo(Charset.forName("KOI8-R"));
  }

  @Test
  void unknownLabelsFallThroughToTheNextStep() {
    byte[] body = bytes("<meta charset=\"utf-8\"><p>x</p>", CP1252);
    assertThat(CharsetResolver.resolve(body, "text/html; charset=nonsense-42", true))
        .isEqualTo(StandardCharsets.UTF_8);
    byte[] badMeta = bytes("<meta charset=\"x-no-such-thing\"><p>caf\u00e9 cr\u00e8me</p>", CP1252);
    assertThat(CharsetResolver.resolve(badMeta, "text/html; charset=", true)).isNotNull();
  }

  @Test
  void labelsAreWidenedLikeBrowsersDo() {
    assertThat(CharsetResolver.lookup("ISO-8859-1")).isEqualTo(CP1252);
    assertThat(CharsetResolver.lookup("us-ascii")).isEqualTo(CP1252);
    assertThat(CharsetResolver.lookup("GB2312").name()).isEqualTo("GBK");
    assertThat(CharsetResolver.lookup("utf8")).isEqualTo(StandardCharsets.UTF_8);
    assertThat(CharsetResolver.lookup("no such charset!")).isNull();
    assertThat(CharsetResolver.lookup(null)).isNull();
  }

  @Test
  void detectionAndTheUtf8Default() {
    assertThat(CharsetResolver.resolve(bytes("plain ascii page", CP1252), null, true))
        .isEqualTo(StandardCharsets.UTF_8);
    assertThat(CharsetResolver.resolve(new byte[0], null, true)).isEqualTo(StandardCharsets.UTF_8);
    String text =
        "Berita hari ini: Menteri mengatakan, \u201charga beras stabil\u201d \u2014 kata beliau.";
    assertThat(
            CharsetResolver.resolve(bytes(text + " " + text, StandardCharsets.UTF_8), null, true))
        .isEqualTo(StandardCharsets.UTF_8);
  }

  @Test
  void decodingNeverThrowsOnMalformedBytes() {
    byte[] broken = {'a', (byte) 0xc3, 'b', (byte) 0xff};
    assertThat(CharsetResolver.decode(broken, StandardCharsets.UTF_8)).isEqualTo("a\uFFFDb\uFFFD");
  }
}
