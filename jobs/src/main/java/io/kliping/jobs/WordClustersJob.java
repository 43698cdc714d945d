package io.kliping.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kliping.entities.LowerCaseWords;
import io.kliping.entities.SentenceSplitter;
import io.kliping.ner.ConllReader;
import io.kliping.ner.NewsTokenizer;
import io.kliping.ner.WordClusterer;
import io.kliping.ner.WordClusters;
import io.kliping.text.CleaningSettings;
import io.kliping.text.CommaJoinedParagraphs;
import io.kliping.text.TextCleaner;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code word-clusters}: learns the word clusters the name finder uses as features
 * ({@link WordClusterer}) from unlabelled news: JSON Lines with {@code title} and {@code content}
 * ({@code .jsonl}, {@code .jsonl.gz}), folders of plain-text articles (every file below, in name
 * order, one article each) and CoNLL files (any other file name, token first). Articles are
 * cleaned as ingest cleans them (comma-joined paragraphs restored, {@link TextCleaner} with the
 * default settings), so the counts describe the text the entities stage reads: uncleaned, the
 * {@code ". , , Alhasil"} left where a scraper removed link text kept sentences together and made
 * sentence-opening words look capitalised inside sentences. Plain Java, no Spark; {@code
 * scripts/train-ner.sh} runs it before training.
 */
@Command(name = "word-clusters", mixinStandardHelpOptions = true,
    description = "Learn word clusters for the name finder from unlabelled text.")
final class WordClustersJob implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--input", required = true, split = ",", paramLabel = "FILE[,FILE]",
      description = "JSON Lines (.jsonl, .jsonl.gz: title and content), folders of text "
          + "files (one article each) or CoNLL files.")
  List<Path> inputs = new ArrayList<>();

  @Option(names = "--output", paramLabel = "FILE",
      description = "Clusters file (gzip when it ends in .gz). Without it no clustering is "
          + "done and only --lowercase-words is written.")
  Path output;

  @Option(names = "--lowercase-words", paramLabel = "FILE",
      description = "Also write the words written in lower case inside sentences (the "
          + "entities stage's kliping.entities.lowercase-words; gzip when it ends in .gz).")
  Path lowercaseOutput;

  @Option(names = "--lowercase-min-count", defaultValue = "10",
      description = "Lower-case words: seen at least this often inside sentences. "
          + "Default: ${DEFAULT-VALUE}.")
  int lowercaseMinCount;

  @Option(names = "--lowercase-share", defaultValue = "0.9",
      description = "Lower-case words: written in lower case at least this share of those "
          + "times. Default: ${DEFAULT-VALUE}.")
  double lowercaseShare;

  @Option(names = "--lowercase-min-openings", defaultValue = "20",
      description = "Lower-case words: also those opening at least this many sentences, never "
          + "capitalised inside one and in lower case there at least once (\"Alhasil,\"). "
          + "Default: ${DEFAULT-VALUE}.")
  int lowercaseMinOpenings;

  @Option(names = "--levels", split = ",", defaultValue = "64,128,256,512,1024",
      description = "Cluster counts, one clustering each. Default: ${DEFAULT-VALUE}.")
  int[] levels;

  @Option(names = "--min-count", defaultValue = "3",
      description = "Cluster words seen at least this often. Default: ${DEFAULT-VALUE}.")
  int minCount;

  @Option(names = "--max-words", defaultValue = "100000",
      description = "At most this many words, the most frequent. Default: ${DEFAULT-VALUE}.")
  int maxWords;

  @Option(names = "--context-words", defaultValue = "1000",
      description = "Neighbours counted: the most frequent words. Default: ${DEFAULT-VALUE}.")
  int contextWords;

  @Option(names = "--iterations", defaultValue = "20",
      description = "k-means rounds at most. Default: ${DEFAULT-VALUE}.")
  int iterations;

  @Option(names = "--seed", defaultValue = "20261202",
      description = "Random seed of the k-means++ seeding; another seed gives another, equally "
          + "reasonable clustering. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Override
  public Integer call() throws Exception {
    if (output == null && lowercaseOutput == null) {
      spec.commandLine().getErr()
          .println("word-clusters: nothing to write: give --output, --lowercase-words or both");
      return ExitCodes.USAGE;
    }
    for (Path in : inputs) {
      if (!Files.isRegularFile(in) && !Files.isDirectory(in)) {
        spec.commandLine().getErr().println("word-clusters: no such file or folder: " + in);
        return ExitCodes.NO_INPUT;
      }
    }
    WordClusterer clusterer;
    try {
      clusterer = new WordClusterer(
          new WordClusterer.Options(minCount, maxWords, contextWords, iterations, seed));
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("word-clusters: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    for (int level : levels) {
      if (level < 2) {
        spec.commandLine().getErr()
            .println("word-clusters: --levels: each needs at least 2 clusters: " + level);
        return ExitCodes.USAGE;
      }
    }
    if (lowercaseMinCount < 1 || !(lowercaseShare > 0 && lowercaseShare <= 1)
        || lowercaseMinOpenings < 1) {
      spec.commandLine().getErr().println("word-clusters: --lowercase-min-count and "
          + "--lowercase-min-openings must be at least 1 and --lowercase-share in (0, 1]");
      return ExitCodes.USAGE;
    }
    LowerCaseWords.Counter casing = new LowerCaseWords.Counter();
    Consumer<String[]> sink = output == null ? casing::add : sentence -> {
      clusterer.add(sentence);
      casing.add(sentence);
    };
    long tokens = 0;
    for (Path in : inputs) {
      tokens += read(in, sink);
    }
    if (output != null) {
      WordClusters clusters = clusterer.cluster(levels);
      try (OutputStream out = create(output)) {
        clusters.write(out);
      }
      spec.commandLine().getOut().printf("word-clusters: %d tokens, %d words, levels %s -> %s%n",
          tokens, clusters.size(), Arrays.toString(levels), output);
    }
    if (lowercaseOutput != null) {
      LowerCaseWords lower = casing.build(lowercaseMinCount, lowercaseShare, lowercaseMinOpenings);
      try (OutputStream out = create(lowercaseOutput)) {
        lower.write(out);
      }
      spec.commandLine().getOut().printf("word-clusters: %d lower-case words -> %s%n",
          lower.size(), lowercaseOutput);
    }
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }

  /** A new file (and its folders), gzip-compressed when its name ends in {@code .gz}. */
  private static OutputStream create(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    return file.toString().endsWith(".gz")
        ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file);
  }

  /** Articles' text as ingest leaves it with the default cleaning settings. */
  private static final TextCleaner CLEANER = new TextCleaner(CleaningSettings.defaults());

  /** Feeds one input's sentences to {@code sink}; returns its token count. */
  private static long read(Path file, Consumer<String[]> sink) throws IOException {
    if (Files.isDirectory(file)) {
      List<Path> texts;
      try (var walk = Files.walk(file)) {
        texts = walk.filter(Files::isRegularFile).sorted().toList();
      }
      long tokens = 0;
      for (Path text : texts) {
        // undecodable bytes become U+FFFD: one bad file must not stop the clustering
        tokens += addText(
            CLEANER.clean(new String(Files.readAllBytes(text), StandardCharsets.UTF_8)), sink);
      }
      return tokens;
    }
    String name = file.getFileName().toString();
    boolean json = name.endsWith(".jsonl") || name.endsWith(".jsonl.gz");
    long[] tokens = {0};
    try (InputStream raw = Files.newInputStream(file);
         InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
         BufferedReader reader =
             new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      if (json) {
        ObjectMapper mapper = new ObjectMapper();
        String line;
        while ((line = reader.readLine()) != null) {
          if (line.isBlank()) {
            continue;
          }
          JsonNode record = mapper.readTree(line);
          tokens[0] += addText(CLEANER.clean(record.path("title").asText("")), sink);
          // paragraphs as ingest restores them (a no-op where none are comma-joined)
          tokens[0] += addText(
              CLEANER.clean(CommaJoinedParagraphs.split(record.path("content").asText(""))),
              sink);
        }
      } else {
        ConllReader.read(reader, sentence -> {
          String[] t = ConllReader.tokens(sentence).toArray(String[]::new);
          sink.accept(t);
          tokens[0] += t.length;
        });
      }
    }
    return tokens[0];
  }

  /** Adds a text sentence by sentence, split and tokenised as the entity stage does. */
  private static int addText(String text, Consumer<String[]> sink) {
    int[] starts = SentenceSplitter.sentenceStarts(text);
    int tokens = 0;
    for (int s = 0; s < starts.length; s++) {
      int end = s + 1 < starts.length ? starts[s + 1] : text.length();
      NewsTokenizer.Tokens sentence = NewsTokenizer.tokenize(text, starts[s], end);
      if (sentence.size() > 0) {
        sink.accept(sentence.strings());
        tokens += sentence.size();
      }
    }
    return tokens;
  }
}
