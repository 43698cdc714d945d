package io.kliping.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;

/**
 * {@link PerceptronTable} on small models trained here: same probabilities as OpenNLP's
 * evaluation for known, unknown and repeated features, and no table for a non-perceptron model.
 */
class PerceptronTableTest {
    private static final WordClusters CLUSTERS = new WordClusters(new int[] {2, 4},
        Map.of("di", new int[] {0, 0}, "jakarta", new int[] {1, 2}, "moskow", new int[] {1, 2},
            "bandung", new int[] {1, 3}));

    private static List<NameSample> samples() {
        List<NameSample> out = new ArrayList<>();
        String[][] sentences = {
            {"Presiden", "Joko", "Widodo", "tiba", "di", "Jakarta", "."},
            {"Sergei", "Lavrov", "bertemu", "Retno", "Marsudi", "di", "Moskow", "."},
            {"PBB", "mengecam", "serangan", "itu", ",", "kata", "Guterres", "."},
            {"Warga", "Bandung", "memadati", "jalan", "."},
        };
        Span[][] names = {
            {new Span(1, 3, "PERSON"), new Span(5, 6, "LOCATION")},
            {new Span(0, 2, "PERSON"), new Span(3, 5, "PERSON"), new Span(6, 7, "LOCATION")},
            {new Span(0, 1, "ORGANIZATION"), new Span(6, 7, "PERSON")},
            {new Span(1, 2, "LOCATION")},
        };
        for (int r = 0; r < 3; r++) {
            for (int i = 0; i < sentences.length; i++) {
                out.add(new NameSample(sentences[i], names[i], r == 0 && i == 0));
            }
        }
        return out;
    }

    private static MaxentModel train(String algorithm) throws Exception {
        TokenNameFinderModel model =
            NerTrainer.train(samples(), CLUSTERS, new NerTrainer.Options(algorithm, 20, 1));
        return (MaxentModel) model.getArtifact("nameFinder.model");
    }

    @Test
    void sameProbabilitiesAsOpenNlpForKnownUnknownAndRepeatedFeatures() throws Exception {
        MaxentModel model = train("PERCEPTRON");
        PerceptronTable table = PerceptronTable.of(model);
        assertThat(table).isNotNull();
        assertThat(table.numOutcomes()).isEqualTo(model.getNumOutcomes());
        assertThat(table.size()).isGreaterThan(50);
        String[][] contexts = {
            {"w=joko", "pre=J", "def", "po=other"},
            {"w=lavrov", "w=lavrov", "unknown-feature", "S=begin", "def"},
            {"never-seen"},
            {},
        };
        double[] expected = new double[model.getNumOutcomes()];
        double[] actual = new double[model.getNumOutcomes()];
        for (String[] context : contexts) {
            model.eval(context, expected);
            long[] hashes = new long[context.length];
            for (int i = 0; i < context.length; i++) {
                hashes[i] = FeatureHashSink.hash(context[i]);
            }
            table.eval(hashes, hashes.length, actual);
            assertThat(actual).as(String.join(" ", context)).containsExactly(expected);
        }
        assertThat(table.find(FeatureHashSink.hash("w=joko"))).isNotNegative();
        assertThat(table.find(FeatureHashSink.hash("unknown-feature"))).isEqualTo(-1);
    }

    @Test
    void noTableForAMaxentModel() throws Exception {
        assertThat(PerceptronTable.of(train("MAXENT"))).isNull();
    }
}
