package io.kliping.ner;

import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.GeneratorFactory;

/** Lets the name finder's XML feature descriptor name {@link SentenceBigramFeatures}. */
public final class SentenceBigramFeatureGeneratorFactory
        extends GeneratorFactory.AbstractXmlFeatureGeneratorFactory {

    @Override
    public AdaptiveFeatureGenerator create() {
        return new SentenceBigramFeatures();
    }
}
