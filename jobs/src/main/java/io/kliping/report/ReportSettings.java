package io.kliping.report;

import com.typesafe.config.Config;
import io.kliping.config.ConfigException;
import io.kliping.config.ConfigLoader;
import java.io.File;
import java.util.List;
import java.util.Optional;

/**
 * The {@code kliping.report} block of the configuration. Read by its own class (not part of
 * {@link io.kliping.config.KlipingConfig}) so the run report can evolve without touching the
 * stages' configuration.
 */
public record ReportSettings(boolean enabled, int topN, int pairsMinCount, int networkEntities,
    int networkEdges, double progressIntervalSeconds) {

  /** The defaults of {@code conf/kliping.conf}. */
  public static ReportSettings defaults() {
    return load(Optional.empty(), List.of());
  }

  /** Layers the reference, the user file and overrides as every job does, then validates. */
  public static ReportSettings load(Optional<File> userFile, List<String> overrides) {
    Config c = ConfigLoader.loadMerged(userFile, overrides);
    try {
      return from(c.getConfig("kliping.report"));
    } catch (com.typesafe.config.ConfigException e) {
      throw new ConfigException("invalid configuration: " + e.getMessage(), e);
    }
  }

  static ReportSettings from(Config r) {
    double interval = r.getDouble("progress-interval-seconds");
    if (!(interval >= 0)) {
      throw new ConfigException(
          "kliping.report.progress-interval-seconds must be >= 0, got " + interval);
    }
    return new ReportSettings(r.getBoolean("enabled"), atLeast("top-n", r.getInt("top-n"), 1),
        atLeast("pairs-min-count", r.getInt("pairs-min-count"), 1),
        atLeast("network-entities", r.getInt("network-entities"), 2),
        atLeast("network-edges", r.getInt("network-edges"), 1), interval);
  }

  private static int atLeast(String key, int value, int min) {
    if (value < min) {
      throw new ConfigException("kliping.report." + key + " must be >= " + min + ", got " + value);
    }
    return value;
  }
}
