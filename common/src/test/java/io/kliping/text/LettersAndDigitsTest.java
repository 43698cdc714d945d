package io.kliping.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LettersAndDigitsTest {
  /** The specification: what the line keys were built with before. */
  static final Pattern OTHERS = Pattern.compile("[^\\p{L}\\p{N}]+");

  @Test
  void keepsLettersAndDigitsOfAnyScriptAndDropsTheRest() {
    assertThat(LettersAndDigits.keep("#GrowFearless with FIMELA!"))
        .isEqualTo("GrowFearlesswithFIMELA");
    assertThat(LettersAndDigits.keep("Baca juga: Rp 2.500,- (Ⅻ) ١٢ 東京 café"))
        .isEqualTo("BacajugaRp2500Ⅻ١٢東京café");
    assertThat(LettersAndDigits.keep("plain")).isSameAs("plain").isEqualTo("plain");
    assertThat(LettersAndDigits.keep("")).isEmpty();
    assertThat(LettersAndDigits.keep(null)).isNull();
  }

  @Test
  void agreesWithTheRegularExpressionOnRandomText() {
    // ASCII letters, digits and punctuation; Latin letters with and without combining marks (a
    // mark is not a letter); other scripts' letters and digits; letter and other numbers;
    // spaces of every kind; a supplementary-plane letter, an emoji and lone surrogates.
    String[] pieces = {"a", "Z", "7", " ", ".", ",", "-", "#", "_", "é", "e\u0301", "ß", "Σ",
        "ς", "İ", "東", "ا", "١", "Ⅻ", "½", "²", "\u00A0", "\u2003", "\t", "\n", "\u200B",
        "\uD835\uDC00", "\uD83D\uDE00", "\uD835", "\uDC00", "ǅ", "ʰ", "€", "™"};
    for (String s : RandomTexts.of(pieces, 20261204L, 100_000, 12)) {
      assertThat(LettersAndDigits.keep(s)).as("%s", s.codePoints().mapToObj(Integer::toHexString)
          .toList()).isEqualTo(OTHERS.matcher(s).replaceAll(""));
    }
  }
}
