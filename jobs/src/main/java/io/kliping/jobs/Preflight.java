package io.kliping.jobs;

import io.kliping.config.ConfigException;
import io.kliping.config.KlipingConfig;
import io.kliping.io.InputException;
import java.io.IOException;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsAction;
import org.apache.hadoop.security.AccessControlException;

/**
 * Checks that need no Spark, run before the session starts so a bad call costs nothing: every
 * input path matches something, and the warehouse can be created and written. Only definite
 * answers fail the call; a file system that cannot be asked here (no client, no credentials yet)
 * is left to the run.
 */
final class Preflight {
  private Preflight() {}

  /**
   * @throws InputException  when an input path matches nothing
   * @throws ConfigException when the warehouse cannot be written
   */
  static void check(KlipingConfig config, boolean needsInput) {
    Configuration conf = hadoopConf();
    if (needsInput) {
      for (String p : config.input().paths()) {
        checkInput(conf, p);
      }
    }
    checkWarehouse(conf, config.warehouse());
  }

  private static void checkInput(Configuration conf, String p) {
    FileStatus[] matches;
    try {
      Path path = new Path(p);
      matches = path.getFileSystem(conf).globStatus(path);
    } catch (IOException | RuntimeException e) {
      return; // cannot ask this file system here; the run will
    }
    if (matches == null || matches.length == 0) {
      throw new InputException("input not found: " + p);
    }
  }

  private static void checkWarehouse(Configuration conf, String warehouse) {
    Path root = new Path(warehouse);
    try {
      FileSystem fs = root.getFileSystem(conf);
      Path existing = root;
      while (existing != null && !fs.exists(existing)) {
        existing = existing.getParent();
      }
      if (existing == null) {
        return;
      }
      if (!fs.getFileStatus(existing).isDirectory()) {
        throw new ConfigException("warehouse " + warehouse + " cannot be written: " + existing
            + " is a file, not a folder");
      }
      fs.access(existing, FsAction.WRITE);
    } catch (AccessControlException e) {
      throw new ConfigException("warehouse " + warehouse + " cannot be written: no write "
          + "permission on " + e.getMessage().lines().findFirst().orElse(""));
    } catch (IOException | RuntimeException e) {
      if (e instanceof ConfigException c) {
        throw c;
      }
      // cannot ask this file system here; the run will
    }
  }

  /** Hadoop settings as the job will see them: defaults plus {@code spark.hadoop.*} settings. */
  private static Configuration hadoopConf() {
    Configuration conf = new Configuration();
    for (Map.Entry<Object, Object> e : System.getProperties().entrySet()) {
      String k = e.getKey().toString();
      if (k.startsWith("spark.hadoop.")) {
        conf.set(k.substring("spark.hadoop.".length()), e.getValue().toString());
      }
    }
    return conf;
  }
}
