package io.kliping.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LowerCaseWordsTest {

    private static final List<String[]> SENTENCES = List.of(
        new String[] {"Setiap", "orang", "datang", "ke", "Jakarta", "."},
        new String[] {"Mereka", "datang", "setiap", "hari", "."},
        new String[] {"\"", "Setiap", "hari", "kami", "datang", "ke", "Bogor", "\""},
        new String[] {"Kata", "Jokowi", ",", "setiap", "orang", "di", "Jakarta", "datang", "."},
        new String[] {"Hari", "ini", "Jokowi", "datang", "."});

    private static LowerCaseWords count(List<String[]> sentences, int minCount, double share) {
        LowerCaseWords.Counter counter = new LowerCaseWords.Counter();
        sentences.forEach(counter::add);
        return counter.build(minCount, share);
    }

    @Test
    void countsWordsInsideSentencesOnly() {
        LowerCaseWords words = count(SENTENCES, 2, 0.9);

        // "setiap": 2 of 2 inside sentences in lower case (the two at a sentence start, one
        // after an opening quote, are not counted)
        assertThat(words.contains("setiap")).isTrue();
        assertThat(words.contains("Setiap")).as("any case is looked up").isTrue();
        assertThat(words.contains("datang")).isTrue();
        assertThat(words.contains("hari")).as("'Hari' opens a sentence only once").isTrue();
        assertThat(words.contains("jakarta")).isFalse();
        assertThat(words.contains("jokowi")).isFalse();
        assertThat(words.contains("bogor")).as("seen once").isFalse();
        assertThat(count(SENTENCES, 6, 0.9).contains("datang")).as("seen 5 times inside").isFalse();
    }

    @Test
    void theShareDecides() {
        List<String[]> mixed = List.of(
            new String[] {"Ia", "bunga", "."}, new String[] {"Ia", "bunga", "."},
            new String[] {"Ia", "bunga", "."}, new String[] {"Ia", "Bunga", "."});
        assertThat(count(mixed, 2, 0.75).contains("bunga")).isTrue();
        assertThat(count(mixed, 2, 0.8).contains("bunga")).isFalse();
        assertThatThrownBy(() -> count(mixed, 0, 0.8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> count(mixed, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void wordsThatOpenSentencesAndAreNeverCapitalisedInsideOneAreListed() {
        List<String[]> sentences = List.of(
            new String[] {"Alhasil", ",", "harga", "naik", "."},
            new String[] {"Alhasil", "warga", "kecewa", "."},
            new String[] {"\"", "Alhasil", ",", "kami", "pulang", "\""},
            new String[] {"Hujan", "turun", ",", "alhasil", "jalan", "banjir", "."},
            new String[] {"Jokowi", "datang", "."}, new String[] {"Jokowi", "pulang", "."},
            new String[] {"Jokowi", "tiba", "."}, new String[] {"Kata", "Jokowi", ",", "jokowi", "."},
            new String[] {"Walhasil", "sepi", "."}, new String[] {"Walhasil", "ramai", "."},
            new String[] {"Walhasil", "tutup", "."});
        LowerCaseWords.Counter counter = new LowerCaseWords.Counter();
        sentences.forEach(counter::add);

        LowerCaseWords words = counter.build(10, 0.9, 3);
        assertThat(words.contains("alhasil")).as("3 openings, once in lower case inside").isTrue();
        assertThat(words.contains("jokowi")).as("capitalised inside a sentence once").isFalse();
        assertThat(words.contains("walhasil")).as("never seen inside a sentence").isFalse();
        assertThat(counter.build(10, 0.9, 4).contains("alhasil")).isFalse();
        assertThat(counter.build(10, 0.9).contains("alhasil")).as("no opening words").isFalse();
        assertThatThrownBy(() -> counter.build(1, 0.9, 0))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theOrderOfSentencesDoesNotMatter() throws IOException {
        List<String[]> shuffled = new ArrayList<>(SENTENCES);
        Collections.shuffle(shuffled, new Random(7));
        assertThat(bytes(count(shuffled, 1, 0.5))).isEqualTo(bytes(count(SENTENCES, 1, 0.5)));
    }

    @Test
    void writesAndReadsTheTextFormat() throws IOException {
        LowerCaseWords words = count(SENTENCES, 1, 0.9);
        byte[] written = bytes(words);

        assertThat(new String(written, StandardCharsets.UTF_8))
            .startsWith(LowerCaseWords.HEADER + "\n").contains("\ndatang\n");
        LowerCaseWords read = LowerCaseWords.read(new ByteArrayInputStream(written));
        assertThat(read.size()).isEqualTo(words.size()).isPositive();
        assertThat(bytes(read)).isEqualTo(written);
        assertThatThrownBy(() -> LowerCaseWords.read(
                new ByteArrayInputStream("datang\n".getBytes(StandardCharsets.UTF_8))))
            .isInstanceOf(IOException.class).hasMessageContaining(LowerCaseWords.HEADER);
    }

    @Test
    void classpathListsLoadOnceAndAMissingOneIsNamed() {
        LowerCaseWords words = LowerCaseWords.resource("kliping-test/lowercase-words.txt");
        assertThat(words.contains("Lima")).isTrue();
        assertThat(LowerCaseWords.resource("kliping-test/lowercase-words.txt")).isSameAs(words);
        assertThatThrownBy(() -> LowerCaseWords.resource("kliping-test/missing.txt"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kliping-test/missing.txt");
        // the list the entities stage is configured with ships in the jar
        assertThat(LowerCaseWords.resource("kliping/ner/lowercase-words.txt.gz").size())
            .isGreaterThan(5_000);
    }

    private static byte[] bytes(LowerCaseWords words) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        words.write(out);
        return out.toByteArray();
    }
}
