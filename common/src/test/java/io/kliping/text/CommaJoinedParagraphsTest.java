package io.kliping.text;

import static org.assertj.core.api.Assertions.assertThat;

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
}
