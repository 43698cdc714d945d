package io.kliping.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.api.java.function.ReduceFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one partition folder file by file, for a rewrite that keeps {@link Warehouse#stage}'s
 * layout: there, file {@code k} (named {@code part-0000k-…} by its write task) holds the rows
 * whose sort key Spark's hash partitioning sends to {@code k} of the files per partition, sorted
 * by the key. Read into partition {@code k} each, the rows can be changed in place and written
 * back without a shuffle or a sort.
 *
 * <p>Nothing is assumed: the file names are checked, and the key of every row (only that column
 * is read) is checked to hash to its file's number and to come strictly after the row before it
 * (so keys are also unique). A folder
 * written with another number of files, or by another writer, is not read this way.
 */
final class FileLayout {
  private static final Logger LOG = LoggerFactory.getLogger(FileLayout.class);
  private static final Pattern TASK_FILE = Pattern.compile("part-(\\d+)-.*");
  private static final String EXPECTED = "_layout_file";
  private static final String BUCKET = "_layout_bucket";

  private FileLayout() {}

  /**
   * @param key the one string column the files are hash-partitioned and sorted by
   * @return {@code files} partitions, partition {@code k} file {@code k}'s rows in file order
   *     (empty for a number no file has); empty when the folder is not laid out so
   */
  static Optional<Dataset<Row>> read(SparkSession spark, Path folder, StructType schema,
      String key, int files) {
    if (!schema.apply(key).dataType().equals(DataTypes.StringType)) {
      throw new IllegalArgumentException("file layout: key '" + key + "' is not a string column");
    }
    Optional<TreeMap<Integer, Path>> numbered = numberedFiles(spark, folder, files);
    if (numbered.isEmpty()) {
      return Optional.empty();
    }
    long outOfPlace = byFile(spark, numbered.get(), schema, files, key).select(
            functions.col(EXPECTED),
            functions.pmod(functions.hash(functions.col(key)), functions.lit(files)).as(BUCKET),
            functions.col(key))
        .mapPartitions(new CountOutOfPlace(), Encoders.LONG())
        .reduce((ReduceFunction<Long>) Long::sum);
    if (outOfPlace > 0) {
      LOG.info("{}: {} rows not in their hash file or out of order for {} files; not read by file",
          folder, outOfPlace, files);
      return Optional.empty();
    }
    return Optional.of(byFile(spark, numbered.get(), schema, files, null));
  }

  /** The data files by task number, when every name has one, below {@code files}, used once. */
  private static Optional<TreeMap<Integer, Path>> numberedFiles(SparkSession spark, Path folder,
      int files) {
    TreeMap<Integer, Path> numbered = new TreeMap<>();
    try {
      FileSystem fs = folder.getFileSystem(spark.sparkContext().hadoopConfiguration());
      for (FileStatus f : fs.listStatus(folder)) {
        String name = f.getPath().getName();
        if (name.startsWith("_") || name.startsWith(".")) {
          continue;
        }
        Matcher m = TASK_FILE.matcher(name);
        int k = m.matches() && m.group(1).length() <= 9 ? Integer.parseInt(m.group(1)) : -1;
        if (!f.isFile() || k < 0 || k >= files || numbered.put(k, f.getPath()) != null) {
          LOG.info("{}: file {} is not one of {} task files; not read by file", folder, name, files);
          return Optional.empty();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder, e);
    }
    return Optional.of(numbered);
  }

  /**
   * One partition per file number in order, each file read whole (its splits in order) into its
   * partition, with the file's number as {@link #EXPECTED} when {@code key} is given (then only
   * the key is read).
   */
  private static Dataset<Row> byFile(SparkSession spark, TreeMap<Integer, Path> numbered,
      StructType schema, int files, String key) {
    StructType read = key == null ? schema : new StructType().add(schema.apply(key));
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<Dataset<Row>> parts = new ArrayList<>(files);
    for (int k = 0; k < files; k++) {
      Path file = numbered.get(k);
      Dataset<Row> part = file == null
          ? spark.createDataFrame(jsc.parallelize(List.<Row>of(), 1), read)
          : spark.read().schema(read).parquet(file.toString()).coalesce(1);
      parts.add(key == null ? part : part.withColumn(EXPECTED, functions.lit(k)));
    }
    Dataset<Row> all = parts.get(0);
    for (int k = 1; k < files; k++) {
      all = all.union(parts.get(k));
    }
    return all;
  }

  /**
   * Rows of one file whose key hashes elsewhere, is null, or does not come strictly after the row
   * before it (Spark's binary string order; an equal key is out of place too).
   */
  private static final class CountOutOfPlace implements MapPartitionsFunction<Row, Long> {
    @Override
    public Iterator<Long> call(Iterator<Row> rows) {
      long out = 0;
      UTF8String previous = null;
      while (rows.hasNext()) {
        Row r = rows.next();
        String k = r.getString(2);
        UTF8String current = k == null ? null : UTF8String.fromString(k);
        if (current == null || r.getInt(0) != r.getInt(1)
            || (previous != null && previous.binaryCompare(current) >= 0)) {
          out++;
        }
        previous = current;
      }
      return List.of(out).iterator();
    }
  }
}
