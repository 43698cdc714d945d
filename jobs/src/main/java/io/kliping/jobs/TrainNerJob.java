package io.kliping.jobs;

import io.kliping.ner.NerTrainer;
import io.kliping.ner.SpanScorer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code train-ner}: trains the name-finder model of the {@code entities} stage from CoNLL BIO
 * files ({@link NerTrainer}); {@code scripts/train-ner.sh} runs it on the shared NER-UI and
 * NERGrit training sets. Plain Java, no Spark.
 */
@Command(name = "train-ner", mixinStandardHelpOptions = true,
    description = "Train the OpenNLP name-finder model from CoNLL BIO files (token first, tag last).")
final class TrainNerJob implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--input", required = true, split = ",", paramLabel = "FILE[,FILE]",
      description = "Training files.")
  List<Path> inputs = new ArrayList<>();

  @Option(names = "--map", paramLabel = "FROM=TO[,FROM=TO]",
      defaultValue = "PLACE=LOCATION,ORGANISATION=ORGANIZATION",
      description = "Rename types before training. Default: ${DEFAULT-VALUE}.")
  String map;

  @Option(names = "--output", required = true, paramLabel = "FILE", description = "Model file.")
  Path output;

  @Option(names = "--clusters", defaultValue = "conf/ner/word-clusters.txt.gz",
      paramLabel = "FILE",
      description = "Word clusters (from word-clusters), stored in the model. "
          + "Default: ${DEFAULT-VALUE}.")
  Path clusters;

  @Option(names = "--algorithm", defaultValue = "PERCEPTRON",
      description = "OpenNLP trainer: PERCEPTRON or MAXENT. Default: ${DEFAULT-VALUE}.")
  String algorithm;

  @Option(names = "--iterations", defaultValue = "300",
      description = "Training iterations. Default: ${DEFAULT-VALUE}.")
  int iterations;

  @Option(names = "--cutoff", defaultValue = "1",
      description = "Minimum feature count. Default: ${DEFAULT-VALUE}.")
  int cutoff;

  @Override
  public Integer call() throws Exception {
    Map<String, String> typeMap = SpanScorer.parseMap(map);
    if (!Files.isRegularFile(clusters)) {
      spec.commandLine().getErr().println("train-ner: no such clusters file: " + clusters);
      return ExitCodes.NO_INPUT;
    }
    List<NameSample> samples = new ArrayList<>();
    for (Path in : inputs) {
      if (!Files.isRegularFile(in)) {
        spec.commandLine().getErr().println("train-ner: no such file: " + in);
        return ExitCodes.NO_INPUT;
      }
      samples.addAll(NerTrainer.samples(in, typeMap));
    }
    TokenNameFinderModel model =
        NerTrainer.train(samples, NerTrainer.clusters(clusters),
            new NerTrainer.Options(algorithm, iterations, cutoff));
    Path parent = output.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    model.serialize(output);
    spec.commandLine().getOut().printf("train-ner: %d sentences -> %s (%d bytes)%n",
        samples.size(), output, Files.size(output));
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
