package io.kliping.io;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import io.kliping.io.InputFiles.Format;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.spark.api.java.JavaNewHadoopRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * Reads input files into raw records, one row per article candidate, before any parsing.
 *
 * <ul>
 *   <li>JSON Lines: one row per line, its byte offset as position; plain and .bz2 files are
 *       split across tasks, a .gz file is streamed by one task;
 *   <li>text files: one row per file with its bytes;
 *   <li>CSV: one row per data row as a JSON object of the header's fields (one task per file,
 *       streamed, since quoted fields may span lines);
 *   <li>Parquet: one row per table row as a JSON object, position = row index in the file;
 *   <li>WARC / WET: one row per response, resource or conversion record, with the article
 *       fields extracted from its HTML; other records are kept as {@code skipped} rows so the
 *       report can count them.
 * </ul>
 *
 * <p>A record that cannot be read (damage in a compressed file, a malformed CSV row, a corrupt
 * Parquet file) is a row with {@code error} set to the reject reason and the raw text seen in
 * {@code line}: the run goes on, the records before the damage are kept.
 */
public final class RawRecords {
  /** Format tag of a JSON Lines record. */
  public static final String JSONL = "jsonl";
  /** Format tag of a whole-file text record. */
  public static final String TEXT = "text";
  /** Reject reason of damage found while reading a file (a truncated .gz, a cut WARC). */
  public static final String TRUNCATED = "truncated_file";
  /** Reject reason of a file that cannot be opened or whose format is broken (bad Parquet). */
  public static final String UNREADABLE = "unreadable_file";

  /**
   * input_file, position, format, line (JSON text of the record's fields, or the raw text seen
   * for an error; for a skipped row, how many records of that kind the file had), content
   * (bytes of a text file), error (reject reason, else null), skipped (kind of the records that
   * are not article candidates, e.g. a WARC request, else null).
   */
  public static final StructType SCHEMA = new StructType(new StructField[] {
      new StructField("input_file", DataTypes.StringType, false, Metadata.empty()),
      new StructField("position", DataTypes.StringType, false, Metadata.empty()),
      new StructField("format", DataTypes.StringType, false, Metadata.empty()),
      new StructField("line", DataTypes.StringType, true, Metadata.empty()),
      new StructField("content", DataTypes.BinaryType, true, Metadata.empty()),
      new StructField("error", DataTypes.StringType, true, Metadata.empty()),
      new StructField("skipped", DataTypes.StringType, true, Metadata.empty())});

  /** How CSV files are read. */
  public record CsvOptions(char delimiter, String encoding, int maxFieldChars)
      implements java.io.Serializable {}

  private RawRecords() {}

  /** All raw records of the listed files. */
  public static Dataset<Row> read(SparkSession spark, InputFiles.Listing files, CsvOptions csv) {
    Dataset<Row> out = spark.createDataFrame(List.of(), SCHEMA);
    for (Format format : Format.values()) {
      List<String> list = files.files(format);
      if (list.isEmpty()) {
        continue;
      }
      Dataset<Row> part = switch (format) {
        case JSONL -> jsonLines(spark, list);
        case TEXT -> textFiles(spark, list, files.empty());
        case CSV -> PerFileRecords.read(spark, list, Format.CSV.id(), true,
            new PerFileRecords.Csv(new CsvRecordReader(csv.delimiter(), csv.encoding(),
                csv.maxFieldChars())));
        case PARQUET -> ParquetRecords.read(spark, list);
        case WARC -> PerFileRecords.read(spark, list, Format.WARC.id(), false,
            new PerFileRecords.Warc());
      };
      out = out.unionByName(part);
    }
    return out;
  }

  /** With default CSV options (comma, or tab for .tsv; UTF-8). */
  public static Dataset<Row> read(SparkSession spark, InputFiles.Listing files) {
    return read(spark, files, new CsvOptions((char) 0, "UTF-8", 16 << 20));
  }

  static Dataset<Row> jsonLines(SparkSession spark, List<String> files) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    @SuppressWarnings("unchecked")
    JavaNewHadoopRDD<LongWritable, Text> lines = (JavaNewHadoopRDD<LongWritable, Text>)
        jsc.newAPIHadoopFile(String.join(",", escapeCommas(files)),
            TolerantTextInputFormat.class, LongWritable.class, Text.class,
            jsc.hadoopConfiguration());
    JavaRDD<Row> rows = lines.mapPartitionsWithInputSplit(new LinesWithOrigin(), true);
    return spark.createDataFrame(rows, SCHEMA);
  }

  /** Whole files; an empty file is a record too (with no bytes), which Spark would drop. */
  static Dataset<Row> textFiles(SparkSession spark, List<String> files,
      java.util.Set<String> empty) {
    List<Row> emptyRows = new ArrayList<>();
    List<String> nonEmpty = new ArrayList<>();
    for (String f : files) {
      if (empty.contains(f)) {
        emptyRows.add(RowFactory.create(f, "0", TEXT, null, new byte[0], null, null));
      } else {
        nonEmpty.add(f);
      }
    }
    Dataset<Row> out = spark.createDataFrame(emptyRows, SCHEMA);
    if (nonEmpty.isEmpty()) {
      return out;
    }
    return out.unionByName(spark.read().format("binaryFile")
        .load(nonEmpty.toArray(String[]::new))
        .select(col("path").as("input_file"), lit("0").as("position"), lit(TEXT).as("format"),
            lit(null).cast(DataTypes.StringType).as("line"), col("content"),
            lit(null).cast(DataTypes.StringType).as("error"),
            lit(null).cast(DataTypes.StringType).as("skipped")));
  }

  private static List<String> escapeCommas(List<String> files) {
    List<String> out = new ArrayList<>(files.size());
    for (String f : files) {
      out.add(f.replace(",", "\\,"));
    }
    return out;
  }

  /** A row of {@link #SCHEMA}. */
  static Row row(String file, String position, String format, SourceRecord r) {
    String line = r.error() != null ? r.raw() : r.json(); // a skipped row's json is its count
    return RowFactory.create(file, position, format, line, null, r.error(), r.skipped());
  }

  /** Columns of {@link #SCHEMA} for a frame of JSON lines read by Spark (Parquet). */
  static Column[] jsonColumns(Column file, Column position, Dataset<Row> table, String format) {
    List<Column> fields = new ArrayList<>();
    for (String name : table.columns()) {
      fields.add(table.col("`" + name.replace("`", "``") + "`"));
    }
    return new Column[] {
        file.as("input_file"), concat(lit("row "), position.cast(DataTypes.StringType))
            .as("position"), lit(format).as("format"),
        to_json(struct(fields.toArray(Column[]::new))).as("line"),
        lit(null).cast(DataTypes.BinaryType).as("content"),
        lit(null).cast(DataTypes.StringType).as("error"),
        lit(null).cast(DataTypes.StringType).as("skipped")};
  }

  /**
   * Tags each line with its file and byte offset (copying the reader's reused Text buffer);
   * the reader's damage marker becomes a {@value #TRUNCATED} row.
   */
  static final class LinesWithOrigin implements
      Function2<InputSplit, Iterator<Tuple2<LongWritable, Text>>, Iterator<Row>> {
    private static final long serialVersionUID = 1L;

    @Override
    public Iterator<Row> call(InputSplit split, Iterator<Tuple2<LongWritable, Text>> it) {
      String file = ((FileSplit) split).getPath().toString();
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return it.hasNext();
        }

        @Override
        public Row next() {
          Tuple2<LongWritable, Text> t = it.next();
          Text text = t._2();
          String line = new String(text.getBytes(), 0, text.getLength(), StandardCharsets.UTF_8);
          if (TolerantTextInputFormat.isDamage(t._1())) {
            return RowFactory.create(file,
                Long.toString(TolerantTextInputFormat.damagePosition(t._1())), JSONL, line,
                null, TRUNCATED, null);
          }
          return RowFactory.create(file, Long.toString(t._1().get()), JSONL, line, null, null,
              null);
        }
      };
    }
  }
}
