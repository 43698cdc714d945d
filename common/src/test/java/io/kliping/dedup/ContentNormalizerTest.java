package io.kliping.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentNormalizerTest {

  @Test
  void lowerCasesAndJoinsTokensWithSingleSpaces() {
    assertThat(ContentNormalizer.normalize("  Banjir   di JAKARTA,\n\tribuan warga mengungsi!  "))
        .isEqualTo("banjir di jakarta ribuan warga mengungsi");
  }

  @Test
  void punctuationAndCaseDoNotChangeTheResult() {
    String plain = ContentNormalizer.normalize("Harga beras naik 5 persen pada Senin");
    assertThat(ContentNormalizer.normalize("HARGA BERAS NAIK 5 PERSEN PADA SENIN."))
        .isEqualTo(plain);
    assertThat(ContentNormalizer.normalize("\"Harga beras\" naik -- 5 persen (pada Senin)..."))
        .isEqualTo(plain);
  }

  @Test
  void splitsOnEverythingButLettersDigitsAndMarks() {
    assertThat(ContentNormalizer.normalize("Rp1.500,00/kg; e-KTP & COVID-19 #breaking @bnpb"))
        .isEqualTo("rp1 500 00 kg e ktp covid 19 breaking bnpb");
  }

  @Test
  void isUnicodeAware() {
    // Accented, Greek, Cyrillic and supplementary-plane letters are letters; U+2014 and emoji are not.
    assertThat(ContentNormalizer.normalize("Café ÉLYSÉE—ΑΘΗΝΑ Москва 😀 𐐀𐐁"))
        .isEqualTo("café élysée αθηνα москва 𐐨𐐩");
    // A decomposed accent (e + U+0301) stays inside its word.
    assertThat(ContentNormalizer.normalize("Cafe\u0301 Noir")).isEqualTo("cafe\u0301 noir");
    // Locale-independent: dotted capital I folds to plain i, not to i + combining dot.
    assertThat(ContentNormalizer.normalize("İSTANBUL")).isEqualTo("istanbul");
    // Devanagari vowel signs are combining marks: the word is not split.
    assertThat(ContentNormalizer.normalize("नमस्ते दुनिया")).isEqualTo("नमस्ते दुनिया");
  }

  @Test
  void nullBlankAndPunctuationOnlyNormaliseToEmpty() {
    assertThat(ContentNormalizer.normalize(null)).isEmpty();
    assertThat(ContentNormalizer.normalize("")).isEmpty();
    assertThat(ContentNormalizer.normalize(" \n\t ... --- !!! ")).isEmpty();
  }

  @Test
  void reusableBuilderIsClearedAndLengthReturned() {
    StringBuilder out = new StringBuilder("left over from the previous document");
    int length = ContentNormalizer.normalize("Satu, dua; TIGA.", out);
    assertThat(out.toString()).isEqualTo("satu dua tiga");
    assertThat(length).isEqualTo("satu dua tiga".length());
    assertThat(ContentNormalizer.normalize(null, out)).isZero();
    assertThat(out).isEmpty();
  }
}
