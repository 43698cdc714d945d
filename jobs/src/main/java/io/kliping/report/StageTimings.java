package io.kliping.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code timings.json} of a run folder: per stage, its wall time, the records it handled, its
 * counts and detail lines, and when it finished. Each job run merges its stages into the file,
 * so stages run alone on different occasions (ingest today, entities again tomorrow) all show
 * in the report that {@code report --date D} rebuilds later.
 */
public final class StageTimings {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  /** One stage's entry. {@code records}: what the stage handled (see {@link #recordsOf}). */
  public record Stage(String name, double seconds, long records, Map<String, Long> counts,
      List<String> details, String finishedAt) {}

  private final Map<String, Stage> stages = new LinkedHashMap<>();

  public List<Stage> stages() {
    return List.copyOf(stages.values());
  }

  public boolean isEmpty() {
    return stages.isEmpty();
  }

  /** Adds or replaces a stage (the latest run of a stage wins). */
  public StageTimings put(String name, double seconds, Map<String, Long> counts,
      List<String> details) {
    stages.remove(name);
    stages.put(name, new Stage(name, seconds, recordsOf(counts), new LinkedHashMap<>(counts),
        List.copyOf(details), Instant.now().toString()));
    return this;
  }

  /** The stage's input size: its {@code records} count, else its first count (rows written). */
  static long recordsOf(Map<String, Long> counts) {
    Long records = counts.get("records");
    if (records != null) {
      return records;
    }
    return counts.values().stream().findFirst().orElse(0L);
  }

  /** Parses the file's text; an unreadable file counts as empty (the report must still build). */
  public static StageTimings parse(Optional<String> text) {
    StageTimings t = new StageTimings();
    if (text.isEmpty()) {
      return t;
    }
    try {
      JsonNode root = JSON.readTree(text.get());
      root.fields().forEachRemaining(e -> {
        JsonNode s = e.getValue();
        Map<String, Long> counts = new LinkedHashMap<>();
        s.path("counts").fields().forEachRemaining(c -> counts.put(c.getKey(), c.getValue().asLong()));
        List<String> details = new ArrayList<>();
        s.path("details").forEach(d -> details.add(d.asText()));
        t.stages.put(e.getKey(), new Stage(e.getKey(), s.path("seconds").asDouble(),
            s.path("records").asLong(), counts, details, s.path("finished_at").asText("")));
      });
    } catch (JsonProcessingException | RuntimeException e) {
      return new StageTimings();
    }
    return t;
  }

  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    for (Stage s : stages.values()) {
      ObjectNode n = root.putObject(s.name());
      n.put("seconds", Math.round(s.seconds() * 1000) / 1000.0);
      n.put("records", s.records());
      ObjectNode counts = n.putObject("counts");
      s.counts().forEach(counts::put);
      s.details().forEach(n.putArray("details")::add);
      n.put("finished_at", s.finishedAt());
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
