package io.kliping.ner;

import java.util.Map;
import opennlp.tools.util.InvalidFormatException;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.GeneratorFactory;
import opennlp.tools.util.model.ArtifactSerializer;

/**
 * Lets the name finder's XML feature descriptor name {@link WordClusterFeatures}:
 * {@code <str name="dict">RESOURCE</str>} is the {@link WordClusters} resource (a model artifact
 * once trained).
 */
public final class ClusterFeatureGeneratorFactory
        extends GeneratorFactory.AbstractXmlFeatureGeneratorFactory {
    private static final String DICT = "dict";

    @Override
    public AdaptiveFeatureGenerator create() throws InvalidFormatException {
        String name = getStr(DICT);
        Object resource = resourceManager == null ? null : resourceManager.getResource(name);
        if (!(resource instanceof WordClusters clusters)) {
            throw new InvalidFormatException("no word clusters resource '" + name + "'");
        }
        return new WordClusterFeatures(clusters);
    }

    @Override
    public Map<String, ArtifactSerializer<?>> getArtifactSerializerMapping()
            throws InvalidFormatException {
        return Map.of(getStr(DICT), new WordClusters.Serializer());
    }
}
