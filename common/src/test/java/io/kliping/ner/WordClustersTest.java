package io.kliping.ner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.InvalidFormatException;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;

/**
 * {@link WordClusters} as a file and as a model artifact, and {@link WordClusterFeatures}: a
 * model trained with clusters is written and read back with them (OpenNLP's own cluster
 * dictionary closes the model's stream when written).
 */
class WordClustersTest {
    private static final WordClusters CLUSTERS = new WordClusters(new int[] {2, 4},
        Map.of("jakarta", new int[] {1, 2}, "moskow", new int[] {1, 3}, "di", new int[] {0, 0}));

    private static byte[] bytes(WordClusters clusters) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        clusters.write(out);
        return out.toByteArray();
    }

    @Test
    void textFormRoundTripsAndIsSortedByWord() throws IOException {
        byte[] written = bytes(CLUSTERS);
        assertThat(new String(written, StandardCharsets.UTF_8))
            .isEqualTo("#kliping-word-clusters 2 4\ndi 0 0\njakarta 1 2\nmoskow 1 3\n");
        WordClusters read = WordClusters.read(new ByteArrayInputStream(written));
        assertThat(read.levels()).containsExactly(2, 4);
        assertThat(read.lookup("moskow")).containsExactly(1, 3);
        assertThat(bytes(read)).isEqualTo(written);
    }

    @Test
    void packedClustersByHashAreTheClustersOfEveryWordAndMinusOneForOthers() {
        Random random = new Random(5);
        for (int[] levels : new int[][] {{2, 4}, {1, 3, 64}, {64, 128, 256, 512, 1024},
                {1 << 20, 1 << 20, 1 << 20}}) {
            Map<String, int[]> ids = new HashMap<>();
            for (int w = 0; w < 5_000; w++) {
                int[] row = new int[levels.length];
                for (int l = 0; l < levels.length; l++) {
                    row[l] = random.nextInt(levels[l]);
                }
                ids.put("w" + w + (w % 3 == 0 ? "é" : ""), row);
            }
            WordClusters clusters = new WordClusters(levels, ids);
            assertThat(clusters.hashed()).isTrue();
            for (Map.Entry<String, int[]> e : ids.entrySet()) {
                long packed = clusters.packedClusters(FeatureHashSink.hash(e.getKey()));
                assertThat(packed).isNotNegative();
                int[] unpacked = new int[levels.length];
                for (int l = 0; l < levels.length; l++) {
                    unpacked[l] = clusters.cluster(packed, l);
                }
                assertThat(unpacked).as(e.getKey()).containsExactly(clusters.lookup(e.getKey()));
            }
            for (int w = 0; w < 5_000; w++) {
                assertThat(clusters.packedClusters(FeatureHashSink.hash("x" + w))).isEqualTo(-1L);
            }
        }
    }

    @Test
    void clustersThatNeedMoreThan63BitsAreNotHashed() {
        WordClusters wide = new WordClusters(new int[] {1 << 30, 1 << 30, 1 << 4},
            Map.of("jakarta", new int[] {1 << 29, 7, 3}));
        assertThat(wide.hashed()).isFalse();
        assertThat(wide.lookup("jakarta")).containsExactly(1 << 29, 7, 3);
        assertThat(CLUSTERS.hashed()).isTrue();
    }

    @Test
    void malformedFilesAreRejectedWithTheirLine() {
        assertThatThrownBy(() -> read("jakarta 1 2\n"))
            .isInstanceOf(InvalidFormatException.class).hasMessageContaining("must start with");
        assertThatThrownBy(() -> read("#kliping-word-clusters 2 4\njakarta 1\n"))
            .isInstanceOf(InvalidFormatException.class).hasMessageContaining("line 2");
        assertThatThrownBy(() -> read("#kliping-word-clusters 2 4\njakarta x 0\n"))
            .isInstanceOf(InvalidFormatException.class).hasMessageContaining("not a cluster");
        assertThatThrownBy(() -> read("#kliping-word-clusters 2 four\n"))
            .isInstanceOf(InvalidFormatException.class).hasMessageContaining("bad levels");
        assertThatThrownBy(() -> read("#kliping-word-clusters 2 4\njakarta 2 0\n"))
            .isInstanceOf(InvalidFormatException.class).hasMessageContaining("outside level 2");
    }

    private static WordClusters read(String text) throws IOException {
        return WordClusters.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void featuresAreTheLowerCasedTokensClusterAtEachLevel() {
        WordClusterFeatures features = new WordClusterFeatures(CLUSTERS);
        List<String> out = new ArrayList<>();
        String[] tokens = {"Tiba", "di", "JAKARTA"};
        features.createFeatures(out, tokens, 2, null);
        assertThat(out).containsExactly("cl2=1", "cl4=2");
        out.clear();
        features.createFeatures(out, tokens, 0, null);
        assertThat(out).isEmpty();
    }

    @Test
    void aModelKeepsItsClustersWhenWrittenAndRead() throws IOException {
        List<NameSample> samples = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            samples.add(new NameSample(new String[] {"Tiba", "di", "Jakarta", "."},
                new Span[] {new Span(2, 3, "LOCATION")}, i == 0));
            samples.add(new NameSample(new String[] {"Lavrov", "di", "Moskow", "."},
                new Span[] {new Span(0, 1, "PERSON"), new Span(2, 3, "LOCATION")}, false));
        }
        TokenNameFinderModel model =
            NerTrainer.train(samples, CLUSTERS, new NerTrainer.Options("PERCEPTRON", 10, 1));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.serialize(out);
        TokenNameFinderModel read =
            new TokenNameFinderModel(new ByteArrayInputStream(out.toByteArray()));
        Object clusters = read.getArtifact(NerTrainer.CLUSTERS);
        assertThat(clusters).isInstanceOf(WordClusters.class);
        assertThat(((WordClusters) clusters).lookup("moskow")).containsExactly(1, 3);
        assertThat(new GreedyNameFinder(read).find(new String[] {"Tiba", "di", "Moskow", "."}))
            .isNotEmpty();
    }
}
