package io.kliping.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The gazetteer files shipped in conf/gazetteer, merged the way the job loads them. */
class ShippedGazetteerTest {

    private static final List<String> RESOURCES =
            List.of("kliping/gazetteer/curated.tsv", "kliping/gazetteer/countries.tsv",
                    "kliping/gazetteer/capitals.tsv");
    private static final Gazetteer GAZETTEER = Gazetteer.fromClasspath(RESOURCES);
    private static final EntityExtractor EXTRACTOR = EntityExtractor.fromGazetteer(GAZETTEER);

    private static final String LAVROV = "kl:person/sergey_lavrov";
    private static final String KIM_JONG_UN = "kl:person/kim_jong_un";
    private static final String BLINKEN = "kl:person/antony_blinken";
    private static final String NORTH_KOREA = "Q423";
    private static final String SOUTH_KOREA = "Q884";
    private static final String USA = "Q30";
    private static final String JAPAN = "Q17";
    private static final String RUSSIA = "Q159";
    private static final String UN = "Q1065";
    private static final String UN_SECURITY_COUNCIL = "Q37470";

    private static List<String> ids(String text) {
        return EXTRACTOR.extract(text).stream().map(Mention::entityId).toList();
    }

    @Test
    void bothFilesMergeWithoutAmbiguousAliases() {
        // Loading would have thrown on any alias naming two ids; check the merge really overlapped.
        Gazetteer curated = Gazetteer.fromClasspath(List.of(RESOURCES.get(0)));
        Gazetteer countries = Gazetteer.fromClasspath(List.of(RESOURCES.get(1)));
        Gazetteer capitals = Gazetteer.fromClasspath(List.of(RESOURCES.get(2)));

        assertThat(countries.size()).isGreaterThanOrEqualTo(240);
        assertThat(capitals.size()).isGreaterThanOrEqualTo(150);
        assertThat(GAZETTEER.size()).isLessThan(curated.size() + countries.size() + capitals.size());
        GazetteerEntry usa = entry(USA);
        assertThat(usa.name()).isEqualTo("Amerika Serikat");
        assertThat(usa.aliases()).contains("United States", "Amerika");
        assertThat(usa.caseSensitiveAliases()).contains("AS", "US");
    }

    @Test
    void everyCuratedCountryUsesTheGeneratedCountryId() {
        Map<String, EntityType> generated = Gazetteer.fromClasspath(List.of(RESOURCES.get(1))).entries().stream()
                .collect(Collectors.toMap(GazetteerEntry::id, GazetteerEntry::type));
        for (String country : List.of(USA, NORTH_KOREA, SOUTH_KOREA, JAPAN, RUSSIA, "Q212", "Q252")) {
            assertThat(generated).containsEntry(country, EntityType.LOCATION);
        }
    }

    @Test
    void everyEntryIsFoundUnderItsOwnIdWithExactOffsets() {
        List<String> problems = new ArrayList<>();
        for (GazetteerEntry entry : GAZETTEER.entries()) {
            List<String> forms = new ArrayList<>(entry.caseInsensitiveForms());
            forms.addAll(entry.caseSensitiveForms());
            for (String form : forms) {
                String text = "Kemarin (" + form + ") disebut lagi.";
                List<Mention> mentions = EXTRACTOR.extract(text);
                boolean found = mentions.stream().anyMatch(m -> m.entityId().equals(entry.id())
                        && m.surface().equals(form)
                        && text.substring(m.charStart(), m.charEnd()).equals(form));
                if (!found) {
                    problems.add(entry.id() + " '" + form + "' -> " + mentions);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void seedExcerptOne() {
        String text = "Petugas militer Korea Selatan, AS dan Jepang mendesak Korea Utara untuk menghentikan semua"
                + " kegiatan. Pengembangan datang Jumat sebagai Menteri Luar Negeri Rusia Sergei Lavrov akan melakukan"
                + " perjalanan ke Korea Utara.\n“Mereka mendesak DPRK untuk segera menghentikan semua kegiatan yang"
                + " melanggar hukum untuk mengacaukan Semenanjung Korea, Indo-Pasifik, dan seterusnya,” kata tiga"
                + " perwira itu.";

        assertThat(EXTRACTOR.extract(text)).extracting(Mention::entityId, Mention::surface, Mention::sentenceIdx)
                .containsExactly(
                        tuple(SOUTH_KOREA, "Korea Selatan", 0),
                        tuple(USA, "AS", 0),
                        tuple(JAPAN, "Jepang", 0),
                        tuple(NORTH_KOREA, "Korea Utara", 0),
                        tuple(RUSSIA, "Rusia", 1),
                        tuple(LAVROV, "Sergei Lavrov", 1),
                        tuple(NORTH_KOREA, "Korea Utara", 1),
                        tuple(NORTH_KOREA, "DPRK", 2),
                        tuple("kl:loc/korean_peninsula", "Semenanjung Korea", 2),
                        tuple("kl:loc/indo_pacific", "Indo-Pasifik", 2));
    }

    @Test
    void spellingVariantsOfOnePersonLinkToOneId() {
        assertThat(ids("Menteri Luar Negeri Rusia Sergey Lavrov terbang ke kota Wonsan.")).containsExactly(RUSSIA, LAVROV, "kl:loc/wonsan");
        assertThat(ids("Pemimpin Korut Kim Jong-un melakukan kunjungan")).containsExactly(NORTH_KOREA, KIM_JONG_UN);
        assertThat(ids("pemimpin Korea Utara Kim Jong Un ke Rusia")).containsExactly(NORTH_KOREA, KIM_JONG_UN, RUSSIA);
        assertThat(ids("Menteri Luar Negeri AS Antony Blinken")).containsExactly(USA, BLINKEN);
        assertThat(ids("Menlu AS Anthony Blinken.(AFP Via Getty Images)"))
                .containsExactly(USA, BLINKEN, "kl:org/afp", "kl:org/getty_images");
    }

    @Test
    void northKoreaUnderEveryName() {
        assertThat(ids("Rusia dan Korea Utara (Korut), termasuk DPRK alias North Korea, Republik Rakyat Demokratik Korea."))
                .containsExactly(RUSSIA, NORTH_KOREA, NORTH_KOREA, NORTH_KOREA, NORTH_KOREA, NORTH_KOREA);
        assertThat(ids("Rusia-Korea Utara Mesra, AS, Korea Selatan, Jepang Waswas"))
                .containsExactly(RUSSIA, NORTH_KOREA, USA, SOUTH_KOREA, JAPAN);
    }

    @Test
    void unitedStatesInIndonesianButNotEnglishFunctionWords() {
        assertThat(ids("Menteri Luar Negeri Amerika Serikat (AS) dan Korea Selatan (Korsel)"))
                .containsExactly(USA, USA, SOUTH_KOREA, SOUTH_KOREA);
        assertThat(ids("AMERIKA Serikat, Korea Selatan dan Jepang mengutuk")).containsExactly(USA, SOUTH_KOREA, JAPAN);
        assertThat(ids("The US and Japan told us as much, as did South Korea."))
                .containsExactly(USA, JAPAN, SOUTH_KOREA);
        assertThat(ids("Negara-negara ASEAN dan Amerika")).containsExactly("Q7768", USA);
    }

    @Test
    void unitedNationsBodies() {
        assertThat(ids("melanggar resolusi Dewan Keamanan PBB dalam pertemuan")).containsExactly(UN_SECURITY_COUNCIL);
        assertThat(ids("resolusi Dewan Keamanan Perserikatan Bangsa-Bangsa")).containsExactly(UN_SECURITY_COUNCIL);
        assertThat(ids("sidang DK PBB dan UN Security Council")).containsExactly(UN_SECURITY_COUNCIL, UN_SECURITY_COUNCIL);
        assertThat(ids("Sanksi PBB dan the United Nations (UN)")).containsExactly(UN, UN, UN);
    }

    @Test
    void otherSeedEntities() {
        assertThat(ids("Kantor berita TASS Rusia, mengutip juru bicara Kementerian Luar Negeri Rusia Maria Zakharova"))
                .containsExactly("kl:org/tass", RUSSIA, "kl:org/russia_mfa", "kl:person/maria_zakharova");
        assertThat(ids("menurut kantor berita pemerintah Rusia, Tass.")).containsExactly(RUSSIA, "kl:org/tass");
        assertThat(ids("Kim Myung-Soo dari Korea Selatan, Dan Caine Amerika Serikat dan Yoshida Yoshihide dari Jepang"))
                .containsExactly("kl:person/kim_myung_soo", SOUTH_KOREA, "kl:person/dan_caine", USA,
                        "kl:person/yoshida_yoshihide", JAPAN);
        assertThat(ids("Choe Son Hui, Park Jin dan Yoko Kamikawa; Presiden Korsel Yoon Suk Yeol dan Presiden Rusia Vladimir Putin"))
                .containsExactly("kl:person/choe_son_hui", "kl:person/park_jin", "kl:person/yoko_kamikawa",
                        SOUTH_KOREA, "kl:person/yoon_suk_yeol", RUSSIA, "Q7747");
        assertThat(ids("KONTAN.CO.ID - JAKARTA/SEOUL. Sung Kim, Gedung Putih, Pyongyang, Reuters, KCNA, Yonhap, Camp David, Hamas"))
                .containsExactly("kl:org/kontan", "Q3630", "Q8684", "kl:person/sung_kim", "kl:org/white_house",
                        "kl:loc/pyongyang", "kl:org/reuters", "kl:org/kcna", "kl:org/yonhap", "kl:loc/camp_david",
                        "kl:org/hamas");
        assertThat(ids("Seoul, Washington, Moskow, Moscow, Pulau Jeju, wilayah perbatasan Kursk, Timur Jauh Rusia"))
                .containsExactly("Q8684", "Q61", "Q649", "Q649", "kl:loc/jeju", "kl:loc/kursk", "kl:loc/russian_far_east");
        assertThat(ids("dikutip dari The Straits Times. Sumber : CNA/SL. Zona wisata Wonsan-Kalma"))
                .containsExactly("kl:org/straits_times", "kl:org/cna", "kl:loc/wonsan_kalma");
    }

    @Test
    void englishNamesLinkToTheSameCountries() {
        assertThat(ids("Japan, Russia and Ukraine; Jepang, Rusia dan Ukraina"))
                .containsExactly(JAPAN, RUSSIA, "Q212", JAPAN, RUSSIA, "Q212");
    }

    @Test
    void offsetsAreConsistentOverAParagraph() {
        String text = "SEOUL - Menteri Luar Negeri Amerika Serikat (AS) Antony Blinken dan rekan-rekannya dari Korea"
                + " Selatan (Korsel) dan Jepang menyatakan \"keprihatinan serius\" atas diskusi kerja sama militer antara"
                + " Rusia dan Korea Utara (Korut).\nHal itu diungkapkan Kementerian Luar Negeri Korsel pada Sabtu"
                + " (23/9/2023). Presiden Joko Widodo, Prabowo Subianto dan Sri Mulyani bertemu di Jakarta; DPR, KPK dan"
                + " Bank Indonesia hadir, juga wakil ASEAN, NATO, Uni Eropa, IMF dan Bank Dunia. Nilainya US$ 2 miliar.";
        List<Mention> mentions = EXTRACTOR.extract(text);

        assertThat(mentions).hasSizeGreaterThan(20);
        int previousEnd = 0;
        for (Mention m : mentions) {
            assertThat(m.charStart()).isGreaterThanOrEqualTo(previousEnd);
            assertThat(text.substring(m.charStart(), m.charEnd())).isEqualTo(m.surface());
            previousEnd = m.charEnd();
        }
        assertThat(mentions).extracting(Mention::surface)
                .contains("Korea Selatan", "Kementerian Luar Negeri Korsel", "Joko Widodo", "Bank Indonesia")
                .doesNotContain("US", "Indonesia");
        assertThat(mentions).extracting(Mention::sentenceIdx).startsWith(0).contains(1).endsWith(2);
    }

    private static GazetteerEntry entry(String id) {
        return GAZETTEER.entries().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
    }
}
