package io.kliping.io;

import java.nio.charset.StandardCharsets;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.hadoop.io.compress.SplittableCompressionCodec;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.LineRecordReader;

/**
 * Like Hadoop's {@code TextInputFormat} (same splitting, same byte-offset keys, same line
 * handling incl. CRLF and a final line without newline) but damage in a compressed file ends the
 * split with one marker record instead of an exception.
 *
 * <p>Why: a single truncated or corrupt {@code .gz}/{@code .bz2} dump would otherwise fail the
 * whole Spark job. Here the lines decoded before the damage are kept and the damage becomes one
 * record the caller turns into a reject. Plain files keep Hadoop's behaviour, read errors
 * included, and so do storage failures on compressed files (missing file, dropped connection):
 * those are not the file's fault and Spark should retry them.
 *
 * <p>The marker's key is {@code -1 - position} (line keys are never negative) and its value is
 * {@code "<exception class>: <message>"}. The position is the key the first unreturned line
 * would have had, i.e. the end of the last line returned, in the coordinates of the line keys:
 * <ul>
 *   <li>{@code .gz}: the offset in the decompressed stream (0 when nothing was readable);</li>
 *   <li>{@code .bz2}: Hadoop's key for that split: the decompressed offset for the first split;
 *       a later split counts from the compressed offset of its first block;</li>
 *   <li>damage met while opening a split (e.g. a bad bzip2 header): the split's start, 0 for a
 *       whole file.</li>
 * </ul>
 *
 * <p>What counts as damage: any failure of the decoder, and for bzip2 also a file that does not
 * start or end as bzip2 must ({@link Bzip2Framing}), which Hadoop's splittable reader lets pass in
 * silence (a {@code .bz2} of plain text reads as empty; a file cut right after a block loses the
 * rest and returns the cut line as a line). A line that a cut left without terminator is dropped,
 * never returned. A whole file yields at most one marker; a bzip2 file read in several splits
 * yields one or more (each split that meets the damage, and the last split when the end is
 * missing), never a duplicated line. An empty (0-byte) compressed file yields nothing at all, as
 * in Spark, which drops empty splits by default.
 *
 * <p>A truncated gzip keeps every line decoded before the cut. Corrupt bytes inside a gzip stream
 * can cost more: the inflater drops what it decoded in the call that meets them, up to one read
 * buffer ({@code io.file.buffer.size}, 64 KB under Spark) of compressed input.
 */
public final class TolerantTextInputFormat extends FileInputFormat<LongWritable, Text> {
  /** The record delimiter setting TextInputFormat honours. */
  static final String RECORD_DELIMITER = "textinputformat.record.delimiter";

  @Override
  public RecordReader<LongWritable, Text> createRecordReader(InputSplit split,
      TaskAttemptContext context) {
    String delimiter = context.getConfiguration().get(RECORD_DELIMITER);
    byte[] delimiterBytes = delimiter == null ? null : delimiter.getBytes(StandardCharsets.UTF_8);
    return new TolerantLineRecordReader(new LineRecordReader(delimiterBytes));
  }

  @Override
  protected boolean isSplitable(JobContext context, Path file) {
    CompressionCodec codec = new CompressionCodecFactory(context.getConfiguration()).getCodec(file);
    return codec == null || codec instanceof SplittableCompressionCodec;
  }

  /**
   * True for the marker record that reports damage; its value holds
   * {@code "<ExceptionClass>: <message>"} and its position is {@link #damagePosition}.
   */
  public static boolean isDamage(LongWritable key) {
    return key.get() < 0;
  }

  /** Where the damage was met (see the class comment for the coordinates). */
  public static long damagePosition(LongWritable key) {
    if (!isDamage(key)) {
      throw new IllegalArgumentException("not a damage marker: key " + key.get());
    }
    return markerKey(key.get());
  }

  /** The marker key of a position, and the position of a marker key (the map is its own inverse). */
  static long markerKey(long positionOrKey) {
    return -1 - positionOrKey;
  }
}
