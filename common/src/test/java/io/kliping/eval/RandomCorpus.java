package io.kliping.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Small random corpora with planted near duplicates: originals of random words from a small
 * vocabulary (so unrelated texts share some shingles), copies with a few word edits (so Jaccard
 * spreads over the whole range), exact copies, a boilerplate sentence many texts share (a hub
 * shingle group), and texts too short to shingle. Ids include characters that UTF-16 and code
 * point order sort differently.
 */
final class RandomCorpus {
  private static final String BOILERPLATE = "baca juga berita lainnya di sini";
  private static final String[] ODD_IDS = {"\uD83D\uDE00-emoji", "\uFB01-ligature", "Ä-upper"};

  private RandomCorpus() {}

  /** Id to text, in insertion order. */
  static Map<String, String> generate(long seed) {
    Random random = new Random(seed);
    int vocabulary = 15 + random.nextInt(40);
    int originals = 4 + random.nextInt(10);
    Map<String, String> docs = new LinkedHashMap<>();
    List<List<String>> bases = new ArrayList<>();
    for (int i = 0; i < originals; i++) {
      List<String> words = new ArrayList<>();
      int length = 6 + random.nextInt(60);
      for (int w = 0; w < length; w++) {
        words.add("w" + random.nextInt(vocabulary));
      }
      if (random.nextInt(3) == 0) {
        words.addAll(random.nextInt(words.size() + 1), List.of(BOILERPLATE.split(" ")));
      }
      bases.add(words);
      docs.put(id(random, docs.size()), String.join(" ", words));
    }
    int copies = 3 + random.nextInt(15);
    for (int c = 0; c < copies; c++) {
      List<String> words = new ArrayList<>(bases.get(random.nextInt(bases.size())));
      int edits = random.nextInt(4) == 0 ? 0 : random.nextInt(1 + words.size() / 4);
      for (int e = 0; e < edits; e++) {
        int at = random.nextInt(words.size());
        switch (random.nextInt(3)) {
          case 0 -> words.set(at, "w" + random.nextInt(vocabulary));
          case 1 -> words.add(at, "x" + random.nextInt(vocabulary));
          default -> {
            if (words.size() > 3) {
              words.remove(at);
            }
          }
        }
      }
      // Punctuation and case differ, shingles do not.
      String text = String.join(random.nextBoolean() ? " " : ", ", words);
      docs.put(id(random, docs.size()), random.nextBoolean() ? text.toUpperCase() : text);
    }
    docs.put(id(random, docs.size()), "dua kata");
    docs.put(id(random, docs.size()), "");
    return docs;
  }

  private static String id(Random random, int index) {
    return random.nextInt(6) == 0
        ? ODD_IDS[random.nextInt(ODD_IDS.length)] + index
        : String.format("d%03d", random.nextInt(1000)) + "-" + index;
  }
}
