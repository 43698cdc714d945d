package io.kliping.io;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Expands the configured input paths (files, folders, globs; any Hadoop file system) into the
 * files of each format. Only names are listed on the driver, never contents. Hidden files
 * ({@code .x}, {@code _x}) are skipped like Spark and Hadoop do.
 */
public final class InputFiles {
  /** Input formats. */
  public enum Format { JSONL, TEXT }

  /** The files found, per format, sorted so the listing is deterministic. */
  public record Listing(List<String> jsonl, List<String> text, List<String> skipped) {
    public boolean isEmpty() {
      return jsonl.isEmpty() && text.isEmpty();
    }
  }

  private InputFiles() {}

  /**
   * @param format "auto" (by extension), "jsonl" or "text" (every file is of that format)
   * @throws InputException when a path matches nothing
   */
  public static Listing list(Configuration conf, List<String> paths, String format) {
    TreeSet<String> jsonl = new TreeSet<>();
    TreeSet<String> text = new TreeSet<>();
    TreeSet<String> skipped = new TreeSet<>();
    for (String p : paths) {
      List<FileStatus> files = new ArrayList<>();
      try {
        Path path = new Path(p);
        FileSystem fs = path.getFileSystem(conf);
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
        Format detected = switch (format) {
          case "jsonl" -> Format.JSONL;
          case "text" -> Format.TEXT;
          default -> detect(f.getPath().getName());
        };
        if (detected == Format.JSONL) {
          jsonl.add(name);
        } else if (detected == Format.TEXT) {
          text.add(name);
        } else {
          skipped.add(name);
        }
      }
    }
    return new Listing(List.copyOf(jsonl), List.copyOf(text), List.copyOf(skipped));
  }

  /** The format of a file by its name, or null when it is not an article file. */
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
    return null;
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
