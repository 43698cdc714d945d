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
  void badArgumentsAreUsageOrInputErrors() {
    assertThat(run("eval-ner", "--input", tmp.resolve("missing").toString()).code())
        .isEqualTo(ExitCodes.NO_INPUT);
    assertThat(run("eval-ner", "--input", tmp.toString(), "--map", "PLACE").code())
        .isEqualTo(ExitCodes.USAGE);
    assertThat(run("tag-conll", "--input", tmp.resolve("missing").toString(), "--output",
        tmp.resolve("x").toString()).code()).isEqualTo(ExitCodes.NO_INPUT);
  }
}
