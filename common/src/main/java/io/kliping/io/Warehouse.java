package io.kliping.io;

import io.kliping.schema.TableSpec;
import io.kliping.schema.Tables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The warehouse: one folder per table under a root (any Hadoop path), one {@code dt=yyyy-MM-dd}
 * folder per batch date. A date is replaced as a whole: the new partition is written to a hidden
 * staging folder first and swapped in by rename, so a re-run replaces exactly that date (even when
 * the new partition is empty), readers never see a half-written partition, and other dates are
 * never touched.
 *
 * <p>In batch mode ({@link #beginBatch}) publishing is deferred: staged partitions replace each
 * other and are read by later stages of the same run, and {@link #commitBatch} swaps them all in
 * at the end, so a run that dies before its commit leaves every table of the date as it was.
 * Publishing a date's partition first deletes the date's run manifest
 * ({@code _runs/dt=D/manifest.json}), so a date being rewritten never looks finished.
 */
public final class Warehouse {
  private static final String STAGING = ".staging";
  /** Parquet's writer setting for its row group size ({@code ParquetOutputFormat.BLOCK_SIZE}). */
  static final String PARQUET_BLOCK_SIZE = "parquet.block.size";
  /** Row group size of the tables written in small row groups when none is given: 16 MiB. */
  public static final long DEFAULT_FINE_ROW_GROUP_BYTES = 16L << 20;
  /** Folder of per-date run records (manifest, reports) under the root; not a table. */
  public static final String RUNS = "_runs";
  /** The file that marks a date as finished (written by the jobs' run manifest). */
  public static final String MANIFEST = "manifest.json";

  private final SparkSession spark;
  private final Path root;
  private final int filesPerPartition;
  private final long fineRowGroupBytes;
  /** Staged, not yet published partitions of the running batch, by table name and date. */
  private final Map<String, Staged> pending = new LinkedHashMap<>();
  private boolean batch;

  /** A warehouse with row groups of {@link #DEFAULT_FINE_ROW_GROUP_BYTES} where they are fine. */
  public Warehouse(SparkSession spark, String root, int filesPerPartition) {
    this(spark, root, filesPerPartition, DEFAULT_FINE_ROW_GROUP_BYTES);
  }

  /**
   * @param fineRowGroupBytes size (compressed, about) at which a row group of a table with
   *     {@link TableSpec#fineRowGroups()} is closed; a read task takes whole row groups, so
   *     smaller groups give its readers finer splits. Other tables get Parquet's own size.
   */
  public Warehouse(SparkSession spark, String root, int filesPerPartition,
      long fineRowGroupBytes) {
    if (fineRowGroupBytes <= 0) {
      throw new IllegalArgumentException("row group bytes must be positive: " + fineRowGroupBytes);
    }
    this.spark = spark;
    this.root = new Path(root);
    this.filesPerPartition = filesPerPartition;
    this.fineRowGroupBytes = fineRowGroupBytes;
  }

  /** Path of a table's folder. */
  public Path tablePath(TableSpec table) {
    return new Path(root, table.name());
  }

  /** Path of one date's partition of a table. */
  public Path partitionPath(TableSpec table, LocalDate dt) {
    return new Path(tablePath(table), Tables.PARTITION_COLUMN + "=" + dt);
  }

  /** The warehouse root. */
  public Path root() {
    return root;
  }

  /** The folder of the date's run records: {@code <root>/_runs/dt=D}. */
  public Path runPath(LocalDate dt) {
    return new Path(new Path(root, RUNS), Tables.PARTITION_COLUMN + "=" + dt);
  }

  /** True when the date's partition of the table exists (written by an earlier stage). */
  public boolean hasPartition(TableSpec table, LocalDate dt) {
    if (pending.containsKey(key(table, dt))) {
      return true;
    }
    Path p = partitionPath(table, dt);
    try {
      return fs(p).exists(p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot check " + p, e);
    }
  }

  /**
   * Reads one date of a table with its contract schema (without the {@code dt} column).
   *
   * @throws InputException when the partition does not exist (the stage that writes it has not
   *                         run for that date)
   */
  public Dataset<Row> read(TableSpec table, LocalDate dt) {
    return spark.read().schema(nullable(table.schema())).parquet(folderToRead(table, dt).toString());
  }

  /** The date's folder: its staged one in batch mode, else its published one. */
  private Path folderToRead(TableSpec table, LocalDate dt) {
    if (!hasPartition(table, dt)) {
      throw new InputException("table '" + table.name() + "' has no partition for dt=" + dt
          + " under " + root + ": run the stage that writes it first");
    }
    Staged staged = pending.get(key(table, dt));
    return staged != null ? staged.staging() : partitionPath(table, dt);
  }

  /**
   * Reads the dates {@code [fromInclusive, toExclusive)} of a table with its contract schema plus
   * the {@code dt} column (a date). Only the partitions of those dates are listed and read;
   * missing dates are skipped, and with none the result is empty, with the same schema.
   */
  public Dataset<Row> readRange(TableSpec table, LocalDate fromInclusive, LocalDate toExclusive) {
    StructType schema = nullable(table.schema())
        .add(Tables.PARTITION_COLUMN, DataTypes.DateType, true);
    // In batch mode a date's staged (pending) partition stands for its published one.
    List<Staged> staged = pending.values().stream()
        .filter(p -> p.table().name().equals(table.name())
            && !p.dt().isBefore(fromInclusive) && p.dt().isBefore(toExclusive))
        .toList();
    List<String> paths = partitionsBetween(table, fromInclusive, toExclusive).stream()
        .filter(path -> staged.stream().noneMatch(p -> path.endsWith("/"
            + Tables.PARTITION_COLUMN + "=" + p.dt())))
        .toList();
    Dataset<Row> rows = paths.isEmpty() ? spark.createDataFrame(List.of(), schema)
        : spark.read().schema(schema).option("basePath", tablePath(table).toString())
            .parquet(paths.toArray(String[]::new));
    for (Staged p : staged) {
      rows = rows.unionByName(readStaged(p));
    }
    return rows;
  }

  /** Dates of the table's existing partitions in {@code [fromInclusive, toExclusive)}, in order. */
  public List<LocalDate> datesBetween(TableSpec table, LocalDate fromInclusive,
      LocalDate toExclusive) {
    String prefix = Tables.PARTITION_COLUMN + "=";
    return partitionsBetween(table, fromInclusive, toExclusive).stream()
        .map(p -> LocalDate.parse(new Path(p).getName().substring(prefix.length())))
        .toList();
  }

  /**
   * Reads a staged, not yet published partition with its contract schema plus the {@code dt}
   * column, so a stage can combine what it is about to publish with earlier dates.
   */
  public Dataset<Row> readStaged(Staged staged) {
    return spark.read().schema(nullable(staged.table().schema())).parquet(staged.staging().toString())
        .withColumn(Tables.PARTITION_COLUMN, functions.lit(java.sql.Date.valueOf(staged.dt())));
  }

  /** Paths of the table's existing partitions with dates in the range, in date order. */
  private List<String> partitionsBetween(TableSpec table, LocalDate fromInclusive,
      LocalDate toExclusive) {
    Path dir = tablePath(table);
    String prefix = Tables.PARTITION_COLUMN + "=";
    List<String> paths = new ArrayList<>();
    try {
      FileSystem fs = fs(dir);
      if (!fs.exists(dir)) {
        return paths;
      }
      for (FileStatus status : fs.listStatus(dir)) {
        String name = status.getPath().getName();
        if (!status.isDirectory() || !name.startsWith(prefix)) {
          continue;
        }
        LocalDate dt;
        try {
          dt = LocalDate.parse(name.substring(prefix.length()));
        } catch (DateTimeParseException e) {
          continue; // not a partition of ours
        }
        if (!dt.isBefore(fromInclusive) && dt.isBefore(toExclusive)) {
          paths.add(status.getPath().toString());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    paths.sort(null);
    return paths;
  }

  /**
   * A partition written to its staging folder, not yet visible to readers, and its row count.
   * {@code refresh}: a partition of another date that a stage rewrites because it derives from
   * the run's date (e.g. a rolling window that includes it); publishing it does not un-mark that
   * date's run manifest, and it is not counted among the run's tables.
   */
  public record Staged(TableSpec table, LocalDate dt, Path staging, long rows, boolean refresh) {
    /** The same partition, marked as a refresh of another date. */
    public Staged asRefresh() {
      return new Staged(table, dt, staging, rows, true);
    }
  }

  /**
   * Replaces the date's partition of the table with {@code rows}: {@link #stage} then
   * {@link #publish}.
   *
   * @return the number of rows written
   */
  public long overwrite(TableSpec table, LocalDate dt, Dataset<Row> rows) {
    return publish(List.of(stage(table, dt, rows))).get(table.name());
  }

  /**
   * The number of files {@link #stage} writes per table partition; rows already hash-partitioned
   * by the table's sort key into this many partitions (and sorted by it) are written without
   * another shuffle or sort.
   */
  public int filesPerPartition() {
    return filesPerPartition;
  }

  /**
   * Writes the rows of one date of a table to a hidden staging folder. The rows must have the
   * table's columns (extra columns are dropped, types cast to the contract); they are spread
   * over a fixed number of files by a hash of the sort key and sorted inside each file, so equal
   * inputs give equal files whatever the upstream partitioning. A stage with several outputs
   * stages them all before publishing any, so every output is computed from the old inputs.
   */
  public Staged stage(TableSpec table, LocalDate dt, Dataset<Row> rows) {
    return stage(table, dt, rows, Optional.empty());
  }

  /**
   * {@link #stage}, with the rows sorted inside each file by {@code prefix} instead of by the
   * sort key's columns: the same order (the prefix covers the sort key, checked here) and the
   * same files, at the cost of a radix sort of one {@code long} per row.
   */
  public Staged stage(TableSpec table, LocalDate dt, Dataset<Row> rows,
      Optional<SortPrefix> prefix) {
    return stage(table, dt, rows, prefix, Map.of());
  }

  /**
   * {@link #stage(TableSpec, LocalDate, Dataset, Optional)}, with the columns of {@code
   * computedAfterSort} (by name: an expression over the row's other columns) computed as the
   * sorted rows are written: {@code rows} need not have them, and the shuffle and sort move
   * and hold the rows without them. The same files as staging the rows with those columns
   * computed first. Sort key columns cannot be among them.
   */
  public Staged stage(TableSpec table, LocalDate dt, Dataset<Row> rows,
      Optional<SortPrefix> prefix, Map<String, Column> computedAfterSort) {
    prefix.ifPresent(p -> {
      if (!p.columns().equals(table.sortKey())) {
        throw new IllegalArgumentException("sort prefix of table '" + table.name() + "' covers "
            + p.columns() + ", not its sort key " + table.sortKey());
      }
    });
    List<String> names = Arrays.asList(table.schema().fieldNames());
    for (String computed : computedAfterSort.keySet()) {
      if (!names.contains(computed) || table.sortKey().contains(computed)) {
        throw new IllegalArgumentException("column '" + computed + "' of table '" + table.name()
            + "' cannot be computed after the sort: not a column outside the sort key "
            + table.sortKey());
      }
    }
    StructField[] stored = Arrays.stream(table.schema().fields())
        .filter(f -> !computedAfterSort.containsKey(f.name())).toArray(StructField[]::new);
    Dataset<Row> shaped = TaskFaults.inject(spark, prefix.isEmpty()
        ? shape(table.name(), stored, rows)
        : shape(table.name(), stored, prefix.get().apply(rows), functions.col(SortPrefix.COLUMN)));
    Column[] key = table.sortKey().stream().map(functions::col).toArray(Column[]::new);
    // Spread by the key's hash either way, so a prefix changes how a file is sorted, not which
    // rows it holds.
    Dataset<Row> spread = shaped.repartition(filesPerPartition, key);
    spread = prefix.isEmpty() ? spread.sortWithinPartitions(key)
        : spread.sortWithinPartitions(SortPrefix.COLUMN).drop(SortPrefix.COLUMN);
    if (!computedAfterSort.isEmpty()) {
      Dataset<Row> sorted = spread;
      spread = sorted.select(Arrays.stream(table.schema().fields())
          .map(f -> computedAfterSort.containsKey(f.name())
              ? computedAfterSort.get(f.name()).cast(f.dataType()).as(f.name())
              : sorted.col(f.name()))
          .toArray(Column[]::new));
    }
    return write(table, dt, spread);
  }

  /**
   * Reads one date of a table file by file, as {@link #stage} laid it out: partition {@code k} of
   * the result holds file {@code k}'s rows (those whose sort key hashes to {@code k}), sorted by
   * the key, so rows changed in place can be written by {@link #stageInPlace} without a shuffle
   * or sort. Empty when the date's folder is not laid out so for this warehouse's files per
   * partition (written with another number, or by another writer); the key of every row is read
   * to check it. Only for tables sorted by one string column.
   *
   * @throws InputException when the partition does not exist
   */
  public Optional<Dataset<Row>> readByFile(TableSpec table, LocalDate dt) {
    if (table.sortKey().size() != 1) {
      throw new IllegalArgumentException("table '" + table.name() + "' is sorted by "
          + table.sortKey() + ", not one column: it cannot be read by file");
    }
    return FileLayout.read(spark, folderToRead(table, dt), nullable(table.schema()),
        table.sortKey().get(0), filesPerPartition);
  }

  /**
   * {@link #stage} for rows already laid out as it lays them out: {@link #filesPerPartition}
   * partitions, partition {@code k} holding the rows whose sort key hashes to {@code k}, sorted
   * by it ({@link #readByFile}'s rows, changed in place). Each partition is written as it is to
   * its file: the same files {@link #stage} would write, without its shuffle and sort.
   */
  public Staged stageInPlace(TableSpec table, LocalDate dt, Dataset<Row> rows) {
    int partitions = rows.rdd().getNumPartitions();
    if (partitions != filesPerPartition) {
      throw new IllegalArgumentException("rows for table '" + table.name() + "' in "
          + partitions + " partitions, not the " + filesPerPartition + " files per partition");
    }
    return write(table, dt, TaskFaults.inject(spark, shape(table, rows)));
  }

  private Staged write(TableSpec table, LocalDate dt, Dataset<Row> laidOut) {
    Path staging = new Path(new Path(tablePath(table), STAGING),
        Tables.PARTITION_COLUMN + "=" + dt + "-" + UUID.randomUUID());
    DataFrameWriter<Row> writer = laidOut.write()
        .mode(SaveMode.ErrorIfExists)
        .option("compression", "zstd");
    if (table.fineRowGroups()) {
      writer = writer.option(PARQUET_BLOCK_SIZE, fineRowGroupBytes);
    }
    writer.parquet(staging.toString());
    long written = spark.read().schema(nullable(table.schema())).parquet(staging.toString()).count();
    return new Staged(table, dt, staging, written, false);
  }

  /**
   * Swaps staged partitions in, replacing the old ones by rename (each swap atomic on HDFS and
   * local file systems). In batch mode the partitions are only recorded (replacing and deleting
   * an earlier staged version of the same partition) until {@link #commitBatch}.
   *
   * @return rows per published table name (refreshes of other dates left out)
   */
  public Map<String, Long> publish(List<Staged> staged) {
    Map<String, Long> counts = new LinkedHashMap<>();
    if (batch) {
      for (Staged s : staged) {
        Staged before = pending.put(key(s.table(), s.dt()), s);
        if (before != null) {
          delete(before.staging());
        }
        if (!s.refresh()) {
          counts.put(s.table().name(), s.rows());
        }
      }
      return counts;
    }
    for (Staged s : staged) {
      if (!s.refresh()) {
        invalidateRun(s.dt());
      }
    }
    for (Staged s : staged) {
      Path target = partitionPath(s.table(), s.dt());
      try {
        FileSystem fs = fs(target);
        if (fs.exists(target) && !fs.delete(target, true)) {
          throw new IOException("cannot delete old partition " + target);
        }
        if (!fs.rename(s.staging(), target)) {
          throw new IOException("cannot move " + s.staging() + " to " + target);
        }
        deleteIfEmpty(fs, s.staging().getParent()); // a concurrent run's staging stays
      } catch (IOException e) {
        throw new UncheckedIOException("cannot publish partition " + target, e);
      }
      if (!s.refresh()) {
        counts.put(s.table().name(), s.rows());
      }
    }
    return counts;
  }

  /**
   * Starts batch mode: from now on {@link #publish} defers, and staging folders that an earlier,
   * killed run left for {@code dt} are deleted.
   */
  public void beginBatch(LocalDate dt) {
    discardStaging(dt);
    batch = true;
  }

  /**
   * Ends batch mode by publishing every staged partition (the date's manifest is deleted first).
   *
   * @return rows per published table name, in staging order
   */
  public Map<String, Long> commitBatch() {
    batch = false;
    List<Staged> all = new ArrayList<>(pending.values());
    pending.clear();
    return publish(all);
  }

  /** Deletes the date's run manifest, if any: its tables are about to change. */
  public void invalidateRun(LocalDate dt) {
    delete(new Path(runPath(dt), MANIFEST));
  }

  /** Deletes the staging folders of {@code dt} under every table folder (left by a killed run). */
  private void discardStaging(LocalDate dt) {
    String prefix = Tables.PARTITION_COLUMN + "=" + dt + "-";
    try {
      FileSystem fs = fs(root);
      if (!fs.exists(root)) {
        return;
      }
      for (FileStatus table : fs.listStatus(root)) {
        Path staging = new Path(table.getPath(), STAGING);
        if (!table.isDirectory() || !fs.exists(staging)) {
          continue;
        }
        for (FileStatus s : fs.listStatus(staging)) {
          if (s.getPath().getName().startsWith(prefix)) {
            fs.delete(s.getPath(), true);
          }
        }
        deleteIfEmpty(fs, staging);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean staging folders under " + root, e);
    }
  }

  private void delete(Path p) {
    try {
      fs(p).delete(p, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + p, e);
    }
  }

  private static String key(TableSpec table, LocalDate dt) {
    return table.name() + "/" + dt;
  }

  /**
   * The rows with exactly the table's columns, in contract order and types, then {@code extra}
   * (a sort prefix).
   */
  static Dataset<Row> shape(TableSpec table, Dataset<Row> rows, Column... extra) {
    return shape(table.name(), table.schema().fields(), rows, extra);
  }

  private static Dataset<Row> shape(String table, StructField[] fields, Dataset<Row> rows,
      Column... extra) {
    for (StructField f : fields) {
      if (!Arrays.asList(rows.columns()).contains(f.name())) {
        throw new IllegalArgumentException("rows for table '" + table
            + "' lack column '" + f.name() + "'; have " + Arrays.toString(rows.columns()));
      }
    }
    return rows.select(Stream.concat(Arrays.stream(fields)
        .map(f -> rows.col(f.name()).cast(f.dataType()).as(f.name())), Arrays.stream(extra))
        .toArray(Column[]::new));
  }

  /**
   * The schema with every column nullable: Parquet readers treat columns as nullable anyway, and
   * the contract's non-null columns are enforced by the stages and checked by the tests.
   */
  static StructType nullable(StructType schema) {
    return new StructType(Arrays.stream(schema.fields())
        .map(f -> new StructField(f.name(), f.dataType(), true, f.metadata()))
        .toArray(StructField[]::new));
  }

  private static void deleteIfEmpty(FileSystem fs, Path dir) throws IOException {
    FileStatus[] left = fs.listStatus(dir);
    if (left.length == 0) {
      fs.delete(dir, false);
    }
  }

  private FileSystem fs(Path p) throws IOException {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    return p.getFileSystem(conf);
  }
}
