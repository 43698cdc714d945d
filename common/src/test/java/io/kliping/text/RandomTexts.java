package io.kliping.text;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Random strings made of given pieces, for checking a rewrite against its specification. */
final class RandomTexts {
  private RandomTexts() {}

  /** {@code count} strings of 0 to {@code maxPieces - 1} pieces each, the same for a seed. */
  static List<String> of(String[] pieces, long seed, int count, int maxPieces) {
    SplittableRandom random = new SplittableRandom(seed);
    List<String> texts = new ArrayList<>(count);
    for (int t = 0; t < count; t++) {
      StringBuilder text = new StringBuilder();
      int n = random.nextInt(0, maxPieces);
      for (int i = 0; i < n; i++) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      texts.add(text.toString());
    }
    return texts;
  }
}
