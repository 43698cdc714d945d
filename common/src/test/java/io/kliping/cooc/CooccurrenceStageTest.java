package io.kliping.cooc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kliping.config.KlipingConfig;
import io.kliping.schema.Tables;
import io.kliping.testing.SparkTestBase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * A hand-made corpus whose every count and score is computed by hand:
 * d1 {A,B,C}, d2 {A,B}, d3 {A}, d4 {} are canonical; d5 {A,B,C} is a copy of d1.
 * n = 4, n_A = 3, n_B = 2, n_C = 1; n_AB = 2, n_AC = 1, n_BC = 1.
 */
class CooccurrenceStageTest extends SparkTestBase {
  private static final StructType ARTICLES = new StructType()
      .add("article_id", DataTypes.StringType).add("is_canonical", DataTypes.BooleanType);

  private Dataset<Row> articles() {
    return spark.createDataFrame(List.of(
        RowFactory.create("d1", true), RowFactory.create("d2", true),
        RowFactory.create("d3", true), RowFactory.create("d4", true),
        RowFactory.create("d5", false)), ARTICLES);
  }

  private Dataset<Row> mentions() {
    return spark.createDataFrame(List.of(
        m("d1", "A", 0), m("d1", "B", 10), m("d1", "C", 20), m("d1", "A", 30),
        m("d2", "B", 0), m("d2", "A", 10),
        m("d3", "A", 0), m("d3", "A", 50),
        m("d5", "A", 0), m("d5", "B", 10), m("d5", "C", 20)), Tables.MENTIONS.schema());
  }

  private static Row m(String doc, String entity, int start) {
    return RowFactory.create(doc, entity, "name " + entity, "PERSON", entity, 0, start, start + 1);
  }

  private static Map<String, Row> byPair(Dataset<Row> pairs) {
    Map<String, Row> out = new HashMap<>();
    for (Row r : pairs.collectAsList()) {
      out.put(r.getAs("entity_a") + "-" + r.getAs("entity_b"), r);
    }
    return out;
  }

  private static KlipingConfig.Cooccurrence settings(int minCount, boolean dups, int cap) {
    return new KlipingConfig.Cooccurrence(minCount, dups, cap);
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
  }

  @Test
  void everyCopyCountsWhenConfigured() {
    Map<String, Row> p = byPair(CooccurrenceStage.create(settings(1, true, 100))
        .apply(articles(), mentions()));
    assertCounts(p.get("A-B"), 3, 4, 3, 5);
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
    }
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
