package io.kliping.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kliping.schema.Tables;
import io.kliping.testing.SparkTestBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.execution.QueryExecution;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.util.QueryExecutionListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarehouseTest extends SparkTestBase {
  private static final LocalDate D1 = LocalDate.of(2024, 10, 24);
  private static final LocalDate D2 = LocalDate.of(2024, 10, 25);

  @TempDir
  Path tmp;

  private Dataset<Row> rejects(int n, String reason) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(RowFactory.create("file-" + (i % 3), Integer.toString(i * 100), reason, "raw " + i));
    }
    return spark.createDataFrame(rows, Tables.REJECTS.schema());
  }

  @Test
  void overwritingADateReplacesExactlyThatDate() {
    Warehouse wh = new Warehouse(spark, tmp.toString(), 2);
    assertThat(wh.overwrite(Tables.REJECTS, D1, rejects(10, "a"))).isEqualTo(10);
    assertThat(wh.overwrite(Tables.REJECTS, D2, rejects(7, "b"))).isEqualTo(7);
    assertThat(wh.overwrite(Tables.REJECTS, D1, rejects(3, "c"))).isEqualTo(3);

    assertThat(wh.read(Tables.REJECTS, D1).select("reason").distinct().collectAsList())
        .extracting(r -> r.getString(0)).containsExactly("c");
    assertThat(wh.read(Tables.REJECTS, D2).count()).isEqualTo(7);
    Dataset<Row> all = spark.read().parquet(wh.tablePath(Tables.REJECTS).toString());
    assertThat(all.columns()).contains("dt");
    assertThat(all.count()).isEqualTo(10);
  }

  @Test
  void anEmptyResultStillReplacesTheDate() {
    Warehouse wh = new Warehouse(spark, tmp.toString(), 2);
    wh.overwrite(Tables.REJECTS, D1, rejects(5, "a"));
    assertThat(wh.overwrite(Tables.REJECTS, D1, rejects(0, "a"))).isZero();
    assertThat(wh.hasPartition(Tables.REJECTS, D1)).isTrue();
    assertThat(wh.read(Tables.REJECTS, D1).count()).isZero();
  }

  @Test
  void noStagingFoldersAreLeftBehind() throws IOException {
    Warehouse wh = new Warehouse(spark, tmp.toString(), 2);
    wh.overwrite(Tables.REJECTS, D1, rejects(5, "a"));
    try (Stream<Path> s = Files.list(tmp.resolve("rejects"))) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("dt=" + D1);
    }
  }

  @Test
  void equalRowsGiveByteIdenticalFilesWhateverTheInputPartitioning() throws IOException {
    Warehouse a = new Warehouse(spark, tmp.resolve("a").toString(), 3);
    Warehouse b = new Warehouse(spark, tmp.resolve("b").toString(), 3);
    a.overwrite(Tables.REJECTS, D1, rejects(200, "x").repartition(1));
    b.overwrite(Tables.REJECTS, D1, rejects(200, "x").repartition(7).sort("raw"));
    assertThat(partFiles(tmp.resolve("a/rejects/dt=" + D1)))
        .isEqualTo(partFiles(tmp.resolve("b/rejects/dt=" + D1)));
  }

  @Test
  void columnsComputedAfterTheSortGiveTheSameFilesAndStayOutOfTheShuffle() throws Exception {
    Warehouse a = new Warehouse(spark, tmp.resolve("a").toString(), 3);
    Warehouse b = new Warehouse(spark, tmp.resolve("b").toString(), 3);
    Column raw = functions.concat(functions.lit("raw of "), functions.col("position"));
    List<String> writes = new ArrayList<>();
    QueryExecutionListener listener = new QueryExecutionListener() {
      @Override
      public void onSuccess(String funcName, QueryExecution qe, long durationNs) {
        String plan = qe.executedPlan().toString();
        if (plan.contains("InsertIntoHadoopFsRelationCommand")) {
          writes.add(plan);
        }
      }

      @Override
      public void onFailure(String funcName, QueryExecution qe, Exception exception) {}
    };
    spark.listenerManager().register(listener);
    try {
      a.publish(List.of(a.stage(Tables.REJECTS, D1, rejects(200, "x").drop("raw"),
          Optional.empty(), Map.of("raw", raw))));
      b.overwrite(Tables.REJECTS, D1, rejects(200, "x").withColumn("raw", raw));
      spark.sparkContext().listenerBus().waitUntilEmpty();
    } finally {
      spark.listenerManager().unregister(listener);
    }

    assertThat(partFiles(tmp.resolve("a/rejects/dt=" + D1)))
        .isEqualTo(partFiles(tmp.resolve("b/rejects/dt=" + D1)));
    assertThat(a.read(Tables.REJECTS, D1).where("raw = 'raw of 300'").count()).isEqualTo(1);
    assertThat(writes).hasSize(2);
    // Computed above the sort, nothing from the exchange down knows the column; computed
    // before, it goes through the shuffle.
    assertThat(belowTheExchange(writes.get(0))).doesNotContainPattern("raw#\\d+");
    assertThat(belowTheExchange(writes.get(1))).containsPattern("raw#\\d+");
  }

  private static String belowTheExchange(String plan) {
    String finalPlan = plan.split("== Initial Plan ==")[0];
    assertThat(finalPlan).contains("Exchange hashpartitioning");
    return finalPlan.substring(finalPlan.indexOf("Exchange hashpartitioning"));
  }

  @Test
  void aSortKeyColumnCannotBeComputedAfterTheSort() {
    Warehouse wh = new Warehouse(spark, tmp.toString(), 1);
    assertThatThrownBy(() -> wh.stage(Tables.REJECTS, D1, rejects(1, "a").drop("reason"),
        Optional.empty(), Map.of("reason", functions.lit("r"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'reason'").hasMessageContaining("sort key");
  }

  @Test
  void missingColumnsAreRejected() {
    Warehouse wh = new Warehouse(spark, tmp.toString(), 1);
    assertThatThrownBy(() -> wh.overwrite(Tables.REJECTS, D1, rejects(1, "a").drop("raw")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'raw'");
  }

  @Test
  void readingAMissingDateSaysWhichStageToRun() {
    Warehouse wh = new Warehouse(spark, tmp.toString(), 1);
    assertThatThrownBy(() -> wh.read(Tables.ARTICLES, D1))
        .isInstanceOf(InputException.class).hasMessageContaining("articles")
        .hasMessageContaining("dt=" + D1);
  }

  /**
   * Articles with ids in descending order, so a writer that does not sort leaves them so; every
   * column nullable, as the warehouse reads them.
   */
  private Dataset<Row> articles(int n) {
    List<Row> rows = new ArrayList<>();
    for (int i = n; i > 0; i--) {
      String id = String.format("%08x", i * 2654435761L & 0xffffffffL);
      rows.add(RowFactory.create(id, "s" + (i % 7), "src" + (i % 7), "https://x/" + i,
          "title " + i, null, "id", "text of article " + i + " ".repeat(i % 50) + "end",
          "raw " + i, null, null, null));
    }
    return spark.createDataFrame(rows, Warehouse.nullable(Tables.ARTICLES.schema()));
  }

  /** Each partition's rows, in order. */
  private static List<List<Row>> partitions(Dataset<Row> rows) {
    return rows.javaRDD().glom().collect();
  }

  @Test
  void readByFileGivesEachFileWholeAndInOrderAsItsPartition() {
    Warehouse wh = new Warehouse(spark, tmp.toString(), 3, 2048); // many row groups per file
    String maxPartition = spark.conf().get("spark.sql.files.maxPartitionBytes");
    try {
      wh.overwrite(Tables.ARTICLES, D1, articles(600));
      spark.conf().set("spark.sql.files.maxPartitionBytes", "4096"); // many splits per file
      Dataset<Row> plain = wh.read(Tables.ARTICLES, D1);
      assertThat(plain.rdd().getNumPartitions()).isGreaterThan(6);

      List<List<Row>> byFile = partitions(wh.readByFile(Tables.ARTICLES, D1).orElseThrow());
      assertThat(byFile).hasSize(3);
      for (int k = 0; k < 3; k++) {
        List<Row> file = spark.read().parquet(partFile(tmp.resolve("articles/dt=" + D1), k))
            .coalesce(1).collectAsList();
        assertThat(byFile.get(k)).hasSizeGreaterThan(100).isEqualTo(file);
        List<String> ids = byFile.get(k).stream().map(r -> r.getString(0)).toList();
        assertThat(ids).isSorted();
        int bucket = k;
        assertThat(spark.createDataset(ids, org.apache.spark.sql.Encoders.STRING())
            .select(functions.pmod(functions.hash(functions.col("value")), functions.lit(3)))
            .collectAsList()).allMatch(r -> r.getInt(0) == bucket);
      }
    } finally {
      spark.conf().set("spark.sql.files.maxPartitionBytes", maxPartition);
    }
  }

  @Test
  void rowsChangedInPlaceAreWrittenToTheFilesStageWrites() throws IOException {
    Warehouse a = new Warehouse(spark, tmp.resolve("a").toString(), 3);
    Warehouse b = new Warehouse(spark, tmp.resolve("b").toString(), 3);
    a.overwrite(Tables.ARTICLES, D1, articles(300));
    Dataset<Row> changed = a.readByFile(Tables.ARTICLES, D1).orElseThrow()
        .withColumn("dup_type", functions.upper(functions.col("source_id")));
    a.publish(List.of(a.stageInPlace(Tables.ARTICLES, D1, changed)));
    b.overwrite(Tables.ARTICLES, D1, articles(300)
        .withColumn("dup_type", functions.upper(functions.col("source_id"))));
    assertThat(a.read(Tables.ARTICLES, D1).where("dup_type = 'S3'").count()).isPositive();
    assertThat(partFiles(tmp.resolve("a/articles/dt=" + D1)))
        .isEqualTo(partFiles(tmp.resolve("b/articles/dt=" + D1)));
  }

  @Test
  void stagingInPlaceRefusesAnotherNumberOfPartitions() {
    Warehouse wh = new Warehouse(spark, tmp.toString(), 3);
    assertThatThrownBy(() -> wh.stageInPlace(Tables.ARTICLES, D1, articles(10).repartition(2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 partitions, not the 3 files per partition");
  }

  @Test
  void aFolderNotLaidOutForThisWarehouseIsNotReadByFile() throws IOException {
    new Warehouse(spark, tmp.toString(), 2).overwrite(Tables.ARTICLES, D1, articles(200));
    // Names 0 and 1: too many for one file, and rows hashed into 2, not 3.
    assertThat(new Warehouse(spark, tmp.toString(), 1).readByFile(Tables.ARTICLES, D1)).isEmpty();
    assertThat(new Warehouse(spark, tmp.toString(), 3).readByFile(Tables.ARTICLES, D1)).isEmpty();
    assertThat(new Warehouse(spark, tmp.toString(), 2).readByFile(Tables.ARTICLES, D1))
        .isPresent();

    // Hashed as the warehouse does, but not sorted.
    Path unsorted = tmp.resolve("articles/dt=" + D2);
    articles(200).repartition(2, functions.col("article_id")).write()
        .parquet(unsorted.toString());
    assertThat(new Warehouse(spark, tmp.toString(), 2).readByFile(Tables.ARTICLES, D2)).isEmpty();

    // Laid out by the warehouse, but with one id twice.
    LocalDate d3 = D2.plusDays(1);
    new Warehouse(spark, tmp.toString(), 2).overwrite(Tables.ARTICLES, d3,
        articles(50).union(articles(1)));
    assertThat(new Warehouse(spark, tmp.toString(), 2).readByFile(Tables.ARTICLES, d3)).isEmpty();

    // Sorted, but a file named by another writer.
    Path folder = tmp.resolve("articles/dt=" + D1);
    Files.move(Path.of(partFile(folder, 1)), folder.resolve("other.parquet"));
    assertThat(new Warehouse(spark, tmp.toString(), 2).readByFile(Tables.ARTICLES, D1)).isEmpty();
  }

  /** Row groups of each data file in a partition folder, by file name. */
  private static List<Integer> rowGroups(Path folder) throws IOException {
    org.apache.hadoop.conf.Configuration conf = new org.apache.hadoop.conf.Configuration();
    List<Integer> groups = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> s = Files.list(folder)) {
      files = s.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList();
    }
    for (Path file : files) {
      try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(
          new org.apache.hadoop.fs.Path(file.toUri()), conf))) {
        groups.add(reader.getFooter().getBlocks().size());
      }
    }
    return groups;
  }

  @Test
  void articlesHaveRowGroupsOfTheConfiguredSizeAndTheSameRows() throws IOException {
    Warehouse small = new Warehouse(spark, tmp.resolve("small").toString(), 2, 4096);
    Warehouse plain = new Warehouse(spark, tmp.resolve("plain").toString(), 2);
    small.overwrite(Tables.ARTICLES, D1, articles(2000));
    plain.overwrite(Tables.ARTICLES, D1, articles(2000));
    assertThat(rowGroups(tmp.resolve("small/articles/dt=" + D1))).hasSize(2)
        .allMatch(groups -> groups > 3);
    assertThat(rowGroups(tmp.resolve("plain/articles/dt=" + D1))).containsExactly(1, 1);
    assertThat(small.read(Tables.ARTICLES, D1).collectAsList())
        .containsExactlyInAnyOrderElementsOf(plain.read(Tables.ARTICLES, D1).collectAsList());
    assertThatThrownBy(() -> new Warehouse(spark, tmp.toString(), 2, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row group");
  }

  @Test
  void otherTablesKeepParquetsRowGroups() throws IOException {
    assertThat(Tables.ARTICLES.fineRowGroups()).isTrue();
    assertThat(Tables.REJECTS.fineRowGroups()).isFalse();
    new Warehouse(spark, tmp.toString(), 2, 4096).overwrite(Tables.REJECTS, D1,
        rejects(3000, "x".repeat(40)));
    assertThat(rowGroups(tmp.resolve("rejects/dt=" + D1))).containsExactly(1, 1);
  }

  /** The data file of write task {@code k} in a partition folder. */
  private static String partFile(Path dir, int k) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().startsWith(String.format("part-%05d-", k)))
          .findFirst().orElseThrow().toString();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** SHA-256 of each Parquet part file, in part-number order (names carry a random job id). */
  static List<String> partFiles(Path dir) throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.filter(p -> p.getFileName().toString().startsWith("part-"))
          .sorted().toList()) {
        out.add(sha256(Files.readAllBytes(p)));
      }
    }
    assertThat(out).isNotEmpty();
    return out;
  }

  private static String sha256(byte[] bytes) {
    try {
      return java.util.HexFormat.of().formatHex(
          java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
