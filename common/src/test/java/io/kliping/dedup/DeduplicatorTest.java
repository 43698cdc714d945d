package io.kliping.dedup;

import static io.kliping.dedup.NewsFixtures.BOILERPLATE;
import static io.kliping.dedup.NewsFixtures.FOOTBALL;
import static io.kliping.dedup.NewsFixtures.JAKARTA_FLOOD;
import static io.kliping.dedup.NewsFixtures.JAKARTA_FLOOD_EDITED;
import static io.kliping.dedup.NewsFixtures.JAKARTA_FLOOD_WITH_HEADLINE;
import static io.kliping.dedup.NewsFixtures.MRT_EXTENSION;
import static io.kliping.dedup.NewsFixtures.RATE_DECISION;
import static io.kliping.dedup.NewsFixtures.SEMARANG_FLOOD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DeduplicatorTest {

  private static final StructType INPUT_SCHEMA =
      DedupColumns.REQUIRED_INPUT_SCHEMA
          .add("lang", DataTypes.StringType, true)
          .add("raw_bytes", DataTypes.IntegerType, true);

  /** The main scenario: syndicated copies, look-alikes, short and empty texts. */
  private static final List<Doc> NEWS =
      List.of(
          new Doc("a1", JAKARTA_FLOOD, "2024-03-04 07:00:00", "kompas.com"),
          // Exact copy: same words, different case and spacing.
          new Doc("a2", JAKARTA_FLOOD.toUpperCase(Locale.ROOT).replace(" ", "   "),
              "2024-03-04 09:00:00", "detik.com"),
          // Near copies: own headline + boilerplate (published first), one sentence reworded.
          new Doc("a3", JAKARTA_FLOOD_WITH_HEADLINE, "2024-03-04 06:45:00", "tempo.co"),
          new Doc("a4", JAKARTA_FLOOD_EDITED, null, null),
          // Exact copy of a3, punctuation changed.
          new Doc("a5", JAKARTA_FLOOD_WITH_HEADLINE.replace(":", " --").replace(",", ""),
              "2024-03-05 08:00:00", "okezone.com"),
          // Same topic, shares two sentences with story A: a different story.
          new Doc("b1", SEMARANG_FLOOD, "2024-03-05 10:00:00", "antaranews.com"),
          new Doc("c1", RATE_DECISION, "2024-03-06 14:00:00", "kontan.co.id"),
          // Below minTokens: only identical texts merge.
          new Doc("s1", "Breaking news!", null, "x.com"),
          new Doc("s2", "BREAKING NEWS", null, "y.com"),
          // Shorter than a shingle: one shingle each, so again only identical texts merge.
          new Doc("s3", "Photo: flood in Jakarta", "2024-03-04 10:00:00", "x.com"),
          new Doc("s4", "Photo: flood in Bekasi", "2024-03-04 10:00:00", "x.com"),
          new Doc("s5", "PHOTO -- Flood in Jakarta.", "2024-03-04 11:00:00", "y.com"),
          // No content: never duplicates of each other.
          new Doc("e1", "", null, null),
          new Doc("e2", null, null, null),
          new Doc("e3", " ... !!! ", null, null));

  private static SparkSession spark;
  private static List<Row> newsArticles;
  private static List<Row> newsDuplicates;

  @BeforeAll
  static void startSparkAndDeduplicateTheNews() {
    spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("DeduplicatorTest")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "4")
            .getOrCreate();
    Deduplicator.Result result = Deduplicator.create(DedupSettings.defaults()).apply(frame(NEWS));
    newsArticles = sorted(result.articles().collectAsList());
    newsDuplicates = sorted(result.duplicates().collectAsList());
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  @Test
  void clustersSyndicatedCopiesAndNothingElse() {
    Map<String, String> clusters = column(newsArticles, DedupColumns.CLUSTER_ID);
    Map<String, String> expected = new TreeMap<>();
    for (String id : List.of("a1", "a2", "a3", "a4", "a5")) {
      expected.put(id, "a1");
    }
    for (String id : List.of("b1", "c1", "s1", "s3", "s4", "e1", "e2", "e3")) {
      expected.put(id, id);
    }
    expected.put("s2", "s1");
    expected.put("s5", "s3");
    assertThat(clusters).isEqualTo(expected);
  }

  @Test
  void electsTheEarliestArticleAndTypesTheRest() {
    Map<String, String> canonical = column(newsArticles, DedupColumns.CANONICAL_ID);
    Map<String, String> types = column(newsArticles, DedupColumns.DUP_TYPE);
    for (String id : List.of("a1", "a2", "a3", "a4", "a5")) {
      assertThat(canonical).containsEntry(id, "a3");
    }
    assertThat(types)
        .containsEntry("a3", "unique")
        .containsEntry("a5", "exact") // same content as the canonical a3
        .containsEntry("a1", "near")
        .containsEntry("a2", "near") // exact copy of a1, but a near copy of the canonical
        .containsEntry("a4", "near")
        .containsEntry("s1", "unique") // no dates, same length, no ranking: smallest id
        .containsEntry("s2", "exact")
        .containsEntry("s3", "unique")
        .containsEntry("s5", "exact");
    for (String id : List.of("b1", "c1", "s4", "e1", "e2", "e3")) {
      assertThat(types).containsEntry(id, "unique");
      assertThat(canonical).containsEntry(id, id);
    }
    for (Row row : newsArticles) {
      assertThat(row.<Boolean>getAs(DedupColumns.IS_CANONICAL))
          .isEqualTo(row.getAs(DedupColumns.ARTICLE_ID).equals(row.getAs(DedupColumns.CANONICAL_ID)));
    }
  }

  @Test
  void similarityIsToTheCanonicalArticle() {
    Map<String, Double> similarity = new TreeMap<>();
    for (Row row : newsArticles) {
      similarity.put(row.getAs(DedupColumns.ARTICLE_ID), row.getAs(DedupColumns.SIMILARITY));
    }
    assertThat(similarity.get("a3")).isEqualTo(1.0);
    assertThat(similarity.get("a5")).isEqualTo(1.0);
    assertThat(similarity.get("s2")).isEqualTo(1.0);
    assertThat(similarity.get("e2")).isEqualTo(1.0);
    // a1 and a2 share a signature; adding headline and boilerplate leaves J ~ 0.88.
    assertThat(similarity.get("a1")).isEqualTo(similarity.get("a2")).isCloseTo(0.88, within(0.1));
    assertThat(similarity.get("a4")).isGreaterThan(0.5).isLessThan(1.0);
  }

  @Test
  void duplicatesListEveryNonCanonicalArticleOnce() {
    assertThat(newsDuplicates).extracting(row -> row.getString(0))
        .containsExactly("a1", "a2", "a4", "a5", "s2", "s5");
    assertThat(newsDuplicates.get(3))
        .isEqualTo(RowFactory.create("a5", "a1", "a3", "exact", 1.0));
    assertThat(Arrays.asList(
            Deduplicator.create(DedupSettings.defaults()).apply(frame(NEWS.subList(0, 1)))
                .duplicates().schema().fieldNames()))
        .containsExactly(DedupColumns.DUPLICATES_SCHEMA.fieldNames());
  }

  @Test
  void passesInputColumnsThroughUntouched() {
    assertThat(newsArticles).hasSize(NEWS.size());
    Row a4 = newsArticles.get(3);
    assertThat(a4.getString(0)).isEqualTo("a4");
    assertThat(a4.getString(1)).isEqualTo(JAKARTA_FLOOD_EDITED);
    assertThat(a4.isNullAt(2)).isTrue();
    assertThat(a4.getString(4)).isEqualTo("en");
    assertThat(a4.getInt(5)).isEqualTo(JAKARTA_FLOOD_EDITED.length());
    assertThat(a4.schema().fieldNames())
        .containsExactly(
            "article_id", "text", "published_at", "source", "lang", "raw_bytes",
            "cluster_id", "is_canonical", "dup_type", "canonical_id", "similarity");
  }

  @Test
  void canonicalPolicyDateThenLengthThenSourceThenId() {
    List<Doc> docs =
        List.of(
            // Earliest date wins over longer text; undated articles come last.
            new Doc("p1", RATE_DECISION + BOILERPLATE, "2024-01-02 08:00:00", "antaranews.com"),
            new Doc("p2", RATE_DECISION, "2024-01-01 08:00:00", "blog.example"),
            new Doc("p3", RATE_DECISION + BOILERPLATE, null, "antaranews.com"),
            // Same date: the longer text wins over the better source.
            new Doc("q1", FOOTBALL, "2024-01-03 20:00:00", "antaranews.com"),
            new Doc("q2", FOOTBALL + BOILERPLATE, "2024-01-03 20:00:00", "blog.example"),
            // Same date and length: the ranked source wins, unlisted last.
            new Doc("r1", MRT_EXTENSION, "2024-01-04 09:00:00", "blog.example"),
            new Doc("r2", MRT_EXTENSION, "2024-01-04 09:00:00", "tempo.co"),
            new Doc("r3", MRT_EXTENSION, "2024-01-04 09:00:00", "antaranews.com"),
            new Doc("r4", MRT_EXTENSION, "2024-01-04 09:00:00", null),
            // Nothing to choose by: the smallest id.
            new Doc("u2", SEMARANG_FLOOD, null, null),
            new Doc("u1", SEMARANG_FLOOD, null, null));
    DedupSettings settings =
        DedupSettings.defaults().withSourceRanking(List.of("antaranews.com", "tempo.co"));
    List<Row> articles =
        sorted(Deduplicator.create(settings).apply(frame(docs)).articles().collectAsList());
    Map<String, String> canonical = column(articles, DedupColumns.CANONICAL_ID);
    Map<String, String> clusters = column(articles, DedupColumns.CLUSTER_ID);
    assertThat(canonical)
        .containsEntry("p1", "p2").containsEntry("p3", "p2")
        .containsEntry("q1", "q2")
        .containsEntry("r1", "r3").containsEntry("r2", "r3").containsEntry("r4", "r3")
        .containsEntry("u2", "u1");
    // The cluster id is the smallest id, whoever is canonical.
    assertThat(clusters)
        .containsEntry("p2", "p1").containsEntry("q2", "q1").containsEntry("r3", "r1")
        .containsEntry("u2", "u1");
  }

  @Test
  void candidatePairsBelowTheThresholdAreNotMerged() {
    // Weighting only false negatives makes every pair that shares a shingle a candidate
    // (128 bands of one row): only the verification keeps story A apart from story B.
    DedupSettings candidatesGalore =
        new DedupSettings(5, false, 3, 128, 0.7, 0.0, 1.0, 42L, List.of(), true, false);
    assertThat(candidatesGalore.lshParams().rows()).isEqualTo(1);
    assertThat(candidatesGalore.lshParams().probability(0.1)).isGreaterThan(0.95);
    List<Doc> docs =
        List.of(
            new Doc("a1", JAKARTA_FLOOD, "2024-03-04 07:00:00", null),
            new Doc("a3", JAKARTA_FLOOD_WITH_HEADLINE, "2024-03-04 06:45:00", null),
            new Doc("b1", SEMARANG_FLOOD, "2024-03-05 10:00:00", null),
            new Doc("c1", RATE_DECISION, "2024-03-06 14:00:00", null));
    List<Row> articles =
        sorted(Deduplicator.create(candidatesGalore).apply(frame(docs)).articles().collectAsList());
    assertThat(column(articles, DedupColumns.CLUSTER_ID))
        .containsExactly(
            Map.entry("a1", "a1"), Map.entry("a3", "a1"), Map.entry("b1", "b1"),
            Map.entry("c1", "c1"));
  }

  @Test
  void exactVerificationKeepsApartAPairWhoseEstimatePassesButWhoseShinglesDoNot() {
    // Story A and a text sharing its first paragraph only: exact Jaccard below 0.5.
    String other = JAKARTA_FLOOD.substring(0, JAKARTA_FLOOD.indexOf("A spokesperson")) + RATE_DECISION;
    Shingler shingler = Shingler.words(5, 3);
    ShingleBuffer a = new ShingleBuffer();
    ShingleBuffer b = new ShingleBuffer();
    shingler.shingle(ContentNormalizer.normalize(JAKARTA_FLOOD), a);
    shingler.shingle(ContentNormalizer.normalize(other), b);
    double exact = ShingleSets.jaccard(ShingleSets.toBytes(a), ShingleSets.toBytes(b));
    assertThat(exact).isBetween(0.2, 0.5);
    // With 16 components the estimate is coarse: find a seed whose estimate reaches 0.5. One band
    // per component (only false negatives weighted) makes the pair a candidate.
    long seed = 0;
    double estimate = 0;
    while (estimate < 0.5) {
      seed++;
      MinHashSigner signer = MinHashSigner.create(16, seed);
      estimate = SignatureSimilarity.estimate(signer.sign(a), signer.sign(b));
      assertThat(seed).as("a seed whose estimate passes").isLessThan(100_000L);
    }
    DedupSettings estimated =
        new DedupSettings(5, false, 3, 16, 0.5, 0.0, 1.0, seed, List.of(), true, false);
    List<Doc> docs =
        List.of(
            new Doc("x1", JAKARTA_FLOOD, "2024-03-04 07:00:00", null),
            new Doc("x2", other, "2024-03-04 08:00:00", null));
    assertThat(column(sorted(Deduplicator.create(estimated).apply(frame(docs)).articles()
            .collectAsList()), DedupColumns.CLUSTER_ID))
        .containsExactly(Map.entry("x1", "x1"), Map.entry("x2", "x1"));
    assertThat(column(sorted(Deduplicator.create(estimated.withExactVerification(true))
            .apply(frame(docs)).articles().collectAsList()), DedupColumns.CLUSTER_ID))
        .containsExactly(Map.entry("x1", "x1"), Map.entry("x2", "x2"));
  }

  @Test
  void aBucketOfTwentyThousandCopiesBecomesOneCluster() {
    // Every copy shares the exact bucket and all 25 LSH buckets: with all pairs this would be
    // 2e8 comparisons per bucket; with a few edges per member it is one ordinary Spark run.
    // BucketEdgesFunctionTest counts the edges of a bucket of 100,000; 20,000 here keeps the
    // suite's time down (100,000 took 119 s on the loaded 2-core machine).
    int n = 20_000;
    Dataset<Row> copies =
        spark
            .range(n)
            .selectExpr(
                "concat('g', lpad(cast(id AS string), 6, '0')) AS article_id",
                "'The weather office expects heavy rain over Jakarta and Bogor this afternoon "
                    + "with strong winds near the coast' AS text",
                "CAST(NULL AS timestamp) AS published_at",
                "CAST(NULL AS string) AS source");
    Deduplicator.Result result =
        Deduplicator.create(DedupSettings.defaults().withThreshold(0.5)).apply(copies);
    Row summary =
        result
            .articles()
            .agg(
                functions.countDistinct(functions.col(DedupColumns.CLUSTER_ID)),
                functions.min(functions.col(DedupColumns.CLUSTER_ID)),
                functions.sum(functions.when(functions.col(DedupColumns.IS_CANONICAL), 1).otherwise(0)),
                functions.sum(functions.when(functions.col(DedupColumns.DUP_TYPE).equalTo("exact"), 1)
                    .otherwise(0)))
            .first();
    assertThat(summary.getLong(0)).isEqualTo(1L);
    assertThat(summary.getString(1)).isEqualTo("g000000");
    assertThat(summary.getLong(2)).isEqualTo(1L);
    assertThat(summary.getLong(3)).isEqualTo(n - 1L);
    assertThat(result.clusters().collectAsList())
        .singleElement()
        .satisfies(cluster -> assertThat(cluster.<Long>getAs(DedupColumns.SIZE)).isEqualTo(n));
  }

  @Test
  void outputDoesNotDependOnPartitioning() {
    String before = spark.conf().get("spark.sql.shuffle.partitions");
    try {
      spark.conf().set("spark.sql.shuffle.partitions", "11");
      Deduplicator.Result manyPartitions =
          Deduplicator.create(DedupSettings.defaults()).apply(frame(NEWS).repartition(7));
      assertThat(sorted(manyPartitions.articles().collectAsList())).isEqualTo(newsArticles);
      assertThat(sorted(manyPartitions.duplicates().collectAsList())).isEqualTo(newsDuplicates);

      spark.conf().set("spark.sql.shuffle.partitions", "1");
      Deduplicator.Result onePartition =
          Deduplicator.create(DedupSettings.defaults()).apply(frame(NEWS).repartition(1));
      assertThat(sorted(onePartition.articles().collectAsList())).isEqualTo(newsArticles);
    } finally {
      spark.conf().set("spark.sql.shuffle.partitions", before);
    }
  }

  @Test
  void rejectsInputWithoutTheRequiredColumnsOrWithOutputColumns() {
    Deduplicator deduplicator = Deduplicator.create(DedupSettings.defaults());
    Dataset<Row> news = frame(NEWS.subList(0, 2));
    assertThatThrownBy(() -> deduplicator.apply(news.drop("source")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs column source string");
    assertThatThrownBy(
            () -> deduplicator.apply(news.withColumn("published_at", news.col("published_at").cast("string"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs column published_at timestamp");
    assertThatThrownBy(() -> deduplicator.apply(news.withColumn("cluster_id", news.col("source"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("already has output column cluster_id");
  }

  private record Doc(String id, String text, String publishedAt, String source) {
    Row toRow() {
      return RowFactory.create(
          id,
          text,
          publishedAt == null ? null : Timestamp.valueOf(publishedAt),
          source,
          "en",
          text == null ? null : text.length());
    }
  }

  private static Dataset<Row> frame(List<Doc> docs) {
    List<Row> rows = new ArrayList<>();
    for (Doc doc : docs) {
      rows.add(doc.toRow());
    }
    return spark.createDataFrame(rows, INPUT_SCHEMA);
  }

  private static List<Row> sorted(List<Row> rows) {
    List<Row> copy = new ArrayList<>(rows);
    copy.sort((x, y) -> x.getString(0).compareTo(y.getString(0)));
    return copy;
  }

  private static Map<String, String> column(List<Row> rows, String name) {
    Map<String, String> values = new TreeMap<>();
    for (Row row : rows) {
      values.put(row.getAs(DedupColumns.ARTICLE_ID), row.getAs(name));
    }
    return values;
  }
}
