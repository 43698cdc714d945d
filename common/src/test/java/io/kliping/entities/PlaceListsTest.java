package io.kliping.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One-word names listed with a place, through the pipeline's extractor. */
class PlaceListsTest {
    private static final EntityExtractor EXTRACTOR = EntityExtractor.withModel(
        Gazetteer.fromClasspath(List.of("kliping/gazetteer/curated.tsv",
            "kliping/gazetteer/countries.tsv", "kliping/gazetteer/capitals.tsv")),
        "kliping/ner/kliping-ner.bin");

    @Test
    void aNameListedWithAPlaceIsAPlace() {
        // NERGrit dev: the model missed these
        assertThat(EXTRACTOR.extract("Sungai itu melewati Bekasi dan Penrith."))
            .extracting(Mention::surface, Mention::entityType)
            .contains(tuple("Penrith", EntityType.LOCATION));
        assertThat(EXTRACTOR.extract("Para pedagang itu menuju Manarou atau Manado setiap"
                + " pekan."))
            .extracting(Mention::surface, Mention::entityType)
            .contains(tuple("Manarou", EntityType.LOCATION));
    }

    @Test
    void daysAcronymsConnectivesAndWordsInsideOtherNamesAreNot() {
        assertThat(EXTRACTOR.extract("Hal itu dia sampaikan di Jakarta, Ahad, 15 September."
                + " Pelayanan KB, Kabupaten Sragen meningkat. Hujan turun di Bogor, Namun,"
                + " jalan tetap ramai. Dia anggota Institute of Aeronautics and Astronautics,"
                + " Amerika Serikat."))
            .extracting(Mention::surface)
            .doesNotContain("Ahad", "KB", "Namun", "Astronautics");
        // NERGrit train: subjects and peoples, not places
        assertThat(EXTRACTOR.extract("Jurusannya antara lain Sastra Inggris, Akuntansi,"
                + " Manajemen. Penduduknya dari suku Jawa, Sunda, Batak dan Aceh."))
            .extracting(Mention::surface).doesNotContain("Akuntansi", "Sunda", "Batak");
    }
}
