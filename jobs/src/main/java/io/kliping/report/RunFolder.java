package io.kliping.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The per-date run folder {@code <warehouse>/_runs/dt=<D>/}, shared with other run artefacts
 * (e.g. {@code manifest.json}). Files are written through the Hadoop file system API, so the
 * warehouse may be local, HDFS or S3, and atomically: to a hidden temporary name first, then
 * renamed over the old file, so a reader never sees half a report.
 */
public final class RunFolder {
  public static final String REPORT = "report.html";
  public static final String TIMINGS = "timings.json";

  private final Path dir;
  private final Configuration conf;

  public RunFolder(String warehouse, LocalDate dt, Configuration conf) {
    this.dir = new Path(new Path(warehouse, "_runs"), "dt=" + dt);
    this.conf = conf;
  }

  public Path dir() {
    return dir;
  }

  public Path path(String name) {
    return new Path(dir, name);
  }

  /** The file's text, or empty when it does not exist. */
  public Optional<String> read(String name) {
    Path p = path(name);
    try {
      FileSystem fs = p.getFileSystem(conf);
      if (!fs.exists(p)) {
        return Optional.empty();
      }
      try (InputStream in = fs.open(p)) {
        return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + p, e);
    }
  }

  /** Writes the file atomically (temporary name, then rename over the old one). */
  public Path write(String name, String text) {
    Path target = path(name);
    Path tmp = new Path(dir, "." + name + "." + UUID.randomUUID() + ".tmp");
    try {
      FileSystem fs = target.getFileSystem(conf);
      fs.mkdirs(dir);
      try (OutputStream out = fs.create(tmp, false)) {
        out.write(text.getBytes(StandardCharsets.UTF_8));
      }
      // Hadoop's rename does not replace an existing file; delete first (a reader in between
      // sees no file, never a partial one).
      if (fs.exists(target) && !fs.delete(target, false)) {
        throw new IOException("cannot replace " + target);
      }
      if (!fs.rename(tmp, target)) {
        throw new IOException("cannot rename " + tmp + " to " + target);
      }
      return fs.makeQualified(target);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }
}
