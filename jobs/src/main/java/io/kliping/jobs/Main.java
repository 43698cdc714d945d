package io.kliping.jobs;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the application jar: {@code kliping <job> [options]}, the same under
 * spark-submit and on embedded Spark. Exit codes: {@link ExitCodes}.
 */
@Command(name = "kliping", mixinStandardHelpOptions = true, version = "kliping 0.1.0",
    description = "Batch ETL for news-article dumps: ingest, dedup, entities, co-occurrence.",
    subcommands = {IngestJob.class, DedupJob.class, EntitiesJob.class, CooccurrenceJob.class,
        PipelineJob.class, ExportGraphJob.class, EvaluateDedupJob.class,
        GenerateCorpusJob.class, ReportJob.class, TagConllJob.class, EvalNerJob.class,
        TrainNerJob.class, WordClustersJob.class, BenchFloorJob.class})
public final class Main implements Runnable {
  @Override
  public void run() {
    throw new CommandLine.ParameterException(new CommandLine(this),
        "name a job: ingest, dedup, entities, cooccurrence, pipeline, report, export-graph, "
            + "evaluate-dedup, generate-corpus, tag-conll, eval-ner or train-ner");
  }

  /** Runs a job and returns its exit code (tests call this instead of {@link #main}). */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setParameterExceptionHandler((e, ignored) -> {
      CommandLine.Help.ColorScheme colors = e.getCommandLine().getColorScheme();
      e.getCommandLine().getErr().println(
          colors.errorText(Redaction.redact("kliping: " + e.getMessage())));
      e.getCommandLine().getErr().println("Try 'kliping "
          + (e.getCommandLine() == cli ? "" : e.getCommandLine().getCommandName() + " ")
          + "--help'.");
      return ExitCodes.USAGE;
    });
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      cmd.getErr().println(Redaction.redact("kliping: failed: " + e));
      return ExitCodes.FAILED;
    });
    return cli.execute(args);
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }
}
