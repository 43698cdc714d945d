package io.kliping.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.ml.perceptron.PerceptronModel;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;

/**
 * {@link PerceptronTable} on small models trained here: same probabilities as OpenNLP's
 * evaluation for known, unknown and repeated features (also in random contexts of a trained
 * model's features, and of random models with fewer and more outcomes than the sums kept in
 * registers), and no table for a non-perceptron model or a feature that lists an outcome twice.
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
    void sameProbabilitiesAsOpenNlpForRandomContextsOfTheModelsFeatures() throws Exception {
        MaxentModel model = train("PERCEPTRON");
        PerceptronTable table = PerceptronTable.of(model);
        @SuppressWarnings("unchecked")
        List<String> known = new ArrayList<>(((Map<String, Context>)
            ((PerceptronModel) model).getDataStructures()[1]).keySet());
        known.sort(null);
        Random random = new Random(7);
        double[] expected = new double[model.getNumOutcomes()];
        double[] actual = new double[model.getNumOutcomes()];
        for (int round = 0; round < 2_000; round++) {
            String[] context = new String[random.nextInt(60)];
            long[] hashes = new long[context.length];
            for (int i = 0; i < context.length; i++) {
                context[i] = random.nextInt(5) == 0 ? "unseen=" + random.nextInt(1000)
                    : known.get(random.nextInt(known.size()));
                hashes[i] = FeatureHashSink.hash(context[i]);
            }
            model.eval(context, expected);
            table.eval(hashes, hashes.length, actual);
            assertThat(actual).as(String.join(" ", context)).containsExactly(expected);
        }
    }

    @Test
    void sameProbabilitiesAsOpenNlpWithFewerAndMoreOutcomesThanTheRegistersHold() {
        Random random = new Random(11);
        for (int outcomes : new int[] {2, 3, 7, PerceptronTable.REGISTER_OUTCOMES,
                PerceptronTable.REGISTER_OUTCOMES + 1, 13}) {
            PerceptronModel model = randomModel(random, outcomes, 300);
            PerceptronTable table = PerceptronTable.of(model);
            assertThat(table.numOutcomes()).isEqualTo(outcomes);
            double[] expected = new double[outcomes];
            double[] actual = new double[outcomes];
            for (int round = 0; round < 500; round++) {
                String[] context = new String[random.nextInt(40)];
                long[] hashes = new long[context.length];
                for (int i = 0; i < context.length; i++) {
                    context[i] = "f" + random.nextInt(400); // a quarter of them unknown
                    hashes[i] = FeatureHashSink.hash(context[i]);
                }
                model.eval(context, expected);
                table.eval(hashes, hashes.length, actual);
                assertThat(actual).as(outcomes + " outcomes: " + String.join(" ", context))
                    .containsExactly(expected);
            }
        }
    }

    /** Features f0..f(n-1), each with a random subset of the outcomes and random weights. */
    private static PerceptronModel randomModel(Random random, int outcomes, int features) {
        Context[] params = new Context[features];
        String[] names = new String[features];
        for (int f = 0; f < features; f++) {
            names[f] = "f" + f;
            int[] subset = random.ints(0, outcomes).distinct().limit(1 + random.nextInt(outcomes))
                .toArray();
            double[] weights = random.doubles(subset.length, -3, 3).toArray();
            params[f] = new Context(subset, weights);
        }
        String[] outcomeNames = new String[outcomes];
        for (int o = 0; o < outcomes; o++) {
            outcomeNames[o] = "o" + o;
        }
        return new PerceptronModel(params, names, outcomeNames);
    }

    @Test
    void noTableWhenAFeatureListsAnOutcomeTwice() {
        Context[] params = {new Context(new int[] {0, 0, 1}, new double[] {0.25, 0.5, -1.0})};
        assertThat(PerceptronTable.of(new PerceptronModel(params, new String[] {"a"},
            new String[] {"x", "y"}))).isNull();
    }

    @Test
    void noTableForAMaxentModel() throws Exception {
        assertThat(PerceptronTable.of(train("MAXENT"))).isNull();
    }
}
