package io.kliping.entities;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Optional check on the five seed articles in {@code ../shared/seeds/} (skipped without them):
 * with the pipeline's extractor, every spelling of each seed entity is found and all spellings
 * of one entity share one id ({@link SeedSpellingsLinkingTest} runs the same cases on bundled
 * text, so a plain clone checks them too).
 */
class SharedSeedsLinkingTest {
    private static final Path SEEDS = Path.of("..", "..", "shared", "seeds");

    @Test
    void everySeedEntityIsFoundAndLinkedToOneId() throws IOException {
        assumeTrue(Files.isDirectory(SEEDS), "no ../shared/seeds");
        EntityExtractor extractor = SeedSpellingsLinkingTest.pipelineExtractor();
        Map<String, Set<String>> idsOfSurface = new HashMap<>();
        try (Stream<Path> files = Files.list(SEEDS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                SeedSpellingsLinkingTest.addIds(extractor, Files.readString(file), idsOfSurface);
            }
        }
        SeedSpellingsLinkingTest.assertOneIdPerEntity(idsOfSurface);
    }
}
