package io.kliping.jobs;

import static io.kliping.jobs.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tag-conll} and {@code eval-ner}: the NER evaluation tools, without Spark. */
class NerCliTest {
  @TempDir
  Path tmp;

  @Test
  void tagConllAppendsThePipelinesTagsAndEvalNerScoresThem() throws IOException {
    Path in = tmp.resolve("gold.conll");
    Files.writeString(in, String.join("\n",
        "Menteri\tO", "Luar\tO", "Negeri\tO", "Rusia\tB-PLACE", "Sergey\tB-PERSON",
        "Lavrov\tI-PERSON", "tiba\tO", "di\tO", "Pyongyang\tB-PLACE", ".\tO", "",
        "Let", "us", "know", "as", "soon", "as", "possible", "."));
    Path out = tmp.resolve("tagged.conll");

    CliRun tagged = run("tag-conll", "--input", in.toString(), "--output", out.toString());

    assertThat(tagged.code()).as(tagged.err()).isZero();
    assertThat(tagged.out()).contains("2 sentences, 18 tokens");
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(20);
    assertThat(lines.subList(0, 10)).containsExactly(
        "Menteri\tO\tO", "Luar\tO\tO", "Negeri\tO\tO", "Rusia\tB-PLACE\tB-LOCATION",
        "Sergey\tB-PERSON\tB-PERSON", "Lavrov\tI-PERSON\tI-PERSON", "tiba\tO\tO", "di\tO\tO",
        "Pyongyang\tB-PLACE\tB-LOCATION", ".\tO\tO");
    assertThat(lines.get(10)).isEmpty();
    assertThat(lines.subList(11, 19)).allSatisfy(l -> assertThat(l).endsWith("\tO"));

    CliRun scored = run("eval-ner", "--input", out.toString(), "--map", "PLACE=LOCATION");
    assertThat(scored.code()).as(scored.err()).isZero();
    assertThat(scored.out()).containsPattern("micro\\s+1\\.0000\\s+1\\.0000\\s+1\\.0000\\s+3\\s+3");
  }

  @Test
  void evalNerCountsSpansTheConllWay() throws IOException {
    Path in = tmp.resolve("tagged.conll");
    // gold: PERSON [0,2) and LOCATION [3,4); predicted: PERSON [0,2), ORG [3,4), LOCATION [4,5)
    Files.writeString(in, String.join("\n",
        "Joko B-PERSON B-PERSON", "Widodo I-PERSON I-PERSON", "di O O",
        "Solo B-LOCATION B-ORGANIZATION", "kemarin O B-LOCATION", ""));

    CliRun scored = run("eval-ner", "--input", in.toString());

    assertThat(scored.code()).isZero();
    assertThat(scored.out())
        .containsPattern("PERSON\\s+1\\.0000\\s+1\\.0000\\s+1\\.0000\\s+1\\s+1")
        .containsPattern("LOCATION\\s+0\\.0000\\s+0\\.0000\\s+0\\.0000\\s+1\\s+1")
        .containsPattern("micro\\s+0\\.3333\\s+0\\.5000\\s+0\\.4000\\s+2\\s+3");
  }

  @Test
  void wordClustersFeedTrainNerAndTheModelKeepsThem() throws IOException {
    Path conll = tmp.resolve("train.conll");
    StringBuilder train = new StringBuilder();
    for (String[] pair : new String[][] {{"Jokowi", "Jakarta"}, {"Lavrov", "Moskow"},
        {"Retno", "Bandung"}, {"Anies", "Medan"}}) {
      train.append("Presiden\tO\n").append(pair[0]).append("\tB-PERSON\ntiba\tO\ndi\tO\n")
          .append(pair[1]).append("\tB-PLACE\n.\tO\n\n");
    }
    Files.writeString(conll, train.toString().repeat(2));
    Path news = tmp.resolve("news.jsonl");
    Files.writeString(news, "{\"title\":\"Jokowi tiba di Jakarta\",\"content\":"
        + "\"Presiden Jokowi tiba di Surabaya. Lavrov tiba di Moskow.,Tiba di Medan.\"}\n");
    Path folder = Files.createDirectories(tmp.resolve("texts"));
    Files.write(folder.resolve("bad.txt"), new byte[] {'S', 'a', 'i', 'd', ' ', (byte) 0xff, '.'});
    Path clusters = tmp.resolve("clusters.txt.gz");

    Path lowerCase = tmp.resolve("lower.txt");
    CliRun learnt = run("word-clusters", "--input", conll + "," + news + "," + folder,
        "--output", clusters.toString(), "--levels", "2,4", "--min-count", "2",
        "--lowercase-words", lowerCase.toString(), "--lowercase-min-count", "2");

    assertThat(learnt.code()).as(learnt.err()).isZero();
    assertThat(learnt.out()).contains("levels [2, 4]");
    // "tiba" and "di" are lower case inside every sentence; "Tiba" opens a paragraph the
    // scraper joined with a comma, which is restored as ingest does, so it does not count.
    // "Presiden" only opens sentences; names are capitalised.
    try (var in = java.nio.file.Files.newInputStream(lowerCase)) {
      io.kliping.entities.LowerCaseWords words = io.kliping.entities.LowerCaseWords.read(in);
      assertThat(words.contains("tiba")).isTrue();
      assertThat(words.contains("di")).isTrue();
      assertThat(words.contains("presiden")).isFalse();
      assertThat(words.contains("jakarta")).isFalse();
      assertThat(words.contains("jokowi")).isFalse();
    }
    io.kliping.ner.WordClusters read = io.kliping.ner.NerTrainer.clusters(clusters);
    assertThat(read.levels()).containsExactly(2, 4);
    assertThat(read.lookup("jokowi")).isNotNull();
    assertThat(read.lookup("surabaya")).as("seen once").isNull();

    Path model = tmp.resolve("model.bin");
    CliRun trained = run("train-ner", "--input", conll.toString(), "--clusters",
        clusters.toString(), "--iterations", "10", "--output", model.toString());
    assertThat(trained.code()).as(trained.err()).isZero();
    Object artifact = new opennlp.tools.namefind.TokenNameFinderModel(model)
        .getArtifact(io.kliping.ner.NerTrainer.CLUSTERS);
    assertThat(artifact).isInstanceOf(io.kliping.ner.WordClusters.class);
  }

  @Test
  void theLowerCaseListAloneIsCountedOnTextAsIngestCleansIt() throws IOException {
    Path news = tmp.resolve("connectives.jsonl");
    // click-id style: paragraphs glued with runs of commas where embedded links were removed
    Files.writeString(news, "{\"title\":\"Harga naik\",\"content\":\"Harga naik.,,,Alhasil, "
        + "warga kecewa.,,,Alhasil, pasar sepi. Jokowi datang.,,,Jokowi pulang. Harga turun, "
        + "alhasil warga senang kata Jokowi.\"}\n");
    Path lowerCase = tmp.resolve("lower-only.txt");

    CliRun listed = run("word-clusters", "--input", news.toString(),
        "--lowercase-words", lowerCase.toString(), "--lowercase-min-count", "5",
        "--lowercase-min-openings", "2");

    assertThat(listed.code()).as(listed.err()).isZero();
    assertThat(listed.out()).contains("lower-case words").doesNotContain("levels");
    try (var in = Files.newInputStream(lowerCase)) {
      io.kliping.entities.LowerCaseWords words = io.kliping.entities.LowerCaseWords.read(in);
      // opens two sentences once the comma runs are paragraph breaks, lower case inside one
      assertThat(words.contains("alhasil")).isTrue();
      // opens two sentences too, but is capitalised inside another
      assertThat(words.contains("jokowi")).isFalse();
    }
    CliRun nothing = run("word-clusters", "--input", news.toString());
    assertThat(nothing.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(nothing.err()).contains("nothing to write");
  }

  @Test
  void badArgumentsAreUsageOrInputErrors() throws IOException {
    assertThat(run("eval-ner", "--input", tmp.resolve("missing").toString()).code())
        .isEqualTo(ExitCodes.NO_INPUT);
    assertThat(run("eval-ner", "--input", tmp.toString(), "--map", "PLACE").code())
        .isEqualTo(ExitCodes.USAGE);
    assertThat(run("tag-conll", "--input", tmp.resolve("missing").toString(), "--output",
        tmp.resolve("x").toString()).code()).isEqualTo(ExitCodes.NO_INPUT);
    Path conll = tmp.resolve("one.conll");
    Files.writeString(conll, "Jokowi\tB-PERSON\n\n");
    for (String key : new String[] {"kliping.entities.model", "kliping.entities.lowercase-words"}) {
      CliRun missing = run("tag-conll", "--input", conll.toString(), "--output",
          tmp.resolve("x").toString(), "--set", key + "=kliping/ner/none.bin");
      assertThat(missing.code()).as(key).isEqualTo(ExitCodes.USAGE);
      assertThat(missing.err()).contains(key, "kliping/ner/none.bin")
          .doesNotContain("Exception");
    }
    CliRun gazetteer = run("tag-conll", "--input", conll.toString(), "--output",
        tmp.resolve("x").toString(), "--set", "kliping.entities.gazetteers=[none.tsv]");
    assertThat(gazetteer.code()).isEqualTo(ExitCodes.NO_INPUT);
    assertThat(gazetteer.err()).contains("none.tsv");
    CliRun level = run("word-clusters", "--input", tmp.toString(), "--output",
        tmp.resolve("c.txt").toString(), "--levels", "1");
    assertThat(level.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(level.err()).contains("at least 2 clusters");
    assertThat(tmp.resolve("c.txt")).doesNotExist();
    assertThat(run("word-clusters", "--input", tmp.resolve("missing").toString(), "--output",
        tmp.resolve("c.txt").toString()).code()).isEqualTo(ExitCodes.NO_INPUT);
    CliRun share = run("word-clusters", "--input", tmp.toString(), "--output",
        tmp.resolve("c.txt").toString(), "--lowercase-words", tmp.resolve("l.txt").toString(),
        "--lowercase-share", "1.5");
    assertThat(share.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(share.err()).contains("--lowercase-share");
    assertThat(tmp.resolve("c.txt")).doesNotExist();
    assertThat(run("train-ner", "--input", tmp.toString(), "--clusters",
        tmp.resolve("missing").toString(), "--output", tmp.resolve("m.bin").toString()).code())
        .isEqualTo(ExitCodes.NO_INPUT);
  }
}
