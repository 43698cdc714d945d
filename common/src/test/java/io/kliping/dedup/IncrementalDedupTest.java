package io.kliping.dedup;

import static io.kliping.dedup.NewsFixtures.BOILERPLATE;
import static io.kliping.dedup.NewsFixtures.JAKARTA_FLOOD;
import static io.kliping.dedup.NewsFixtures.JAKARTA_FLOOD_EDITED;
import static io.kliping.dedup.NewsFixtures.JAKARTA_FLOOD_WITH_HEADLINE;
import static io.kliping.dedup.NewsFixtures.MRT_EXTENSION;
import static io.kliping.dedup.NewsFixtures.RATE_DECISION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kliping.io.Warehouse;
import io.kliping.schema.Tables;
import io.kliping.testing.SparkTestBase;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incremental dedup over two batches kept in a warehouse: day 1 is indexed, day 2 is compared with
 * it. Day-2 ids sort before day-1 ids, so "keeps the old cluster id" cannot pass by the
 * smallest-id rule by accident.
 */
class IncrementalDedupTest extends SparkTestBase {

  private static final LocalDate DAY_1 = LocalDate.of(2024, 3, 4);
  private static final LocalDate DAY_2 = LocalDate.of(2024, 3, 5);
  private static final LocalDate LONG_AGO = LocalDate.of(2024, 1, 1);
  private static final LocalDate OTHER_SCHEME_DAY = LocalDate.of(2024, 3, 3);
  private static final int INDEX_DAYS = 30;

  /** Two halves of a football report, around a long shared middle: the bridge test's parts. */
  private static final String HEAD =
      "Persib Bandung climbed to the top of the league table after a two nil win over Persija "
          + "Jakarta in front of a sold out crowd at the Si Jalak Harupat stadium on Saturday "
          + "night. Both goals came in the second half, the first from a header after a corner "
          + "and the second from a counter attack in stoppage time.\n\n";
  private static final String MIDDLE = MRT_EXTENSION + "\n" + RATE_DECISION;
  private static final String TAIL =
      "\n\nFloodwater up to one metre deep inundated the Kaligawe area of Semarang on Tuesday "
          + "after the Banjir Kanal Timur overflowed, cutting the main coastal road between "
          + "Semarang and Demak for most of the day. Hundreds of trucks carrying goods to "
          + "Surabaya were stranded for hours while police diverted smaller vehicles.";
  private static final String VOLCANO =
      "Mount Merapi in Central Java erupted again on Friday morning, sending hot clouds of ash "
          + "down its southwestern slope for about two kilometres. The volcano observatory kept "
          + "the alert at the third of four levels and told residents to stay out of a seven "
          + "kilometre zone around the crater, while ash fell on villages in Magelang.";

  private static final List<Doc> DAY_1_NEWS =
      List.of(
          new Doc("1a1", JAKARTA_FLOOD, "2024-03-04 07:00:00", "kompas.com"),
          new Doc("1a3", JAKARTA_FLOOD_WITH_HEADLINE, "2024-03-04 06:45:00", "tempo.co"),
          new Doc("1c1", RATE_DECISION, "2024-03-04 14:00:00", "kontan.co.id"),
          new Doc("1o1", HEAD + MIDDLE, "2024-03-04 10:00:00", "bola.net"),
          new Doc("1o2", MIDDLE + TAIL, "2024-03-04 11:00:00", "antaranews.com"));

  private static final List<Doc> DAY_2_NEWS =
      List.of(
          // (a) a near copy of a day-1 story.
          new Doc("0a4", JAKARTA_FLOOD_EDITED, "2024-03-05 08:00:00", "detik.com"),
          // (b) an exact copy of day-1's canonical article.
          new Doc("0a5", JAKARTA_FLOOD_WITH_HEADLINE.replace(":", " --"), "2024-03-05 09:00:00",
              "okezone.com"),
          // Published before day-1's canonical, delivered late: canonical only when old ones
          // are not kept.
          new Doc("0a6", JAKARTA_FLOOD + BOILERPLATE, "2024-03-04 06:00:00", "antaranews.com"),
          // (c) similar to both 1o1 and 1o2, which are not similar enough to each other.
          new Doc("0b", HEAD + MIDDLE + TAIL, "2024-03-05 10:00:00", "bola.net"),
          // (d) a new story and its copy.
          new Doc("0d1", VOLCANO, "2024-03-05 11:00:00", "tempo.co"),
          new Doc("0d2", VOLCANO.toUpperCase(), "2024-03-05 12:00:00", "kompas.com"));

  @TempDir static Path warehouseRoot;

  private static Warehouse warehouse;
  private static Deduplicator deduplicator;
  private static Deduplicator.Result day1;
  private static Deduplicator.Result day2;
  private static Map<String, Row> day2Articles;
  private static Map<String, Row> day2Clusters;

  @BeforeAll
  static void runTwoDays() {
    warehouse = new Warehouse(spark, warehouseRoot.toString(), 2);
    deduplicator = Deduplicator.create(DedupSettings.defaults());
    // Out of the look-back window: a copy of the volcano story.
    index(deduplicator.apply(frame(List.of(new Doc("9d0", VOLCANO, null, null)))), LONG_AGO);
    // In the window, but signed with another seed: another copy of the volcano story.
    DedupSettings otherSeed =
        new DedupSettings(5, false, 3, 128, 0.7, 0.5, 0.5, 7L, List.of(), true, false);
    index(Deduplicator.create(otherSeed).apply(frame(List.of(new Doc("1g", VOLCANO, null, null)))),
        OTHER_SCHEME_DAY);

    day1 = deduplicator.apply(frame(DAY_1_NEWS), indexBefore(DAY_1));
    index(day1, DAY_1);
    day2 = deduplicator.apply(frame(DAY_2_NEWS), indexBefore(DAY_2));
    day2Articles = byFirstColumn(day2.articles());
    day2Clusters = byFirstColumn(day2.clusters());
  }

  @Test
  void dayOneIsIndexedOneRowPerArticle() {
    List<Row> index = warehouse.read(Tables.DEDUP_INDEX, DAY_1).collectAsList();
    assertThat(index).extracting(r -> r.<String>getAs("article_id"))
        .containsExactlyInAnyOrder("1a1", "1a3", "1c1", "1o1", "1o2");
    assertThat(index).allSatisfy(r -> {
      assertThat(r.<String>getAs("scheme")).isEqualTo(DedupSettings.defaults().signatureScheme());
      assertThat(r.<byte[]>getAs("signature")).hasSize(128 * MinHashSigner.COMPONENT_BYTES);
    });
    assertThat(byFirstColumn(day1.clusters()).keySet()).containsExactly("1a1");
    assertThat(day1.indexRows()).isZero(); // only older partitions were in the window...
    assertThat(day1.indexRowsOtherScheme()).isEqualTo(1); // ...one of them of another seed
  }

  @Test
  void aRangeWithoutPartitionsIsEmptyWithTheTableSchemaAndDt() {
    Dataset<Row> none = warehouse.readRange(Tables.DEDUP_INDEX, DAY_2, DAY_2.plusDays(10));
    assertThat(none.count()).isZero();
    assertThat(none.columns()).endsWith("scheme", "dt");
    assertThat(warehouse.readRange(Tables.CLUSTERS, LONG_AGO, DAY_2).count()).isZero();
    assertThat(warehouse.readRange(Tables.DEDUP_INDEX, LONG_AGO, DAY_2)
        .select("dt").distinct().count()).isEqualTo(3);
  }

  @Test
  void aNearCopyJoinsTheOldClusterWhoseCanonicalStays() {
    Row a4 = day2Articles.get("0a4");
    assertThat(a4.<String>getAs("cluster_id")).isEqualTo("1a1");
    assertThat(a4.<String>getAs("dup_type")).isEqualTo("near");
    assertThat(a4.<String>getAs("canonical_id")).isEqualTo("1a3");
    assertThat(a4.<Boolean>getAs("is_canonical")).isFalse();
    assertThat(a4.<Double>getAs("similarity")).isGreaterThan(0.5).isLessThan(1.0);
    // Published before 1a3 but not canonical: the old canonical is kept.
    assertThat(day2Articles.get("0a6").<String>getAs("canonical_id")).isEqualTo("1a3");
    assertThat(day2Articles.get("0a6").<String>getAs("dup_type")).isEqualTo("near");
  }

  @Test
  void anExactCopyOfAnOldArticleIsExact() {
    Row a5 = day2Articles.get("0a5");
    assertThat(a5.<String>getAs("cluster_id")).isEqualTo("1a1");
    assertThat(a5.<String>getAs("dup_type")).isEqualTo("exact");
    assertThat(a5.<String>getAs("canonical_id")).isEqualTo("1a3");
    assertThat(a5.<Double>getAs("similarity")).isEqualTo(1.0);
  }

  @Test
  void aBridgeMergesTwoOldClustersUnderTheSmallerId() {
    // Day 1 kept the two halves apart.
    Map<String, Row> day1Articles = byFirstColumn(day1.articles());
    assertThat(day1Articles.get("1o1").<String>getAs("cluster_id")).isEqualTo("1o1");
    assertThat(day1Articles.get("1o2").<String>getAs("cluster_id")).isEqualTo("1o2");

    Row bridge = day2Articles.get("0b");
    assertThat(bridge.<String>getAs("cluster_id")).isEqualTo("1o1");
    assertThat(bridge.<String>getAs("dup_type")).isEqualTo("near");
    // Both old canonicals are candidates; the earlier one wins.
    assertThat(bridge.<String>getAs("canonical_id")).isEqualTo("1o1");
    Row merged = day2Clusters.get("1o1");
    assertThat(merged.<Long>getAs("size")).isEqualTo(3L);
    assertThat(merged.<Long>getAs("new_members")).isEqualTo(1L);
    assertThat(day2Clusters).doesNotContainKey("1o2");
  }

  @Test
  void anUnrelatedStoryStartsItsOwnClusterNamedByItsSmallestId() {
    Row d1 = day2Articles.get("0d1");
    Row d2 = day2Articles.get("0d2");
    assertThat(d1.<String>getAs("cluster_id")).isEqualTo("0d1");
    assertThat(d1.<Boolean>getAs("is_canonical")).isTrue();
    assertThat(d1.<String>getAs("dup_type")).isEqualTo("unique");
    assertThat(d2.<String>getAs("cluster_id")).isEqualTo("0d1");
    assertThat(d2.<String>getAs("dup_type")).isEqualTo("exact");
  }

  @Test
  void clustersListEveryClusterWithANewArticleAndTwoMembers() {
    assertThat(day2Clusters.keySet()).containsExactly("0d1", "1a1", "1o1");
    Row flood = day2Clusters.get("1a1");
    assertThat(flood.<String>getAs("canonical_id")).isEqualTo("1a3");
    assertThat(flood.<Long>getAs("size")).isEqualTo(5L);
    assertThat(flood.<Long>getAs("new_members")).isEqualTo(3L);
    assertThat(flood.getList(flood.fieldIndex("sources"))).containsExactly(
        "antaranews.com", "detik.com", "kompas.com", "okezone.com", "tempo.co");
    assertThat(flood.<Timestamp>getAs("first_published_at"))
        .isEqualTo(Timestamp.valueOf("2024-03-04 06:00:00"));
    assertThat(flood.<Timestamp>getAs("last_published_at"))
        .isEqualTo(Timestamp.valueOf("2024-03-05 09:00:00"));
    Row volcano = day2Clusters.get("0d1");
    assertThat(volcano.<Long>getAs("size")).isEqualTo(2L);
    assertThat(volcano.<Long>getAs("new_members")).isEqualTo(2L);
    assertThat(day2.clusters().schema().simpleString())
        .isEqualTo(DedupColumns.CLUSTERS_SCHEMA.simpleString());
  }

  @Test
  void duplicatesAndIndexEntriesCoverTheNewBatchOnly() {
    assertThat(byFirstColumn(day2.duplicates()).keySet())
        .containsExactly("0a4", "0a5", "0a6", "0b", "0d2");
    assertThat(byFirstColumn(day2.indexEntries()).keySet())
        .containsExactly("0a4", "0a5", "0a6", "0b", "0d1", "0d2");
    assertThat(day2.articles().count()).isEqualTo(DAY_2_NEWS.size());
  }

  @Test
  void reRunningDayTwoIsIdempotent() {
    warehouse.overwrite(Tables.DEDUP_INDEX, DAY_2, day2.indexEntries());
    Deduplicator.Result again = deduplicator.apply(frame(DAY_2_NEWS), indexBefore(DAY_2));
    assertThat(sorted(again.articles())).isEqualTo(sorted(day2.articles()));
    assertThat(sorted(again.duplicates())).isEqualTo(sorted(day2.duplicates()));
    assertThat(sorted(again.clusters())).isEqualTo(sorted(day2.clusters()));
    assertThat(again.indexRows()).isEqualTo(day2.indexRows()).isEqualTo(5);
  }

  @Test
  void partitionsOlderThanTheLookBackAreNotRead() {
    // With a window long enough to reach January, the volcano copy joins 9d0's cluster.
    Deduplicator.Result longWindow =
        deduplicator.apply(frame(DAY_2_NEWS), warehouse.readRange(Tables.DEDUP_INDEX,
            LONG_AGO, DAY_2));
    Row d1 = byFirstColumn(longWindow.articles()).get("0d1");
    assertThat(d1.<String>getAs("cluster_id")).isEqualTo("9d0");
    assertThat(d1.<String>getAs("dup_type")).isEqualTo("exact");
    assertThat(d1.<String>getAs("canonical_id")).isEqualTo("9d0");
    assertThat(longWindow.indexRows()).isEqualTo(6);
  }

  @Test
  void indexRowsOfAnotherSchemeAreIgnoredAndCounted() {
    // 1g is an exact copy of the volcano story in the window, signed with another seed.
    assertThat(day2.indexRowsOtherScheme()).isEqualTo(1);
    assertThat(day2.indexRows()).isEqualTo(5);
    assertThat(day2Articles.get("0d1").<String>getAs("cluster_id")).isEqualTo("0d1");
  }

  @Test
  void withoutKeepingOldCanonicalsABetterNewArticleBecomesCanonical() {
    Deduplicator reElecting =
        Deduplicator.create(DedupSettings.defaults().withKeepOldCanonical(false));
    Deduplicator.Result result = reElecting.apply(frame(DAY_2_NEWS), indexBefore(DAY_2));
    Map<String, Row> articles = byFirstColumn(result.articles());
    assertThat(articles.get("0a6").<Boolean>getAs("is_canonical")).isTrue();
    assertThat(articles.get("0a6").<String>getAs("dup_type")).isEqualTo("unique");
    assertThat(articles.get("0a6").<String>getAs("cluster_id")).isEqualTo("1a1");
    assertThat(articles.get("0a5").<String>getAs("canonical_id")).isEqualTo("0a6");
    assertThat(articles.get("0a5").<String>getAs("dup_type")).isEqualTo("near");
    assertThat(articles.get("0a5").<Double>getAs("similarity")).isCloseTo(0.88, within(0.1));
    assertThat(byFirstColumn(result.clusters()).get("1a1").<String>getAs("canonical_id"))
        .isEqualTo("0a6");
  }

  @Test
  void giantClustersAreCountedAndTheLargestListed() {
    GiantClusters atFive = GiantClusters.find(day2.clusters(), 5, 10);
    assertThat(atFive.count()).isEqualTo(1);
    assertThat(atFive.largest()).containsExactly(new GiantClusters.Cluster("1a1", 5, "1a3"));
    GiantClusters atTwo = GiantClusters.find(day2.clusters(), 2, 2);
    assertThat(atTwo.count()).isEqualTo(3);
    assertThat(atTwo.largest()).extracting(GiantClusters.Cluster::clusterId)
        .containsExactly("1a1", "1o1");
  }

  @Test
  void anArticleDeliveredAgainIsAnExactCopyOfItsEarlierDelivery() {
    Deduplicator.Result again =
        deduplicator.apply(frame(List.of(DAY_1_NEWS.get(2))), indexBefore(DAY_2));
    Row c1 = byFirstColumn(again.articles()).get("1c1");
    assertThat(c1.<Boolean>getAs("is_canonical")).isFalse();
    assertThat(c1.<String>getAs("dup_type")).isEqualTo("exact");
    assertThat(c1.<String>getAs("cluster_id")).isEqualTo("1c1");
    assertThat(c1.<String>getAs("canonical_id")).isEqualTo("1c1");
    Row cluster = byFirstColumn(again.clusters()).get("1c1");
    assertThat(cluster.<Long>getAs("size")).isEqualTo(2L);
  }

  // ---- helpers ----

  private static Dataset<Row> indexBefore(LocalDate dt) {
    return warehouse.readRange(Tables.DEDUP_INDEX, dt.minusDays(INDEX_DAYS), dt);
  }

  private static void index(Deduplicator.Result result, LocalDate dt) {
    warehouse.overwrite(Tables.DEDUP_INDEX, dt, result.indexEntries());
  }

  private record Doc(String id, String text, String publishedAt, String source) {
    Row toRow() {
      return RowFactory.create(
          id, text, publishedAt == null ? null : Timestamp.valueOf(publishedAt), source);
    }
  }

  private static Dataset<Row> frame(List<Doc> docs) {
    List<Row> rows = new ArrayList<>();
    docs.forEach(d -> rows.add(d.toRow()));
    return spark.createDataFrame(rows, DedupColumns.REQUIRED_INPUT_SCHEMA);
  }

  private static Map<String, Row> byFirstColumn(Dataset<Row> rows) {
    Map<String, Row> out = new TreeMap<>();
    rows.collectAsList().forEach(r -> out.put(r.getString(0), r));
    return out;
  }

  private static List<Row> sorted(Dataset<Row> rows) {
    return new ArrayList<>(byFirstColumn(rows).values());
  }
}
