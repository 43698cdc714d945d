package io.kliping.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextFileArticleParserTest {

  private final TextFileArticleParser parser = new TextFileArticleParser();

  private RawArticle ok(byte[] content, String path) {
    ParseResult result = parser.parse(content, path);
    assertThat(result).isInstanceOf(ParseResult.Ok.class);
    return ((ParseResult.Ok) result).article();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void bbcFileFirstLineIsTheTitle() {
    String file =
        """
        Ad sales boost Time Warner profit

        Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn (\u00A3600m) for the three months to December.

        The firm, which is now one of the biggest investors in Google, benefited from sales.
        """;
    RawArticle a = ok(utf8(file), "bbc/business/001.txt");

    assertThat(a.sourceId()).isEqualTo("bbc/business/001.txt");
    assertThat(a.title()).isEqualTo("Ad sales boost Time Warner profit");
    assertThat(a.text())
        .startsWith("Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn (£600m)")
        .endsWith("benefited from sales.");
    assertThat(a.url()).isNull();
    assertThat(a.publishedRaw()).isNull();
  }

  @Test
  void invalidUtf8FallsBackToWindows1252() {
    // bbc/sport/199.txt: a lone 0xA3 byte (a Latin-1 pound sign) in otherwise ASCII text
    byte[] file =
        "Chelsea sack Mutu\n\nChelsea have decided to write off a possible transfer fee for Mutu, a \u00A315.8m signing."
            .getBytes(StandardCharsets.ISO_8859_1);
    RawArticle a = ok(file, "bbc/sport/199.txt");

    assertThat(a.title()).isEqualTo("Chelsea sack Mutu");
    assertThat(a.text()).contains("a £15.8m signing.");
  }

  @Test
  void windows1252FallbackKeepsCurlyQuotes() {
    byte[] file = {'"', (byte) 0x93, 'H', 'i', (byte) 0x94, '"', '.'};
    assertThat(TextFileArticleParser.decode(file)).isEqualTo("\"“Hi”\".");
  }

  @Test
  void validUtf8IsNotReinterpreted() {
    assertThat(TextFileArticleParser.decode(utf8("Kim Jong-un “menyatakan” café"))).isEqualTo("Kim Jong-un “menyatakan” café");
  }

  @Test
  void leadingBomAndBlankLinesAreSkipped() {
    RawArticle a = ok(utf8("\uFEFF\n\n  Rusia-Korea Utara Mesra, AS, Korea Selatan, Jepang Waswas\nloading...\nSEOUL - Menteri."), "s/001.txt");
    assertThat(a.title()).isEqualTo("Rusia-Korea Utara Mesra, AS, Korea Selatan, Jepang Waswas");
    assertThat(a.text()).isEqualTo("loading...\nSEOUL - Menteri.");
  }

  @Test
  void questionHeadlineIsATitle() {
    RawArticle a = ok(utf8("5 Manfaat Pilates untuk Ibu Hamil, Apa Saja?\nAda banyak jenis olahraga."), "f.txt");
    assertThat(a.title()).isEqualTo("5 Manfaat Pilates untuk Ibu Hamil, Apa Saja?");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Rivals of the £400 Apple...", // bbc/tech/301.txt
        "'My memories of Marley...'", // bbc/entertainment/120.txt
        "Kim Jong Un: \"Kami siap\"",
      })
  void teaserAndQuotedHeadlinesAreTitles(String headline) {
    RawArticle a = ok(utf8(headline + "\n\nThe Mac mini is the cheapest Apple computer ever."), "x.txt");
    assertThat(a.title()).isEqualTo(headline);
    assertThat(a.text()).isEqualTo("The Mac mini is the cheapest Apple computer ever.");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // a sentence, not a headline (seed 003 starts with its lead paragraph)
        "KONTAN.CO.ID - JAKARTA/SEOUL. Pada Selasa, Sung Kim mengkritik hubungan itu.\nReuters melaporkan.",
        // a quotation ending in a full stop
        "\"Kami akan terus bekerja sama.\"\nKata menteri.",
        // a lone site name (seed 004)
        "visitaaponce.com\n\nAS dan Sekutunya Kecam Pengiriman Senjata Korut ke Rusia",
        // nothing follows
        "Satu-satunya baris",
      })
  void firstLineThatIsNotAHeadlineStaysInTheText(String file) {
    RawArticle a = ok(utf8(file), "x.txt");
    assertThat(a.title()).isNull();
    assertThat(a.text()).isEqualTo(file.strip());
  }

  @Test
  void overlongFirstLineIsNotATitle() {
    String first = "Kata ".repeat(41).strip(); // 204 characters, no punctuation
    RawArticle a = ok(utf8(first + "\nBody."), "x.txt");
    assertThat(a.title()).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\n\n\t\n", "\uFEFF"})
  void emptyFileIsRejected(String file) {
    assertThat(parser.parse(utf8(file), "empty.txt"))
        .isEqualTo(new ParseResult.Rejected("empty_text", "empty.txt"));
  }

  @Test
  void binaryFilesAreRejectedButUtf16WithAByteOrderMarkIsText() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H'};
    assertThat(new TextFileArticleParser().parse(png, "tech/001.txt"))
        .isInstanceOfSatisfying(ParseResult.Rejected.class,
            r -> assertThat(r.reason()).isEqualTo(TextFileArticleParser.BINARY_CONTENT));
    byte[] utf16 = "Judul\n\nIsi berita yang cukup panjang.".getBytes(java.nio.charset.StandardCharsets.UTF_16);
    ParseResult ok = new TextFileArticleParser().parse(utf16, "a.txt");
    assertThat(ok).isInstanceOfSatisfying(ParseResult.Ok.class, r -> {
      assertThat(r.article().title()).isEqualTo("Judul");
      assertThat(r.article().text()).isEqualTo("Isi berita yang cukup panjang.");
    });
  }
}
