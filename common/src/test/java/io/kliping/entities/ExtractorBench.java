package io.kliping.entities;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Single-thread throughput harness of the pipeline's extractor (not a test; no Spark): reads the
 * {@code content} of the first N articles of a JSON-lines dump (comma-joined paragraphs restored
 * and the text cleaned with the default settings, as ingest does), extracts once to warm up, then
 * times {@code rounds} passes, in wall time and in this thread's CPU time (less sensitive to other
 * processes on a shared machine). With an output path it also writes every mention (article index,
 * offsets, type, id, source, surface, 30 characters of context either side) so two versions of the extractor can be diffed.
 *
 * <pre>
 * java -cp common/target/classes:common/target/test-classes:$(cat CP) io.kliping.entities.ExtractorBench \
 *   ../shared/data/click-id/articles.jsonl.gz 2000 3 [mentions.tsv] [model|-] [lowercase-words|-]
 * </pre>
 *
 * (the defaults are the configured model and lower-case word list, as the entities stage uses them;
 * "-" leaves the model or the list out).
 */
public final class ExtractorBench {
    private ExtractorBench() {}

    public static void main(String[] args) throws Exception {
        Path input = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        String dump = args.length > 3 ? args[3] : null;
        String model = args.length > 4 ? args[4] : "kliping/ner/kliping-ner.bin";
        List<String> texts = read(input, n);
        Gazetteer gazetteer = Gazetteer.fromClasspath(List.of("kliping/gazetteer/curated.tsv",
            "kliping/gazetteer/countries.tsv", "kliping/gazetteer/capitals.tsv"));
        String lowerCaseWords = args.length > 5 ? args[5] : "kliping/ner/lowercase-words.txt.gz";
        EntityExtractor extractor = "-".equals(model) ? EntityExtractor.fromGazetteer(gazetteer)
            : EntityExtractor.withModel(gazetteer, model);
        if (!"-".equals(lowerCaseWords)) {
            extractor = EntityExtractor.withoutSentenceInitialWords(extractor, lowerCaseWords);
        }
        long mentions = 0;
        long chars = 0;
        for (String t : texts) {
            mentions += extractor.extract(t).size();
            chars += t.length();
        }
        System.out.printf("articles=%d avg_chars=%d mentions=%d%n", texts.size(),
            chars / Math.max(1, texts.size()), mentions);
        java.lang.management.ThreadMXBean threads =
            java.lang.management.ManagementFactory.getThreadMXBean();
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            long c0 = threads.getCurrentThreadCpuTime();
            for (String t : texts) {
                extractor.extract(t);
            }
            double s = (System.nanoTime() - t0) / 1e9;
            double cpu = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
            System.out.printf("round=%d seconds=%.2f articles_per_s=%.1f cpu_seconds=%.2f"
                + " articles_per_cpu_s=%.1f%n", r, s, texts.size() / s, cpu, texts.size() / cpu);
        }
        if (dump != null) {
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(dump)))) {
                for (int i = 0; i < texts.size(); i++) {
                    String text = texts.get(i);
                    for (Mention m : extractor.extract(text)) {
                        String context = text.substring(Math.max(0, m.charStart() - 30),
                            Math.min(text.length(), m.charEnd() + 30)).replaceAll("\\s", " ");
                        out.println(i + "\t" + m.charStart() + "\t" + m.charEnd() + "\t"
                            + m.entityType() + "\t" + m.entityId() + "\t" + m.entityName() + "\t"
                            + m.source() + "\t" + m.sentenceIdx() + "\t" + m.surface() + "\t"
                            + context);
                    }
                }
            }
        }
    }

    private static List<String> read(Path input, int n) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> out = new ArrayList<>();
        io.kliping.text.TextCleaner cleaner =
            new io.kliping.text.TextCleaner(io.kliping.text.CleaningSettings.defaults());
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(input)), StandardCharsets.UTF_8))) {
            String line;
            while (out.size() < n && (line = in.readLine()) != null) {
                JsonNode node = json.readTree(line);
                // paragraphs as ingest restores them (click-id joins them with commas), then
                // ingest's cleaning (mojibake repair, NFKC, debris and repeated paragraphs)
                String content = cleaner.clean(io.kliping.text.CommaJoinedParagraphs.split(
                    node.path("content").asText("")));
                if (!content.isBlank()) {
                    out.add(content);
                }
            }
        }
        return out;
    }
}
