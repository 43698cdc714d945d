package io.kliping.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kliping.ingest.warc.HtmlArticleExtractor;
import io.kliping.ingest.warc.WarcArticleReader;
import io.kliping.ingest.warc.WarcItem;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;

/**
 * Formats read file by file with a streaming reader (CSV, whose quoted fields may span lines;
 * WARC, whose records are gzip members): one Spark task per file, records pulled one at a time
 * and the stream closed when the file is done, so no file is ever held in memory. A file that
 * cannot be opened, or a reader failing outside its own error handling, gives one
 * {@value RawRecords#UNREADABLE} row and the run goes on.
 */
final class PerFileRecords {
  private PerFileRecords() {}

  /** Reads one opened file into records, lazily. */
  interface FileReader extends Serializable {
    Iterator<SourceRecord> read(String file, InputStream in) throws IOException;
  }

  static Dataset<Row> read(SparkSession spark, List<String> files, String format,
      boolean decompress, FileReader reader) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    JavaRDD<Row> rows = jsc.parallelize(files, Math.max(1, files.size()))
        .mapPartitions(new ReadFiles(new SerializableConfiguration(jsc.hadoopConfiguration()),
            format, decompress, reader));
    return spark.createDataFrame(rows, RawRecords.SCHEMA);
  }

  /** CSV with a header row. */
  static final class Csv implements FileReader {
    @Serial private static final long serialVersionUID = 1L;
    private final CsvRecordReader reader;

    Csv(CsvRecordReader reader) {
      this.reader = reader;
    }

    @Override
    public Iterator<SourceRecord> read(String file, InputStream in) {
      return reader.read(file, in);
    }
  }

  /** WARC and WET; the stream is the file's bytes (the reader decompresses gzip members). */
  static final class Warc implements FileReader {
    @Serial private static final long serialVersionUID = 1L;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public Iterator<SourceRecord> read(String file, InputStream in) {
      WarcArticleReader warc = WarcArticleReader.open(in, new HtmlArticleExtractor());
      return new Iterator<>() {
        private Iterator<SourceRecord> skippedTail;

        @Override
        public boolean hasNext() {
          if (skippedTail == null && warc.hasNext()) {
            return true;
          }
          if (skippedTail == null) {
            skippedTail = skippedRows(warc.skipped());
          }
          return skippedTail.hasNext();
        }

        @Override
        public SourceRecord next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          return skippedTail != null ? skippedTail.next() : convert(warc.next());
        }
      };
    }

    /** One skipped row per kind of record, its line carrying how many there were. */
    private static Iterator<SourceRecord> skippedRows(Map<String, Long> skipped) {
      return skipped.entrySet().stream()
          .map(e -> new SourceRecord("skipped", Long.toString(e.getValue()), null, null,
              e.getKey()))
          .iterator();
    }

    private static SourceRecord convert(WarcItem item) {
      if (item instanceof WarcItem.Rejected r) {
        String pos = r.recordId() != null ? r.recordId() : "offset " + r.offset();
        return SourceRecord.rejected(pos, r.reason(), r.raw());
      }
      WarcItem.Article a = (WarcItem.Article) item;
      ObjectNode o = MAPPER.createObjectNode();
      o.put("url", a.url());
      o.put("title", a.title());
      o.put("text", a.text());
      o.put("published_at", a.publishedRaw());
      o.put("warc_date", a.warcDate());
      o.put("charset", a.charset());
      try {
        return SourceRecord.fields(a.recordId() != null ? a.recordId() : "offset " + a.offset(),
            MAPPER.writeValueAsString(o));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot write a JSON object of strings", e);
      }
    }
  }

  /** Opens each file of the partition in turn and streams its records. */
  static final class ReadFiles implements FlatMapFunction<Iterator<String>, Row> {
    @Serial private static final long serialVersionUID = 1L;
    private final SerializableConfiguration conf;
    private final String format;
    private final boolean decompress;
    private final FileReader reader;

    ReadFiles(SerializableConfiguration conf, String format, boolean decompress,
        FileReader reader) {
      this.conf = conf;
      this.format = format;
      this.decompress = decompress;
      this.reader = reader;
    }

    @Override
    public Iterator<Row> call(Iterator<String> files) {
      Configuration c = conf.value();
      return new Iterator<>() {
        private String file;
        private InputStream in;
        private Iterator<SourceRecord> records = Collections.emptyIterator();

        @Override
        public boolean hasNext() {
          while (true) {
            try {
              if (records.hasNext()) {
                return true;
              }
            } catch (RuntimeException e) {
              records = List.of(SourceRecord.rejected("file", RawRecords.UNREADABLE,
                  CsvRecordReader.clip(String.valueOf(e)))).iterator();
              return true;
            }
            closeQuietly(in);
            in = null;
            if (!files.hasNext()) {
              return false;
            }
            file = files.next();
            records = open(file);
          }
        }

        @Override
        public Row next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          SourceRecord r = records.next();
          return RawRecords.row(file, r.position(), format, r);
        }

        private Iterator<SourceRecord> open(String name) {
          try {
            Path path = new Path(name);
            FileSystem fs = path.getFileSystem(c);
            InputStream raw = fs.open(path);
            CompressionCodec codec = decompress
                ? new CompressionCodecFactory(c).getCodec(path) : null;
            in = codec == null ? raw : codec.createInputStream(raw);
            return reader.read(name, in);
          } catch (IOException | RuntimeException e) {
            closeQuietly(in);
            in = null;
            return List.of(SourceRecord.rejected("file", RawRecords.UNREADABLE,
                CsvRecordReader.clip(String.valueOf(e)))).iterator();
          }
        }
      };
    }

    private static void closeQuietly(Closeable c) {
      if (c == null) {
        return;
      }
      try {
        c.close();
      } catch (IOException e) {
        // a damaged stream may fail to close; its records are already out
      }
    }
  }
}
