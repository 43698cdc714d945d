package io.kliping.text;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Single-thread harness (not a test; no Spark) of two per-text steps of ingest against the
 * regular expressions they replaced: {@link CommaJoinedParagraphs#split} on each raw body
 * against {@link CommaJoinedParagraphsTest#byRegex}, and {@link LettersAndDigits#keep} on each
 * paragraph of the cleaned bodies against {@link LettersAndDigitsTest#OTHERS}. Prints, for five
 * warm rounds, the microseconds per body or paragraph of each, and how many results differ.
 *
 * <pre>
 * java -cp common/target/classes:common/target/test-classes:$(cat jobs/target/classpath-test.txt) \
 *   io.kliping.text.CleaningBench MAX_PER_INPUT JSONL_INPUT...
 * </pre>
 */
public final class CleaningBench {
  private CleaningBench() {}

  public static void main(String[] args) throws IOException {
    int max = Integer.parseInt(args[0]);
    TextCleaner cleaner = new TextCleaner(CleaningSettings.defaults());
    List<String> bodies = new ArrayList<>();
    List<String> paragraphs = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      List<String> read = LanguageIdentifierBench.jsonLines(Path.of(args[i]), max, false);
      bodies.addAll(read);
      for (String body : read) {
        String clean = cleaner.clean(CommaJoinedParagraphs.split(body));
        if (!clean.isEmpty()) {
          paragraphs.addAll(Arrays.asList(clean.split("\n\n")));
        }
      }
    }
    compare("bodies", bodies, CommaJoinedParagraphsTest::byRegex, CommaJoinedParagraphs::split);
    compare("paragraphs", paragraphs, p -> LettersAndDigitsTest.OTHERS.matcher(p).replaceAll(""),
        LettersAndDigits::keep);
  }

  private static void compare(String what, List<String> items, UnaryOperator<String> regex,
      UnaryOperator<String> loop) {
    long chars = items.stream().mapToLong(String::length).sum();
    long differ = items.stream().filter(t -> !Objects.equals(regex.apply(t), loop.apply(t)))
        .count();
    System.out.printf("%s=%d chars=%d differ=%d%n", what, items.size(), chars, differ);
    for (int round = 1; round <= 5; round++) {
      long sum = 0;
      long t0 = System.nanoTime();
      for (String t : items) {
        sum += regex.apply(t).length();
      }
      long t1 = System.nanoTime();
      for (String t : items) {
        sum += loop.apply(t).length();
      }
      long t2 = System.nanoTime();
      System.out.printf("round %d: regex_us=%.2f loop_us=%.2f (%d)%n", round,
          (t1 - t0) / 1e3 / items.size(), (t2 - t1) / 1e3 / items.size(), sum);
    }
  }
}
