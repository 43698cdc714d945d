package io.kliping.ingest.warc;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.kliping.ingest.warc.HtmlArticleExtractor.Extracted;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class HtmlArticleExtractorTest {

  private final HtmlArticleExtractor extractor = new HtmlArticleExtractor();

  private static byte[] resource(String name) {
    try (InputStream in = HtmlArticleExtractorTest.class.getResourceAsStream("/warc/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Extracted extract(String html) {
    return extractor.extract(
        html.getBytes(UTF_8), "text/html; charset=utf-8", "https://x.example.id/a");
  }

  @Test
  void newsPageKeepsTheArticleBodyAndDropsChrome() {
    Extracted page =
        extractor.extract(
            resource("news_page.html"), null, "https://kabarkota.example.id/news/rob");

    assertThat(page.title()).isEqualTo("Banjir Rob Genangi Pesisir Utara Jakarta");
    assertThat(page.publishedRaw()).isEqualTo("2019-10-21T08:15:00+07:00");
    assertThat(page.charset()).isEqualTo("UTF-8");
    assertThat(page.text().split("\n"))
        .containsSubsequence(
            "Banjir Rob Genangi Pesisir Utara Jakarta",
            "JAKARTA - Banjir rob kembali menggenangi permukiman warga di kawasan Muara Baru,"
                + " Penjaringan, Jakarta Utara, pada Senin pagi. Ketinggian air mencapai 40"
                + " sentimeter di beberapa ruas jalan.",
            "Kepala Pelaksana BPBD DKI Jakarta mengatakan genangan dipicu pasang air laut yang"
                + " bertepatan dengan fase bulan purnama. Petugas telah menyiagakan pompa mobile di"
                + " titik-titik rawan.",
            "Warga berharap pemerintah segera menuntaskan pembangunan tanggul pantai agar air laut"
                + " tidak lagi masuk ke rumah mereka.",
            "Sebagian warga memilih mengungsi ke rumah kerabat.",
            "Antisipasi hingga akhir pekan",
            "BMKG memperkirakan banjir rob masih berpotensi terjadi hingga akhir pekan ini,"
                + " terutama pada pagi dan malam hari saat air laut mencapai titik tertinggi.");
    assertThat(page.text())
        .doesNotContain(
            "Berita Terkini", // nav menu
            "Beranda", // breadcrumb
            "cookie",
            "IKLAN",
            "Bagikan ke Facebook", // share bar
            "Baca juga", // link-only paragraph
            "Pompa Air Ditambah", // related articles
            "banjir rob jakarta", // tags
            "Semoga tanggulnya", // comments
            "Harga Cabai", // sidebar
            "Langganan buletin", // newsletter form
            "Hak cipta", // footer
            "window.dataLayer", // script
            ".menu {"); // style
  }

  @Test
  void withoutArticleMarkupTheDensestBlockWins() {
    String html =
        """
        <html><head><title>Judul Halaman - Situs</title></head><body>
        <div id="top"><ul>
          <li><a href="/1">Tautan satu yang cukup panjang untuk dihitung</a></li>
          <li><a href="/2">Tautan dua yang cukup panjang untuk dihitung</a></li>
        </ul></div>
        <div class="wrapper">
          <div class="content">
            <p>Paragraf pertama isi berita yang panjang dan informatif bagi pembaca setia.</p>
            <p>Paragraf kedua melanjutkan cerita dengan rincian yang sama pentingnya.</p>
          </div>
          <div class="box"><p>Kotak promosi pendek.</p></div>
        </div>
        <div class="bottom"><p>Tentang kami · Kontak · Kebijakan privasi</p></div>
        </body></html>
        """;

    Extracted page = extract(html);

    assertThat(page.title()).isEqualTo("Judul Halaman - Situs");
    assertThat(page.text())
        .isEqualTo(
            "Paragraf pertama isi berita yang panjang dan informatif bagi pembaca setia.\n"
                + "Paragraf kedua melanjutkan cerita dengan rincian yang sama pentingnya.");
  }

  @Test
  void textWrittenStraightIntoADivSplitsAtLineBreaks() {
    String html =
        "<html><body><div class=\"menu\"><a href=\"/\">Beranda</a></div>"
            + "<div class=\"isi\">Baris pertama dari berita lama yang ditulis tanpa tag paragraf."
            + "<br><br>Baris kedua juga ditulis langsung di dalam elemen div.</div></body></html>";

    assertThat(extract(html).text())
        .isEqualTo(
            "Baris pertama dari berita lama yang ditulis tanpa tag paragraf.\n"
                + "Baris kedua juga ditulis langsung di dalam elemen div.");
  }

  @Test
  void pageWrappersNamedLikeChromeAreKept() {
    String paragraphs =
        "<p>Paragraf isi berita pertama yang cukup panjang untuk dihitung sebagai teks.</p>"
            + "<p>Paragraf isi berita kedua yang cukup panjang untuk dihitung sebagai teks.</p>";
    String aspNet = "<html><body><form id=\"aspnetForm\">" + paragraphs + "</form></body></html>";
    String wrapper =
        "<html><body><div id=\"page\" class=\"layout with-sidebar\"><div class=\"main\">"
            + paragraphs
            + "</div><div class=\"sidebar\"><p>Iklan samping</p></div></div></body></html>";

    assertThat(extract(aspNet).text()).contains("Paragraf isi berita pertama", "kedua");
    assertThat(extract(wrapper).text())
        .contains("Paragraf isi berita pertama", "kedua")
        .doesNotContain("Iklan samping");
  }

  @Test
  void titleFallsBackFromOpenGraphToTitleToHeading() {
    String body = "<body><h1> Judul Utama </h1><p>Isi berita.</p></body>";

    assertThat(
            extract(
                    "<html><head><meta property=\"og:title\" content=\" OG Judul"
                        + " \"><title>T</title></head>"
                        + body)
                .title())
        .isEqualTo("OG Judul");
    assertThat(extract("<html><head><title>Judul | Kompas.com</title></head>" + body).title())
        .isEqualTo("Judul | Kompas.com");
    assertThat(extract("<html><head></head>" + body).title()).isEqualTo("Judul Utama");
    assertThat(extract("<html><body><p>Tanpa judul</p></body></html>").title()).isNull();
  }

  @Test
  void publishedDateSources() {
    String article = "<body><article><p>Isi.</p></article></body></html>";
    assertThat(
            extract(
                    "<html><head><meta property=\"og:published_time\""
                        + " content=\"2019-09-24\"></head>"
                        + article)
                .publishedRaw())
        .isEqualTo("2019-09-24");
    assertThat(
            extract(
                    "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
                        + " \"datePublished\" : \"2019-10-26 14:05\",}</script></head>"
                        + article)
                .publishedRaw())
        .isEqualTo("2019-10-26 14:05");
    assertThat(
            extract(
                    "<html><body><article><time datetime=\"2019-10-01T07:00\">1"
                        + " Okt</time><p>Isi.</p></article></body></html>")
                .publishedRaw())
        .isEqualTo("2019-10-01T07:00");
    assertThat(extract("<html><body><p>Tanpa tanggal.</p></body></html>").publishedRaw()).isNull();
  }

  @Test
  void emptyOrBrokenMarkupNeverThrows() {
    assertThat(extractor.extract(new byte[0], null, null).text()).isEmpty();
    assertThat(extract("<html><body><p>Teks <b>tanpa <i>penutup").text())
        .isEqualTo("Teks tanpa penutup");
    assertThat(
            extractor.extract(
                new byte[] {(byte) 0xff, (byte) 0xfe, 0, 0x3c}, "text/html; charset=bogus-x", null))
        .isNotNull();
  }

  @Test
  void isSerializable() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ObjectOutputStream oos = new ObjectOutputStream(out)) {
      oos.writeObject(extractor);
    }
    assertThat(out.size()).isPositive();
  }
}
