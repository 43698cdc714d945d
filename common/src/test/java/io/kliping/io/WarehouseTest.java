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
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
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
