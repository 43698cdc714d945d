package io.kliping.entities;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SportsReportsTest {

    @Test
    void aSportsReportHasThreeDifferentFootballWords() {
        assertThat(SportsReports.isSportsReport("Pelatih itu memuji skuad yang mencetak gol."))
            .isTrue();
        assertThat(SportsReports.isSportsReport("The coach said the club's goals were clear."))
            .isTrue();
        // one word three times is one word; "golongan" and "Klubnya" are not the words
        assertThat(SportsReports.isSportsReport("Gol, gol, gol! Golongan muda di Klubnya."))
            .isFalse();
        assertThat(SportsReports.isSportsReport("Harga beras di Liverpool naik, kata pedagang."))
            .isFalse();
    }
}
