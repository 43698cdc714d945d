package io.kliping.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.hex;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.BinaryType;

/**
 * Content checksums of every table partition under a warehouse root, found generically (every
 * folder that is not hidden or {@code _runs}, every {@code dt=} folder in it), so comparisons
 * keep holding when tables are added. A partition's checksum is the SHA-256 of its rows' JSON
 * hashes in sorted order: independent of file layout and row order, sensitive to any value.
 */
final class TableChecksums {
  private TableChecksums() {}

  /** {@code table/dt=D} to checksum, for every partition under {@code root}. */
  static Map<String, String> of(SparkSession spark, String root) {
    Map<String, String> out = new TreeMap<>();
    Path rootPath = new Path(root);
    try {
      FileSystem fs = rootPath.getFileSystem(spark.sparkContext().hadoopConfiguration());
      for (FileStatus table : fs.listStatus(rootPath)) {
        String name = table.getPath().getName();
        if (!table.isDirectory() || name.startsWith("_") || name.startsWith(".")) {
          continue;
        }
        for (FileStatus part : fs.listStatus(table.getPath())) {
          if (part.isDirectory() && part.getPath().getName().startsWith("dt=")) {
            out.put(name + "/" + part.getPath().getName(), partition(spark, fs, part.getPath()));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static String partition(SparkSession spark, FileSystem fs, Path dir) throws IOException {
    boolean hasData = Arrays.stream(fs.listStatus(dir))
        .anyMatch(f -> f.getPath().getName().endsWith(".parquet"));
    if (!hasData) {
      return "no-files";
    }
    Dataset<Row> rows = spark.read().parquet(dir.toString());
    Column[] cols = Arrays.stream(rows.schema().fields())
        .map(f -> f.dataType() instanceof BinaryType ? hex(col(f.name())).as(f.name())
            : col(f.name()))
        .toArray(Column[]::new);
    List<String> hashes = rows.select(sha2(to_json(struct(cols)), 256)).as(
        org.apache.spark.sql.Encoders.STRING()).collectAsList();
    hashes = hashes.stream().sorted().toList();
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    for (String h : hashes) {
      md.update(h.getBytes(StandardCharsets.US_ASCII));
    }
    return hashes.size() + ":" + HexFormat.of().formatHex(md.digest());
  }
}
