package io.kliping.ner;

import static org.assertj.core.api.Assertions.assertThat;

import io.kliping.entities.SentenceSplitter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.namefind.NameContextGenerator;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;

/**
 * Pins the hashed evaluation to OpenNLP's: on real sentences (the bundled sample news, and the
 * NER-UI dev set when {@code ../shared} is there), every token's feature hashes are the hashes of
 * OpenNLP's context strings, in order, the probabilities equal {@code PerceptronModel.eval}'s bit
 * for bit, and the decoded spans are the same. The size floors are those of the bundled text
 * alone, so a clone without {@code ../shared} runs every check on fewer sentences.
 */
class HashedNameFeaturesTest {
    private static final String MODEL = "kliping/ner/kliping-ner.bin";
    private static final Object[] NONE = new Object[0];
    /** The bundled text alone gives 245 sentences, 11,528 tokens and 718 decoded names. */
    private static final int SENTENCES_FLOOR = 200;
    private static final int TOKENS_FLOOR = 10_000;
    private static final int NAMES_FLOOR = 500;

    /** Sentences of the sample news and of a dev set, in the pipeline's and CoNLL tokenisation. */
    static List<String[]> sentences() throws IOException {
        List<String[]> out = new ArrayList<>();
        List<String> texts = new ArrayList<>(
            Files.readAllLines(Path.of("..", "sample", "news", "articles.jsonl")));
        try (var files = Files.list(Path.of("..", "sample", "news", "more"))) {
            for (Path file : files.sorted().toList()) {
                texts.add(Files.readString(file));
            }
        }
        for (String line : texts) {
            int[] starts = SentenceSplitter.sentenceStarts(line);
            for (int s = 0; s < starts.length; s++) {
                int end = s + 1 < starts.length ? starts[s + 1] : line.length();
                NewsTokenizer.Tokens tokens = NewsTokenizer.tokenize(line, starts[s], end);
                if (tokens.size() > 0) {
                    out.add(tokens.strings());
                }
            }
        }
        Path dev = Path.of("..", "..", "shared", "data", "ner", "nerui", "dev.01.tsv");
        if (Files.exists(dev)) {
            for (NameSample s : NerTrainer.samples(dev, Map.of())) {
                out.add(s.getSentence());
            }
        }
        return out;
    }

    @Test
    void shippedModelIsHashedAndItsDescriptorIsTheOneImplemented() throws IOException {
        TokenNameFinderModel model = NameFinderHolder.model(MODEL);
        assertThat(HashedNameFeatures.describes(model)).isTrue();
        assertThat(new GreedyNameFinder(model).hashesFeatures()).isTrue();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(NerTrainer.FEATURES)) {
            assertThat(HashedNameFeatures.sha256(in.readAllBytes()))
                .as("features.xml changed: update HashedNameFeatures to the new features")
                .isEqualTo(HashedNameFeatures.DESCRIPTOR_SHA256);
        }
    }

    @Test
    void eachThreadHasItsOwnFinderOverOneSharedTable() throws Exception {
        GreedyNameFinder here = NameFinderHolder.finder(MODEL);
        GreedyNameFinder[] there = new GreedyNameFinder[1];
        Thread other = new Thread(() -> there[0] = NameFinderHolder.finder(MODEL));
        other.start();
        other.join();
        assertThat(there[0]).isNotSameAs(here);
        assertThat(here.table()).isNotNull().isSameAs(there[0].table());
    }

    @Test
    void hashesAreThoseOfOpenNlpsFeatureStringsAndProbabilitiesAreBitIdentical() throws IOException {
        TokenNameFinderModel model = NameFinderHolder.model(MODEL);
        MaxentModel maxent = (MaxentModel) model.getArtifact("nameFinder.model");
        PerceptronTable table = PerceptronTable.of(maxent);
        Map<?, ?> predicates =
            (Map<?, ?>) ((opennlp.tools.ml.model.AbstractModel) maxent).getDataStructures()[1];
        assertThat(table.size()).isEqualTo(predicates.size());
        NameContextGenerator contexts = model.getFactory().createContextGenerator();
        GreedyNameFinder strings = new GreedyNameFinder(model, null);
        HashedNameFeatures hashed =
            new HashedNameFeatures((WordClusters) model.getArtifact(NerTrainer.CLUSTERS));
        FeatureHashSink sink = new FeatureHashSink();
        double[] expected = new double[maxent.getNumOutcomes()];
        double[] actual = new double[maxent.getNumOutcomes()];
        List<String[]> sentences = sentences();
        assertThat(sentences).hasSizeGreaterThan(SENTENCES_FLOOR);
        long tokens = 0;
        long known = 0;
        for (String[] sentence : sentences) {
            String[] preds = outcomes(strings, sentence);
            hashed.sentence(sentence);
            for (int i = 0; i < sentence.length; i++) {
                String[] context = contexts.getContext(i, sentence, preds, NONE);
                hashed.context(i, preds, sink);
                long[] want = Arrays.stream(context).mapToLong(FeatureHashSink::hash).toArray();
                assertThat(Arrays.copyOf(sink.hashes(), sink.size()))
                    .as("features of %s in %s: %s", sentence[i], Arrays.toString(sentence),
                        Arrays.toString(context))
                    .containsExactly(want);
                maxent.eval(context, expected);
                table.eval(sink.hashes(), sink.size(), actual);
                assertThat(actual).containsExactly(expected);
                for (String feature : context) {
                    boolean hit = table.find(FeatureHashSink.hash(feature)) >= 0;
                    assertThat(hit).as("weights found for %s", feature)
                        .isEqualTo(predicates.containsKey(feature));
                    known += hit ? 1 : 0;
                }
                tokens++;
            }
        }
        assertThat(tokens).isGreaterThan(TOKENS_FLOOR);
        assertThat(known).as("features the model has weights for").isGreaterThan(tokens * 10);
    }

    @Test
    void hashedAndStringDecodingFindTheSameSpans() throws IOException {
        TokenNameFinderModel model = NameFinderHolder.model(MODEL);
        GreedyNameFinder strings = new GreedyNameFinder(model, null);
        GreedyNameFinder hashed = new GreedyNameFinder(model);
        int names = 0;
        for (String[] sentence : sentences()) {
            Span[] expected = strings.find(sentence);
            assertThat(hashed.find(sentence)).as(Arrays.toString(sentence))
                .containsExactly(expected);
            names += expected.length;
        }
        assertThat(names).isGreaterThan(NAMES_FLOOR);
    }

    @Test
    void aFeatureHashedInPartsHashesLikeTheWholeString() {
        FeatureHashSink sink = new FeatureHashSink();
        sink.begin().put("p1").put("w&c=").put("jakarta").put(',').put("Pusat", 1, 4).end();
        sink.add("def");
        assertThat(sink.size()).isEqualTo(2);
        assertThat(sink.hashes()[0]).isEqualTo(FeatureHashSink.hash("p1w&c=jakarta,usa"));
        assertThat(sink.hashes()[1]).isEqualTo(FeatureHashSink.hash("def"))
            .isNotEqualTo(FeatureHashSink.hash("deg"));
    }

    /** The outcomes OpenNLP's string path decodes (the previous-outcome features depend on them). */
    private static String[] outcomes(GreedyNameFinder finder, String[] sentence) {
        Span[] spans = finder.find(sentence);
        String[] out = new String[sentence.length];
        Arrays.fill(out, "other");
        for (Span s : spans) {
            out[s.getStart()] = s.getType() + "-start";
            for (int i = s.getStart() + 1; i < s.getEnd(); i++) {
                out[i] = s.getType() + "-cont";
            }
        }
        return out;
    }
}
