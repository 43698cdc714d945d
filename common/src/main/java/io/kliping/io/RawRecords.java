package io.kliping.io;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.spark.api.java.JavaNewHadoopRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function2;
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
 * Reads input files into raw records, one row per article candidate, before any parsing:
 * a JSON Lines file gives one row per line (its byte offset as position), a text file one row
 * with its bytes. Compressed files (.gz, .bz2) are decompressed by Hadoop's codecs; plain files
 * are split across tasks.
 */
public final class RawRecords {
  /** Format tag of a JSON Lines record. */
  public static final String JSONL = "jsonl";
  /** Format tag of a whole-file text record. */
  public static final String TEXT = "text";

  /** input_file, position, format, line (JSON Lines), content (text files). */
  public static final StructType SCHEMA = new StructType(new StructField[] {
      new StructField("input_file", DataTypes.StringType, false, Metadata.empty()),
      new StructField("position", DataTypes.StringType, false, Metadata.empty()),
      new StructField("format", DataTypes.StringType, false, Metadata.empty()),
      new StructField("line", DataTypes.StringType, true, Metadata.empty()),
      new StructField("content", DataTypes.BinaryType, true, Metadata.empty())});

  private RawRecords() {}

  /** All raw records of the listed files. */
  public static Dataset<Row> read(SparkSession spark, InputFiles.Listing files) {
    Dataset<Row> out = spark.createDataFrame(List.of(), SCHEMA);
    if (!files.jsonl().isEmpty()) {
      out = out.unionByName(jsonLines(spark, files.jsonl()));
    }
    if (!files.text().isEmpty()) {
      out = out.unionByName(textFiles(spark, files.text()));
    }
    return out;
  }

  static Dataset<Row> jsonLines(SparkSession spark, List<String> files) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    @SuppressWarnings("unchecked")
    JavaNewHadoopRDD<LongWritable, Text> lines = (JavaNewHadoopRDD<LongWritable, Text>)
        jsc.newAPIHadoopFile(String.join(",", escapeCommas(files)), TextInputFormat.class,
            LongWritable.class, Text.class, jsc.hadoopConfiguration());
    JavaRDD<Row> rows = lines.mapPartitionsWithInputSplit(new LinesWithOrigin(), true);
    return spark.createDataFrame(rows, SCHEMA);
  }

  static Dataset<Row> textFiles(SparkSession spark, List<String> files) {
    return spark.read().format("binaryFile")
        .load(files.toArray(String[]::new))
        .select(col("path").as("input_file"), lit("0").as("position"), lit(TEXT).as("format"),
            lit(null).cast(DataTypes.StringType).as("line"), col("content"));
  }

  private static List<String> escapeCommas(List<String> files) {
    List<String> out = new ArrayList<>(files.size());
    for (String f : files) {
      out.add(f.replace(",", "\\,"));
    }
    return out;
  }

  /** Tags each line with its file and byte offset; copies the reader's reused Text buffer. */
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
          return RowFactory.create(file, Long.toString(t._1().get()), JSONL, line, null);
        }
      };
    }
  }
}
