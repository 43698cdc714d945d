package io.kliping.entities;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    @Test
    void splitsOnTerminatorsFollowedBySpaceAndCapital() {
        assertThat(SentenceSplitter.sentences("Lavrov tiba. Ia bertemu Choe! Apa hasilnya? Belum jelas."))
                .containsExactly("Lavrov tiba.", "Ia bertemu Choe!", "Apa hasilnya?", "Belum jelas.");
    }

    @Test
    void lineBreaksEndSentencesAndBlankLinesAreSkipped() {
        assertThat(SentenceSplitter.sentences("Judul tanpa titik\nParagraf satu\n\n  Paragraf dua."))
                .containsExactly("Judul tanpa titik", "Paragraf satu", "Paragraf dua.");
        assertThat(SentenceSplitter.sentences("Baris satu\r\nBaris dua")).containsExactly("Baris satu", "Baris dua");
    }

    @Test
    void titlesAndAbbreviationsDoNotEndSentences() {
        assertThat(SentenceSplitter.sentences("Menurut Dr. Budi dan Prof. Ani, rapat No. 5 di Jl. Sudirman batal. Letjen. Agus hadir."))
                .containsExactly("Menurut Dr. Budi dan Prof. Ani, rapat No. 5 di Jl. Sudirman batal.", "Letjen. Agus hadir.");
        assertThat(SentenceSplitter.sentences("Harga Rp. 5.000 per liter."))
                .containsExactly("Harga Rp. 5.000 per liter.");
    }

    @Test
    void initialsAndDottedAcronymsDoNotEndSentences() {
        assertThat(SentenceSplitter.sentences("Presiden B. J. Habibie menyapa George W. Bush di U.S. Embassy. Lalu pulang."))
                .containsExactly("Presiden B. J. Habibie menyapa George W. Bush di U.S. Embassy.", "Lalu pulang.");
    }

    @Test
    void numbersAndDomainsDoNotEndSentences() {
        assertThat(SentenceSplitter.sentences("Resor menampung 20.000 orang dan 2,5 persen. Kata KONTAN.CO.ID pada 2023. Selesai."))
                .containsExactly("Resor menampung 20.000 orang dan 2,5 persen.", "Kata KONTAN.CO.ID pada 2023.", "Selesai.");
    }

    @Test
    void closingQuotesStayWithTheirSentence() {
        assertThat(SentenceSplitter.sentences("Ia berkata, “Kami siap.” Lalu pergi. \"Benar?\" tanya dia."))
                .containsExactly("Ia berkata, “Kami siap.”", "Lalu pergi.", "\"Benar?\" tanya dia.");
    }

    @Test
    void lowercaseAfterTerminatorContinuesTheSentence() {
        assertThat(SentenceSplitter.sentences("Dia menunggu... lalu pergi. Selesai."))
                .containsExactly("Dia menunggu... lalu pergi.", "Selesai.");
    }

    @Test
    void sentenceIndexAtMapsOffsetsToSentences() {
        String text = "  Satu. Dua.\n\nTiga";
        int[] starts = SentenceSplitter.sentenceStarts(text);

        assertThat(starts).containsExactly(2, 8, 14);
        assertThat(SentenceSplitter.sentenceIndexAt(starts, 0)).isZero();
        assertThat(SentenceSplitter.sentenceIndexAt(starts, 2)).isZero();
        assertThat(SentenceSplitter.sentenceIndexAt(starts, 7)).isZero();
        assertThat(SentenceSplitter.sentenceIndexAt(starts, 8)).isEqualTo(1);
        assertThat(SentenceSplitter.sentenceIndexAt(starts, 16)).isEqualTo(2);
        assertThat(SentenceSplitter.sentenceStarts("   \n ")).isEmpty();
    }

    @Test
    void anInitialBeforeASpacedDotInTokenisedTextDoesNotEndTheSentence() {
        // CoNLL files join tokens with spaces: "Stephen R . Covey"
        assertThat(SentenceSplitter.sentences("Buku karya Stephen R . Covey laris . Ia senang ."))
            .containsExactly("Buku karya Stephen R . Covey laris .", "Ia senang .");
    }
}
