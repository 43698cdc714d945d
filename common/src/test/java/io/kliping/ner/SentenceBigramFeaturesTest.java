package io.kliping.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import opennlp.tools.util.featuregen.BigramNameFeatureGenerator;
import org.junit.jupiter.api.Test;

/** The per-sentence bigram generator gives OpenNLP's bigram features, in the same order. */
class SentenceBigramFeaturesTest {

    @Test
    void sameFeaturesAsOpenNlpsBigramGenerator() {
        SentenceBigramFeatures fast = new SentenceBigramFeatures();
        BigramNameFeatureGenerator reference = new BigramNameFeatureGenerator();
        String[][] sentences = {
            "Menlu Rusia Sergei Lavrov bertemu PBB di New York , Senin ( 24/10 ) pukul 10.30 .".split(" "),
            {"Jokowi"},
            "DPRK dan AS 2024 X A. Kim Jong-un 1.000 3,5 12-3 ke-2 Ibu-ibu".split(" "),
        };
        for (String[] tokens : sentences) {
            for (int i = 0; i < tokens.length; i++) {
                List<String> expected = new ArrayList<>();
                List<String> actual = new ArrayList<>();
                reference.createFeatures(expected, tokens, i, new String[0]);
                fast.createFeatures(actual, tokens, i, new String[0]);
                assertThat(actual).as("token %d of %s", i, String.join(" ", tokens))
                    .containsExactlyElementsOf(expected);
            }
        }
    }
}
