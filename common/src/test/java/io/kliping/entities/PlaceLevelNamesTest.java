package io.kliping.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Places named with their level word, through the pipeline's extractor. */
class PlaceLevelNamesTest {
    private static final EntityExtractor EXTRACTOR = EntityExtractor.withModel(
        Gazetteer.fromClasspath(List.of("kliping/gazetteer/curated.tsv",
            "kliping/gazetteer/countries.tsv", "kliping/gazetteer/capitals.tsv")),
        "kliping/ner/kliping-ner.bin");

    private static List<Mention> places(String text) {
        return EXTRACTOR.extract(text).stream()
            .filter(m -> m.entityType() == EntityType.LOCATION).toList();
    }

    @Test
    void aVillageOrDistrictTheModelMissedIsAPlaceWithItsLevelWord() {
        // NERGrit dev: the model found none of these, or only the name after the word
        assertThat(places("Sebelah Selatan adalah Desa Tiyaran, Sebelah Barat adalah Desa"
                + " Ngasinan dan sebelah timur Kabupaten Wonogiri."))
            .extracting(Mention::surface)
            .contains("Desa Tiyaran", "Desa Ngasinan", "Kabupaten Wonogiri");
        assertThat(places("Pada tahun 1937 wilayah itu menjadi Distrik Totikum yang berkedudukan"
                + " di sana, di sekitar danau Tondano."))
            .extracting(Mention::surface).contains("Distrik Totikum", "danau Tondano");
    }

    @Test
    void aListedPlaceWithItsLevelIsTheListedPlaceAndADistrictBuiltOnItIsNot() {
        List<Mention> mentions = places("Banjir melanda Kecamatan Bekasi Selatan dan Kabupaten"
            + " Bekasi, juga Kecamatan Medan Belawan dan Kabupaten Maluku Tengah, kata warga.");
        assertThat(mentions).extracting(Mention::surface)
            .contains("Kecamatan Bekasi Selatan", "Kabupaten Bekasi", "Kecamatan Medan Belawan",
                "Kabupaten Maluku Tengah");
        assertThat(mentions).filteredOn(m -> m.surface().equals("Kabupaten Bekasi"))
            .extracting(Mention::entityId).containsExactly("kl:loc/bekasi");
        assertThat(mentions).filteredOn(m -> m.surface().startsWith("Kecamatan"))
            .extracting(Mention::entityId).doesNotContain("kl:loc/bekasi", "Q3117");
    }

    @Test
    void fundsHeadsTitlesMilitaryDistrictsAndTitleCaseAreNoPlaces() {
        assertThat(EXTRACTOR.extract("Komandan Distrik Militer 1414 tiba. Dana Desa Rp 1 miliar"
                + " cair. Kepala Desa Suryadi mengatakan warga Desa Protes Tambang Emas."))
            .extracting(Mention::surface)
            .doesNotContain("Distrik Militer", "Desa Rp", "Desa Suryadi", "Desa Protes",
                "Desa Protes Tambang");
        assertThat(EXTRACTOR.extract("Perlindungan Wilayah Pesisir dan Pulau-pulau Kecil diatur."))
            .extracting(Mention::surface).doesNotContain("pulau Kecil");
    }
}
