package io.kliping.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Single-thread harness of language identification (not a test; no Spark): the default
 * identifier with its two windows first against the same identifier judging every whole sample,
 * on the same cleaned texts. Prints the microseconds per text of each, warm, and how the labels
 * map from one to the other, with the texts whose label changes.
 *
 * <p>Inputs: JSON Lines dumps ({@code .jsonl} or {@code .jsonl.gz}; the text is the first of the
 * fields {@code content} or {@code text}, comma-joined paragraphs restored as ingest does) and
 * folders of {@code .txt} articles (BBC News: ISO-8859-1), each cleaned with the default
 * settings.
 *
 * <pre>
 * java -cp common/target/classes:common/target/test-classes:$(cat jobs/target/classpath-test.txt) \
 *   io.kliping.text.LanguageIdentifierBench MAX_PER_INPUT INPUT...
 * </pre>
 */
public final class LanguageIdentifierBench {
  private LanguageIdentifierBench() {}

  public static void main(String[] args) throws IOException {
    int max = Integer.parseInt(args[0]);
    TextCleaner cleaner = new TextCleaner(CleaningSettings.defaults());
    List<String> texts = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      Path input = Path.of(args[i]);
      List<String> read = Files.isDirectory(input) ? folder(input, max)
          : jsonLines(input, max, true);
      read.forEach(t -> texts.add(cleaner.clean(t)));
      System.out.printf("%s: %d texts%n", input, read.size());
    }
    LinguaLanguageIdentifier identifier =
        new LinguaLanguageIdentifier(LanguageIdentifier.DEFAULT_LANGUAGES);
    for (int i = 0; i < Math.min(3000, texts.size()); i++) {
      identifier.detect(texts.get(i), false);
      identifier.detect(texts.get(i), true);
    }
    String[] whole = new String[texts.size()];
    String[] ends = new String[texts.size()];
    long t0 = System.nanoTime();
    for (int i = 0; i < texts.size(); i++) {
      whole[i] = identifier.detect(texts.get(i), false);
    }
    long t1 = System.nanoTime();
    for (int i = 0; i < texts.size(); i++) {
      ends[i] = identifier.detect(texts.get(i), true);
    }
    long t2 = System.nanoTime();
    System.out.printf("texts=%d whole_sample_us=%.1f ends_first_us=%.1f%n", texts.size(),
        (t1 - t0) / 1e3 / texts.size(), (t2 - t1) / 1e3 / texts.size());
    Map<String, Integer> labels = new TreeMap<>();
    for (int i = 0; i < texts.size(); i++) {
      labels.merge(whole[i] + "->" + ends[i], 1, Integer::sum);
      if (!whole[i].equals(ends[i])) {
        String t = texts.get(i);
        System.out.printf("changed %d %s->%s: %s%n", i, whole[i], ends[i],
            t.substring(0, Math.min(120, t.length())).replace('\n', ' '));
      }
    }
    System.out.println("labels " + labels);
  }

  /**
   * The bodies of a JSON Lines dump ({@code content}, else {@code text}), at most {@code max},
   * with comma-joined paragraphs restored when {@code restoreParagraphs}.
   */
  static List<String> jsonLines(Path path, int max, boolean restoreParagraphs)
      throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    List<String> out = new ArrayList<>();
    InputStream raw = Files.newInputStream(path);
    InputStream in = path.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null && out.size() < max) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode node = mapper.readTree(line);
        JsonNode text = node.hasNonNull("content") ? node.get("content") : node.get("text");
        if (text != null && !text.isNull()) {
          String body = text.asText();
          out.add(restoreParagraphs ? CommaJoinedParagraphs.split(body) : body);
        }
      }
    }
    return out;
  }

  private static List<String> folder(Path dir, int max) throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
        if (out.size() >= max) {
          break;
        }
        out.add(Files.readString(p, StandardCharsets.ISO_8859_1));
      }
    }
    return out;
  }
}
