package io.kliping.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kliping.schema.TableSpec;
import io.kliping.schema.Tables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on the bundled sample (sample/news: JSON Lines + a folder of .txt), checked
 * against the sample's ground truth (sample/expected.json): what was rejected, what was merged,
 * which entities were linked, which pairs came out, that pair counts reconcile with mentions,
 * that a re-run is byte-identical and touches no other date, and that a non-Spark reader
 * (DuckDB) reads the tables as a notebook would.
 */
class PipelineTest {
  private static final String D1 = "2024-10-25";
  private static final String D2 = "2024-10-26";
  private static final Path SAMPLE = Path.of("..", "sample");

  @TempDir
  static Path tmp;

  private static SparkSession spark;
  private static JsonNode expected;
  private static Path warehouse;
  private static Map<String, List<String>> firstRun;
  private static Map<String, List<String>> otherDateBefore;
  private static Map<String, List<String>> rerun;
  private static Map<String, List<String>> otherDateAfter;
  private static List<Row> articles;
  private static List<Row> mentions;
  private static List<Row> pairs;
  private static List<Row> sentencePairs;
  private static List<Row> rejects;

  @BeforeAll
  static void runPipeline() throws IOException {
    spark = SparkSession.builder().master("local[2]").appName("kliping-pipeline-test")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
        .config("spark.driver.host", "127.0.0.1").getOrCreate();
    expected = new ObjectMapper().readTree(SAMPLE.resolve("expected.json").toFile());
    warehouse = tmp.resolve("warehouse");
    String input = SAMPLE.resolve("news").toString();

    assertThat(Main.execute("pipeline", "--input", input, "--warehouse", warehouse.toString(),
        "--date", D1)).isEqualTo(ExitCodes.OK);
    firstRun = hashes(D1);
    assertThat(Main.execute("ingest", "--input", input, "--warehouse", warehouse.toString(),
        "--date", D2)).isEqualTo(ExitCodes.OK);
    otherDateBefore = hashes(D2);
    // Re-run D1 with another shuffle partitioning: same bytes, other date untouched.
    spark.conf().set("spark.sql.shuffle.partitions", "7");
    assertThat(Main.execute("pipeline", "--input", input, "--warehouse", warehouse.toString(),
        "--date", D1)).isEqualTo(ExitCodes.OK);
    spark.conf().set("spark.sql.shuffle.partitions", "4");
    rerun = hashes(D1);
    otherDateAfter = hashes(D2);

    articles = table("articles").collectAsList();
    mentions = table("mentions").collectAsList();
    pairs = table("cooccurrence").filter("level = 'document'").collectAsList();
    sentencePairs = table("cooccurrence").filter("level = 'sentence'").collectAsList();
    rejects = table("rejects").collectAsList();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static Dataset<Row> table(String name) {
    return spark.read().parquet(warehouse.resolve(name).resolve("dt=" + D1).toString());
  }

  // ---- ingest ----

  @Test
  void malformedLinesAreRejectedWithTheirReasonAndPosition() {
    Map<String, String> byReason = new TreeMap<>();
    for (Row r : rejects) {
      byReason.put(r.getAs("reason"), r.getAs("position"));
      assertThat(r.<String>getAs("input_file")).endsWith("articles.jsonl");
    }
    Set<String> reasons = new HashSet<>();
    expected.get("rejects").forEach(n -> reasons.add(n.asText()));
    assertThat(byReason.keySet()).containsExactlyInAnyOrderElementsOf(reasons);
    assertThat(rejects).hasSize(expected.get("rejects").size());
    assertThat(byReason.values()).allMatch(p -> p.matches("\\d+") && Long.parseLong(p) > 0);
  }

  @Test
  void everyValidRecordArrives() {
    Set<String> ids = new HashSet<>();
    for (Row a : articles) {
      ids.add(sampleId(a));
    }
    List<String> want = new ArrayList<>();
    expected.get("accepted").forEach(n -> want.add(n.asText()));
    expected.get("text_files").forEach(n -> want.add(n.asText()));
    assertThat(ids).containsExactlyInAnyOrderElementsOf(want);
    assertThat(articles).hasSize(want.size());
    assertThat(articles).allSatisfy(a -> {
      assertThat(a.<String>getAs("article_id")).matches("[0-9a-f]{32}");
      assertThat(a.<String>getAs("text")).isNotBlank().doesNotContain("loading...");
      assertThat(a.<String>getAs("lang")).isIn("id", "en");
    });
  }

  @Test
  void languagesAreIdentified() {
    for (Row a : articles) {
      String id = sampleId(a);
      if (List.of("s07", "s08", "s09", "s18", "s19", "s25").contains(id)) {
        assertThat(a.<String>getAs("lang")).as(id).isEqualTo("en");
      } else if (id.startsWith("s")) {
        assertThat(a.<String>getAs("lang")).as(id).isEqualTo("id");
      }
    }
  }

  // ---- dedup ----

  @Test
  void exactCopiesShareOneClusterWithOneCanonical() {
    for (JsonNode group : expected.get("exact_groups")) {
      List<Row> members = members(group);
      assertThat(members).extracting(a -> a.<String>getAs("cluster_id")).containsOnly(
          members.get(0).<String>getAs("cluster_id"));
      assertThat(members).filteredOn(a -> a.<Boolean>getAs("is_canonical")).hasSize(1);
      assertThat(members).filteredOn(a -> !a.<Boolean>getAs("is_canonical"))
          .extracting(a -> a.<String>getAs("dup_type")).containsOnly("exact");
    }
  }

  @Test
  void nearCopiesAreMergedAcrossOutletsAndFormats() {
    List<JsonNode> clusters = new ArrayList<>();
    expected.get("near_clusters").forEach(clusters::add);
    expected.get("near_clusters_with_more").forEach(clusters::add);
    for (JsonNode group : clusters) {
      List<Row> members = members(group);
      assertThat(members).as(group.toString()).hasSize(group.size());
      assertThat(members).as(group.toString()).extracting(a -> a.<String>getAs("cluster_id"))
          .containsOnly(members.get(0).<String>getAs("cluster_id"));
      assertThat(members).filteredOn(a -> a.<Boolean>getAs("is_canonical")).hasSize(1);
    }
  }

  @Test
  void theExpectedCopyIsCanonical() {
    Map<String, Row> byId = bySampleId();
    expected.get("canonical").fields().forEachRemaining(e -> {
      Row copy = byId.get(e.getKey());
      Row canonical = byId.get(e.getValue().asText());
      assertThat(canonical.<Boolean>getAs("is_canonical")).as(e.getValue().asText()).isTrue();
      assertThat(copy.<Boolean>getAs("is_canonical")).as(e.getKey()).isFalse();
      assertThat(copy.<String>getAs("cluster_id")).isEqualTo(canonical.getAs("cluster_id"));
    });
  }

  @Test
  void differentStoriesOnTheSameTopicAreNotMerged() {
    List<JsonNode> pairsNotToMerge = new ArrayList<>();
    expected.get("must_not_merge").forEach(pairsNotToMerge::add);
    expected.get("must_not_merge_with_more").forEach(pairsNotToMerge::add);
    Map<String, Row> byId = bySampleId();
    for (JsonNode p : pairsNotToMerge) {
      assertThat(byId.get(p.get(0).asText()).<String>getAs("cluster_id")).as(p.toString())
          .isNotEqualTo(byId.get(p.get(1).asText()).getAs("cluster_id"));
    }
    long canonicals = articles.stream().filter(a -> a.<Boolean>getAs("is_canonical")).count();
    // 17 distinct JSON stories + 4 text files of which one is a copy.
    assertThat(canonicals).isEqualTo(expected.get("distinct_stories").size() + 3);
  }

  @Test
  void duplicatesTableHasOneRowPerNonCanonicalArticle() {
    List<Row> dups = table("duplicates").collectAsList();
    long nonCanonical = articles.stream().filter(a -> !a.<Boolean>getAs("is_canonical")).count();
    assertThat(dups).hasSize((int) nonCanonical);
    assertThat(dups).allSatisfy(d -> {
      assertThat(d.<Double>getAs("similarity")).isBetween(0.7, 1.0);
      assertThat(d.<String>getAs("canonical_id")).isNotEqualTo(d.getAs("article_id"));
    });
  }

  // ---- entities ----

  @Test
  void everySpellingOfAnEntityLinksToOneId() {
    expected.get("entity_variants").fields().forEachRemaining(e -> {
      Set<String> ids = new HashSet<>();
      for (JsonNode variant : e.getValue()) {
        Set<String> found = idsOfSurface(variant.asText());
        assertThat(found).as("mentions of '%s'", variant.asText()).isNotEmpty();
        ids.addAll(found);
      }
      assertThat(ids).as("entity ids of %s", e.getKey()).hasSize(1);
    });
  }

  @Test
  void mentionOffsetsPointAtTheSurfaceInTheCleanText() {
    Map<String, String> texts = new HashMap<>();
    articles.forEach(a -> texts.put(a.getAs("article_id"), a.getAs("text")));
    assertThat(mentions).isNotEmpty().allSatisfy(m -> assertThat(
        texts.get(m.<String>getAs("article_id"))
            .substring(m.<Integer>getAs("char_start"), m.<Integer>getAs("char_end")))
        .isEqualTo(m.getAs("surface")));
  }

  @Test
  void entitiesCarryTheirSourceAndTheSpellingsSeen() {
    assertThat(mentions).allSatisfy(m -> assertThat(m.<String>getAs("source"))
        .isIn("gazetteer", "model"));
    assertThat(mentions).filteredOn(m -> "model".equals(m.getAs("source")))
        .allSatisfy(m -> assertThat(m.<String>getAs("entity_id")).startsWith("kl:"));
    Map<String, Set<String>> surfaces = new HashMap<>();
    mentions.forEach(m -> surfaces.computeIfAbsent(m.getAs("entity_id"), k -> new HashSet<>())
        .add(m.getAs("surface")));
    List<Row> entities = table("entities").collectAsList();
    assertThat(entities).hasSize(surfaces.size());
    for (Row e : entities) {
      assertThat(new HashSet<>(e.<String>getList(e.fieldIndex("aliases"))))
          .as("aliases of %s", e.<String>getAs("entity_id"))
          .isEqualTo(surfaces.get(e.<String>getAs("entity_id")));
    }
    String lavrov = entityId("Sergei Lavrov");
    assertThat(entities).filteredOn(e -> lavrov.equals(e.getAs("entity_id"))).singleElement()
        .satisfies(e -> {
          assertThat(e.<String>getAs("source")).isEqualTo("gazetteer");
          assertThat(e.<String>getList(e.fieldIndex("aliases"))).contains("Sergei Lavrov", "Sergey Lavrov");
        });
  }

  @Test
  void lowerCaseEnglishUsAndAsAreNotTheUnitedStates() {
    assertThat(mentions).noneMatch(m -> List.of("us", "as", "As", "Us")
        .contains(m.<String>getAs("surface")));
  }

  // ---- co-occurrence ----

  @Test
  void expectedPairsAreFoundAtLeastOncePerStory() {
    for (JsonNode p : expected.get("pairs_expected")) {
      String a = entityId(p.get(0).asText());
      String b = entityId(p.get(1).asText());
      JsonNode stories = expected.get("pair_stories").get(p.get(0).asText() + " + " + p.get(1).asText());
      Row row = pair(a, b);
      assertThat(row).as("pair %s", p).isNotNull();
      if (stories != null) {
        assertThat(row.<Long>getAs("n_ab")).as("n_ab of %s", p)
            .isGreaterThanOrEqualTo(stories.get("stories").size());
      }
    }
    for (JsonNode p : expected.get("pairs_absent")) {
      assertThat(pair(entityId(p.get(0).asText()), entityId(p.get(1).asText())))
          .as("pair %s", p).isNull();
    }
  }

  @Test
  void pairCountsReconcileWithMentionsOfCanonicalArticles() {
    Set<String> canonical = new HashSet<>();
    articles.stream().filter(a -> a.<Boolean>getAs("is_canonical"))
        .forEach(a -> canonical.add(a.getAs("article_id")));
    Map<String, Set<String>> docsOf = new HashMap<>();
    for (Row m : mentions) {
      if (canonical.contains(m.<String>getAs("article_id"))) {
        docsOf.computeIfAbsent(m.getAs("entity_id"), k -> new HashSet<>()).add(m.getAs("article_id"));
      }
    }
    int expectedPairs = 0;
    List<String> ids = new ArrayList<>(docsOf.keySet());
    for (int i = 0; i < ids.size(); i++) {
      for (int j = i + 1; j < ids.size(); j++) {
        Set<String> both = new HashSet<>(docsOf.get(ids.get(i)));
        both.retainAll(docsOf.get(ids.get(j)));
        if (!both.isEmpty()) {
          expectedPairs++;
        }
      }
    }
    assertThat(pairs).hasSize(expectedPairs);
    for (Row r : pairs) {
      String a = r.getAs("entity_a");
      String b = r.getAs("entity_b");
      assertThat(a).isLessThan(b);
      Set<String> both = new HashSet<>(docsOf.get(a));
      both.retainAll(docsOf.get(b));
      assertThat(r.<Long>getAs("n_ab")).isEqualTo(both.size());
      assertThat(r.<Long>getAs("n_a")).isEqualTo(docsOf.get(a).size());
      assertThat(r.<Long>getAs("n_b")).isEqualTo(docsOf.get(b).size());
      assertThat(r.<Long>getAs("n")).isEqualTo(canonical.size());
    }
  }

  @Test
  void sentenceLevelCountsReconcileWithMentionsAndSentencesOfCanonicalArticles() {
    Set<String> canonical = new HashSet<>();
    long sentences = 0;
    for (Row a : articles) {
      if (a.<Boolean>getAs("is_canonical")) {
        canonical.add(a.getAs("article_id"));
        sentences += io.kliping.entities.SentenceSplitter.sentenceStarts(a.getAs("text")).length;
      }
    }
    Map<String, Set<String>> unitsOf = new HashMap<>();
    for (Row m : mentions) {
      if (canonical.contains(m.<String>getAs("article_id"))) {
        unitsOf.computeIfAbsent(m.getAs("entity_id"), k -> new HashSet<>())
            .add(m.getAs("article_id") + ":" + m.getAs("sentence_idx"));
      }
    }
    assertThat(sentencePairs).isNotEmpty();
    for (Row r : sentencePairs) {
      Set<String> both = new HashSet<>(unitsOf.get(r.<String>getAs("entity_a")));
      both.retainAll(unitsOf.get(r.<String>getAs("entity_b")));
      assertThat(r.<Long>getAs("n_ab")).isEqualTo(both.size());
      assertThat(r.<Long>getAs("n_a")).isEqualTo(unitsOf.get(r.<String>getAs("entity_a")).size());
      assertThat(r.<Long>getAs("n")).isEqualTo(sentences);
      assertThat(r.<String>getAs("counting")).isEqualTo("canonical");
    }
    // Two entities in one sentence are also in one document.
    for (Row r : sentencePairs) {
      assertThat(pair(r.getAs("entity_a"), r.getAs("entity_b"))).as(r.toString()).isNotNull();
    }
  }

  @Test
  void windowLevelCountsReconcileWithMentionsAndTokensOfCanonicalArticles() {
    int k = 10; // kliping.cooccurrence.window-tokens
    java.util.regex.Pattern token = java.util.regex.Pattern.compile("[\\p{L}\\p{Nd}]+");
    Map<String, List<Row>> mentionsOf = new HashMap<>();
    mentions.forEach(m -> mentionsOf.computeIfAbsent(m.getAs("article_id"), x -> new ArrayList<>())
        .add(m));
    long windows = 0;
    Map<String, Long> unitsOf = new HashMap<>();
    Map<String, Long> pairUnits = new HashMap<>();
    for (Row a : articles) {
      if (!a.<Boolean>getAs("is_canonical")) {
        continue;
      }
      List<Integer> starts = new ArrayList<>();
      java.util.regex.Matcher matcher = token.matcher(a.<String>getAs("text"));
      while (matcher.find()) {
        starts.add(matcher.start());
      }
      int w = Math.max(1, starts.size() - k + 1);
      windows += w;
      List<Row> ms = mentionsOf.getOrDefault(a.<String>getAs("article_id"), List.of());
      for (int i = 0; i < w; i++) {
        java.util.TreeSet<String> present = new java.util.TreeSet<>();
        for (Row m : ms) {
          int t = 0;
          while (t + 1 < starts.size() && starts.get(t + 1) <= m.<Integer>getAs("char_start")) {
            t++;
          }
          if (t >= i && t < i + k) {
            present.add(m.getAs("entity_id"));
          }
        }
        List<String> sorted = new ArrayList<>(present);
        for (int x = 0; x < sorted.size(); x++) {
          unitsOf.merge(sorted.get(x), 1L, Long::sum);
          for (int y = x + 1; y < sorted.size(); y++) {
            pairUnits.merge(sorted.get(x) + "|" + sorted.get(y), 1L, Long::sum);
          }
        }
      }
    }
    List<Row> windowPairs = table("cooccurrence").filter("level = 'window'").collectAsList();
    assertThat(windowPairs).hasSize(pairUnits.size()).isNotEmpty();
    for (Row r : windowPairs) {
      String a = r.getAs("entity_a");
      String b = r.getAs("entity_b");
      assertThat(r.<Long>getAs("n_ab")).as(a + "|" + b).isEqualTo(pairUnits.get(a + "|" + b));
      assertThat(r.<Long>getAs("n_a")).isEqualTo(unitsOf.get(a));
      assertThat(r.<Long>getAs("n_b")).isEqualTo(unitsOf.get(b));
      assertThat(r.<Long>getAs("n")).isEqualTo(windows);
    }
  }

  @Test
  void countsTableHoldsWhatEveryScoredRowIsComputedFrom() {
    Map<String, Long> counts = new HashMap<>();
    for (Row r : table("cooccurrence_counts").collectAsList()) {
      counts.put(r.getAs("level") + "|" + r.getAs("entity_a") + "|" + r.getAs("entity_b"),
          r.getAs("units"));
    }
    List<Row> scored = table("cooccurrence").collectAsList();
    assertThat(scored).isNotEmpty();
    for (Row r : scored) {
      String level = r.getAs("level");
      assertThat(counts.get(level + "|" + r.getAs("entity_a") + "|" + r.getAs("entity_b")))
          .isEqualTo(r.<Long>getAs("n_ab"));
      assertThat(counts.get(level + "|" + r.getAs("entity_a") + "|null"))
          .isEqualTo(r.<Long>getAs("n_a"));
      assertThat(counts.get(level + "|null|null")).isEqualTo(r.<Long>getAs("n"));
    }
  }

  @Test
  void aRollingWindowOverOneDayOfDataEqualsTheDay() {
    // Only D1 has counts, so each rolling window ending on D1 sums that one day.
    List<Row> rolling = table("cooccurrence_rolling").collectAsList();
    Map<String, Row> daily = new HashMap<>();
    table("cooccurrence").collectAsList().forEach(r -> daily.put(
        r.getAs("level") + "|" + r.getAs("entity_a") + "|" + r.getAs("entity_b"), r));
    assertThat(rolling).hasSize(2 * daily.size());
    for (Row r : rolling) {
      assertThat(r.<Integer>getAs("window_days")).isIn(7, 30);
      assertThat(r.<Integer>getAs("days_present")).isEqualTo(1);
      Row d = daily.get(r.getAs("level") + "|" + r.getAs("entity_a") + "|" + r.getAs("entity_b"));
      for (String c : List.of("n_ab", "n_a", "n_b", "n", "pmi", "npmi", "g2", "jaccard")) {
        assertThat(r.<Object>getAs(c)).as(c).isEqualTo(d.getAs(c));
      }
    }
  }

  @Test
  void topPartnersAreTheBestScoredPairsOfEachEntity() {
    List<Row> top = table("cooccurrence_top").filter("window_days = 1 AND level = 'document'")
        .collectAsList();
    assertThat(top).isNotEmpty();
    Map<String, List<Row>> byEntity = new HashMap<>();
    top.forEach(r -> byEntity.computeIfAbsent(r.getAs("entity_id"), x -> new ArrayList<>()).add(r));
    for (Map.Entry<String, List<Row>> e : byEntity.entrySet()) {
      List<Row> ranked = new ArrayList<>(e.getValue());
      ranked.sort(java.util.Comparator.comparingInt(r -> r.<Integer>getAs("rank")));
      assertThat(ranked.size()).isLessThanOrEqualTo(10);
      // Expected: this entity's document pairs with n_ab >= 3, best NPMI first.
      List<Double> expectedScores = pairs.stream()
          .filter(p -> p.<Long>getAs("n_ab") >= 3
              && (p.getAs("entity_a").equals(e.getKey()) || p.getAs("entity_b").equals(e.getKey())))
          .map(p -> p.<Double>getAs("npmi")).sorted(java.util.Comparator.reverseOrder())
          .limit(10).toList();
      assertThat(ranked.stream().map(r -> r.<Double>getAs("score")).toList())
          .isEqualTo(expectedScores);
      assertThat(ranked.get(0).<Integer>getAs("rank")).isEqualTo(1);
      assertThat(ranked.get(0).<String>getAs("entity_name")).isNotBlank();
    }
  }

  // ---- batch semantics ----

  @Test
  void reRunningADateGivesByteIdenticalTablesWhateverTheShufflePartitioning() {
    assertThat(rerun).isEqualTo(firstRun);
    assertThat(firstRun).containsOnlyKeys("articles", "duplicates", "clusters", "dedup_index",
        "mentions", "entities", "cooccurrence", "cooccurrence_counts", "cooccurrence_rolling",
        "cooccurrence_top", "rejects");
  }

  @Test
  void everyFileHoldsItsRowsInTheOrderOfItsTablesSortKey() throws IOException {
    int checked = 0;
    for (TableSpec spec : Tables.ALL) {
      Path partition = warehouse.resolve(spec.name()).resolve("dt=" + D1);
      List<Path> files;
      try (Stream<Path> s = Files.list(partition)) {
        files = s.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList();
      }
      for (Path file : files) {
        // One small file is one split, read in its order; Spark's sort is the reference.
        Dataset<Row> rows = spark.read().parquet(file.toString());
        Column[] key = spec.sortKey().stream().map(functions::col).toArray(Column[]::new);
        assertThat(rows.collectAsList()).as(file.toString())
            .containsExactlyElementsOf(rows.orderBy(key).collectAsList());
        checked++;
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(8);
    assertThat(table("cooccurrence_counts").select("entity_a").distinct().count())
        .isGreaterThan(20);
  }

  @Test
  void reRunningADateLeavesOtherDatesUntouched() {
    assertThat(otherDateBefore).containsOnlyKeys("articles", "rejects");
    assertThat(otherDateAfter).isEqualTo(otherDateBefore);
  }

  // ---- a notebook's view ----

  @Test
  void duckDbReadsTheTablesWithTheirPartitionColumn() throws Exception {
    Class.forName("org.duckdb.DuckDBDriver");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
         Statement s = c.createStatement()) {
      String w = warehouse.toString().replace("'", "''");
      try (ResultSet rs = s.executeQuery("SELECT dt, count(*), count(DISTINCT cluster_id), "
          + "sum(CASE WHEN is_canonical THEN 1 ELSE 0 END), min(published_at) "
          + "FROM read_parquet('" + w + "/articles/*/*.parquet', hive_partitioning = true) "
          + "GROUP BY dt ORDER BY dt")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo(D1);
        assertThat(rs.getLong(2)).isEqualTo(articles.size());
        long canonicals = articles.stream().filter(a -> a.<Boolean>getAs("is_canonical")).count();
        assertThat(rs.getLong(3)).isEqualTo(canonicals);
        assertThat(rs.getLong(4)).isEqualTo(canonicals);
        assertThat(rs.getTimestamp(5)).isNotNull();
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo(D2);
      }
      try (ResultSet rs = s.executeQuery("SELECT a.name, b.name, c.n_ab, c.npmi "
          + "FROM read_parquet('" + w + "/cooccurrence/*/*.parquet', hive_partitioning = true) c "
          + "JOIN read_parquet('" + w + "/entities/*/*.parquet', hive_partitioning = true) a "
          + "  ON a.entity_id = c.entity_a AND a.dt = c.dt "
          + "JOIN read_parquet('" + w + "/entities/*/*.parquet', hive_partitioning = true) b "
          + "  ON b.entity_id = c.entity_b AND b.dt = c.dt "
          + "WHERE c.dt = '" + D1 + "' ORDER BY c.n_ab DESC, a.name, b.name LIMIT 5")) {
        int rows = 0;
        while (rs.next()) {
          rows++;
          assertThat(rs.getString(1)).isNotBlank();
          assertThat(rs.getLong(3)).isPositive();
          assertThat(rs.getDouble(4)).isBetween(-1.0, 1.0);
        }
        assertThat(rows).isEqualTo(5);
      }
    }
  }

  // ---- helpers ----

  /** The sample's id of an article: its JSON id, or "more/<file>" for a text file. */
  private static String sampleId(Row a) {
    String sourceId = a.getAs("source_id");
    int more = sourceId.lastIndexOf("/more/");
    return more >= 0 ? sourceId.substring(more + 1) : sourceId;
  }

  private static Map<String, Row> bySampleId() {
    Map<String, Row> out = new HashMap<>();
    articles.forEach(a -> out.put(sampleId(a), a));
    return out;
  }

  private static List<Row> members(JsonNode ids) {
    Map<String, Row> byId = bySampleId();
    List<Row> out = new ArrayList<>();
    ids.forEach(id -> {
      assertThat(byId).containsKey(id.asText());
      out.add(byId.get(id.asText()));
    });
    return out;
  }

  private static Set<String> idsOfSurface(String surface) {
    Set<String> ids = new HashSet<>();
    mentions.stream().filter(m -> surface.equals(m.getAs("surface")))
        .forEach(m -> ids.add(m.getAs("entity_id")));
    return ids;
  }

  private static String entityId(String surface) {
    Set<String> ids = idsOfSurface(surface);
    assertThat(ids).as("entity of '%s'", surface).hasSize(1);
    return ids.iterator().next();
  }

  private static Row pair(String a, String b) {
    String lo = a.compareTo(b) < 0 ? a : b;
    String hi = a.compareTo(b) < 0 ? b : a;
    return pairs.stream().filter(r -> lo.equals(r.getAs("entity_a")) && hi.equals(r.getAs("entity_b")))
        .findFirst().orElse(null);
  }

  /** SHA-256 of every Parquet part file of each table's partition for the date. */
  private static Map<String, List<String>> hashes(String dt) throws IOException {
    Map<String, List<String>> out = new TreeMap<>();
    try (Stream<Path> tables = Files.list(warehouse)) {
      for (Path table : tables.sorted().toList()) {
        if (table.getFileName().toString().startsWith("_")) {
          continue; // _runs: run records, not a table
        }
        Path partition = table.resolve("dt=" + dt);
        if (!Files.isDirectory(partition) || table.getFileName().toString().startsWith("_")) {
          // not a table: e.g. _runs (run report, timings)
          continue;
        }
        List<String> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(partition)) {
          for (Path p : s.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
            files.add(sha256(Files.readAllBytes(p)));
          }
        }
        out.put(table.getFileName().toString(), files);
      }
    }
    return out;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
