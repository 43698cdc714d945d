package io.kliping.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kliping.testing.SparkTestBase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.compress.BZip2Codec;
import org.apache.hadoop.io.compress.bzip2.CBZip2OutputStream;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.JobID;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.hadoop.mapreduce.task.JobContextImpl;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real Hadoop readers over real files: intact input reads exactly as with TextInputFormat, and
 * damaged compressed input gives its readable lines plus one damage marker instead of failing.
 */
class TolerantTextInputFormatTest extends SparkTestBase {
  private static final long WHOLE_FILE = Long.MAX_VALUE;
  /** A cut point: half the file (the others are bytes less than the whole). */
  private static final int HALF = -1;
  /** About 330 KB of JSON Lines of random words: several bzip2 blocks of 100 KB, a long gzip. */
  private static byte[] data;
  private static List<Rec> lines;

  @TempDir
  Path tmp;

  /** One record as read: a line and its key, or a marker. Copies the reader's reused buffers. */
  record Rec(long key, String value) implements Serializable {
    static Rec of(LongWritable key, Text value) {
      return new Rec(key.get(), value.toString());
    }

    boolean damage() {
      return TolerantTextInputFormat.isDamage(new LongWritable(key));
    }

    long damagePosition() {
      return TolerantTextInputFormat.damagePosition(new LongWritable(key));
    }
  }

  /** What one run over a file gave, and over how many splits. */
  record Read(int splits, List<Rec> records) {
    List<Rec> lines() {
      return records.stream().filter(r -> !r.damage()).toList();
    }

    List<Rec> markers() {
      return records.stream().filter(Rec::damage).toList();
    }
  }

  @BeforeAll
  static void generateData() {
    Random random = new Random(42);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 3000; i++) {
      text.append("{\"id\": ").append(i).append(", \"text\": \"");
      for (int w = 0; w < 14; w++) {
        for (int c = 0, n = 3 + random.nextInt(6); c < n; c++) {
          text.append((char) ('a' + random.nextInt(26)));
        }
        text.append(' ');
      }
      text.append("\"}\n");
    }
    data = text.toString().getBytes(StandardCharsets.UTF_8);
    lines = completeLines(data);
  }

  @Test
  void plainFileInSmallSplitsReadsExactlyAsTextInputFormat() throws IOException {
    Path file = write("plain.jsonl", data);

    Read tolerant = readDirect(new TolerantTextInputFormat(), file, 4_000);
    assertThat(tolerant.splits()).isGreaterThan(50);
    assertThat(tolerant.records()).isEqualTo(readDirect(new TextInputFormat(), file, 4_000).records())
        .isEqualTo(lines);

    Read viaSpark = readWithSpark(file, 40_000);
    assertThat(viaSpark.splits()).isGreaterThan(5);
    assertThat(viaSpark.records()).isEqualTo(lines);
  }

  @Test
  void intactGzipAndBzip2ReadExactlyAsTextInputFormat() throws IOException {
    Path gz = write("intact.jsonl.gz", gzip(data));
    Path bz2 = write("intact.jsonl.bz2", bzip2(data));

    assertThat(readDirect(new TolerantTextInputFormat(), gz, WHOLE_FILE).records())
        .isEqualTo(readDirect(new TextInputFormat(), gz, WHOLE_FILE).records())
        .isEqualTo(lines);
    Read gzInSmallSplits = readDirect(new TolerantTextInputFormat(), gz, 4_000);
    assertThat(gzInSmallSplits.splits()).as("gzip is never split").isEqualTo(1);
    assertThat(gzInSmallSplits.records()).isEqualTo(lines);
    assertThat(readWithSpark(gz, WHOLE_FILE).records()).isEqualTo(lines);

    assertThat(readDirect(new TolerantTextInputFormat(), bz2, WHOLE_FILE).records())
        .isEqualTo(lines);
    Read bz2InSplits = readDirect(new TolerantTextInputFormat(), bz2, 20_000);
    assertThat(bz2InSplits.splits()).as("bzip2 stays splittable").isGreaterThan(5);
    assertThat(bz2InSplits.records())
        .isEqualTo(readDirect(new TextInputFormat(), bz2, 20_000).records());
    assertThat(bz2InSplits.markers()).isEmpty();
    assertThat(values(bz2InSplits.lines())).containsExactlyInAnyOrderElementsOf(values(lines));
    assertThat(values(readWithSpark(bz2, 20_000).records()))
        .containsExactlyInAnyOrderElementsOf(values(lines));
  }

  @Test
  void textInputFormatFailsOnATruncatedGzipWhichIsWhyThisFormatExists() throws IOException {
    byte[] gz = gzip(data);
    Path file = write("cut.jsonl.gz", Arrays.copyOf(gz, gz.length / 2));
    assertThatThrownBy(() -> readDirect(new TextInputFormat(), file, WHOLE_FILE))
        .isInstanceOf(IOException.class);
  }

  @ParameterizedTest(name = "cut to {0} bytes less")
  @ValueSource(ints = {HALF, 10, 8, 1})
  void truncatedGzipKeepsEveryCompleteLineAndEndsWithOneMarker(int bytesLess) throws IOException {
    byte[] gz = gzip(data);
    int cut = bytesLess == HALF ? gz.length / 2 : gz.length - bytesLess;
    byte[] truncated = Arrays.copyOf(gz, cut);
    Path file = write("cut.jsonl.gz", truncated);
    List<Rec> readable = completeLines(decodablePrefix(new GZIPInputStream(
        new ByteArrayInputStream(truncated))));
    assertThat(lines).startsWith(readable.toArray(Rec[]::new));

    Read read = readDirect(new TolerantTextInputFormat(), file, WHOLE_FILE);
    assertThat(read.lines()).isEqualTo(readable);
    assertThat(read.records()).hasSize(readable.size() + 1);
    Rec marker = read.records().get(readable.size());
    assertThat(marker.damage()).isTrue();
    assertThat(marker.damagePosition()).isEqualTo(endOf(readable));
    assertThat(marker.value()).startsWith("java.io.EOFException: ");
    if (bytesLess == HALF) {
      assertThat(readable.size()).as("half the file is readable").isBetween(1000, 2000);
    } else if (bytesLess <= 8) {
      assertThat(readable).as("only (part of) the 8-byte trailer is missing").isEqualTo(lines);
    } else {
      assertThat(readable.size()).as("the cut is in the last bytes").isGreaterThan(2900);
    }
    assertThat(readWithSpark(file, WHOLE_FILE).records()).isEqualTo(read.records());
  }

  @ParameterizedTest(name = "cut to {0} bytes less")
  @ValueSource(ints = {HALF, 1000, 10, 1})
  void truncatedBzip2KeepsTheLinesOfItsCompleteBlocksEvenWhenSplit(int bytesLess)
      throws IOException {
    byte[] bz2 = bzip2(data);
    int cut = bytesLess == HALF ? bz2.length / 2 : bz2.length - bytesLess;
    byte[] truncated = Arrays.copyOf(bz2, cut);
    Path file = write("cut.jsonl.bz2", truncated);
    List<Rec> readable = completeLines(decodablePrefix(
        bzip2Codec().createInputStream(new ByteArrayInputStream(truncated))));
    assertThat(lines).startsWith(readable.toArray(Rec[]::new));
    if (bytesLess == HALF || bytesLess > 10) {
      assertThat(readable.size()).as("the lines of the complete blocks").isBetween(500, 2999);
    } else {
      assertThat(readable).as("only (part of) the 10-byte end-of-stream trailer is missing")
          .isEqualTo(lines);
    }

    Read whole = readDirect(new TolerantTextInputFormat(), file, WHOLE_FILE);
    assertThat(whole.lines()).isEqualTo(readable);
    assertThat(whole.markers()).hasSize(1);
    assertThat(whole.records().get(whole.records().size() - 1).damagePosition())
        .isEqualTo(endOf(readable));

    Read split = readDirect(new TolerantTextInputFormat(), file, 20_000);
    assertThat(split.splits()).isGreaterThan(2);
    assertThat(values(split.lines())).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(values(readable));
    assertThat(split.markers()).isNotEmpty();

    Read viaSpark = readWithSpark(file, 20_000);
    assertThat(values(viaSpark.lines())).containsExactlyInAnyOrderElementsOf(values(readable));
    assertThat(viaSpark.markers()).isNotEmpty();
  }

  @Test
  void bzip2CutRightAfterABlockIsNotSilentlyShort() throws IOException {
    byte[] bz2 = bzip2(data);
    long thirdBlockBit = bitOffsetsOf(bz2, 0x314159265359L).get(2);
    byte[] truncated = Arrays.copyOf(bz2, (int) (thirdBlockBit / 8) + 2);
    Path file = write("cut.jsonl.bz2", truncated);
    List<Rec> readable = completeLines(decodablePrefix(
        bzip2Codec().createInputStream(new ByteArrayInputStream(truncated))));
    assertThat(readable.size()).as("two complete blocks").isBetween(1000, 2500);

    // Hadoop alone loses the rest in silence, and returns the cut line as if it were whole.
    List<Rec> hadoop = readDirect(new TextInputFormat(), file, WHOLE_FILE).records();
    assertThat(hadoop.subList(0, readable.size())).isEqualTo(readable);
    assertThat(hadoop).hasSize(readable.size() + 1).last().satisfies(fragment -> {
      assertThat(fragment.key()).isEqualTo(endOf(readable));
      assertThat(lines.get(readable.size()).value()).startsWith(fragment.value())
          .isNotEqualTo(fragment.value());
    });

    Read read = readDirect(new TolerantTextInputFormat(), file, WHOLE_FILE);
    assertThat(read.lines()).isEqualTo(readable);
    assertThat(read.records()).hasSize(readable.size() + 1).last().satisfies(marker -> {
      assertThat(marker.damagePosition()).isEqualTo(endOf(readable));
      assertThat(marker.value()).startsWith("java.io.IOException: bzip2 stream has no end-of-stream");
    });

    // The split that reads the last block to the cut is not the last split.
    for (Read split : List.of(readDirect(new TolerantTextInputFormat(), file, 20_000),
        readWithSpark(file, 20_000))) {
      assertThat(split.splits()).isGreaterThan(3);
      assertThat(values(split.lines())).doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(values(readable));
      assertThat(split.markers()).isNotEmpty();
    }
  }

  @Test
  void garbageInTheMiddleOfAGzipStreamEndsTheFileWithOneMarker() throws IOException {
    byte[] gz = gzip(data);
    Arrays.fill(gz, gz.length / 2, gz.length / 2 + 64, (byte) 0xFF);
    Path file = write("garbage.jsonl.gz", gz);

    // How many lines precede the marker depends on the read buffer (Spark's is larger): the
    // inflater drops what it decoded in the call that meets the garbage.
    for (Read read : List.of(readDirect(new TolerantTextInputFormat(), file, WHOLE_FILE),
        readWithSpark(file, WHOLE_FILE))) {
      List<Rec> good = read.lines();
      assertThat(good.size()).as("most lines before the garbage").isBetween(1000, 2000);
      assertThat(lines).startsWith(good.toArray(Rec[]::new));
      assertThat(read.records()).hasSize(good.size() + 1).last().satisfies(marker -> {
        assertThat(marker.damagePosition()).isEqualTo(endOf(good));
        assertThat(marker.value()).isEqualTo("java.io.IOException: invalid block type");
      });
    }
  }

  @Test
  void aGzipFileHoldingPlainTextIsOneMarkerAtZero() throws IOException {
    Path file = write("plain.jsonl.gz", Arrays.copyOf(data, 1000));
    Read read = readDirect(new TolerantTextInputFormat(), file, WHOLE_FILE);
    assertThat(read.records()).singleElement().satisfies(marker -> {
      assertThat(marker.damage()).isTrue();
      assertThat(marker.damagePosition()).isZero();
      assertThat(marker.value()).isEqualTo("java.io.IOException: not a gzip file");
    });
    assertThat(readWithSpark(file, WHOLE_FILE).records()).isEqualTo(read.records());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"plain text", "bzip2 header then garbage"})
  void aBzip2FileThatIsNotBzip2IsOneMarkerAtZero(String content) throws IOException {
    byte[] bytes = Arrays.copyOf(data, 1000);
    if (content.startsWith("bzip2 header")) {
      System.arraycopy("BZh9".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 4);
    }
    Path file = write("bad.jsonl.bz2", bytes);
    Read read = readDirect(new TolerantTextInputFormat(), file, WHOLE_FILE);
    assertThat(read.records()).singleElement().satisfies(marker -> {
      assertThat(marker.damagePosition()).isZero();
      assertThat(marker.value()).startsWith("java.io.IOException: not a bzip2 stream");
    });
    Read inSplits = readDirect(new TolerantTextInputFormat(), file, 300);
    assertThat(inSplits.splits()).isGreaterThan(1);
    assertThat(inSplits.lines()).isEmpty();
    assertThat(inSplits.markers()).isNotEmpty();
  }

  @Test
  void anEmptyCompressedFileHasNoRecordsAndNoMarker() throws IOException {
    for (String name : List.of("empty.jsonl.gz", "empty.jsonl.bz2")) {
      Path file = write(name, new byte[0]);
      assertThat(readDirect(new TolerantTextInputFormat(), file, WHOLE_FILE).records())
          .as(name).isEmpty();
      assertThat(readWithSpark(file, WHOLE_FILE).records()).as(name).isEmpty();
    }
    Path gzOfNothing = write("nothing.jsonl.gz", gzip(new byte[0]));
    Path bz2OfNothing = write("nothing.jsonl.bz2", bzip2(new byte[0]));
    assertThat(bz2OfNothing).hasSize(14);
    for (Path file : List.of(gzOfNothing, bz2OfNothing)) {
      assertThat(readDirect(new TolerantTextInputFormat(), file, WHOLE_FILE).records())
          .as(file.getFileName().toString()).isEmpty();
    }
  }

  @Test
  void concatenatedGzipMembersAreReadToTheEnd() throws IOException {
    int middle = endOfLineBefore(data, data.length / 2);
    ByteArrayOutputStream members = new ByteArrayOutputStream();
    members.write(gzip(Arrays.copyOfRange(data, 0, middle)));
    members.write(gzip(Arrays.copyOfRange(data, middle, data.length - 100)));
    members.write(gzip(Arrays.copyOfRange(data, data.length - 100, data.length)));
    Path file = write("members.jsonl.gz", members.toByteArray());

    assertThat(readDirect(new TolerantTextInputFormat(), file, WHOLE_FILE).records())
        .isEqualTo(readDirect(new TextInputFormat(), file, WHOLE_FILE).records())
        .isEqualTo(lines);
  }

  @Test
  void concatenatedBzip2StreamsAreReadToTheEnd() throws IOException {
    int middle = endOfLineBefore(data, data.length / 2);
    ByteArrayOutputStream streams = new ByteArrayOutputStream();
    streams.write(bzip2(Arrays.copyOfRange(data, 0, middle)));
    streams.write(bzip2(Arrays.copyOfRange(data, middle, data.length)));
    Path file = write("streams.jsonl.bz2", streams.toByteArray());

    Read read = readDirect(new TolerantTextInputFormat(), file, WHOLE_FILE);
    assertThat(read.markers()).isEmpty();
    assertThat(read.records()).isEqualTo(readDirect(new TextInputFormat(), file, WHOLE_FILE).records());
    assertThat(values(read.lines())).isEqualTo(values(lines));
  }

  @Test
  void crlfLinesAndALastLineWithoutNewlineReadAsWithTextInputFormat() throws IOException {
    byte[] crlf = "{\"id\": 1}\r\n\r\n{\"id\": 2}\r\n{\"id\": 3}".getBytes(StandardCharsets.UTF_8);
    List<Rec> expected = List.of(
        new Rec(0, "{\"id\": 1}"), new Rec(11, ""), new Rec(13, "{\"id\": 2}"),
        new Rec(24, "{\"id\": 3}"));
    Path plain = write("crlf.jsonl", crlf);
    Path gz = write("crlf.jsonl.gz", gzip(crlf));
    Path bz2 = write("crlf.jsonl.bz2", bzip2(crlf));

    for (Path file : List.of(plain, gz, bz2)) {
      assertThat(readDirect(new TolerantTextInputFormat(), file, WHOLE_FILE).records())
          .as(file.getFileName().toString()).isEqualTo(expected)
          .isEqualTo(readDirect(new TextInputFormat(), file, WHOLE_FILE).records());
    }
    Read plainInTinySplits = readDirect(new TolerantTextInputFormat(), plain, 5);
    assertThat(plainInTinySplits.splits()).isGreaterThan(3);
    assertThat(plainInTinySplits.records()).isEqualTo(expected);
    assertThat(readWithSpark(gz, WHOLE_FILE).records()).isEqualTo(expected);
  }

  @Test
  void aMissingFileIsAStorageFailureAndStillThrows() {
    Path missing = tmp.resolve("gone.jsonl.gz");
    Configuration conf = new Configuration();
    FileSplit split = new FileSplit(new org.apache.hadoop.fs.Path(missing.toUri()), 0, 100, null);
    TaskAttemptContext context = new TaskAttemptContextImpl(conf, new TaskAttemptID());
    assertThatThrownBy(() -> {
      try (RecordReader<LongWritable, Text> reader =
          new TolerantTextInputFormat().createRecordReader(split, context)) {
        reader.initialize(split, context);
      }
    }).isInstanceOf(FileNotFoundException.class);
  }

  @Test
  void onlyNegativeKeysAreMarkersAndTheirPositionRoundTrips() {
    assertThat(TolerantTextInputFormat.isDamage(new LongWritable(0))).isFalse();
    assertThat(TolerantTextInputFormat.isDamage(new LongWritable(-1))).isTrue();
    assertThat(TolerantTextInputFormat.damagePosition(new LongWritable(-1))).isZero();
    assertThat(TolerantTextInputFormat.damagePosition(new LongWritable(-1 - 12_345))).isEqualTo(12_345);
    assertThatThrownBy(() -> TolerantTextInputFormat.damagePosition(new LongWritable(7)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // ---- reading ----

  /** Every split of the file through the format's own reader, as a Hadoop task would. */
  private static Read readDirect(FileInputFormat<LongWritable, Text> format, Path file,
      long maxSplitSize) throws IOException {
    Configuration conf = new Configuration();
    conf.set(FileInputFormat.INPUT_DIR, file.toUri().toString());
    conf.setLong(FileInputFormat.SPLIT_MAXSIZE, maxSplitSize);
    List<InputSplit> splits = format.getSplits(new JobContextImpl(conf, new JobID()));
    List<Rec> out = new ArrayList<>();
    for (InputSplit split : splits) {
      TaskAttemptContext context = new TaskAttemptContextImpl(conf, new TaskAttemptID());
      try (RecordReader<LongWritable, Text> reader = format.createRecordReader(split, context)) {
        reader.initialize(split, context);
        while (reader.nextKeyValue()) {
          out.add(Rec.of(reader.getCurrentKey(), reader.getCurrentValue()));
          assertThat(reader.getProgress()).isBetween(0f, 1f);
        }
        assertThat(reader.nextKeyValue()).as("an ended split stays ended").isFalse();
        assertThat(reader.getProgress()).isBetween(0f, 1f);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
    return new Read(splits.size(), out);
  }

  /** The file through Spark, as RawRecords reads JSON Lines. */
  private static Read readWithSpark(Path file, long maxSplitSize) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Configuration conf = new Configuration(jsc.hadoopConfiguration());
    conf.setLong(FileInputFormat.SPLIT_MAXSIZE, maxSplitSize);
    var rdd = jsc.newAPIHadoopFile(file.toUri().toString(), TolerantTextInputFormat.class,
        LongWritable.class, Text.class, conf).map(t -> Rec.of(t._1(), t._2()));
    return new Read(rdd.getNumPartitions(), rdd.collect());
  }

  // ---- data ----

  /** The '\n'-terminated lines of the bytes with their offsets; a trailing partial line is not one. */
  private static List<Rec> completeLines(byte[] bytes) {
    List<Rec> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        out.add(new Rec(start, new String(bytes, start, i - start, StandardCharsets.UTF_8)));
        start = i + 1;
      }
    }
    return out;
  }

  /** The offset just after the last of these lines (data has '\n' endings only). */
  private static long endOf(List<Rec> readLines) {
    if (readLines.isEmpty()) {
      return 0;
    }
    Rec last = readLines.get(readLines.size() - 1);
    return last.key() + last.value().getBytes(StandardCharsets.UTF_8).length + 1;
  }

  private static int endOfLineBefore(byte[] bytes, int index) {
    int i = index;
    while (bytes[i - 1] != '\n') {
      i--;
    }
    return i;
  }

  /** Bit offsets at which the 48-bit pattern occurs, most significant bit first. */
  private static List<Long> bitOffsetsOf(byte[] bytes, long pattern48) {
    List<Long> out = new ArrayList<>();
    long window = 0;
    long mask = (1L << 48) - 1;
    for (long bit = 0; bit < bytes.length * 8L; bit++) {
      window = ((window << 1) | ((bytes[(int) (bit >>> 3)] >>> (7 - (bit & 7))) & 1)) & mask;
      if (bit >= 47 && window == pattern48) {
        out.add(bit - 47);
      }
    }
    return out;
  }

  private static List<String> values(List<Rec> records) {
    return records.stream().map(Rec::value).toList();
  }

  /** All a decoder yields before it fails: the reference for what is readable. */
  private static byte[] decodablePrefix(InputStream in) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try (in) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        out.write(buffer, 0, n);
      }
    } catch (IOException expected) {
      // the damage: everything decoded before it is in out
    }
    return out.toByteArray();
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }

  /** bzip2 with 100 KB blocks, so that a truncated file still has complete blocks. */
  private static byte[] bzip2(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write('B');
    out.write('Z');
    try (OutputStream bz = new CBZip2OutputStream(out, 1)) {
      bz.write(bytes);
    }
    return out.toByteArray();
  }

  private static BZip2Codec bzip2Codec() {
    BZip2Codec codec = new BZip2Codec();
    codec.setConf(new Configuration());
    return codec;
  }

  private Path write(String name, byte[] bytes) throws IOException {
    Path file = tmp.resolve(name);
    Files.write(file, bytes);
    return file;
  }
}
