package io.kliping.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.kliping.config.KlipingConfig;
import io.kliping.io.InputFiles;
import io.kliping.io.Warehouse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileChecksum;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The record that a date is finished: {@code <warehouse>/_runs/dt=D/manifest.json}, written
 * after every table of the date is published and deleted before any of them changes. It lists
 * the input files (size and checksum), the rows per table, the effective configuration (secrets
 * masked) and the kliping version, and a fingerprint of inputs, configuration and version, so a
 * scheduler can tell done from not done and an unchanged date need not run again.
 */
final class RunManifest {
  /** kliping's version, part of the fingerprint: another version may write other tables. */
  static final String VERSION = "0.1.0";
  static final int FORMAT = 1;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** One input file: its qualified path, length and checksum ({@code algorithm:hex}). */
  record InputFile(String path, long bytes, String checksum) {}

  private final LocalDate dt;
  private final List<InputFile> inputs;
  private final Map<String, Object> config;
  private final String fingerprint;

  private RunManifest(LocalDate dt, List<InputFile> inputs, Map<String, Object> config) {
    this.dt = dt;
    this.inputs = List.copyOf(inputs);
    this.config = config;
    this.fingerprint = fingerprint(inputs, config);
  }

  /**
   * The manifest a run of {@code config} would write, before its tables: the input files are
   * listed and checksummed now (the file system's own checksum where it keeps one, as HDFS does,
   * else SHA-256 of the bytes, read once by the driver).
   */
  static RunManifest plan(Configuration hadoop, KlipingConfig config) {
    List<InputFile> inputs = new ArrayList<>();
    if (!config.input().paths().isEmpty()) {
      InputFiles.Listing listing =
          InputFiles.list(hadoop, config.input().paths(), config.input().format());
      List<String> files = new ArrayList<>(listing.skipped());
      listing.byFormat().values().forEach(files::addAll);
      files.sort(null);
      for (String f : files) {
        inputs.add(describe(hadoop, f));
      }
    }
    return new RunManifest(config.date(), inputs, configMap(config));
  }

  String fingerprint() {
    return fingerprint;
  }

  /** The manifest of the date's last finished run, if there is one (and it can be read). */
  static Optional<JsonNode> read(Configuration hadoop, Warehouse wh, LocalDate dt) {
    Path p = new Path(wh.runPath(dt), Warehouse.MANIFEST);
    try {
      FileSystem fs = p.getFileSystem(hadoop);
      if (!fs.exists(p)) {
        return Optional.empty();
      }
      try (InputStream in = fs.open(p)) {
        return Optional.of(JSON.readTree(in));
      }
    } catch (IOException e) {
      return Optional.empty(); // unreadable counts as not done
    }
  }

  /**
   * Writes the manifest of the finished run atomically: to a hidden temporary file, then renamed
   * over {@code manifest.json}.
   */
  void write(Configuration hadoop, Warehouse wh, String job, String sparkVersion, String master,
      Map<String, Long> tables, List<StageReport> stages) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", FORMAT);
    m.put("dt", dt.toString());
    m.put("status", "done");
    m.put("job", job);
    m.put("kliping_version", VERSION);
    m.put("spark_version", sparkVersion);
    m.put("master", Redaction.redact(master));
    m.put("finished_at", Instant.now().toString());
    m.put("fingerprint", fingerprint);
    m.put("tables", new TreeMap<>(tables));
    List<Map<String, Object>> files = new ArrayList<>();
    for (InputFile f : inputs) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("path", Redaction.redact(f.path()));
      e.put("bytes", f.bytes());
      e.put("checksum", f.checksum());
      files.add(e);
    }
    m.put("inputs", files);
    Map<String, Object> stageMap = new LinkedHashMap<>();
    for (StageReport r : stages) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("seconds", Math.round(r.seconds() * 10) / 10.0);
      s.put("counts", r.counts());
      stageMap.put(r.stage(), s);
    }
    m.put("stages", stageMap);
    m.put("config", config);
    Path dir = wh.runPath(dt);
    Path target = new Path(dir, Warehouse.MANIFEST);
    Path tmp = new Path(dir, "." + Warehouse.MANIFEST + "." + UUID.randomUUID() + ".tmp");
    try {
      FileSystem fs = dir.getFileSystem(hadoop);
      fs.mkdirs(dir);
      try (OutputStream out = fs.create(tmp, false)) {
        out.write(JSON.writeValueAsBytes(m));
      }
      if (fs.exists(target) && !fs.delete(target, false)) {
        throw new IOException("cannot replace " + target);
      }
      if (!fs.rename(tmp, target)) {
        throw new IOException("cannot rename " + tmp + " to " + target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write run manifest " + target, e);
    }
  }

  private static InputFile describe(Configuration hadoop, String file) {
    Path p = new Path(file);
    try {
      FileSystem fs = p.getFileSystem(hadoop);
      long bytes = fs.getFileStatus(p).getLen();
      FileChecksum own = fs.getFileChecksum(p);
      String checksum = own != null
          ? own.getAlgorithmName() + ":" + HexFormat.of().formatHex(own.getBytes())
          : "sha256:" + sha256(fs, p);
      return new InputFile(file, bytes, checksum);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot checksum input " + file, e);
    }
  }

  private static String sha256(FileSystem fs, Path p) throws IOException {
    MessageDigest md = sha256();
    byte[] buf = new byte[1 << 16];
    try (InputStream in = fs.open(p)) {
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /**
   * SHA-256 of the version, the inputs and the configuration that shapes the tables: not the
   * warehouse root (a moved warehouse is still done) nor the Spark settings (the tables do not
   * depend on them).
   */
  private static String fingerprint(List<InputFile> inputs, Map<String, Object> config) {
    Map<String, Object> shaping = new LinkedHashMap<>(config);
    shaping.remove("warehouse");
    shaping.remove("spark");
    MessageDigest md = sha256();
    try {
      md.update(VERSION.getBytes(StandardCharsets.UTF_8));
      md.update(JSON.writeValueAsBytes(inputs));
      md.update(JSON.writeValueAsBytes(shaping));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "sha256:" + HexFormat.of().formatHex(md.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The configuration as nested maps (record components in order), secrets masked. */
  static Map<String, Object> configMap(Record config) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (RecordComponent c : config.getClass().getRecordComponents()) {
      Object v;
      try {
        v = c.getAccessor().invoke(config);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
      out.put(c.getName(), Redaction.isSecretName(c.getName()) && v != null ? Redaction.MASK
          : value(v));
    }
    return out;
  }

  private static Object value(Object v) {
    if (v == null || v instanceof Number || v instanceof Boolean) {
      return v;
    }
    if (v instanceof Record r) {
      return configMap(r);
    }
    if (v instanceof Collection<?> c) {
      List<Object> out = new ArrayList<>();
      c.forEach(x -> out.add(value(x)));
      return out;
    }
    return Redaction.redact(v.toString());
  }
}
