package io.kliping.io;

import io.kliping.entities.Gazetteer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Loads the configured gazetteer files: a name is first looked up as a path (local or any Hadoop
 * file system), then as a resource bundled in the jar under {@code kliping/} (where conf/ is
 * packaged), so the defaults work with the jar alone and users can point at their own files.
 */
public final class GazetteerFiles {
  private GazetteerFiles() {}

  public static Gazetteer load(Configuration conf, List<String> names) {
    List<Gazetteer> parts = new ArrayList<>();
    for (String name : names) {
      parts.add(Gazetteer.parse(lines(conf, name), name));
    }
    return Gazetteer.merge(parts);
  }

  private static List<String> lines(Configuration conf, String name) {
    try {
      Path path = new Path(name);
      FileSystem fs = path.getFileSystem(conf);
      if (fs.isFile(path)) {
        try (InputStream in = fs.open(path)) {
          return read(in);
        }
      }
      InputStream bundled = GazetteerFiles.class.getClassLoader()
          .getResourceAsStream("kliping/" + name);
      if (bundled == null) {
        throw new InputException("gazetteer not found: " + name
            + " (neither a file nor a bundled resource kliping/" + name + ")");
      }
      try (InputStream in = bundled) {
        return read(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read gazetteer " + name, e);
    }
  }

  private static List<String> read(InputStream in) throws IOException {
    List<String> lines = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        lines.add(line);
      }
    }
    return lines;
  }
}
