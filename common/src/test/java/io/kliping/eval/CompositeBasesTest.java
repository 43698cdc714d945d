package io.kliping.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Composite originals stay distinct stories even when the bases are scraped click-id style. */
class CompositeBasesTest {

  /**
   * Bases as the click-id dump has them: one sentence per paragraph and the paragraphs glued with
   * commas ({@code "...sentence one.,Sentence two..."}), plus one base that is a single
   * run-together 120-word sentence. Drawn naively, each base is one "sentence" that fills a whole
   * composite, and composites that draw the same base are copies the truth calls different.
   */
  private static List<BaseArticle> commaJoinedBases() {
    List<BaseArticle> out = new ArrayList<>();
    for (BaseArticle b : SyntheticBases.pool(200, 9L)) {
      List<String> sentences = TextEdits.storyParagraphs(b.text()).stream()
          .flatMap(p -> TextEdits.sentences(p).stream()).toList();
      out.add(new BaseArticle(b.title(), String.join(",", sentences), b.source(), b.category()));
    }
    out.add(new BaseArticle("Satu kalimat panjang", runTogether(), "kabarkini.id", "nasional"));
    return out;
  }

  private static String runTogether() {
    return IntStream.range(0, 120).mapToObj(i -> "kata" + i).collect(Collectors.joining(" "));
  }

  @Test
  void compositesOfCommaJoinedBasesShareNoMoreThanASmallPart() {
    List<BaseArticle> bases = commaJoinedBases();
    CompositeBases composites = new CompositeBases(bases);
    WordShingles shingles = new WordShingles();
    List<long[]> sets = new ArrayList<>();
    for (long story = bases.size(); story < bases.size() + 800; story++) {
      BaseArticle composite = composites.base(story, new SplittableRandom(story));
      assertThat(composite.text()).doesNotContain("kata7 kata8 kata9");
      sets.add(shingles.of(composite.text()));
    }
    double max = 0;
    for (int i = 0; i < sets.size(); i++) {
      for (int j = i + 1; j < sets.size(); j++) {
        max = Math.max(max, WordShingles.jaccard(sets.get(i), sets.get(j)));
      }
    }
    assertThat(max).as("largest Jaccard of two composites").isLessThan(0.3);
  }

  @Test
  void everyCompositeSentenceIsARealShortSentence() {
    List<BaseArticle> bases = commaJoinedBases();
    CompositeBases composites = new CompositeBases(bases);
    String all = bases.stream().map(BaseArticle::text).collect(Collectors.joining("\n"));
    for (long story = bases.size(); story < bases.size() + 50; story++) {
      BaseArticle composite = composites.base(story, new SplittableRandom(story));
      List<String> sentences = TextEdits.storyParagraphs(composite.text()).stream()
          .flatMap(p -> TextEdits.sentences(p).stream()).toList();
      assertThat(sentences).hasSizeGreaterThanOrEqualTo(CompositeBases.MIN_RUNS);
      assertThat(sentences).allSatisfy(s -> {
        assertThat(all).contains(s);
        assertThat(TextEdits.words(s)).isLessThanOrEqualTo(CompositeBases.MAX_SENTENCE_WORDS);
      });
    }
  }
}
