package io.kliping.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CommaJoinedParagraphsTest {

  @Test
  void splitsParagraphsGluedWithACommaAfterASentenceEnd() {
    // click-id, fimela.com
    String body =
        " , memang sudah melekat sejak anak-anak. Banyak penelitian juga mengungkapkan jika , dapat"
            + " membantu anak-anak dalam berkembang.,Lewat seni, si kecil dapat membangun rasa percaya"
            + " diri.,\"Seni itu menjadi hal yang penting,\" kata Lilie, Selasa (10/9/2019).,Melihat"
            + " manfaat besar dari seni?,Ya.";
    assertThat(CommaJoinedParagraphs.split(body))
        .isEqualTo(
            "memang sudah melekat sejak anak-anak. Banyak penelitian juga mengungkapkan jika , dapat"
                + " membantu anak-anak dalam berkembang.\n"
                + "Lewat seni, si kecil dapat membangun rasa percaya diri.\n"
                + "\"Seni itu menjadi hal yang penting,\" kata Lilie, Selasa (10/9/2019).\n"
                + "Melihat manfaat besar dari seni?\nYa.");
  }

  @Test
  void aRunOfCommasAfterASentenceEndBreaksBeforeANewSentence() {
    // click-id, okezone.com and kapanlagi.com: paragraphs between removed (embedded links)
    String body = "Usaha meraih kemenangan.,,,Sayangnya, usaha Bottas gagal.,,\"Kebanyakan tertipu,\""
        + " kata dia.,,,2019 menjadi tahun berat.";
    assertThat(CommaJoinedParagraphs.split(body))
        .isEqualTo("Usaha meraih kemenangan.\nSayangnya, usaha Bottas gagal.\n"
            + "\"Kebanyakan tertipu,\" kata dia.\n2019 menjadi tahun berat.");
  }

  @Test
  void spacesAroundTheCommasDoNotHideTheBreak() {
    // click-id, fimela.com and okezone.com: no-break spaces and spaces around the commas
    String body = "Area tersebut bisa lebih baik.,\u00A0,Selama kehamilan, tubuh berubah."
        + "\u00A0,Namun, makanan penting. Polisi datang pada Kamis lalu. , Polisi akan mengawal."
        + " Pemilik PT Maju Tbk., Jakarta, hadir.";
    assertThat(CommaJoinedParagraphs.split(body)).isEqualTo("Area tersebut bisa lebih baik.\n"
        + "Selama kehamilan, tubuh berubah.\nNamun, makanan penting. Polisi datang pada Kamis"
        + " lalu.\nPolisi akan mengawal. Pemilik PT Maju Tbk., Jakarta, hadir.");
  }

  @Test
  void aRunOfCommasBeforeALowerCaseWordStays() {
    // an embed removed inside a quotation: still one sentence
    String body = "\"Diunggah pada 27 Juni 2018.,,\" tulis akun tersebut.";
    assertThat(CommaJoinedParagraphs.split(body)).isEqualTo(body);
  }

  @Test
  void keepsCommasInsideSentencesAndLinkGaps() {
    String body = "Ketika memasak makanan berkuah ,, memang diperlukan trik, yakni 3.5 kg, \"ya,\" katanya.";
    assertThat(CommaJoinedParagraphs.split(body)).isEqualTo(body);
  }

  @Test
  void dropsEmptyLeadingParagraphs() {
    assertThat(CommaJoinedParagraphs.split(",,,,loading...")).isEqualTo("loading...");
    assertThat(CommaJoinedParagraphs.split(", , -")).isEqualTo("-");
    assertThat(CommaJoinedParagraphs.split(null)).isNull();
  }

  @Test
  void feedsTheCleanerRealParagraphs() {
    TextCleaner cleaner = new TextCleaner(CleaningSettings.defaults());
    String body = "Berita pertama.,Berita kedua!,Berita pertama.,Editor : Ani,,,";
    assertThat(cleaner.clean(CommaJoinedParagraphs.split(body)))
        .isEqualTo("Berita pertama.\n\nBerita kedua!");
  }

  @Test
  void agreesWithTheThreeRegularExpressionsItReplaced() {
    // Random texts over the characters the rules look at: sentence ends, quotes and brackets,
    // commas, ASCII and Unicode spaces, line terminators, capitals, digits and numbers outside
    // ASCII (a Roman numeral, a supplementary-plane capital), and lower-case letters.
    String[] pieces = {".", "!", "?", "\"", "”", "’", "'", ")", "“", "‘", "(", ",", ",", ",",
        " ", " ", "\t", "\u00A0", "\u2003", "\n", "\r", "\u000B", "\u0085", "\u2028", "A",
        "Z", "7", "\u216B", "\uD835\uDC00", "a", "x", "é", "-"};
    for (String s : RandomTexts.of(pieces, 20261204L, 200_000, 14)) {
      assertThat(CommaJoinedParagraphs.split(s)).as("%s", escaped(s)).isEqualTo(byRegex(s));
    }
  }

  private static final Pattern JOIN = Pattern.compile("([.!?][\"”’')]?),(?=[^\\s,])");
  private static final Pattern RUN = Pattern.compile(
      "([.!?][\"”’')]?)(?:\\h+(?:,\\h*)+|,(?:\\h*,)+\\h*)(?=[\"“‘'(]?[\\p{Lu}\\p{N}])");
  private static final Pattern EDGES = Pattern.compile("^[\\s,]+|[\\s,]+$");

  /** The specification: the three regular expressions this class first was. */
  static String byRegex(String text) {
    if (text == null || text.indexOf(',') < 0) {
      return text;
    }
    String trimmed = EDGES.matcher(text).replaceAll("");
    return JOIN.matcher(RUN.matcher(trimmed).replaceAll("$1\n")).replaceAll("$1\n");
  }

  private static String escaped(String s) {
    StringBuilder b = new StringBuilder();
    s.chars().forEach(c -> b.append(c < 0x20 || c > 0x7E ? String.format("\\u%04X", c)
        : String.valueOf((char) c)));
    return b.toString();
  }
}
