package io.kliping.jobs;

import io.kliping.ner.ConllReader;
import io.kliping.ner.SpanScorer;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code eval-ner}: span-level precision, recall and F1 per type and micro-averaged of a tagged
 * CoNLL file (gold tag in the second-to-last column, prediction in the last, as written by
 * {@code tag-conll}), the conlleval way. Plain Java, no Spark.
 */
@Command(name = "eval-ner", mixinStandardHelpOptions = true,
    description = "Score a tagged CoNLL file (gold tag second-to-last column, predicted tag last): "
        + "span precision, recall and F1 per type and micro-averaged.")
final class EvalNerJob implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--input", required = true, paramLabel = "FILE",
      description = "Tagged CoNLL file, e.g. the output of tag-conll.")
  Path input;

  @Option(names = "--map", paramLabel = "FROM=TO[,FROM=TO]",
      description = "Rename types before scoring, e.g. PLACE=LOCATION,ORGANISATION=ORGANIZATION.")
  String map;

  @Override
  public Integer call() throws Exception {
    SpanScorer scorer;
    try {
      scorer = new SpanScorer(SpanScorer.parseMap(map));
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("eval-ner: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    if (!Files.isRegularFile(input)) {
      spec.commandLine().getErr().println("eval-ner: no such file: " + input);
      return ExitCodes.NO_INPUT;
    }
    try (BufferedReader in = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
      ConllReader.read(in, sentence -> scorer.add(ConllReader.column(sentence, 1),
          ConllReader.column(sentence, 0)));
    }
    spec.commandLine().getOut().print(scorer.report());
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
