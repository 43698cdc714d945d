package io.kliping.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Originals for stories beyond the real bases, so a corpus of a million articles can be made from
 * 22,000 real ones: story {@code i} gets the length, source and category of base {@code i mod B}
 * and a text of runs of one to three consecutive real sentences, each run from a randomly drawn
 * base, grouped three runs to a paragraph. Every sentence is real news text (language, entities,
 * word statistics), while two composites share a word 5-gram only where they drew the same run,
 * so they are distinct stories for dedup (with click-id's 400,000 sentences the expected Jaccard
 * of two composites is far below 0.01; a pool of a few dozen bases gives more overlap).
 */
final class CompositeBases {
  private static final int RUNS_PER_PARAGRAPH = 3;
  private static final int MAX_RUN = 3;
  private static final int MIN_WORDS = 40;

  private final List<BaseArticle> bases;
  private final String[][] sentences;
  private final int[] words;

  CompositeBases(List<BaseArticle> bases) {
    this.bases = bases;
    this.sentences = new String[bases.size()][];
    this.words = new int[bases.size()];
    for (int b = 0; b < bases.size(); b++) {
      List<String> s = new ArrayList<>();
      for (String p : TextEdits.storyParagraphs(bases.get(b).text())) {
        if (!TextEdits.isBoilerplate(p)) {
          s.addAll(TextEdits.sentences(p));
        }
      }
      sentences[b] = s.toArray(String[]::new);
      words[b] = TextEdits.words(bases.get(b).text());
    }
  }

  /** The base of story {@code story}: the real one while they last, then a composite. */
  BaseArticle base(long story, SplittableRandom rng) {
    int b = (int) (story % bases.size());
    if (story < bases.size()) {
      return bases.get(b);
    }
    BaseArticle model = bases.get(b);
    int target = Math.max(MIN_WORDS, words[b]);
    StringBuilder text = new StringBuilder();
    StringBuilder paragraph = new StringBuilder();
    int total = 0;
    int runs = 0;
    for (int guard = 0; total < target && guard < 10_000; guard++) {
      String[] donor = sentences[rng.nextInt(sentences.length)];
      if (donor.length == 0) {
        continue;
      }
      int run = 1 + rng.nextInt(MAX_RUN);
      int from = rng.nextInt(donor.length);
      for (int i = from; i < Math.min(donor.length, from + run); i++) {
        paragraph.append(paragraph.length() == 0 ? "" : " ").append(donor[i]);
        total += TextEdits.words(donor[i]);
      }
      if (++runs % RUNS_PER_PARAGRAPH == 0) {
        text.append(text.length() == 0 ? "" : "\n").append(paragraph);
        paragraph.setLength(0);
      }
    }
    if (paragraph.length() > 0) {
      text.append(text.length() == 0 ? "" : "\n").append(paragraph);
    }
    String body = text.length() == 0 ? model.text() : text.toString();
    return new BaseArticle(TextEdits.headlineFrom(body), body, model.source(), model.category());
  }
}
