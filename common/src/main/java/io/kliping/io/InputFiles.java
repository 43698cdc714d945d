package io.kliping.io;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Expands the configured input paths (files, folders, globs; any Hadoop file system) into the
 * files of each format. The format of a file comes from the configured format, else from its
 * extension, else from its first bytes (a few bytes per file whose name says nothing; never
 * whole contents). Hidden files ({@code .x}, {@code _x}) are skipped like Spark and Hadoop do.
 */
public final class InputFiles {
  /** Input formats, by their configuration name. */
  public enum Format {
    JSONL, TEXT, CSV, PARQUET, WARC;

    /** The configuration name: {@code jsonl}, {@code text}, ... */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The format named {@code id}, or null for {@code auto}; anything else is an error. */
    public static Format parse(String id) {
      if (id == null || id.equalsIgnoreCase("auto")) {
        return null;
      }
      for (Format f : values()) {
        if (f.id().equalsIgnoreCase(id)) {
          return f;
        }
      }
      throw new IllegalArgumentException("unknown input format '" + id
          + "' (expected auto, jsonl, text, csv, parquet or warc)");
    }
  }

  private static final int SNIFF_BYTES = 512;

  /**
   * The files found, per format, sorted so the listing is deterministic; {@code empty} names
   * the zero-length ones among them (Spark's file sources drop those silently, so a reader that
   * counts a whole file as one record must add them back).
   */
  public record Listing(Map<Format, List<String>> byFormat, List<String> skipped,
      java.util.Set<String> empty) {
    public Listing {
      EnumMap<Format, List<String>> copy = new EnumMap<>(Format.class);
      for (Format f : Format.values()) {
        copy.put(f, List.copyOf(byFormat.getOrDefault(f, List.of())));
      }
      byFormat = Collections.unmodifiableMap(copy);
      skipped = List.copyOf(skipped);
      empty = java.util.Set.copyOf(empty);
    }

    public Listing(Map<Format, List<String>> byFormat, List<String> skipped) {
      this(byFormat, skipped, java.util.Set.of());
    }

    /** The files of one format (possibly empty). */
    public List<String> files(Format format) {
      return byFormat.get(format);
    }

    /** Number of article files of all formats. */
    public int count() {
      return byFormat.values().stream().mapToInt(List::size).sum();
    }

    public boolean isEmpty() {
      return count() == 0;
    }
  }

  private InputFiles() {}

  /**
   * @param format "auto" (by extension, then content), or a {@link Format} id (every file is of
   *               that format)
   * @throws InputException when a path matches nothing
   */
  public static Listing list(Configuration conf, List<String> paths, String format) {
    Format forced = Format.parse(format);
    Map<Format, TreeSet<String>> found = new EnumMap<>(Format.class);
    TreeSet<String> skipped = new TreeSet<>();
    TreeSet<String> empty = new TreeSet<>();
    for (String p : paths) {
      Path path = new Path(p);
      FileSystem fs;
      List<FileStatus> files = new ArrayList<>();
      try {
        fs = path.getFileSystem(conf);
        FileStatus[] matches = fs.globStatus(path);
        if (matches == null || matches.length == 0) {
          throw new InputException("input not found: " + p);
        }
        for (FileStatus m : matches) {
          collect(fs, m, files);
        }
      } catch (FileNotFoundException e) {
        throw new InputException("input not found: " + p);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list input " + p, e);
      }
      for (FileStatus f : files) {
        String name = f.getPath().toString();
        Format detected = forced != null ? forced : detect(f.getPath().getName());
        if (detected == null) {
          detected = sniff(fs, f);
        }
        if (detected == null) {
          skipped.add(name);
        } else {
          found.computeIfAbsent(detected, k -> new TreeSet<>()).add(name);
          if (f.getLen() == 0) {
            empty.add(name);
          }
        }
      }
    }
    Map<Format, List<String>> byFormat = new EnumMap<>(Format.class);
    found.forEach((f, names) -> byFormat.put(f, List.copyOf(names)));
    return new Listing(byFormat, List.copyOf(skipped), empty);
  }

  /** The format of a file by its name, or null when the name does not say. */
  static Format detect(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT);
    for (String codec : new String[] {".gz", ".bz2", ".deflate", ".zst"}) {
      if (n.endsWith(codec)) {
        n = n.substring(0, n.length() - codec.length());
        break;
      }
    }
    if (n.endsWith(".jsonl") || n.endsWith(".json") || n.endsWith(".ndjson")) {
      return Format.JSONL;
    }
    if (n.endsWith(".txt")) {
      return Format.TEXT;
    }
    if (n.endsWith(".csv") || n.endsWith(".tsv")) {
      return Format.CSV;
    }
    if (n.endsWith(".parquet")) {
      return Format.PARQUET;
    }
    if (n.endsWith(".warc") || n.endsWith(".wet")) {
      return Format.WARC;
    }
    return null;
  }

  /**
   * The format of a file by its first bytes, for names without a known extension: Parquet's
   * magic, a WARC header, or a JSON object (each possibly inside gzip). Null otherwise: a file
   * whose kind cannot be told is skipped and listed, never guessed.
   */
  static Format sniff(FileSystem fs, FileStatus file) {
    if (file.getLen() == 0) {
      return null;
    }
    try (InputStream in = fs.open(file.getPath())) {
      byte[] head = in.readNBytes(SNIFF_BYTES);
      if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
        try (InputStream gz = new GZIPInputStream(new java.io.ByteArrayInputStream(head))) {
          head = readSome(gz);
        } catch (IOException e) {
          return null;
        }
      }
      return sniff(head);
    } catch (IOException e) {
      return null; // unreadable now: listed as skipped, the run report names it
    }
  }

  static Format sniff(byte[] head) {
    String s = new String(head, StandardCharsets.ISO_8859_1);
    if (s.startsWith("PAR1")) {
      return Format.PARQUET;
    }
    if (s.startsWith("WARC/")) {
      return Format.WARC;
    }
    String t = s.startsWith("\u00ef\u00bb\u00bf") ? s.substring(3) : s;
    if (t.stripLeading().startsWith("{")) {
      return Format.JSONL;
    }
    return null;
  }

  /** Whatever a truncated gzip prefix yields before its data runs out. */
  private static byte[] readSome(InputStream in) {
    byte[] buf = new byte[SNIFF_BYTES];
    int n = 0;
    try {
      int r;
      while (n < buf.length && (r = in.read(buf, n, buf.length - n)) > 0) {
        n += r;
      }
    } catch (IOException e) {
      // the prefix ended inside the stream: use what was decoded
    }
    return java.util.Arrays.copyOf(buf, n);
  }

  private static void collect(FileSystem fs, FileStatus status, List<FileStatus> out)
      throws IOException {
    String name = status.getPath().getName();
    if (name.startsWith(".") || name.startsWith("_")) {
      return;
    }
    if (status.isDirectory()) {
      for (FileStatus child : fs.listStatus(status.getPath())) {
        collect(fs, child, out);
      }
    } else {
      out.add(status);
    }
  }
}
