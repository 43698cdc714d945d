package io.kliping.eval;

import io.kliping.text.CommaJoinedParagraphs;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Originals for stories beyond the real bases, so a corpus of a million articles can be made from
 * 22,000 real ones: story {@code i} gets the length, source and category of base {@code i mod B}
 * and a text of runs of one to three consecutive real sentences, each run from a randomly drawn
 * base, grouped three runs to a paragraph. Every sentence is real news text (language, entities,
 * word statistics), while two composites share a word 5-gram only where they drew the same run,
 * so they are distinct stories for dedup.
 *
 * <p>That holds only if no single draw can make up most of a composite. Hence: donors are split
 * into sentences after restoring the paragraphs a scraper joined with commas ({@link
 * CommaJoinedParagraphs}; in click-id a fifth of the articles are otherwise one or two
 * "sentences"), sentences longer than {@value #MAX_SENTENCE_WORDS} words are not drawn, and every
 * composite has at least {@value #MIN_RUNS} runs (single sentences when its target is short). So
 * one shared run is at most about a fifth of either text, far below dedup's thresholds, and
 * single-linkage clustering cannot chain different composites together. (Before these limits,
 * composites that drew the same comma-joined article were near-copies of each other that the
 * truth called different stories: pairwise precision 0.73 at 250k articles.)
 */
final class CompositeBases {
  private static final int RUNS_PER_PARAGRAPH = 3;
  private static final int MAX_RUN = 3;
  private static final int MIN_WORDS = 40;
  /** Sentences longer than this (run-together paragraphs, lists) are not drawn. */
  static final int MAX_SENTENCE_WORDS = 50;
  /** Every composite is made of at least this many independently drawn runs. */
  static final int MIN_RUNS = 5;
  /** Below this target length, runs are single sentences (so {@link #MIN_RUNS} fit in). */
  private static final int SHORT_WORDS = 150;

  private final List<BaseArticle> bases;
  private final String[][] sentences;
  private final int[] words;

  CompositeBases(List<BaseArticle> bases) {
    this.bases = bases;
    this.sentences = new String[bases.size()][];
    this.words = new int[bases.size()];
    for (int b = 0; b < bases.size(); b++) {
      List<String> s = new ArrayList<>();
      String text = bases.get(b).text();
      for (String p : TextEdits.storyParagraphs(CommaJoinedParagraphs.split(text))) {
        if (!TextEdits.isBoilerplate(p)) {
          for (String sentence : TextEdits.sentences(p)) {
            if (TextEdits.words(sentence) <= MAX_SENTENCE_WORDS) {
              s.add(sentence);
            }
          }
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
    int maxRun = target < SHORT_WORDS ? 1 : MAX_RUN;
    for (int guard = 0; (total < target || runs < MIN_RUNS) && guard < 10_000; guard++) {
      String[] donor = sentences[rng.nextInt(sentences.length)];
      if (donor.length == 0) {
        continue;
      }
      int run = 1 + rng.nextInt(maxRun);
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
