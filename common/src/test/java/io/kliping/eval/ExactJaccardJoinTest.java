package io.kliping.eval;

import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kliping.dedup.ContentNormalizer;
import io.kliping.dedup.DedupSettings;
import io.kliping.dedup.ShingleBuffer;
import io.kliping.dedup.Shingler;
import io.kliping.eval.ExactJaccardJoin.Pair;
import io.kliping.testing.SparkTestBase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class ExactJaccardJoinTest extends SparkTestBase {
  private static final DedupSettings SETTINGS = DedupSettings.defaults();
  private static final double[] THRESHOLDS = {0.3, 0.5, 0.8};

  @Test
  void sparkJoinEqualsBruteForceOnRandomCorporaAtEveryThreshold() {
    int[] pairsFound = new int[THRESHOLDS.length];
    for (int corpus = 0; corpus < 30; corpus++) {
      Map<String, String> docs = RandomCorpus.generate(1000 + corpus);
      Map<String, long[]> sets = javaShingleSets(docs);
      Dataset<Row> sparkSets =
          ExactJaccardJoin.shingleSets(frame(docs).repartition(1 + corpus % 4), SETTINGS)
              .localCheckpoint(true);
      assertThat(collectSets(sparkSets)).as("shingle sets of corpus %d", corpus)
          .isEqualTo(asLists(sets));
      Dataset<Row> all = null;
      for (double t : THRESHOLDS) {
        Dataset<Row> pairs = ExactJaccardJoin.pairs(sparkSets, t).withColumn("t", lit(t));
        all = all == null ? pairs : all.unionByName(pairs);
      }
      Map<Double, List<Pair>> byThreshold = new HashMap<>();
      for (Row r : all.collectAsList()) {
        byThreshold.computeIfAbsent(r.getDouble(3), k -> new ArrayList<>())
            .add(new Pair(r.getString(0), r.getString(1), r.getDouble(2)));
      }
      for (int i = 0; i < THRESHOLDS.length; i++) {
        List<Pair> expected = ExactJaccardJoin.bruteForce(sets, THRESHOLDS[i]);
        List<Pair> actual = new ArrayList<>(byThreshold.getOrDefault(THRESHOLDS[i], List.of()));
        actual.sort(ExactJaccardJoin.pairOrder());
        assertThat(actual).as("corpus %d, threshold %s", corpus, THRESHOLDS[i])
            .containsExactlyElementsOf(expected);
        pairsFound[i] += expected.size();
      }
    }
    // Not vacuous: every threshold found pairs, and lower thresholds strictly more.
    assertThat(pairsFound[2]).isGreaterThan(20);
    assertThat(pairsFound[1]).isGreaterThan(pairsFound[2]);
    assertThat(pairsFound[0]).isGreaterThan(pairsFound[1]);
  }

  @Test
  void sampleJoinFindsTheBruteForcePairsWithAnEndInTheSample() {
    int kept = 0;
    int bothInSample = 0;
    int left = 0;
    for (int corpus = 0; corpus < 12; corpus++) {
      Map<String, String> docs = RandomCorpus.generate(2000 + corpus);
      Map<String, long[]> sets = javaShingleSets(docs);
      List<String> ids = new ArrayList<>(docs.keySet());
      Set<String> sample = new HashSet<>();
      for (int i = corpus % 3; i < ids.size(); i += 3) {
        sample.add(ids.get(i));
      }
      List<Pair> all = ExactJaccardJoin.bruteForce(sets, 0.5);
      List<Pair> expected = all.stream()
          .filter(p -> sample.contains(p.idA()) || sample.contains(p.idB())).toList();
      Dataset<Row> sampleFrame = frame(sample.stream()
          .collect(Collectors.toMap(id -> id, id -> ""))).select("id");
      List<Pair> actual = new ArrayList<>();
      Dataset<Row> sparkSets =
          ExactJaccardJoin.shingleSets(frame(docs).repartition(1 + corpus % 3), SETTINGS);
      for (Row r : ExactJaccardJoin.pairsWithSample(sparkSets, sampleFrame, 0.5).collectAsList()) {
        actual.add(new Pair(r.getString(0), r.getString(1), r.getDouble(2)));
      }
      actual.sort(ExactJaccardJoin.pairOrder());
      assertThat(actual).as("corpus %d", corpus).containsExactlyElementsOf(expected);
      kept += expected.size();
      left += all.size() - expected.size();
      bothInSample += (int) expected.stream()
          .filter(p -> sample.contains(p.idA()) && sample.contains(p.idB())).count();
    }
    // Not vacuous: pairs were kept, some with both ends in the sample (found twice, kept once),
    // and some left out.
    assertThat(kept).isGreaterThan(20);
    assertThat(bothInSample).isPositive();
    assertThat(left).isPositive();
  }

  @Test
  void resultDoesNotDependOnPartitioning() {
    Map<String, String> docs = new HashMap<>();
    for (int corpus = 0; corpus < 3; corpus++) {
      String prefix = corpus + "/";
      RandomCorpus.generate(7 + corpus).forEach((id, text) -> docs.put(prefix + id, text));
    }
    List<Pair> expected = ExactJaccardJoin.bruteForce(javaShingleSets(docs), 0.5);
    assertThat(expected).isNotEmpty();
    String shufflePartitions = spark.conf().get("spark.sql.shuffle.partitions");
    try {
      for (int partitions : new int[] {1, 3, 11}) {
        spark.conf().set("spark.sql.shuffle.partitions", Integer.toString(partitions));
        Dataset<Row> sets =
            ExactJaccardJoin.shingleSets(frame(docs).repartition(partitions), SETTINGS);
        List<Pair> actual = new ArrayList<>();
        for (Row r : ExactJaccardJoin.pairs(sets, 0.5).collectAsList()) {
          actual.add(new Pair(r.getString(0), r.getString(1), r.getDouble(2)));
        }
        actual.sort(ExactJaccardJoin.pairOrder());
        assertThat(actual).as("%d partitions", partitions).containsExactlyElementsOf(expected);
      }
    } finally {
      spark.conf().set("spark.sql.shuffle.partitions", shufflePartitions);
    }
  }

  @Test
  void bruteForceOnAHandExample() {
    Map<String, long[]> sets = new HashMap<>();
    sets.put("b", new long[] {4, 3, 2, 1, 1});
    sets.put("a", new long[] {2, 3, 4, 5});
    sets.put("c", new long[] {9});
    sets.put("d", new long[] {});
    sets.put("e", new long[] {});
    assertThat(ExactJaccardJoin.bruteForce(sets, 0.6)).containsExactly(new Pair("a", "b", 0.6));
    assertThat(ExactJaccardJoin.bruteForce(sets, 0.61)).isEmpty();
    assertThat(ExactJaccardJoin.jaccard(new long[] {}, new long[] {})).isEqualTo(1.0);
    assertThat(ExactJaccardJoin.jaccard(new long[] {1}, new long[] {})).isEqualTo(0.0);
  }

  @Test
  void idsAreOrderedByCodePointAsSparkOrdersStrings() {
    String emoji = "\uD83D\uDE00";
    String ligature = "\uFB01";
    assertThat(emoji.compareTo(ligature)).isNegative(); // UTF-16 units
    assertThat(ExactJaccardJoin.compareCodePoints(emoji, ligature)).isPositive();
    Map<String, String> docs = Map.of(emoji, "satu dua tiga empat lima enam",
        ligature, "satu dua tiga empat lima enam");
    List<Row> rows =
        ExactJaccardJoin.pairs(ExactJaccardJoin.shingleSets(frame(docs), SETTINGS), 1.0)
            .collectAsList();
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).getString(0)).isEqualTo(ligature);
    assertThat(ExactJaccardJoin.bruteForce(javaShingleSets(docs), 1.0))
        .containsExactly(new Pair(ligature, emoji, 1.0));
  }

  @Test
  void thresholdOutsideTheUnitIntervalIsRejected() {
    Dataset<Row> sets = ExactJaccardJoin.shingleSets(frame(Map.of("a", "x y z")), SETTINGS);
    assertThatThrownBy(() -> ExactJaccardJoin.pairs(sets, 0.0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ExactJaccardJoin.pairs(sets, 1.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ExactJaccardJoin.pairsWithSample(sets, sets.select("id"), 0.0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Map<String, long[]> javaShingleSets(Map<String, String> docs) {
    Shingler shingler = Shingler.of(SETTINGS);
    ShingleBuffer buffer = new ShingleBuffer();
    Map<String, long[]> out = new HashMap<>();
    docs.forEach((id, text) -> {
      shingler.shingle(ContentNormalizer.normalize(text), buffer);
      out.put(id, buffer.toArray());
    });
    return out;
  }

  private static Map<String, List<Long>> asLists(Map<String, long[]> sets) {
    Map<String, List<Long>> out = new HashMap<>();
    sets.forEach((id, s) -> out.put(id, java.util.Arrays.stream(s).boxed().toList()));
    return out;
  }

  private static Map<String, List<Long>> collectSets(Dataset<Row> sets) {
    Map<String, List<Long>> out = new HashMap<>();
    for (Row r : sets.collectAsList()) {
      out.put(r.getString(0), r.getList(1));
    }
    return out;
  }

  private static Dataset<Row> frame(Map<String, String> docs) {
    List<Row> rows = new ArrayList<>();
    docs.forEach((id, text) -> rows.add(RowFactory.create(id, text)));
    StructType schema = new StructType()
        .add("id", DataTypes.StringType, false)
        .add("text", DataTypes.StringType, true);
    return spark.createDataFrame(rows, schema);
  }
}
