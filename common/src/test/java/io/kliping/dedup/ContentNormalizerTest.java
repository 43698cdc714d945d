package io.kliping.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
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
  void reusableBufferIsClearedAndHoldsTheTokenStarts() {
    NormalizedContent out = new NormalizedContent();
    ContentNormalizer.normalize("left over from the previous, much longer document", out);
    int length = ContentNormalizer.normalize("Satu, dua; TIGA.", out);
    assertThat(out.toString()).isEqualTo("satu dua tiga");
    assertThat(length).isEqualTo("satu dua tiga".length());
    assertThat(out.tokens()).isEqualTo(3);
    assertThat(new int[] {out.tokenStart(0), out.tokenStart(1), out.tokenStart(2)})
        .containsExactly(0, 5, 9);
    assertThatThrownBy(() -> out.tokenStart(3)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThat(ContentNormalizer.normalize(null, out)).isZero();
    assertThat(out.tokens()).isZero();
    assertThat(out).isEmpty();
  }

  /**
   * The one-pass normaliser against the rules written plainly (version 1, as first implemented:
   * code point by code point into a builder), on random text mixing ASCII, Latin-1, Greek,
   * combining marks, dotted I, supplementary letters and emoji, and unpaired surrogates.
   */
  @Test
  void agreesWithThePlainRulesOnRandomText() {
    String[] pieces = {
      "a", "Z", "7", " ", "\t", "\n", ",", "-", "é", "É", "ß", "İ", "Σ", "ς", "\u0301", "\u0903",
      "—", "“", "😀", "𐐀", "𐐨", "\ud800", "\udc00", "\u00a0", "ǅ", "ﬁ", "Ⅻ", "٣", "ー"
    };
    SplittableRandom random = new SplittableRandom(11);
    NormalizedContent reused = new NormalizedContent();
    for (int round = 0; round < 2_000; round++) {
      StringBuilder text = new StringBuilder();
      int n = random.nextInt(0, 60);
      for (int i = 0; i < n; i++) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      String expected = plainRules(text);
      assertThat(ContentNormalizer.normalize(text, reused)).isEqualTo(expected.length());
      assertThat(reused.toString()).as("text %s", text).isEqualTo(expected);
      assertThat(reused.tokens()).isEqualTo(expected.isEmpty() ? 0 : expected.split(" ").length);
      assertThat(new NormalizedContent().setNormalized(expected).tokens()).isEqualTo(reused.tokens());
    }
  }

  private static String plainRules(CharSequence text) {
    StringBuilder out = new StringBuilder();
    boolean inToken = false;
    for (int i = 0; i < text.length(); ) {
      int codePoint = Character.codePointAt(text, i);
      i += Character.charCount(codePoint);
      int type = Character.getType(codePoint);
      boolean token =
          type == Character.UPPERCASE_LETTER
              || type == Character.LOWERCASE_LETTER
              || type == Character.TITLECASE_LETTER
              || type == Character.MODIFIER_LETTER
              || type == Character.OTHER_LETTER
              || type == Character.DECIMAL_DIGIT_NUMBER
              || type == Character.NON_SPACING_MARK
              || type == Character.COMBINING_SPACING_MARK
              || type == Character.ENCLOSING_MARK;
      if (token) {
        if (!inToken && out.length() > 0) {
          out.append(' ');
        }
        out.appendCodePoint(Character.toLowerCase(codePoint));
      }
      inToken = token;
    }
    return out.toString();
  }
}
