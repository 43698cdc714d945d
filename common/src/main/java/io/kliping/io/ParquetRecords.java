package io.kliping.io;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.Serial;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;

/**
 * Parquet input: every row becomes a JSON object of its columns (schemas of several files are
 * merged), positioned by its row index in the file. Footers are checked first, in a Spark job,
 * so a corrupt or non-Parquet file becomes one {@value RawRecords#UNREADABLE} row instead of
 * failing the run; only the file names of bad files reach the driver.
 */
final class ParquetRecords {
  private ParquetRecords() {}

  static Dataset<Row> read(SparkSession spark, List<String> files) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<Row> bad = jsc.parallelize(files, Math.max(1, Math.min(files.size(), 64)))
        .mapPartitions(new BadFooters(new SerializableConfiguration(jsc.hadoopConfiguration())))
        .collect();
    List<String> badNames = new ArrayList<>();
    bad.forEach(r -> badNames.add(r.getString(0)));
    List<String> good = new ArrayList<>(files);
    good.removeAll(badNames);
    Dataset<Row> out = spark.createDataFrame(bad, RawRecords.SCHEMA);
    if (!good.isEmpty()) {
      Dataset<Row> table = spark.read().option("mergeSchema", "true")
          .parquet(good.toArray(String[]::new));
      Dataset<Row> withMeta = table.select(col("*"), col("_metadata.file_path").as("__file"),
          col("_metadata.row_index").as("__row"));
      out = out.unionByName(withMeta.select(RawRecords.jsonColumns(col("__file"), col("__row"),
          table, InputFiles.Format.PARQUET.id())));
    }
    return out;
  }

  /** Rows of {@link RawRecords#SCHEMA} for the files whose footer cannot be read. */
  static final class BadFooters implements FlatMapFunction<Iterator<String>, Row> {
    @Serial private static final long serialVersionUID = 1L;
    private final SerializableConfiguration conf;

    BadFooters(SerializableConfiguration conf) {
      this.conf = conf;
    }

    @Override
    public Iterator<Row> call(Iterator<String> files) {
      List<Row> out = new ArrayList<>();
      while (files.hasNext()) {
        String f = files.next();
        try (ParquetFileReader r = ParquetFileReader.open(
            HadoopInputFile.fromPath(new Path(f), conf.value()))) {
          r.getFooter();
        } catch (IOException | RuntimeException e) {
          out.add(RowFactory.create(f, "file", InputFiles.Format.PARQUET.id(),
              CsvRecordReader.clip(String.valueOf(e)), null, RawRecords.UNREADABLE, null));
        }
      }
      return out.iterator();
    }
  }
}
