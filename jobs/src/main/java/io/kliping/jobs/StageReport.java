package io.kliping.jobs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one stage did: rows written per table and other counts, and its wall time. Printed as
 * one structured line a scheduler's log parser can read, followed by optional detail lines for
 * people (e.g. the input files that had rejects).
 */
public record StageReport(String stage, String dt, Map<String, Long> counts, double seconds,
    List<String> details) {
  public StageReport {
    counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    details = List.copyOf(details);
  }

  public StageReport(String stage, String dt, Map<String, Long> counts, double seconds) {
    this(stage, dt, counts, seconds, List.of());
  }

  /** {@code kliping stage=dedup dt=2024-10-25 seconds=3.2 articles=30 duplicates=9}. */
  public String line() {
    StringBuilder sb = new StringBuilder("kliping stage=").append(stage).append(" dt=").append(dt)
        .append(String.format(Locale.ROOT, " seconds=%.1f", seconds));
    counts.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
    return Redaction.redact(sb.toString());
  }
}
