package io.kliping.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SyndicationGeneratorTest {
  private static final List<BaseArticle> BASES = SyntheticBases.pool(150, 7L);
  private static final SyndicationGenerator.Settings SETTINGS =
      new SyndicationGenerator.Settings(11L, 8, 0.5, SyndicationGenerator.Settings.defaults().outlets());

  private static List<GeneratedArticle> corpus;
  private static Map<String, GeneratedArticle> originals;

  @BeforeAll
  static void generate() {
    corpus = all(new SyndicationGenerator(SETTINGS).generate(BASES));
    originals = new HashMap<>();
    for (GeneratedArticle a : corpus) {
      if (a.kind().equals(GeneratedArticle.ORIGINAL)) {
        originals.put(a.storyId(), a);
      }
    }
  }

  private static List<GeneratedArticle> all(Iterator<GeneratedArticle> it) {
    List<GeneratedArticle> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }

  private static GeneratedArticle originalOf(GeneratedArticle a) {
    return originals.get(a.storyId().replaceFirst("-hn$", ""));
  }

  @Test
  void theSameSeedGivesTheSameCorpusAndAnotherSeedAnotherOne() {
    assertThat(all(new SyndicationGenerator(SETTINGS).generate(BASES))).isEqualTo(corpus);
    SyndicationGenerator.Settings other = new SyndicationGenerator.Settings(
        12L, SETTINGS.maxCopies(), SETTINGS.hardNegativeShare(), SETTINGS.outlets());
    List<GeneratedArticle> reseeded = all(new SyndicationGenerator(other).generate(BASES));
    assertThat(reseeded).isNotEqualTo(corpus);
    assertThat(reseeded.stream().map(GeneratedArticle::edits).toList())
        .isNotEqualTo(corpus.stream().map(GeneratedArticle::edits).toList());
  }

  @Test
  void everyStoryHasOneOriginalAndAtMostMaxCopies() {
    assertThat(originals).hasSize(BASES.size());
    Map<String, Integer> copies = new HashMap<>();
    corpus.stream().filter(a -> a.kind().equals(GeneratedArticle.COPY))
        .forEach(a -> copies.merge(a.storyId(), 1, Integer::sum));
    assertThat(copies.values()).allMatch(c -> c >= 1 && c <= SETTINGS.maxCopies());
    assertThat(copies.size()).as("stories with copies").isBetween(100, 150);
    long negatives = corpus.stream().filter(a -> a.kind().equals(GeneratedArticle.HARD_NEGATIVE))
        .count();
    assertThat(negatives).as("hard negatives for a share of 0.5").isBetween(45L, 100L);
    for (int i = 0; i < BASES.size(); i++) {
      assertThat(originals.get(String.format(Locale.ROOT, "story-%06d", i)).text())
          .isEqualTo(String.join("\n", TextEdits.storyParagraphs(BASES.get(i).text())));
    }
  }

  @Test
  void everyEditTypeIsApplied() {
    Set<String> edits = new HashSet<>();
    corpus.stream().filter(a -> a.kind().equals(GeneratedArticle.COPY))
        .forEach(a -> edits.addAll(Arrays.asList(a.edits().split(","))));
    assertThat(edits).contains("headline", "dateline", "lead_summary", "lead_shortened",
        "boilerplate_removed", "boilerplate_added", "paragraphs_dropped", "paragraphs_swapped",
        "truncated", "typos", "noise", "verbatim");
  }

  @Test
  void editsAreVisibleInTheCopies() {
    for (GeneratedArticle copy : corpus) {
      if (!copy.kind().equals(GeneratedArticle.COPY)) {
        continue;
      }
      GeneratedArticle original = originalOf(copy);
      List<String> edits = Arrays.asList(copy.edits().split(","));
      List<String> paragraphs = TextEdits.paragraphs(copy.text());
      assertThat(copy.source()).isNotEqualTo(original.source());
      if (edits.contains("headline")) {
        assertThat(copy.title()).isNotEqualTo(original.title());
      } else {
        assertThat(copy.title()).isEqualTo(original.title());
      }
      if (edits.contains("verbatim")) {
        assertThat(copy.text()).isEqualTo(original.text());
      }
      if (edits.contains("dateline") && !edits.contains("typos")) {
        assertThat(paragraphs.get(0).replace(" ", ""))
            .startsWith(Outlets.dateline(copy.source(), "Jakarta").replace(" ", ""));
      }
      if (edits.contains("boilerplate_added")) {
        assertThat(paragraphs.stream().filter(TextEdits::isBoilerplate)).isNotEmpty();
      }
      if (edits.contains("boilerplate_removed")) {
        assertThat(copy.text()).doesNotContain("(ant/dil)");
      }
      boolean longerLead = edits.contains("dateline") || edits.contains("lead_summary");
      if ((edits.contains("truncated") || edits.contains("paragraphs_dropped")) && !longerLead) {
        assertThat(TextEdits.words(storyText(copy.text())))
            .isLessThan(TextEdits.words(storyText(original.text())));
      }
      if (edits.stream().filter(e -> !e.equals("headline")).toList().equals(List.of("noise"))) {
        assertThat(copy.text()).isNotEqualTo(original.text());
        assertThat(new WordShingles().jaccard(copy.text(), original.text())).isEqualTo(1.0);
      }
    }
  }

  private static String storyText(String text) {
    return String.join("\n", TextEdits.paragraphs(text).stream()
        .filter(p -> !TextEdits.isBoilerplate(p)).toList());
  }

  @Test
  void copiesStayNearDuplicatesOfTheirOriginal() {
    WordShingles shingles = new WordShingles();
    List<Double> similarities = new ArrayList<>();
    for (GeneratedArticle a : corpus) {
      if (a.kind().equals(GeneratedArticle.COPY)) {
        similarities.add(shingles.jaccard(a.text(), originalOf(a).text()));
      }
    }
    double[] sorted = similarities.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    System.out.printf(Locale.ROOT,
        "copy vs original word-5-gram Jaccard over %d copies: min %.3f p10 %.3f p25 %.3f median %.3f"
            + " max %.3f; below 0.7: %d%n", sorted.length, sorted[0], quantile(sorted, 0.1),
        quantile(sorted, 0.25), quantile(sorted, 0.5), sorted[sorted.length - 1],
        Arrays.stream(sorted).filter(s -> s < 0.7).count());
    assertThat(sorted[0]).isGreaterThanOrEqualTo(SyndicationGenerator.MIN_COPY_JACCARD);
    // Spread on both sides of the default dedup threshold, so both recall and precision are tested.
    assertThat(Arrays.stream(sorted).filter(s -> s < 0.7).count()).isGreaterThan(sorted.length / 20);
    assertThat(quantile(sorted, 0.5)).isBetween(0.7, 0.99);
  }

  private static double quantile(double[] sorted, double q) {
    return sorted[(int) Math.floor(q * (sorted.length - 1))];
  }

  @Test
  void hardNegativesShareTextButAreAnotherStory() {
    WordShingles shingles = new WordShingles();
    int negatives = 0;
    for (GeneratedArticle a : corpus) {
      if (!a.kind().equals(GeneratedArticle.HARD_NEGATIVE)) {
        continue;
      }
      negatives++;
      GeneratedArticle original = originalOf(a);
      assertThat(a.storyId()).isNotEqualTo(original.storyId());
      long[] negative = shingles.of(a.text());
      long[] source = shingles.of(original.text());
      assertThat(WordShingles.intersectionSize(negative, source)).isPositive();
      assertThat(WordShingles.jaccard(negative, source)).isLessThan(0.3);
      assertThat(TextEdits.words(a.text())).isGreaterThan(TextEdits.words(original.text()) / 5);
    }
    assertThat(negatives).isPositive();
  }

  @Test
  void noTwoArticlesOfDifferentStoriesAreNearDuplicates() {
    WordShingles shingles = new WordShingles();
    long[][] sets = corpus.stream().map(a -> shingles.of(a.text())).toArray(long[][]::new);
    double worst = 0;
    for (int i = 0; i < sets.length; i++) {
      for (int j = i + 1; j < sets.length; j++) {
        if (!corpus.get(i).storyId().equals(corpus.get(j).storyId())) {
          worst = Math.max(worst, WordShingles.jaccard(sets[i], sets[j]));
        }
      }
    }
    assertThat(worst).isLessThan(0.5);
  }

  @Test
  void urlsAreUniqueAndNameTheOutlet() {
    Set<String> urls = new HashSet<>();
    for (GeneratedArticle a : corpus) {
      assertThat(urls.add(a.url())).as(a.url()).isTrue();
      assertThat(a.url()).startsWith("https://" + a.source() + "/read/");
    }
  }

  @Test
  void copiesArePublishedMinutesToTwoDaysAfterTheOriginal() {
    for (GeneratedArticle a : corpus) {
      OffsetDateTime at = OffsetDateTime.parse(a.publishedAt());
      assertThat(a.publishedAt()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+07:00");
      if (a.kind().equals(GeneratedArticle.ORIGINAL)) {
        continue;
      }
      Duration after = Duration.between(OffsetDateTime.parse(originalOf(a).publishedAt()), at);
      assertThat(after).isPositive();
      if (a.kind().equals(GeneratedArticle.COPY)) {
        assertThat(after).isLessThanOrEqualTo(Duration.ofDays(2));
      }
    }
  }

  @Test
  void settingsAreValidated() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new SyndicationGenerator.Settings(1L, -1, 0.2, List.of("a.com")))
        .hasMessageContaining("maxCopies");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new SyndicationGenerator.Settings(1L, 3, 1.5, List.of("a.com")))
        .hasMessageContaining("hardNegativeShare");
  }
}
