package io.kliping.ner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import opennlp.tools.ml.BeamSearch;
import opennlp.tools.namefind.BioCodec;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.CollectionObjectStream;
import opennlp.tools.util.TrainingParameters;

/**
 * Trains the OpenNLP name finder the pipeline uses from CoNLL-style BIO files (token first, tag
 * last), with the feature generators of {@code kliping/ner/features.xml}. Type names are mapped
 * to the pipeline's (PLACE to LOCATION, ORGANISATION to ORGANIZATION) before training. The word
 * clusters ({@link WordClusters}, from {@code word-clusters}) are stored inside the model.
 */
public final class NerTrainer {
    /** The feature descriptor on the classpath; it is copied into the model. */
    public static final String FEATURES = "kliping/ner/features.xml";
    /** The descriptor's name for the {@link WordClusters} resource (a model artifact). */
    public static final String CLUSTERS = "word-clusters";

    private NerTrainer() {}

    /** Training options: the OpenNLP algorithm (PERCEPTRON or MAXENT), iterations, cutoff. */
    public record Options(String algorithm, int iterations, int cutoff) {
        public static Options defaults() {
            return new Options("PERCEPTRON", 300, 1);
        }
    }

    /** Reads a clusters file ({@link WordClusters#read}; gzip when it ends in {@code .gz}). */
    public static WordClusters clusters(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.toString().endsWith(".gz")
                 ? new java.util.zip.GZIPInputStream(raw) : raw) {
            return WordClusters.read(in);
        }
    }

    /** Name samples of one CoNLL file, types renamed through {@code typeMap}. */
    public static List<NameSample> samples(Path file, Map<String, String> typeMap) {
        List<NameSample> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            ConllReader.read(in, sentence -> {
                List<String> tokens = ConllReader.tokens(sentence);
                List<Span> spans = Span.fromBio(ConllReader.column(sentence, 0));
                opennlp.tools.util.Span[] names = spans.stream()
                    .map(s -> new opennlp.tools.util.Span(s.start(), s.end(),
                        typeMap.getOrDefault(s.type(), s.type())))
                    .toArray(opennlp.tools.util.Span[]::new);
                out.add(new NameSample(tokens.toArray(String[]::new), names, true));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Trains a model on {@code samples}, with {@code clusters} as the word-cluster features. */
    public static TokenNameFinderModel train(List<NameSample> samples, WordClusters clusters,
            Options options) throws IOException {
        TrainingParameters params = TrainingParameters.defaultParams();
        params.put(TrainingParameters.ALGORITHM_PARAM, options.algorithm());
        params.put(TrainingParameters.ITERATIONS_PARAM, options.iterations());
        params.put(TrainingParameters.CUTOFF_PARAM, options.cutoff());
        params.put(TrainingParameters.THREADS_PARAM, 1);
        // Decoding parameter only (written to the manifest, not used by event training): the
        // pipeline decodes greedily (GreedyNameFinder), so NameFinderME on this model agrees.
        params.put(BeamSearch.BEAM_SIZE_PARAMETER, 1);
        byte[] features;
        try (InputStream in = NerTrainer.class.getClassLoader().getResourceAsStream(FEATURES)) {
            if (in == null) {
                throw new IOException("missing resource " + FEATURES);
            }
            features = in.readAllBytes();
        }
        TokenNameFinderFactory factory =
            TokenNameFinderFactory.create(null, features, Map.of(CLUSTERS, clusters),
                new BioCodec());
        return NameFinderME.train("ind", null, new CollectionObjectStream<>(samples), params,
            factory);
    }
}
