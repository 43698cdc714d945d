package io.kliping.io;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.compress.BZip2Codec;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.lib.input.LineRecordReader;
import org.apache.hadoop.security.AccessControlException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hadoop's {@link LineRecordReader} whose failures on a compressed split become one damage
 * marker (see {@link TolerantTextInputFormat}) after which the split ends. Plain splits, and
 * failures of the storage rather than of the bytes (missing file, interrupted or dropped
 * connection, denied access), still throw, so Spark retries them. For bzip2 it also checks the
 * framing Hadoop skips ({@link Bzip2Framing}).
 *
 * <p>Positions come from the LineRecordReader's key object, which it sets to its position before
 * reading each line: after a failure, or after the end, that object holds where reading stopped.
 */
final class TolerantLineRecordReader extends RecordReader<LongWritable, Text> {
  private static final Logger LOG = LoggerFactory.getLogger(TolerantLineRecordReader.class);

  private enum State { READING, DAMAGE_PENDING, DAMAGE_RETURNED, DONE }

  private final LineRecordReader lines;
  private final LongWritable markerKey = new LongWritable();
  private final Text markerValue = new Text();
  private State state = State.READING;
  private boolean damaged;
  private boolean compressed;
  private long splitStart;
  private String file = "?";
  /** The delegate's (reused) key object, once it has returned a line. */
  private LongWritable linesKey;
  /**
   * Set when the file does not end as its format must: a split that reads up to the end drops a
   * final line without terminator (a fragment) and reports this; the last split reports it too.
   */
  private IOException cutShort;
  private boolean lastSplit;
  // Lines held back by one while cutShort is set; the buffers are swapped, not reallocated.
  private LongWritable heldKey = new LongWritable();
  private Text heldValue = new Text();
  private LongWritable outKey = new LongWritable();
  private Text outValue = new Text();
  private boolean holding;
  private boolean linesEnded;

  TolerantLineRecordReader(LineRecordReader lines) {
    this.lines = lines;
  }

  @Override
  public void initialize(InputSplit genericSplit, TaskAttemptContext context) throws IOException {
    FileSplit split = (FileSplit) genericSplit;
    Configuration conf = context.getConfiguration();
    Path path = split.getPath();
    file = path.toString();
    splitStart = split.getStart();
    CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(path);
    compressed = codec != null;
    if (compressed && split.getLength() == 0) {
      state = State.DONE; // an empty file: no stream, no records, nothing lost
      return;
    }
    try {
      lines.initialize(split, context);
    } catch (IOException | RuntimeException e) {
      if (!isDamage(e)) {
        throw e;
      }
      closeQuietly(); // LineRecordReader does not hand its decompressor back when it fails here
      damaged(splitStart, e);
      return;
    }
    if (codec instanceof BZip2Codec) {
      checkBzip2Framing(path.getFileSystem(conf), path, split);
    }
  }

  private void checkBzip2Framing(FileSystem fs, Path path, FileSplit split) throws IOException {
    if (split.getStart() == 0) {
      String problem = Bzip2Framing.headProblem(fs, path);
      if (problem != null) {
        damaged(splitStart, new IOException(problem));
        return;
      }
    }
    // Every split checks the tail: the one that reads the last block to the end of the file
    // need not be the last split, whose range may hold no block start at all.
    long length = fs.getFileStatus(path).getLen();
    String problem = Bzip2Framing.tailProblem(fs, path, length);
    if (problem != null) {
      cutShort = new IOException(problem);
      lastSplit = split.getStart() + split.getLength() >= length;
    }
  }

  @Override
  public boolean nextKeyValue() throws IOException {
    switch (state) {
      case READING:
        return cutShort == null ? nextLine() : nextLineHeldBack();
      case DAMAGE_PENDING:
        state = State.DAMAGE_RETURNED;
        return true;
      default:
        state = State.DONE;
        return false;
    }
  }

  private boolean nextLine() throws IOException {
    return advance() || afterLastLine();
  }

  /**
   * When the stream is known to be cut short, its last line may be a fragment that Hadoop
   * returns as a final line without newline. So each line is returned only once the next is
   * read, and the last one only if a line terminator followed it.
   */
  private boolean nextLineHeldBack() throws IOException {
    if (!holding) {
      if (linesEnded || !advance()) {
        return afterLastLine();
      }
      hold();
    }
    LongWritable key = outKey;
    outKey = heldKey;
    heldKey = key;
    Text value = outValue;
    outValue = heldValue;
    heldValue = value;
    holding = false;
    if (advance()) {
      hold();
      return true;
    }
    if (state == State.DAMAGE_PENDING) {
      return true; // a failure drops the partial line, so outValue is complete; the marker is next
    }
    linesEnded = true;
    if (stoppedAt() == outKey.get() + outValue.getLength()) {
      // No terminator was consumed: a fragment, and where the damage starts.
      damaged(outKey.get(), cutShort);
      return afterLastLine();
    }
    return true;
  }

  private void hold() {
    heldKey.set(lines.getCurrentKey().get());
    heldValue.set(lines.getCurrentValue());
    holding = true;
  }

  /**
   * The delegate's next line; false at its end, and on damage, with the marker pending. Unchecked
   * exceptions count as damage too: decoders fed corrupt bytes can fail with index errors.
   */
  private boolean advance() throws IOException {
    try {
      if (lines.nextKeyValue()) {
        linesKey = lines.getCurrentKey();
        return true;
      }
      return false;
    } catch (IOException | RuntimeException e) {
      if (!isDamage(e)) {
        throw e;
      }
      damaged(lines.getCurrentKey() != null ? lines.getCurrentKey().get() : stoppedAt(), e);
      return false;
    }
  }

  /** After the delegate's last line: the marker if there is damage to report, else the end. */
  private boolean afterLastLine() {
    if (state != State.DAMAGE_PENDING && cutShort != null && lastSplit) {
      damaged(stoppedAt(), cutShort);
    }
    if (state == State.DAMAGE_PENDING) {
      state = State.DAMAGE_RETURNED;
      return true;
    }
    state = State.DONE;
    return false;
  }

  /** Where the delegate stopped: its key object is set to its position before each read. */
  private long stoppedAt() {
    return linesKey != null ? linesKey.get() : splitStart;
  }

  @Override
  public LongWritable getCurrentKey() {
    if (state == State.DAMAGE_RETURNED) {
      return markerKey;
    }
    return cutShort == null ? lines.getCurrentKey() : outKey;
  }

  @Override
  public Text getCurrentValue() {
    if (state == State.DAMAGE_RETURNED) {
      return markerValue;
    }
    return cutShort == null ? lines.getCurrentValue() : outValue;
  }

  @Override
  public float getProgress() throws IOException {
    if (state != State.READING) {
      return 1.0f;
    }
    try {
      return lines.getProgress();
    } catch (IOException | RuntimeException e) {
      if (!compressed) {
        throw e;
      }
      return 0.0f;
    }
  }

  @Override
  public void close() throws IOException {
    if (damaged) {
      closeQuietly();
    } else {
      lines.close();
    }
  }

  private boolean isDamage(Exception e) {
    return compressed && !isStorageFailure(e);
  }

  /** Failures of the file system or the task, not of the bytes: retrying may well succeed. */
  private static boolean isStorageFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InterruptedIOException || t instanceof ClosedChannelException
          || t instanceof FileNotFoundException || t instanceof SocketException
          || t instanceof AccessControlException) {
        return true;
      }
    }
    return false;
  }

  private void damaged(long position, Exception e) {
    markerKey.set(TolerantTextInputFormat.markerKey(position));
    markerValue.set(e.toString());
    state = State.DAMAGE_PENDING;
    damaged = true;
    LOG.warn("Damaged compressed input {} at position {}: {}", file, position, e.toString());
  }

  private void closeQuietly() {
    try {
      lines.close();
    } catch (IOException | RuntimeException e) {
      LOG.debug("Ignoring failure to close damaged input {}", file, e);
    }
  }
}
