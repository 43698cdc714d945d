package io.kliping.ner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kliping.entities.SentenceSplitter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;

/**
 * The pipeline's greedy decoder against OpenNLP's own {@link NameFinderME} on the shipped model,
 * whose manifest sets a beam of 1: same spans on every sentence of the bundled sample news.
 */
class GreedyNameFinderTest {
    private static final String MODEL = "kliping/ner/kliping-ner.bin";

    private static List<String[]> sampleSentences() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String[]> out = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("..", "sample", "news", "articles.jsonl"))) {
            com.fasterxml.jackson.databind.JsonNode article;
            try {
                article = json.readTree(line);
            } catch (IOException malformed) {
                continue; // the sample has a broken line on purpose (ingest's rejects)
            }
            if (article == null) {
                continue;
            }
            String text = article.path("title").asText("") + "\n" + article.path("text").asText("");
            int[] starts = SentenceSplitter.sentenceStarts(text);
            for (int s = 0; s < starts.length; s++) {
                int end = s + 1 < starts.length ? starts[s + 1] : text.length();
                NewsTokenizer.Tokens tokens = NewsTokenizer.tokenize(text, starts[s], end);
                if (tokens.size() > 0) {
                    out.add(tokens.strings());
                }
            }
        }
        return out;
    }

    @Test
    void shippedModelDecodesWithABeamOfOne() {
        assertThat(NameFinderHolder.model(MODEL).getManifestProperty("BeamSize")).isEqualTo("1");
    }

    @Test
    void sameSpansAsOpenNlpWithABeamOfOne() throws IOException {
        TokenNameFinderModel model = NameFinderHolder.model(MODEL);
        NameFinderME reference = new NameFinderME(model);
        GreedyNameFinder greedy = new GreedyNameFinder(model);
        List<String[]> sentences = sampleSentences();
        assertThat(sentences).hasSizeGreaterThan(50);
        int names = 0;
        for (String[] tokens : sentences) {
            Span[] expected = reference.find(tokens);
            Span[] actual = greedy.find(tokens);
            assertThat(actual).as(Arrays.toString(tokens)).containsExactly(expected);
            names += actual.length;
        }
        assertThat(names).as("names found in the sample").isGreaterThan(20);
    }

    @Test
    void findsTypedNamesAndReusesItsBuffersAcrossSentenceLengths() {
        GreedyNameFinder greedy = new GreedyNameFinder(NameFinderHolder.model(MODEL));
        String[] longSentence = new String[150];
        Arrays.fill(longSentence, "dan");
        assertThat(greedy.find(longSentence)).isEmpty();
        Span[] spans = greedy.find(("Presiden Joko Widodo bertemu Menteri Luar Negeri Rusia Sergei"
            + " Lavrov di Jakarta .").split(" "));
        assertThat(spans).extracting(Span::getType).contains("PERSON");
        assertThat(greedy.find(new String[0])).isEmpty();
    }
}
