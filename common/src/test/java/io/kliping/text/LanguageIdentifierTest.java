package io.kliping.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class LanguageIdentifierTest {

  private static final String INDONESIAN =
      "Menteri Luar Negeri Rusia Sergey Lavrov terbang ke kota Wonsan di timur Korea Utara pada"
          + " Jumat untuk bertemu dengan mitranya dari Korea Utara, Choe Son Hui. Hubungan antara"
          + " Rusia dan Korea Utara telah berkembang pesat dalam beberapa tahun terakhir.";

  private static final String ENGLISH =
      "Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn for the three months"
          + " to December, from $639m year-earlier. The firm, which is now one of the biggest"
          + " investors in Google, benefited from sales of high-speed internet connections.";

  private final LanguageIdentifier identifier =
      LanguageIdentifier.create(LanguageIdentifier.DEFAULT_LANGUAGES);

  @Test
  void identifiesIndonesian() {
    assertThat(identifier.detect(INDONESIAN)).isEqualTo("id");
  }

  @Test
  void identifiesEnglish() {
    assertThat(identifier.detect(ENGLISH)).isEqualTo("en");
  }

  @Test
  void emptyOrLetterlessTextIsUndetermined() {
    assertThat(identifier.detect("")).isEqualTo("und");
    assertThat(identifier.detect(null)).isEqualTo("und");
    assertThat(identifier.detect("  \n ")).isEqualTo("und");
    assertThat(identifier.detect("12345 67.890 !!!")).isEqualTo("und");
    assertThat(identifier.detect(",,,,loading...")).isEqualTo("und");
  }

  @Test
  void longTextIsJudgedOnItsBeginning() {
    String longText = (INDONESIAN + " ").repeat(20) + ENGLISH.repeat(200);
    assertThat(identifier.detect(longText)).isEqualTo("id");
  }

  @Test
  void onlyTheConfiguredLanguagesAreAnswered() {
    LanguageIdentifier idOrMs = LanguageIdentifier.create(List.of("ID", " ms "));
    assertThat(idOrMs.detect(ENGLISH)).isIn("id", "ms");
  }

  @Test
  void aSingleLanguageSetAnswersThatLanguage() {
    LanguageIdentifier english = LanguageIdentifier.create(List.of("en"));
    assertThat(english.detect(INDONESIAN)).isEqualTo("en");
    assertThat(english.detect(" ")).isEqualTo("und");
  }

  @Test
  void rejectsUnknownCodesAndEmptySets() {
    assertThatThrownBy(() -> LanguageIdentifier.create(List.of("id", "xx")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("xx");
    assertThatThrownBy(() -> LanguageIdentifier.create(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void survivesJavaSerialisationAndSharesTheDetector() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(identifier);
    }
    LanguageIdentifier copy;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (LanguageIdentifier) in.readObject();
    }
    assertThat(copy.detect(INDONESIAN)).isEqualTo("id");
    assertThat(copy.detect(ENGLISH)).isEqualTo("en");
  }
}
