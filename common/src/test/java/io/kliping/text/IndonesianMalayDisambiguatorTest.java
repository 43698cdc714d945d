package io.kliping.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.pemistahl.lingua.api.Language;
import org.junit.jupiter.api.Test;

class IndonesianMalayDisambiguatorTest {

  @Test
  void countsIndonesianMarkersAgainstMalayOnes() {
    assertThat(IndonesianMalayDisambiguator.lexicalBalance("Dia absen karena sakit, bahwa uang"))
        .isEqualTo(3);
    assertThat(IndonesianMalayDisambiguator.lexicalBalance("kerana wang itu, kata pemberita"))
        .isEqualTo(-3);
    assertThat(IndonesianMalayDisambiguator.lexicalBalance("karena itu, kerana ini")).isZero();
    assertThat(IndonesianMalayDisambiguator.lexicalBalance("dibawa ke rumah sakit, bukan hospital"))
        .isZero();
  }

  @Test
  void countsWholeWordsOnly() {
    assertThat(IndonesianMalayDisambiguator.lexicalBalance("bisanya kesahajaan polisi kesan"))
        .isZero();
    assertThat(IndonesianMalayDisambiguator.lexicalBalance("(karena)-bisa.")).isEqualTo(2);
  }

  @Test
  void capitalisedCommonWordsAreNamesAndNoEvidence() {
    assertThat(IndonesianMalayDisambiguator.lexicalBalance("Wang Yi bertemu Kantor Hospital"))
        .isZero();
  }

  @Test
  void dayMonthAndCountryNamesCountInTheirUsualCasings() {
    assertThat(IndonesianMalayDisambiguator.lexicalBalance("Kamis, 1 Agustus; KAMIS; kamis"))
        .isEqualTo(4);
    assertThat(IndonesianMalayDisambiguator.lexicalBalance("Khamis, 1 Ogos, Inggeris"))
        .isEqualTo(-3);
  }

  @Test
  void lexicalEvidenceOverridesLingua() {
    assertThat(IndonesianMalayDisambiguator.decide("ditunda karena hujan", 0.9, 1.0))
        .isEqualTo(Language.INDONESIAN);
    assertThat(IndonesianMalayDisambiguator.decide("ditangguhkan kerana hujan", 1.0, 0.9))
        .isEqualTo(Language.MALAY);
  }

  @Test
  void withoutEvidenceMalayNeedsALead() {
    String neutral = "penduduk kampung membersihkan surau";
    assertThat(IndonesianMalayDisambiguator.lexicalBalance(neutral)).isZero();
    assertThat(IndonesianMalayDisambiguator.decide(neutral, 0.995, 1.0))
        .isEqualTo(Language.INDONESIAN);
    assertThat(IndonesianMalayDisambiguator.decide(neutral, 0.98, 1.0)).isEqualTo(Language.MALAY);
    assertThat(IndonesianMalayDisambiguator.decide(neutral, 1.0, 0.98))
        .isEqualTo(Language.INDONESIAN);
    assertThat(IndonesianMalayDisambiguator.decide(neutral, 1.0, 1.0))
        .isEqualTo(Language.INDONESIAN);
  }
}
