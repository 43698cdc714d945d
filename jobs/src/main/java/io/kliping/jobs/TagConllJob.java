package io.kliping.jobs;

import io.kliping.config.ConfigException;
import io.kliping.config.ConfigLoader;
import io.kliping.config.KlipingConfig;
import io.kliping.entities.EntityExtractor;
import io.kliping.entities.Gazetteer;
import io.kliping.entities.Mention;
import io.kliping.io.GazetteerFiles;
import io.kliping.io.InputException;
import io.kliping.ner.ConllReader;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tag-conll}: runs the pipeline's entity extractor (gazetteer plus name-finder model, from
 * the same configuration as the {@code entities} job) on each sentence of a CoNLL file and writes
 * every line with the predicted BIO tag appended, for {@code eval-ner}. A sentence is the tokens
 * joined by single spaces; a token is tagged with the mention that overlaps it. Plain Java, no
 * Spark.
 */
@Command(name = "tag-conll", mixinStandardHelpOptions = true,
    description = "Tag a CoNLL file (token first column, optional gold tag last) with the "
        + "pipeline's entity extractor; writes each line with the predicted BIO tag appended.")
final class TagConllJob implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--input", required = true, paramLabel = "FILE",
      description = "CoNLL file: one token per line (token first), blank line between sentences.")
  Path input;

  @Option(names = "--config", paramLabel = "FILE",
      description = "Configuration file (kliping.entities.* chooses gazetteers and model).")
  java.io.File configFile;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Override one configuration key, e.g. --set kliping.entities.model=\"\" "
          + "(repeatable).")
  List<String> overrides = new ArrayList<>();

  @Option(names = "--output", required = true, paramLabel = "FILE",
      description = "Tagged CoNLL file to write (replaced if present).")
  Path output;

  @Override
  public Integer call() throws IOException {
    if (!Files.isRegularFile(input)) {
      spec.commandLine().getErr().println("tag-conll: no such file: " + input);
      return ExitCodes.NO_INPUT;
    }
    EntityExtractor extractor;
    try {
      KlipingConfig config = ConfigLoader.load(Optional.ofNullable(configFile), overrides);
      Gazetteer gazetteer = GazetteerFiles.load(new org.apache.hadoop.conf.Configuration(),
          config.entities().gazetteers());
      extractor = EntitiesJob.extractor(gazetteer, config.entities());
    } catch (ConfigException e) {
      spec.commandLine().getErr().println("tag-conll: " + e.getMessage());
      return ExitCodes.USAGE;
    } catch (InputException e) {
      spec.commandLine().getErr().println("tag-conll: " + e.getMessage());
      return ExitCodes.NO_INPUT;
    }
    long[] counts = new long[2];
    try (BufferedReader in = Files.newBufferedReader(input, StandardCharsets.UTF_8);
        BufferedWriter out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
      ConllReader.read(in, sentence -> {
        List<String> tags = tag(extractor, ConllReader.tokens(sentence));
        try {
          for (int i = 0; i < sentence.size(); i++) {
            out.write(String.join("\t", sentence.get(i)));
            out.write('\t');
            out.write(tags.get(i));
            out.write('\n');
          }
          out.write('\n');
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        counts[0]++;
        counts[1] += sentence.size();
      });
    }
    spec.commandLine().getOut().printf("tag-conll: %d sentences, %d tokens -> %s%n", counts[0],
        counts[1], output);
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }

  /** BIO tags of {@code tokens} from the mentions the extractor finds in them joined by spaces. */
  static List<String> tag(EntityExtractor extractor, List<String> tokens) {
    int[] starts = new int[tokens.size()];
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < tokens.size(); i++) {
      if (i > 0) {
        text.append(' ');
      }
      starts[i] = text.length();
      text.append(tokens.get(i));
    }
    String[] tags = new String[tokens.size()];
    Arrays.fill(tags, "O");
    for (Mention m : extractor.extract(text.toString())) {
      boolean first = true;
      for (int i = 0; i < tokens.size(); i++) {
        int end = starts[i] + tokens.get(i).length();
        if (starts[i] < m.charEnd() && m.charStart() < end && "O".equals(tags[i])) {
          tags[i] = (first ? "B-" : "I-") + m.entityType().name();
          first = false;
        }
      }
    }
    return new ArrayList<>(Arrays.asList(tags));
  }
}
