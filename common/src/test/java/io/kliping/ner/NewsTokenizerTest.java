package io.kliping.ner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NewsTokenizerTest {

    @Test
    void splitsLikeTheTrainingData() {
        String text = "Kim Jong-un, kata AS (1.000 orang).";
        NewsTokenizer.Tokens tokens = NewsTokenizer.tokenize(text, 0, text.length());
        assertThat(tokens.strings()).containsExactly(
            "Kim", "Jong", "-", "un", ",", "kata", "AS", "(", "1.000", "orang", ")", ".");
        for (int i = 0; i < tokens.size(); i++) {
            assertThat(text.substring(tokens.starts()[i], tokens.ends()[i])).isEqualTo(tokens.token(i));
        }
    }

    @Test
    void tokenizesOnlyTheGivenRange() {
        String text = "Satu. Dua tiga.";
        assertThat(NewsTokenizer.tokenize(text, 6, text.length()).strings())
            .containsExactly("Dua", "tiga", ".");
        assertThat(NewsTokenizer.tokenize("   ", 0, 3).size()).isZero();
    }
}
