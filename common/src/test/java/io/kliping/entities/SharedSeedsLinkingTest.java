package io.kliping.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Optional check on the five seed articles in {@code ../shared/seeds/} (skipped without them):
 * with the pipeline's extractor, every spelling of each seed entity is found and all spellings
 * of one entity share one id.
 */
class SharedSeedsLinkingTest {
    private static final Path SEEDS = Path.of("..", "..", "shared", "seeds");

    private static final List<Set<String>> ONE_ENTITY = List.of(
        Set.of("Sergei Lavrov", "Sergey Lavrov", "Lavrov"),
        Set.of("Kim Jong Un", "Kim Jong-un"),
        Set.of("Korea Utara", "Korut", "DPRK"),
        Set.of("Amerika Serikat", "AS"),
        Set.of("Korea Selatan", "Korsel"),
        Set.of("Antony Blinken", "Anthony Blinken"),
        Set.of("Choe Son Hui", "Choe"),
        Set.of("Dewan Keamanan PBB", "Dewan Keamanan Perserikatan Bangsa-Bangsa", "Dewan Keamanan"),
        Set.of("Vladimir Putin"), Set.of("Pyongyang"), Set.of("Seoul"), Set.of("Washington"),
        Set.of("Jepang"), Set.of("Rusia"), Set.of("Ukraina"), Set.of("Yoon Suk Yeol"),
        Set.of("Maria Zakharova"), Set.of("Yoko Kamikawa"), Set.of("Park Jin"));

    @Test
    void everySeedEntityIsFoundAndLinkedToOneId() throws IOException {
        assumeTrue(Files.isDirectory(SEEDS), "no ../shared/seeds");
        EntityExtractor extractor = EntityExtractor.withModel(Gazetteer.fromClasspath(List.of(
            "kliping/gazetteer/curated.tsv", "kliping/gazetteer/countries.tsv",
            "kliping/gazetteer/capitals.tsv")), "kliping/ner/kliping-ner.bin");
        Map<String, Set<String>> idsOfSurface = new HashMap<>();
        try (Stream<Path> files = Files.list(SEEDS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).toList()) {
                for (Mention m : extractor.extract(Files.readString(file))) {
                    idsOfSurface.computeIfAbsent(m.surface(), s -> new TreeSet<>()).add(m.entityId());
                }
            }
        }
        for (Set<String> spellings : ONE_ENTITY) {
            Set<String> ids = new TreeSet<>();
            for (String spelling : spellings) {
                assertThat(idsOfSurface).as("mentions of '%s'", spelling).containsKey(spelling);
                ids.addAll(idsOfSurface.get(spelling));
            }
            assertThat(ids).as("ids of %s", spellings).hasSize(1);
        }
    }
}
