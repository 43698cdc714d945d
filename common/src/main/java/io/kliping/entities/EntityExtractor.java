package io.kliping.entities;

import java.io.Serializable;
import java.util.List;

/**
 * Finds entity mentions in cleaned article text and links each one to a canonical entity id.
 *
 * <p>An interface so that the gazetteer matcher and the statistical name finder can sit
 * side by side behind the same Spark stage. Implementations are shipped to executors, hence
 * {@link Serializable}; they must build heavy state lazily and be safe to call from several
 * threads.
 */
public interface EntityExtractor extends Serializable {

    /** Mentions found in {@code text}, sorted by {@link Mention#charStart()}, never overlapping. */
    List<Mention> extract(String text);

    /** A dictionary matcher over {@code gazetteer}; its tries are built once per JVM on first use. */
    static EntityExtractor fromGazetteer(Gazetteer gazetteer) {
        return new GazetteerExtractor(gazetteer);
    }

    /**
     * Gazetteer matches plus the names the OpenNLP model at classpath {@code modelResource} finds,
     * linked within each article (see {@link ModelLinkingExtractor}); the model is read here, so a
     * missing one fails now ({@link IllegalArgumentException}), and once per JVM where the
     * extractor runs.
     */
    static EntityExtractor withModel(Gazetteer gazetteer, String modelResource) {
        io.kliping.ner.NameFinderHolder.finder(modelResource);
        return new ModelLinkingExtractor(gazetteer, modelResource);
    }

    /**
     * {@code extractor} without the one-word mentions that open a sentence and are ordinarily
     * lower-case words (see {@link SentenceInitialWordFilter}); the {@link LowerCaseWords} list at
     * classpath {@code wordsResource} is read here, so a missing list fails now, and once per JVM
     * where the extractor runs.
     */
    static EntityExtractor withoutSentenceInitialWords(EntityExtractor extractor,
            String wordsResource) {
        LowerCaseWords.resource(wordsResource);
        return new SentenceInitialWordFilter(extractor, wordsResource);
    }
}
