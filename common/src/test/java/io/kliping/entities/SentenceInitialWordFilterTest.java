package io.kliping.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceInitialWordFilterTest {

    private static final EntityExtractor GAZETTEER = EntityExtractor.fromGazetteer(Gazetteer.parse(List.of(
            "Q2868\tLOCATION\tLima",
            "Q3612\tLOCATION\tJakarta",
            "kl:person/demi_moore\tPERSON\tDemi Moore",
            "kl:loc/setiap\tLOCATION\tSetiap",
            "Q7817\tORGANIZATION\tWorld Health Organization\t\tWHO"), "test.tsv"));

    private static final EntityExtractor FILTERED =
        EntityExtractor.withoutSentenceInitialWords(GAZETTEER, "kliping-test/lowercase-words.txt");

    private static List<String> found(String text) {
        return FILTERED.extract(text).stream()
            .map(m -> m.surface() + "@" + m.charStart()).toList();
    }

    @Test
    void aLowerCaseWordOpeningASentenceIsNotAName() {
        assertThat(GAZETTEER.extract("Lima orang tewas di Lima.")).hasSize(2);
        assertThat(found("Lima orang tewas di Lima.")).containsExactly("Lima@20");
        assertThat(found("Ia tiba. Setiap orang menunggu.\n\"Lima tahun,\" katanya. - Lima hari."))
            .isEmpty();
    }

    @Test
    void anAcronymOpeningASentenceIsKept() {
        // "who" is in the list (English text writes it in lower case); "WHO" is the organisation
        assertThat(found("WHO menyatakan wabah.")).containsExactly("WHO@0");
    }

    @Test
    void namesAndOtherWordsAreKept() {
        assertThat(found("Jakarta ramai. Demi Moore tiba di Lima, lalu Jakarta."))
            .containsExactly("Jakarta@0", "Demi Moore@15", "Lima@34", "Jakarta@45");
    }

    @Test
    void aMissingListFailsWhenTheExtractorIsMade() {
        assertThatThrownBy(() ->
                EntityExtractor.withoutSentenceInitialWords(GAZETTEER, "kliping-test/none.txt"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kliping-test/none.txt");
    }
}
