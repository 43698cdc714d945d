package io.kliping.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GazetteerTest {

    private static Gazetteer parse(String origin, String... lines) {
        return Gazetteer.parse(List.of(lines), origin);
    }

    @Test
    void parsesColumnsCommentsBlankLinesAndOptionalColumns() {
        Gazetteer g = parse("g.tsv",
                "# a comment",
                "",
                "Q159\tLOCATION\tRusia\tRussia | Federasi Rusia",
                "   # indented comment",
                "kl:person/sergey_lavrov\tPERSON\tSergey Lavrov\tSergei Lavrov|Lavrov\t",
                "Q423\tLOCATION\tKorea Utara\tNorth Korea\tKorut|DPRK",
                "kl:org/reuters\tORGANIZATION\tReuters");

        assertThat(g.size()).isEqualTo(4);
        assertThat(g.entries()).extracting(GazetteerEntry::id)
                .containsExactly("Q159", "kl:person/sergey_lavrov", "Q423", "kl:org/reuters");
        GazetteerEntry russia = g.entries().get(0);
        assertThat(russia.type()).isEqualTo(EntityType.LOCATION);
        assertThat(russia.aliases()).containsExactly("Russia", "Federasi Rusia");
        assertThat(russia.caseSensitiveAliases()).isEmpty();
        GazetteerEntry northKorea = g.entries().get(2);
        assertThat(northKorea.caseSensitiveAliases()).containsExactly("Korut", "DPRK");
        assertThat(g.entries().get(3).aliases()).isEmpty();
    }

    @Test
    void nameIsAnAliasAndAllCapsFormsAreCaseSensitive() {
        GazetteerEntry usa = parse("g.tsv", "Q30\tLOCATION\tAmerika Serikat\tUnited States|AS|US\tU.S.").entries().get(0);

        assertThat(usa.caseSensitiveForms()).containsExactlyInAnyOrder("U.S.", "AS", "US");
        assertThat(usa.caseInsensitiveForms()).containsExactlyInAnyOrder("Amerika Serikat", "United States");
    }

    @Test
    void aliasListedAsCaseSensitiveIsOnlyMatchedExactly() {
        GazetteerEntry medan = parse("g.tsv", "kl:loc/medan\tLOCATION\tMedan\t\tMedan").entries().get(0);

        assertThat(medan.caseSensitiveForms()).containsExactly("Medan");
        assertThat(medan.caseInsensitiveForms()).isEmpty();
    }

    @Test
    void malformedLineReportsOriginAndLineNumber() {
        assertThatThrownBy(() -> parse("curated.tsv", "# header", "Q159\tLOCATION"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("curated.tsv:2: malformed line");
        assertThatThrownBy(() -> parse("curated.tsv", "Q159\tLOCATION\tRusia\ta\tb\tc\td"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("curated.tsv:1: malformed line");
    }

    @Test
    void sportsAliasesNameOneClubMayEqualAPlaceAndChangeTheFingerprint() {
        Gazetteer clubs = parse("curated.tsv",
                "kl:loc/liverpool\tLOCATION\tLiverpool",
                "kl:org/liverpool_fc\tORGANIZATION\tLiverpool FC\t\t\tLiverpool|The Reds");
        GazetteerEntry club = clubs.entries().get(1);
        assertThat(club.sportsAliases()).containsExactly("Liverpool", "The Reds");
        assertThat(club.caseInsensitiveForms()).containsExactly("Liverpool FC");
        assertThat(clubs.fingerprint()).isNotEqualTo(parse("curated.tsv",
                "kl:loc/liverpool\tLOCATION\tLiverpool",
                "kl:org/liverpool_fc\tORGANIZATION\tLiverpool FC").fingerprint());

        Gazetteer merged = Gazetteer.merge(List.of(clubs,
                parse("more.tsv", "kl:org/liverpool_fc\tORGANIZATION\tLiverpool FC\t\t\tLFC")));
        assertThat(merged.entries().get(1).sportsAliases())
                .containsExactly("Liverpool", "The Reds", "LFC");

        assertThatThrownBy(() -> parse("x.tsv",
                "kl:org/ac_milan\tORGANIZATION\tAC Milan\t\t\tMilan",
                "kl:org/inter_milan\tORGANIZATION\tInter Milan\t\t\tmilan"))
                .hasMessageContaining("x.tsv:2").hasMessageContaining("kl:org/ac_milan");
        assertThatThrownBy(() -> parse("x.tsv",
                "kl:org/arsenal_fc\tORGANIZATION\tArsenal FC\t\t\tArsenal",
                "kl:org/arsenal_group\tORGANIZATION\tArsenal Group\tArsenal"))
                .hasMessageContaining("kl:org/arsenal_group").hasMessageContaining("kl:org/arsenal_fc");
        assertThatThrownBy(() -> parse("x.tsv",
                "kl:loc/liverpool\tLOCATION\tLiverpool\t\t\tLiverpool FC"))
                .hasMessageContaining("x.tsv:1: sports aliases name a club");
    }

    @Test
    void unknownTypeIsRejected() {
        assertThatThrownBy(() -> parse("x.tsv", "", "", "Q159\tCOUNTRY\tRusia"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x.tsv:3")
                .hasMessageContaining("unknown entity type 'COUNTRY'");
    }

    @Test
    void invalidIdsAndIdsContradictingTheTypeAreRejected() {
        assertThatThrownBy(() -> parse("x.tsv", "russia\tLOCATION\tRusia"))
                .hasMessageContaining("x.tsv:1: invalid entity id 'russia'");
        assertThatThrownBy(() -> parse("x.tsv", "kl:person/Sergey Lavrov\tPERSON\tSergey Lavrov"))
                .hasMessageContaining("invalid entity id");
        assertThatThrownBy(() -> parse("x.tsv", "kl:org/tass\tPERSON\tTASS"))
                .hasMessageContaining("x.tsv:1: id kl:org/tass implies type ORGANIZATION");
        assertThatThrownBy(() -> parse("x.tsv", "iso:KP\tORGANIZATION\tKorea Utara"))
                .hasMessageContaining("implies type LOCATION");
    }

    @Test
    void aliasWithoutLettersIsRejected() {
        assertThatThrownBy(() -> parse("x.tsv", "Q159\tLOCATION\tRusia\t - ")).hasMessageContaining("x.tsv:1");
    }

    @Test
    void aliasNamingTwoEntitiesIsRejectedWithBothLocations() {
        assertThatThrownBy(() -> parse("curated.tsv",
                "Q30\tLOCATION\tAmerika Serikat\tAmerika",
                "kl:loc/americas\tLOCATION\tBenua Amerika\tamerika"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("curated.tsv:2")
                .hasMessageContaining("curated.tsv:1")
                .hasMessageContaining("Q30")
                .hasMessageContaining("kl:loc/americas");
    }

    @Test
    void aliasesThatDifferOnlyByHyphenOrSpacingAreTheSameAlias() {
        assertThatThrownBy(() -> parse("x.tsv",
                "kl:person/kim_jong_un\tPERSON\tKim Jong Un",
                "kl:person/other\tPERSON\tOther\tKim  Jong-un"))
                .hasMessageContaining("x.tsv:2");
    }

    @Test
    void caseSensitiveAliasCollidesWithCaseInsensitiveAliasOfAnotherEntity() {
        assertThatThrownBy(() -> parse("x.tsv",
                "Q30\tLOCATION\tAmerika Serikat\t\tUS",
                "kl:loc/us_town\tLOCATION\tUs"))
                .hasMessageContaining("alias");
        // Two different exact spellings are fine: they never match the same text.
        Gazetteer ok = parse("x.tsv",
                "Q30\tLOCATION\tAmerika Serikat\t\tUS",
                "kl:org/us_brand\tORGANIZATION\tBrand\t\tUs");
        assertThat(ok.size()).isEqualTo(2);
    }

    @Test
    void duplicateIdWithinOneFileIsRejected() {
        assertThatThrownBy(() -> parse("x.tsv", "Q159\tLOCATION\tRusia", "Q159\tLOCATION\tRussia"))
                .hasMessageContaining("x.tsv:2: duplicate entity id Q159 (first defined at line 1)");
    }

    @Test
    void mergeUnionsAliasesOfTheSameIdAndKeepsTheFirstName() {
        Gazetteer generated = parse("countries.tsv", "Q423\tLOCATION\tKorea Utara\tNorth Korea");
        Gazetteer curated = parse("curated.tsv", "Q423\tLOCATION\tNorth Korea\tDPR Korea\tKorut|DPRK");

        Gazetteer merged = Gazetteer.merge(List.of(generated, curated));

        assertThat(merged.size()).isEqualTo(1);
        GazetteerEntry entry = merged.entries().get(0);
        assertThat(entry.name()).isEqualTo("Korea Utara");
        assertThat(entry.aliases()).containsExactlyInAnyOrder("North Korea", "DPR Korea");
        assertThat(entry.caseSensitiveAliases()).containsExactlyInAnyOrder("Korut", "DPRK");
    }

    @Test
    void mergeRejectsConflictingTypesNamingBothFiles() {
        Gazetteer a = parse("a.tsv", "Q1065\tORGANIZATION\tPBB");
        Gazetteer b = parse("b.tsv", "#", "Q1065\tLOCATION\tUN");

        assertThatThrownBy(() -> Gazetteer.merge(List.of(a, b)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("b.tsv:2")
                .hasMessageContaining("a.tsv:1")
                .hasMessageContaining("Q1065");
    }

    @Test
    void mergeRejectsAnAliasThatTwoFilesGiveToDifferentIds() {
        Gazetteer countries = parse("countries.tsv", "Q30\tLOCATION\tAmerika Serikat");
        Gazetteer curated = parse("curated.tsv", "iso:US\tLOCATION\tAmerika Serikat");

        assertThatThrownBy(() -> Gazetteer.merge(List.of(countries, curated)))
                .hasMessageContaining("countries.tsv:1")
                .hasMessageContaining("curated.tsv:1");
    }

    @Test
    void fingerprintDependsOnContentNotOrder() {
        Gazetteer a = parse("a.tsv", "Q159\tLOCATION\tRusia\tRussia|Federasi Rusia", "Q17\tLOCATION\tJepang");
        Gazetteer b = parse("b.tsv", "Q17\tLOCATION\tJepang", "Q159\tLOCATION\tRusia\tFederasi Rusia|Russia");
        Gazetteer c = parse("c.tsv", "Q17\tLOCATION\tJepang\tJapan", "Q159\tLOCATION\tRusia\tFederasi Rusia|Russia");

        assertThat(a.fingerprint()).isEqualTo(b.fingerprint()).hasSize(32);
        assertThat(c.fingerprint()).isNotEqualTo(a.fingerprint());
    }

    @Test
    void loadsAndMergesFilesAndClasspathResources(@TempDir Path dir) throws IOException {
        Path first = dir.resolve("one.tsv");
        Path second = dir.resolve("two.tsv");
        Files.writeString(first, "Q159\tLOCATION\tRusia\n", StandardCharsets.UTF_8);
        Files.writeString(second, "Q159\tLOCATION\tRussia\nQ17\tLOCATION\tJepang\n", StandardCharsets.UTF_8);

        Gazetteer fromFiles = Gazetteer.fromFiles(List.of(first, second));

        assertThat(fromFiles.size()).isEqualTo(2);
        assertThat(fromFiles.entries().get(0).aliases()).containsExactly("Russia");
        assertThat(Gazetteer.fromClasspath(List.of("kliping/gazetteer/curated.tsv")).size()).isGreaterThan(100);
        assertThatThrownBy(() -> Gazetteer.fromClasspath(List.of("kliping/gazetteer/missing.tsv")))
                .hasMessageContaining("kliping/gazetteer/missing.tsv");
    }

    @Test
    void extractorSurvivesJavaSerialization() throws Exception {
        EntityExtractor extractor = EntityExtractor.fromGazetteer(
                parse("g.tsv", "Q159\tLOCATION\tRusia\tRussia", "kl:person/sergey_lavrov\tPERSON\tSergey Lavrov"));
        String text = "Sergey Lavrov tiba di Rusia.";
        List<Mention> before = extractor.extract(text);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(extractor);
        }
        EntityExtractor copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (EntityExtractor) in.readObject();
        }

        assertThat(before).hasSize(2);
        assertThat(copy.extract(text)).isEqualTo(before);
    }
}
