package io.kliping.jobs;

import static io.kliping.config.ConfigLoader.quote;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options every job takes; each maps onto a configuration key (README.md, "Configuration"). */
public final class JobOptions {
  @Option(names = "--config", paramLabel = "FILE",
      description = "HOCON file overriding conf/kliping.conf (only the keys you change).")
  File configFile;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Override one configuration key, e.g. --set kliping.dedup.threshold=0.8 (repeatable).")
  List<String> overrides = new ArrayList<>();

  @Option(names = "--warehouse", paramLabel = "PATH",
      description = "Warehouse root (kliping.warehouse), any Hadoop path. Default ./warehouse.")
  String warehouse;

  @Option(names = "--date", paramLabel = "yyyy-MM-dd",
      description = "Batch date, the dt partition written (kliping.date). Default: today.")
  String date;

  @Option(names = "--input", paramLabel = "PATH", split = ",",
      description = "Input files, folders or globs (kliping.input.paths); ingest and pipeline only.")
  List<String> inputs = new ArrayList<>();

  /** The overrides these options stand for, in precedence order (lowest first). */
  List<String> asOverrides() {
    List<String> out = new ArrayList<>(overrides);
    if (warehouse != null) {
      out.add("kliping.warehouse=" + quote(warehouse));
    }
    if (date != null) {
      out.add("kliping.date=" + quote(date));
    }
    if (!inputs.isEmpty()) {
      List<String> quoted = new ArrayList<>();
      for (String i : inputs) {
        quoted.add(quote(i));
      }
      out.add("kliping.input.paths=[" + String.join(",", quoted) + "]");
    }
    return out;
  }
}
