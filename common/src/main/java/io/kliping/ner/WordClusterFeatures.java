package io.kliping.ner;

import java.util.List;
import opennlp.tools.util.StringUtil;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;

/**
 * The current token's word clusters as features, one per level ({@code cl256=17}): words the two
 * small annotated sets never show (most names, and the words around them) share a cluster with
 * words they do show, learnt from unlabelled news. Looked up lower-cased and unstemmed.
 */
public final class WordClusterFeatures implements AdaptiveFeatureGenerator {
    private final WordClusters clusters;
    private final String[] prefixes;

    public WordClusterFeatures(WordClusters clusters) {
        this.clusters = clusters;
        int[] levels = clusters.levels();
        this.prefixes = new String[levels.length];
        for (int i = 0; i < levels.length; i++) {
            prefixes[i] = prefix(levels[i]);
        }
    }

    /** The feature name of a level: {@code cl} + its cluster count + {@code =}. */
    static String prefix(int level) {
        return "cl" + level + "=";
    }

    @Override
    public void createFeatures(List<String> features, String[] tokens, int index,
            String[] previousOutcomes) {
        int[] ids = clusters.lookup(StringUtil.toLowerCase(tokens[index]));
        if (ids != null) {
            for (int i = 0; i < ids.length; i++) {
                features.add(prefixes[i] + ids[i]);
            }
        }
    }
}
