package io.kliping.entities;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FieldWordsTest {

    @Test
    void fieldsAreNominalisationsAndAClosedListButNotNames() {
        assertThat(FieldWords.isField("Kesehatan")).isTrue();
        assertThat(FieldWords.isField("Perhubungan")).isTrue();
        assertThat(FieldWords.isField("PEMBANGUNAN")).isTrue();
        assertThat(FieldWords.isField("Pemuda")).isTrue();
        assertThat(FieldWords.isField("Hukum")).isTrue();
        // names: -wan, too short for the affixes, or not a field at all
        assertThat(FieldWords.isField("Setiawan")).isFalse();
        assertThat(FieldWords.isField("Pebriawan")).isFalse();
        assertThat(FieldWords.isField("Pekan")).isFalse();
        assertThat(FieldWords.isField("Permana")).isFalse();
        assertThat(FieldWords.isField("Zainudin")).isFalse();
        assertThat(FieldWords.isField("Islam")).isFalse(); // "Presiden Islam Karimov"
    }

    @Test
    void skipCrossesConnectorsOnlyBetweenFields() {
        String[] words = "Menteri Pemuda dan Olahraga Zainudin Amali".split(" ");
        assertThat(FieldWords.skip(words, 1, words.length)).isEqualTo(4);
        String[] trailing = "Menteri Kelautan dan Edhy Prabowo".split(" ");
        assertThat(FieldWords.skip(trailing, 1, trailing.length)).isEqualTo(2);
        String[] none = "Menteri Retno Marsudi".split(" ");
        assertThat(FieldWords.skip(none, 1, none.length)).isEqualTo(1);
        String[] leadingConnector = "dan Kesehatan".split(" ");
        assertThat(FieldWords.skip(leadingConnector, 0, 2)).isZero();
    }
}
