package io.kliping.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The matching rules, each on a tiny gazetteer so that a failure points at one rule. */
class GazetteerExtractorTest {

    private static final EntityExtractor EXTRACTOR = EntityExtractor.fromGazetteer(Gazetteer.parse(List.of(
            "Q30\tLOCATION\tAmerika Serikat\tUnited States|Amerika\tAS|US|U.S.",
            "Q7768\tORGANIZATION\tASEAN\t\tAsean",
            "Q159\tLOCATION\tRusia\tRussia",
            "Q423\tLOCATION\tKorea Utara\tNorth Korea\tKorut|DPRK",
            "kl:loc/korean_peninsula\tLOCATION\tSemenanjung Korea",
            "Q1065\tORGANIZATION\tPerserikatan Bangsa-Bangsa\tUnited Nations\tPBB|UN",
            "Q37470\tORGANIZATION\tDewan Keamanan PBB\tUN Security Council\tDK PBB",
            "kl:person/kim_jong_un\tPERSON\tKim Jong Un",
            "kl:loc/latin_america\tLOCATION\tAmerika Latin",
            "kl:org/media_indonesia\tORGANIZATION\tMedia Indonesia\t\tMedia Indonesia",
            "Q252\tLOCATION\tIndonesia",
            "kl:person/maruf_amin\tPERSON\tMa'ruf Amin",
            "Q9248\tLOCATION\tBaku",
            "kl:person/sisi\tPERSON\tAbdel Fattah el-Sisi\tel-Sisi"), "test.tsv"));

    private static List<String> ids(String text) {
        return EXTRACTOR.extract(text).stream().map(Mention::entityId).toList();
    }

    private static List<String> surfaces(String text) {
        return EXTRACTOR.extract(text).stream().map(Mention::surface).toList();
    }

    @Test
    void matchesWholeTokensOnly() {
        assertThat(ids("Negara ASEAN bertemu.")).containsExactly("Q7768");
        assertThat(ids("Bahasa Rusian itu fiktif, RusiaX juga, 2Rusia juga.")).isEmpty();
        assertThat(ids("KTT AS-Rusia, (AS) dan \"Rusia\".")).containsExactly("Q30", "Q159", "Q30", "Q159");
    }

    @Test
    void currencyPrefixIsNotTheCountry() {
        assertThat(ids("Nilainya US$ 5 juta atau US$5 juta.")).isEmpty();
    }

    @Test
    void allCapsAliasesAreCaseSensitive() {
        assertThat(ids("Let us talk as friends, said the US envoy.")).containsExactly("Q30");
        assertThat(ids("Pejabat AS dan as roda.")).containsExactly("Q30");
        assertThat(ids("un peu, pbb, dk pbb")).isEmpty();
    }

    @Test
    void listedCaseSensitiveAliasesMatchExactlyOnly() {
        assertThat(ids("Korut menembakkan rudal.")).containsExactly("Q423");
        assertThat(ids("KORUT menembakkan rudal; korut juga.")).isEmpty();
        assertThat(ids("media Indonesia melaporkan")).containsExactly("Q252");
        assertThat(ids("harian Media Indonesia melaporkan")).containsExactly("kl:org/media_indonesia");
    }

    @Test
    void regularAliasesIgnoreCase() {
        assertThat(ids("RUSIA, Rusia, RuSiA dan NORTH KOREA, North korea")).containsExactly("Q159", "Q159", "Q159", "Q423", "Q423");
    }

    @Test
    void aCapitalisedNameIsNotFoundWrittenInLowerCase() {
        // "bahan baku" is raw material; "rusia" in lower case is not how news writes the country.
        assertThat(ids("Harga bahan baku naik di Baku; rusia, rUSIA.")).containsExactly("Q9248");
        // a form the gazetteer lists in lower case may be written so
        assertThat(ids("Presiden el-Sisi, El-Sisi")).containsExactly("kl:person/sisi", "kl:person/sisi");
    }

    @Test
    void hyphensAndSpacesAreInterchangeable() {
        assertThat(ids("Kim Jong-un, Kim Jong Un, Kim Jong un, Kim  Jong - Un, Kim\u00A0Jong\u2011un"))
                .containsOnly("kl:person/kim_jong_un")
                .hasSize(5);
        assertThat(ids("Perserikatan Bangsa Bangsa")).containsExactly("Q1065");
        assertThat(surfaces("Kata Kim  Jong - Un kemarin")).containsExactly("Kim  Jong - Un");
    }

    @Test
    void namesDoNotSpanLineBreaks() {
        assertThat(ids("Korea\nUtara")).isEmpty();
    }

    @Test
    void typographicApostrophesMatchAscii() {
        assertThat(ids("Wapres Ma’ruf Amin dan Ma'ruf Amin")).containsExactly("kl:person/maruf_amin", "kl:person/maruf_amin");
    }

    @Test
    void longestMatchWinsAcrossBothTries() {
        List<Mention> council = EXTRACTOR.extract("melanggar resolusi Dewan Keamanan PBB pekan lalu");
        assertThat(council).extracting(Mention::entityId, Mention::surface)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Q37470", "Dewan Keamanan PBB"));

        assertThat(ids("DK PBB bersidang")).containsExactly("Q37470");
        assertThat(ids("UN Security Council")).containsExactly("Q37470");
        assertThat(ids("Korea Utara di Semenanjung Korea")).containsExactly("Q423", "kl:loc/korean_peninsula");
        assertThat(ids("negara Amerika Latin dan Amerika Serikat")).containsExactly("kl:loc/latin_america", "Q30");
    }

    @Test
    void mentionsAreSortedAndNeverOverlap() {
        List<Mention> mentions = EXTRACTOR.extract("DPRK, Rusia, AS, Dewan Keamanan PBB, PBB, Korea Utara (Korut).");

        assertThat(mentions).extracting(Mention::entityId)
                .containsExactly("Q423", "Q159", "Q30", "Q37470", "Q1065", "Q423", "Q423");
        for (int i = 1; i < mentions.size(); i++) {
            assertThat(mentions.get(i).charStart()).isGreaterThanOrEqualTo(mentions.get(i - 1).charEnd());
        }
    }

    @Test
    void offsetsPointIntoTheOriginalTextEvenWhenLowerCasingWouldChangeLength() {
        // U+0130 lower-cases to two chars with String.toLowerCase; the matcher must not shift.
        String text = "\u0130STANBUL\u0130 \u0130\u0130 Amerika Serikat  \t dan   Kim   Jong-Un.";
        List<Mention> mentions = EXTRACTOR.extract(text);

        assertThat(mentions).extracting(Mention::surface).containsExactly("Amerika Serikat", "Kim   Jong-Un");
        for (Mention m : mentions) {
            assertThat(text.substring(m.charStart(), m.charEnd())).isEqualTo(m.surface());
        }
    }

    @Test
    void mentionsCarryEntityNameTypeAndSentenceIndex() {
        String text = "Rusia membantah.\n\nMenurut Dr. Budi, Kim Jong Un tiba. AS menolak.";
        List<Mention> mentions = EXTRACTOR.extract(text);

        assertThat(mentions).extracting(Mention::entityName, Mention::entityType, Mention::sentenceIdx)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Rusia", EntityType.LOCATION, 0),
                        org.assertj.core.groups.Tuple.tuple("Kim Jong Un", EntityType.PERSON, 1),
                        org.assertj.core.groups.Tuple.tuple("Amerika Serikat", EntityType.LOCATION, 2));
    }

    @Test
    void emptyAndEntityFreeTextsYieldNoMentions() {
        assertThat(EXTRACTOR.extract("")).isEmpty();
        assertThat(EXTRACTOR.extract("Tidak ada entitas di sini.")).isEmpty();
    }

    @Test
    void extractorsOverEqualGazetteersShareOneCompiledForm() {
        Gazetteer a = Gazetteer.parse(List.of("Q159\tLOCATION\tRusia"), "a.tsv");
        Gazetteer b = Gazetteer.parse(List.of("Q159\tLOCATION\tRusia"), "b.tsv");

        assertThat(CompiledGazetteer.of(a)).isSameAs(CompiledGazetteer.of(b));
    }
}
