package io.kliping.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import com.github.pemistahl.lingua.api.Language;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

  /**
   * Short news paragraphs, one per line, in lang/{id,ms,en}.txt: 20 Indonesian (7 excerpts of
   * wire stories, 13 written for this test), 30 Malay in Malaysian news style, 10 English. 11
   * Indonesian and 13 Malay lines hold no marker word of {@link IndonesianMalayDisambiguator}, so
   * its prior rule is tested too. Plain Lingua gets 17 of the 20 Indonesian lines right (85%)
   * and all Malay and English ones.
   */
  @ParameterizedTest
  @ValueSource(strings = {"id", "ms", "en"})
  void curatedNewsParagraphsAreAtLeast95PercentCorrect(String language) throws IOException {
    List<String> paragraphs = paragraphs("/lang/" + language + ".txt");
    List<String> wrong =
        paragraphs.stream().filter(p -> !identifier.detect(p).equals(language)).toList();
    assertThat(paragraphs).hasSizeGreaterThanOrEqualTo(10);
    assertThat((double) (paragraphs.size() - wrong.size()) / paragraphs.size())
        .as("share of %s paragraphs detected as %s; wrong: %s", language, language, wrong)
        .isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void indonesianThatPlainLinguaCallsMalayIsIndonesian() {
    assertThat(
            identifier.detect(
                "Korea Utara memandang latihan militer besar-besaran yang dipimpin AS sebagai"
                    + " latihan invasi."))
        .isEqualTo("id");
  }

  @Test
  void malayWithoutMarkerWordsStaysMalay() {
    String malay =
        "Lebih 300 penduduk kampung bergotong-royong membersihkan surau dan balai raya yang"
            + " rosak teruk akibat dilanda ribut petang semalam.";
    assertThat(IndonesianMalayDisambiguator.lexicalBalance(malay)).isZero();
    assertThat(identifier.detect(malay)).isEqualTo("ms");
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

  /**
   * Texts of as many consecutive curated paragraphs (cyclically) as the two windows need: the answer with the windows first is the answer on the whole sample, and the
   * windows settle most of them.
   */
  @ParameterizedTest
  @ValueSource(strings = {"id", "ms", "en"})
  void theWindowsGiveTheWholeSamplesAnswerOnCuratedTexts(String language) throws IOException {
    LinguaLanguageIdentifier lingua =
        new LinguaLanguageIdentifier(LanguageIdentifier.DEFAULT_LANGUAGES);
    List<String> paragraphs = paragraphs("/lang/" + language + ".txt");
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < paragraphs.size(); i++) {
      StringBuilder text = new StringBuilder(paragraphs.get(i));
      for (int k = i + 1; text.length() <= LinguaLanguageIdentifier.MIN_SAMPLE_FOR_WINDOWS; k++) {
        text.append(' ').append(paragraphs.get(k % paragraphs.size()));
      }
      texts.add(text.toString());
    }
    int settledByWindows = 0;
    for (String text : texts) {
      assertThat(text.length()).isGreaterThan(LinguaLanguageIdentifier.MIN_SAMPLE_FOR_WINDOWS);
      assertThat(lingua.detect(text, true)).as(text).isEqualTo(lingua.detect(text, false));
      if (lingua.clearFromEnds(text) != null) {
        settledByWindows++;
      }
    }
    assertThat(settledByWindows).as("texts settled by their ends").isGreaterThan(texts.size() / 2);
  }

  @Test
  void clearEndsSettleTheLanguage() {
    LinguaLanguageIdentifier lingua =
        new LinguaLanguageIdentifier(LanguageIdentifier.DEFAULT_LANGUAGES);
    assertThat(lingua.clearFromEnds(ENGLISH.repeat(5))).isEqualTo(Language.ENGLISH);
    // Indonesian and Malay lead; the lexical vote (Jumat) decides
    assertThat(lingua.clearFromEnds(INDONESIAN.repeat(5))).isEqualTo(Language.INDONESIAN);
  }

  @Test
  void endsInDifferentLanguagesLeaveItToTheWholeSample() {
    LinguaLanguageIdentifier lingua =
        new LinguaLanguageIdentifier(LanguageIdentifier.DEFAULT_LANGUAGES);
    String englishOpening = ENGLISH + " " + INDONESIAN.repeat(4);
    String englishEnding = INDONESIAN.repeat(4) + " " + ENGLISH;
    assertThat(lingua.clearFromEnds(englishOpening)).isNull();
    assertThat(lingua.clearFromEnds(englishEnding)).isNull();
    assertThat(lingua.detect(englishOpening)).isEqualTo(lingua.detect(englishOpening, false));
    assertThat(lingua.detect(englishOpening)).isEqualTo("id");
  }

  @Test
  void indonesianOrMalayWithoutLexicalEvidenceIsJudgedOnTheWholeSample() {
    LinguaLanguageIdentifier lingua =
        new LinguaLanguageIdentifier(LanguageIdentifier.DEFAULT_LANGUAGES);
    String malay =
        "Lebih 300 penduduk kampung bergotong-royong membersihkan surau dan balai raya yang"
            + " rosak teruk akibat dilanda ribut petang semalam. ";
    String text = malay.repeat(6);
    assertThat(IndonesianMalayDisambiguator.lexicalBalance(text)).isZero();
    assertThat(lingua.clearFromEnds(text)).isNull();
    assertThat(lingua.detect(text)).isEqualTo("ms");
  }

  @Test
  void withoutMalayTheEndsAnswerIndonesianAlone() {
    LinguaLanguageIdentifier idOrEn = new LinguaLanguageIdentifier(List.of("id", "en"));
    assertThat(idOrEn.clearFromEnds(INDONESIAN.repeat(5))).isEqualTo(Language.INDONESIAN);
    assertThat(idOrEn.detect(INDONESIAN.repeat(5))).isEqualTo("id");
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

  private static List<String> paragraphs(String resource) throws IOException {
    try (InputStream in = LanguageIdentifierTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(line -> !line.isBlank())
          .toList();
    }
  }
}
