package io.kliping.ingest;

import java.io.Serializable;
import java.util.List;

/**
 * Which JSON keys may carry each article field, in order of preference. Dumps from different
 * scrapers name the same thing differently ({@code content}, {@code isi}, {@code body}); the first
 * alias present in a record wins, keys are compared case-insensitively.
 *
 * <p>{@code publishedTime} names a separate time-of-day field: when the chosen date value has no
 * time of its own (click-id has {@code date = "2019-09-10"} next to {@code time = "13:30 WIB"}),
 * the two are combined into one raw string.
 */
public record FieldAliases(
    List<String> id,
    List<String> text,
    List<String> title,
    List<String> url,
    List<String> publishedAt,
    List<String> source,
    List<String> publishedTime)
    implements Serializable {

  public FieldAliases {
    id = List.copyOf(id);
    text = List.copyOf(text);
    title = List.copyOf(title);
    url = List.copyOf(url);
    publishedAt = List.copyOf(publishedAt);
    source = List.copyOf(source);
    publishedTime = List.copyOf(publishedTime);
  }

  /** Aliases without a separate time-of-day field. */
  public FieldAliases(
      List<String> id,
      List<String> text,
      List<String> title,
      List<String> url,
      List<String> publishedAt,
      List<String> source) {
    this(id, text, title, url, publishedAt, source, List.of());
  }

  /**
   * English and Indonesian names seen in news dumps. For dates the clean ISO {@code date} field is
   * preferred over click-id's mixed-format {@code date_raw}, which stays as the fallback (it is
   * the only date some outlets have).
   */
  public static FieldAliases defaults() {
    return new FieldAliases(
        List.of("id"),
        List.of("text", "content", "body", "isi"),
        List.of("title", "judul"),
        List.of("url", "link"),
        List.of("published_at", "date", "tanggal", "publish_date", "date_raw"),
        List.of("source", "publisher"),
        List.of("time", "jam", "waktu"));
  }
}
