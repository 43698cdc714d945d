package io.kliping.ingest;

import java.io.Serializable;
import java.util.Objects;

/**
 * Outcome of parsing one input record: an article, or a rejection the job can count by
 * {@code reason} and sample by {@code detail} instead of failing the whole partition.
 */
public sealed interface ParseResult extends Serializable {

  /** A record that became an article. */
  record Ok(RawArticle article) implements ParseResult {
    public Ok {
      Objects.requireNonNull(article, "article");
    }
  }

  /**
   * A record that did not become an article.
   *
   * @param reason short snake_case code, stable enough to group by (e.g. {@code malformed_json})
   * @param detail human-readable specifics (field name, parser message), may be empty
   */
  record Rejected(String reason, String detail) implements ParseResult {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
      detail = detail == null ? "" : detail;
    }
  }

  static ParseResult ok(RawArticle article) {
    return new Ok(article);
  }

  static ParseResult rejected(String reason, String detail) {
    return new Rejected(reason, detail);
  }
}
