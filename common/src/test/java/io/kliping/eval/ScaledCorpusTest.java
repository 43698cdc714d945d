package io.kliping.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Corpora larger than the base pool: composite originals, the duplicate share, a giant cluster. */
class ScaledCorpusTest {
  private static final List<BaseArticle> BASES = SyntheticBases.pool(60, 4L);
  private static final SyndicationGenerator.Settings SETTINGS =
      new SyndicationGenerator.Settings(21L, 12, 0.2, SyndicationGenerator.Settings.defaults().outlets());
  private static final int GIANT = 2500;
  private static final int STORIES = 1500;

  private static List<GeneratedArticle> corpus;

  @BeforeAll
  static void generate() {
    corpus = all(generator().generate(BASES, STORIES, GIANT));
  }

  private static SyndicationGenerator generator() {
    return new SyndicationGenerator(SETTINGS,
        CopyCounts.forShare(0.4, "geometric:3", 12, SETTINGS.hardNegativeShare()));
  }

  private static List<GeneratedArticle> all(Iterator<GeneratedArticle> it) {
    List<GeneratedArticle> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }

  @Test
  void theGiantStoryHasExactlyItsCopiesAllSimilarToItsOriginal() {
    List<GeneratedArticle> giant = corpus.stream()
        .filter(a -> a.storyId().equals("story-000000")).toList();
    assertThat(giant).hasSize(GIANT + 1);
    assertThat(giant.get(0).kind()).isEqualTo(GeneratedArticle.ORIGINAL);
    assertThat(giant.subList(1, giant.size())).allMatch(a -> a.kind().equals(GeneratedArticle.COPY));
    assertThat(corpus.stream().filter(a -> a.storyId().equals("story-000000-hn"))).isEmpty();
    WordShingles shingles = new WordShingles();
    long[] original = shingles.of(giant.get(0).text());
    for (GeneratedArticle copy : giant.subList(1, 400)) {
      assertThat(WordShingles.jaccard(original, shingles.of(copy.text())))
          .isGreaterThanOrEqualTo(SyndicationGenerator.MIN_COPY_JACCARD);
    }
    assertThat(corpus.stream().map(GeneratedArticle::url).distinct().count())
        .as("every URL distinct").isEqualTo(corpus.size());
  }

  @Test
  void theDuplicateShareOutsideTheGiantClusterIsTheOneAskedFor() {
    List<GeneratedArticle> rest = corpus.stream()
        .filter(a -> !a.storyId().equals("story-000000")).toList();
    long copies = rest.stream().filter(a -> a.kind().equals(GeneratedArticle.COPY)).count();
    assertThat(copies / (double) rest.size()).isBetween(0.36, 0.44);
    Map<String, Long> sizes = rest.stream().filter(a -> a.kind().equals(GeneratedArticle.COPY))
        .collect(Collectors.groupingBy(GeneratedArticle::storyId, Collectors.counting()));
    assertThat(sizes.values()).allMatch(k -> k >= 1 && k <= 12);
    assertThat(rest.stream().filter(a -> a.kind().equals(GeneratedArticle.ORIGINAL)))
        .hasSize(STORIES - 1);
  }

  @Test
  void storiesBeyondTheBasesGetDistinctCompositeOriginals() {
    List<GeneratedArticle> originals = corpus.stream()
        .filter(a -> a.kind().equals(GeneratedArticle.ORIGINAL)).toList();
    WordShingles shingles = new WordShingles();
    List<long[]> sets = originals.stream().map(a -> shingles.of(a.text())).toList();
    int checked = 0;
    for (int i = BASES.size(); i < sets.size(); i += 3) {
      for (int j = 0; j < sets.size(); j += 2) {
        if (j != i) {
          assertThat(WordShingles.jaccard(sets.get(i), sets.get(j)))
              .as("originals %d and %d", i, j).isLessThan(0.5);
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThan(100_000);
    // A composite is made of real sentences: its first sentence is a base's sentence.
    String first = TextEdits.sentences(originals.get(BASES.size() + 7).text().split("\n")[0])
        .get(0);
    assertThat(BASES).anyMatch(b -> b.text().contains(first));
  }

  @Test
  void theSameSeedGivesTheSameCorpusAnotherSeedAnother() {
    assertThat(all(generator().generate(BASES, STORIES, GIANT))).isEqualTo(corpus);
    SyndicationGenerator other = new SyndicationGenerator(
        new SyndicationGenerator.Settings(22L, 12, 0.2, SETTINGS.outlets()),
        CopyCounts.forShare(0.4, "geometric:3", 12, 0.2));
    List<GeneratedArticle> reseeded = all(other.generate(BASES, STORIES, GIANT));
    assertThat(reseeded.stream().map(GeneratedArticle::text).toList())
        .isNotEqualTo(corpus.stream().map(GeneratedArticle::text).toList());
  }
}
