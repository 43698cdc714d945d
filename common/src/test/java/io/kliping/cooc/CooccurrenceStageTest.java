package io.kliping.cooc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.kliping.config.KlipingConfig;
import io.kliping.io.StringRanks;
import io.kliping.schema.Tables;
import io.kliping.testing.SparkTestBase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * A hand-made corpus whose every count and score is computed by hand:
 * d1 {A,B,C}, d2 {A,B}, d3 {A}, d4 {} are canonical; d5 {A,B,C} is a copy of d1.
 * Documents: n = 4, n_A = 3, n_B = 2, n_C = 1; n_AB = 2, n_AC = 1, n_BC = 1.
 * Sentences (3 + 2 + 2 + 1 = 8 in the canonical texts): d1#0 {A,B}, d1#1 {C,A}, d2#0 {B,A},
 * d3#0 {A}, d3#1 {A}: n = 8, n_A = 5, n_B = 2, n_C = 1; n_AB = 2, n_AC = 1, no B-C.
 */
class CooccurrenceStageTest extends SparkTestBase {
  private static final StructType ARTICLES = new StructType()
      .add("article_id", DataTypes.StringType).add("is_canonical", DataTypes.BooleanType)
      .add("text", DataTypes.StringType);
  private static final String THREE = "Satu kalimat. Dua kalimat. Tiga kalimat.";
  private static final String TWO = "Satu kalimat. Dua kalimat.";

  private Dataset<Row> articles() {
    return spark.createDataFrame(List.of(
        RowFactory.create("d1", true, THREE), RowFactory.create("d2", true, TWO),
        RowFactory.create("d3", true, TWO), RowFactory.create("d4", true, "Satu kalimat."),
        RowFactory.create("d5", false, THREE)), ARTICLES);
  }

  private Dataset<Row> mentions() {
    return spark.createDataFrame(List.of(
        m("d1", "A", 0, 0), m("d1", "B", 10, 0), m("d1", "C", 20, 1), m("d1", "A", 30, 1),
        m("d2", "B", 0, 0), m("d2", "A", 10, 0),
        m("d3", "A", 0, 0), m("d3", "A", 50, 1),
        m("d5", "A", 0, 0), m("d5", "B", 10, 0), m("d5", "C", 20, 1)), Tables.MENTIONS.schema());
  }

  private static Row m(String doc, String entity, int start, int sentence) {
    return RowFactory.create(doc, entity, "name " + entity, "PERSON", entity, sentence, start,
        start + 1, "gazetteer");
  }

  private static Map<String, Row> byPair(Dataset<Row> pairs) {
    return byPair(pairs, CooccurrenceStage.DOCUMENT);
  }

  private static Map<String, Row> byPair(Dataset<Row> pairs, String level) {
    Map<String, Row> out = new HashMap<>();
    for (Row r : pairs.filter(pairs.col("level").equalTo(level)).collectAsList()) {
      out.put(r.getAs("entity_a") + "-" + r.getAs("entity_b"), r);
    }
    return out;
  }

  private static KlipingConfig.Cooccurrence settings(int minCount, boolean dups, int cap) {
    return KlipingConfig.Cooccurrence.of(minCount, dups, cap);
  }

  @Test
  void canonicalDocumentsOnlyByDefault() {
    Map<String, Row> p = byPair(CooccurrenceStage.create(settings(1, false, 100))
        .apply(articles(), mentions()));
    assertThat(p).containsOnlyKeys("A-B", "A-C", "B-C");
    assertCounts(p.get("A-B"), 2, 3, 2, 4);
    assertCounts(p.get("A-C"), 1, 3, 1, 4);
    assertCounts(p.get("B-C"), 1, 2, 1, 4);
    // ln(2*4/(3*2)) = ln(4/3); npmi = ln(4/3) / ln 2
    assertThat(p.get("A-B").<Double>getAs("pmi")).isCloseTo(0.287682, within(1e-6));
    assertThat(p.get("A-B").<Double>getAs("npmi")).isCloseTo(0.415037, within(1e-6));
    assertThat(p.get("A-C").<Double>getAs("npmi")).isCloseTo(0.207519, within(1e-6));
    assertThat(p.get("B-C").<Double>getAs("pmi")).isCloseTo(0.693147, within(1e-6));
    assertThat(p.get("B-C").<Double>getAs("npmi")).isCloseTo(0.5, within(1e-9));
    assertThat(p.get("A-B").<String>getAs("level")).isEqualTo("document");
    assertThat(p.get("A-B").<String>getAs("counting")).isEqualTo("canonical");
    // Contingency table of A-B: k11 = 2, k12 = 1, k21 = 0, k22 = 1; rows 3/1, columns 2/2.
    // g2 = 2 (2 ln(8/6) + 1 ln(4/6) + 0 + 1 ln(4/2))
    assertThat(p.get("A-B").<Double>getAs("g2")).isCloseTo(1.726092, within(1e-6));
    assertThat(p.get("A-B").<Double>getAs("jaccard")).isCloseTo(2.0 / 3.0, within(1e-12));
    assertThat(p.get("B-C").<Double>getAs("jaccard")).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void sentenceLevelCountsSentencesOfCanonicalArticles() {
    Map<String, Row> p = byPair(CooccurrenceStage.create(settings(1, false, 100))
        .apply(articles(), mentions()), CooccurrenceStage.SENTENCE);
    assertThat(p).containsOnlyKeys("A-B", "A-C");
    assertCounts(p.get("A-B"), 2, 5, 2, 8);
    assertCounts(p.get("A-C"), 1, 5, 1, 8);
    // ln(2 * 8 / (5 * 2)) = ln 1.6
    assertThat(p.get("A-B").<Double>getAs("pmi")).isCloseTo(Math.log(1.6), within(1e-12));
  }

  @Test
  void windowLevelCountsTokenWindowsOfCanonicalArticles() {
    // k = 2. d1 (6 tokens, 5 windows): A@t0 {0}, B@t1 {0,1}, C@t3 {2,3}, A@t4 {3,4};
    // d2 (4 tokens, 3 windows): B@t0 {0}, A@t1 {0,1}; d3: A@t0 {0}, A past the end = t3 {2};
    // d4 (2 tokens): 1 window. n = 12, n_A = 3 + 2 + 2 = 7, n_B = 3, n_C = 2, AB = 2, AC = 1.
    KlipingConfig.Cooccurrence k2 = new KlipingConfig.Cooccurrence(1, false, 100,
        KlipingConfig.Cooccurrence.LEVELS, 2, List.of(7), 10, "npmi", 3);
    Map<String, Row> p = byPair(CooccurrenceStage.create(k2).apply(articles(), mentions()),
        CooccurrenceStage.WINDOW);
    assertThat(p).containsOnlyKeys("A-B", "A-C");
    assertCounts(p.get("A-B"), 2, 7, 3, 12);
    assertCounts(p.get("A-C"), 1, 7, 2, 12);
    assertThat(p.get("A-B").<Double>getAs("pmi")).isCloseTo(Math.log(24.0 / 21.0), within(1e-12));
  }

  @Test
  void aWindowLongerThanEveryTextCountsLikeDocuments() {
    Dataset<Row> scored = CooccurrenceStage.create(settings(1, false, 100))
        .apply(articles(), mentions());
    Map<String, Row> docs = byPair(scored, CooccurrenceStage.DOCUMENT);
    Map<String, Row> windows = byPair(scored, CooccurrenceStage.WINDOW);
    assertThat(windows).containsOnlyKeys(docs.keySet().toArray(String[]::new));
    for (String pair : docs.keySet()) {
      for (String c : List.of("n_ab", "n_a", "n_b", "n", "npmi")) {
        assertThat(windows.get(pair).<Object>getAs(c)).isEqualTo(docs.get(pair).getAs(c));
      }
    }
  }

  @Test
  void countsHoldTotalsEntitiesAndPairsUnfiltered() {
    Map<String, Long> counts = new HashMap<>();
    for (Row r : CooccurrenceStage.create(settings(2, false, 100))
        .counts(articles(), mentions()).collectAsList()) {
      counts.put(r.getAs("level") + "|" + r.getAs("entity_a") + "|" + r.getAs("entity_b"),
          r.getAs("units"));
      assertThat(r.<String>getAs("counting")).isEqualTo("canonical");
    }
    assertThat(counts).containsEntry("document|null|null", 4L)
        .containsEntry("document|A|null", 3L).containsEntry("document|B|C", 1L)
        .containsEntry("sentence|null|null", 8L).containsEntry("sentence|A|null", 5L)
        .containsEntry("window|null|null", 4L);
    // min-count = 2 filters scored pairs, never the counts.
    assertThat(counts).containsKey("document|A|C");
  }

  @Test
  void countsAreShuffledByTheirKeyBeforeTheyAreSummed() {
    // No aggregation of the per-document counts before the shuffle: most keys are rare, so it
    // combined half of 15 M rows at 100k articles and cost more than shuffling them all.
    String plan = CooccurrenceStage.create(settings(2, false, 100))
        .counts(articles(), mentions()).queryExecution().executedPlan().toString();
    int exchange = plan.indexOf("Exchange hashpartitioning(level");
    assertThat(exchange).isPositive();
    assertThat(plan.lastIndexOf("HashAggregate(keys=[level")).isBetween(0, exchange);
  }

  @Test
  void aDayWithNothingCountedStillHasItsTotals() {
    Dataset<Row> none = articles().filter("article_id = 'nope'");
    Map<String, Long> counts = new HashMap<>();
    for (Row r : CooccurrenceStage.create(settings(1, false, 100))
        .counts(none, mentions()).collectAsList()) {
      counts.put(r.getAs("level") + "|" + r.getAs("entity_a"), r.getAs("units"));
    }
    assertThat(counts).containsOnly(Map.entry("document|null", 0L), Map.entry("sentence|null", 0L),
        Map.entry("window|null", 0L));
  }

  @Test
  void cappedDocumentsAreCounted() {
    assertThat(CooccurrenceStage.create(settings(1, false, 2)).cappedDocuments(articles(),
        mentions())).isEqualTo(1); // d1 has A, B, C; d5 is a copy and not counted
    assertThat(CooccurrenceStage.create(settings(1, true, 2)).cappedDocuments(articles(),
        mentions())).isEqualTo(2);
    assertThat(CooccurrenceStage.create(settings(1, false, 3)).cappedDocuments(articles(),
        mentions())).isZero();
  }

  @Test
  void everyCopyCountsWhenConfigured() {
    Dataset<Row> all = CooccurrenceStage.create(settings(1, true, 100)).apply(articles(), mentions());
    Map<String, Row> p = byPair(all);
    assertCounts(p.get("A-B"), 3, 4, 3, 5);
    assertThat(p.get("A-B").<String>getAs("counting")).isEqualTo("all");
    assertCounts(p.get("A-C"), 2, 4, 2, 5);
    assertCounts(p.get("B-C"), 2, 3, 2, 5);
  }

  @Test
  void minCountDropsRarePairs() {
    Map<String, Row> p = byPair(CooccurrenceStage.create(settings(2, false, 100))
        .apply(articles(), mentions()));
    assertThat(p).containsOnlyKeys("A-B");
  }

  @Test
  void capKeepsTheFirstMentionedEntitiesOfADocument() {
    Map<String, Row> p = byPair(CooccurrenceStage.create(settings(1, false, 2))
        .apply(articles(), mentions()));
    // d1 keeps A (0) and B (10); C (20) is cut, so no pair with C remains.
    assertThat(p).containsOnlyKeys("A-B");
    assertCounts(p.get("A-B"), 2, 3, 2, 4);
  }

  @Test
  void sparkScoresEqualTheDocumentedFormulas() {
    for (Row r : CooccurrenceStage.create(settings(1, false, 100))
        .apply(articles(), mentions()).collectAsList()) {
      long nab = r.getAs("n_ab");
      long na = r.getAs("n_a");
      long nb = r.getAs("n_b");
      long n = r.getAs("n");
      assertThat(r.<Double>getAs("pmi")).isCloseTo(Association.pmi(nab, na, nb, n), within(1e-12));
      assertThat(r.<Double>getAs("npmi")).isCloseTo(Association.npmi(nab, na, nb, n), within(1e-12));
      assertThat(r.<Double>getAs("g2")).isCloseTo(Association.g2(nab, na, nb, n), within(1e-9));
      assertThat(r.<Double>getAs("jaccard")).isCloseTo(Association.jaccard(nab, na, nb), within(1e-12));
    }
  }

  @Test
  void scoredWithADictionaryPairsCarryTheirEntitiesRanksAndNothingElseChanges() {
    CooccurrenceStage stage = CooccurrenceStage.create(settings(1, false, 100));
    Dataset<Row> counts = stage.counts(articles(), mentions());
    // Z ranks last and is in no pair; its presence shifts no rank of A, B or C.
    StringRanks ranks = StringRanks.of(mentions().select("entity_id")
        .union(spark.createDataFrame(List.of(RowFactory.create("Z")),
            new StructType().add("entity_id", DataTypes.StringType))));
    Dataset<Row> plain = stage.score(counts, List.of());
    Dataset<Row> ranked = stage.score(counts, List.of(), Optional.of(ranks));

    assertThat(ranked.drop(CooccurrenceStage.RANK_A, CooccurrenceStage.RANK_B)
        .exceptAll(plain).count()).isZero();
    assertThat(ranked.count()).isEqualTo(plain.count()).isGreaterThanOrEqualTo(5);
    Map<String, Long> rank = Map.of("A", 1L, "B", 2L, "C", 3L);
    for (Row r : ranked.collectAsList()) {
      assertThat(r.<Long>getAs(CooccurrenceStage.RANK_A)).isEqualTo(rank.get(r.getAs("entity_a")));
      assertThat(r.<Long>getAs(CooccurrenceStage.RANK_B)).isEqualTo(rank.get(r.getAs("entity_b")));
    }
    assertThat(ranks.size()).isEqualTo(4);
    ranks.release();
  }

  @Test
  void marginalsWithinTheBroadcastThresholdAreBroadcastFromTheStart() {
    CooccurrenceStage stage = CooccurrenceStage.create(settings(1, false, 100));
    StringRanks ranks = StringRanks.of(mentions().select("entity_id"));
    Dataset<Row> computed = stage.counts(articles(), mentions());
    Dataset<Row> counts = spark.createDataFrame(computed.collectAsList(), computed.schema());
    // The static planner broadcasts nothing by itself here: only a hint makes the joins
    // broadcast ones in the plan made before execution.
    spark.conf().set("spark.sql.autoBroadcastJoinThreshold", "-1");
    try {
      spark.conf().set("spark.sql.adaptive.autoBroadcastJoinThreshold", "1m");
      String fits = stage.score(counts, List.of(), Optional.of(ranks), 1)
          .queryExecution().executedPlan().toString();
      // Their bound (3 entities x 1 group x (56 + 1) bytes per level) is far below 1m; with a
      // threshold of 5 bytes, it is above, and they are not broadcast.
      spark.conf().set("spark.sql.adaptive.autoBroadcastJoinThreshold", "5");
      String tooLarge = stage.score(counts, List.of(), Optional.of(ranks), 1)
          .queryExecution().executedPlan().toString();
      String unbounded = stage.score(counts, List.of(), Optional.of(ranks))
          .queryExecution().executedPlan().toString();

      assertThat(fits).doesNotContain("SortMergeJoin")
          .containsPattern("BroadcastHashJoin \\[level#\\d+, entity_a#\\d+\\]")
          .containsPattern("BroadcastHashJoin \\[level#\\d+, entity_b#\\d+\\]");
      assertThat(tooLarge).containsPattern("SortMergeJoin \\[level#\\d+, entity_a#\\d+\\]");
      assertThat(unbounded).containsPattern("SortMergeJoin \\[level#\\d+, entity_a#\\d+\\]");
      spark.conf().set("spark.sql.adaptive.autoBroadcastJoinThreshold", "1m");
      assertThat(stage.score(counts, List.of(), Optional.of(ranks), 1).exceptAll(
          stage.score(counts, List.of(), Optional.of(ranks))).count()).isZero();
      assertThat(stage.score(counts, List.of(), Optional.of(ranks), 1).count())
          .isEqualTo(stage.score(counts, List.of()).count()).isGreaterThanOrEqualTo(5);
    } finally {
      spark.conf().unset("spark.sql.autoBroadcastJoinThreshold");
      spark.conf().unset("spark.sql.adaptive.autoBroadcastJoinThreshold");
      ranks.release();
    }
  }

  @Test
  void theMarginalsBoundGrowsWithEntitiesGroupsAndIdBytes() {
    StringRanks ranks = StringRanks.of(mentions().select("entity_id"));
    try {
      // 3 ids of 1 byte: per group 3 x (8 x (2 + 3 + 1) + 16) + 3 = 195 bytes with two key
      // columns (level and one group).
      assertThat(ranks.valueBytes()).isEqualTo(3);
      spark.conf().set("spark.sql.adaptive.autoBroadcastJoinThreshold", "390");
      assertThat(CooccurrenceStage.marginalsFitBroadcast(spark, ranks, 2, 2)).isTrue();
      assertThat(CooccurrenceStage.marginalsFitBroadcast(spark, ranks, 3, 2)).isFalse();
      assertThat(CooccurrenceStage.marginalsFitBroadcast(spark, ranks, 2, 3)).isFalse();
    } finally {
      spark.conf().unset("spark.sql.adaptive.autoBroadcastJoinThreshold");
      ranks.release();
    }
  }

  @Test
  void countedWithADictionaryRowsCarryTheirEntitiesRanksAndNothingElseChanges() {
    CooccurrenceStage stage = CooccurrenceStage.create(settings(1, false, 100));
    StringRanks ranks = StringRanks.of(mentions().select("entity_id"));
    Dataset<Row> plain = stage.counts(articles(), mentions());
    Dataset<Row> ranked = stage.counts(articles(), mentions(), Optional.of(ranks));

    assertThat(ranked.drop(CooccurrenceStage.RANK_A, CooccurrenceStage.RANK_B)
        .exceptAll(plain).count()).isZero();
    assertThat(ranked.count()).isEqualTo(plain.count());
    Map<String, Long> rank = Map.of("A", 1L, "B", 2L, "C", 3L);
    for (Row r : ranked.collectAsList()) {
      String a = r.getAs("entity_a");
      String b = r.getAs("entity_b");
      assertThat(r.<Long>getAs(CooccurrenceStage.RANK_A)).isEqualTo(a == null ? null : rank.get(a));
      assertThat(r.<Long>getAs(CooccurrenceStage.RANK_B)).isEqualTo(b == null ? null : rank.get(b));
    }
    ranks.release();
  }

  @Test
  void countedWithADictionaryTheUnitsAreShuffledAndSummedByTheRanks() {
    CooccurrenceStage stage = CooccurrenceStage.create(settings(1, false, 100));
    StringRanks ranks = StringRanks.of(mentions().select("entity_id"));
    String plan = stage.counts(articles(), mentions(), Optional.of(ranks))
        .queryExecution().executedPlan().toString();
    // The ids come back after the sum, from the broadcast dictionary: the shuffle and the hash
    // map of the sum hold two longs per key, not two strings.
    assertThat(plan).containsPattern("Exchange hashpartitioning\\(level#\\d+, rank_a#\\d+L, "
        + "rank_b#\\d+L")
        .containsPattern("HashAggregate\\(keys=\\[level#\\d+, rank_a#\\d+L, rank_b#\\d+L\\]")
        .doesNotContainPattern("Exchange hashpartitioning\\(level#\\d+, entity_a");
    ranks.release();
  }

  @Test
  void countedWithADictionaryThatLacksAMentionedEntityFails() {
    CooccurrenceStage stage = CooccurrenceStage.create(settings(1, false, 100));
    StringRanks withoutC = StringRanks.of(mentions().select("entity_id")
        .filter("entity_id <> 'C'"));
    assertThatThrownBy(() -> stage.counts(articles(), mentions(), Optional.of(withoutC))
        .collectAsList())
        .hasStackTraceContaining("co-occurrence counts: entity missing from the dictionary: C");
    withoutC.release();
  }

  @Test
  void g2IsZeroForIndependentEntitiesAndGrowsWithEvidence() {
    // n_ab / n = (n_a / n) (n_b / n): independence.
    assertThat(Association.g2(25, 50, 50, 100)).isCloseTo(0.0, within(1e-12));
    assertThat(Association.g2(20, 20, 20, 1000)).isGreaterThan(Association.g2(2, 2, 2, 100));
    // 2x2 table [[10, 0], [0, 90]]: g2 = 2 (10 ln 10 + 90 ln(100/90)).
    assertThat(Association.g2(10, 10, 10, 100))
        .isCloseTo(2 * (10 * Math.log(10) + 90 * Math.log(100.0 / 90)), within(1e-9));
  }

  @Test
  void npmiIsOneWhenThePairIsInEveryDocument() {
    assertThat(Association.npmi(4, 4, 4, 4)).isEqualTo(1.0);
    assertThat(Association.pmi(4, 4, 4, 4)).isEqualTo(0.0);
  }

  private static void assertCounts(Row r, long nab, long na, long nb, long n) {
    assertThat(List.<Long>of(r.getAs("n_ab"), r.getAs("n_a"), r.getAs("n_b"), r.getAs("n")))
        .containsExactly(nab, na, nb, n);
  }
}
