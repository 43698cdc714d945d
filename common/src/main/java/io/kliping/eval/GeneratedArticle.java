package io.kliping.eval;

/**
 * One article of a generated corpus together with its ground truth.
 *
 * @param url distinct for every article, so that ingest gives each its own id
 * @param source outlet that publishes it
 * @param publishedAt ISO-8601 with offset, e.g. {@code 2024-10-03T14:05:00+07:00}
 * @param storyId the story it belongs to: an original and its copies share it; a hard negative has
 *     its own
 * @param kind {@link #ORIGINAL}, {@link #COPY} or {@link #HARD_NEGATIVE}
 * @param edits comma-separated edits applied to make it (empty for an original), for debugging
 */
public record GeneratedArticle(
    String url,
    String source,
    String title,
    String text,
    String publishedAt,
    String storyId,
    String kind,
    String edits) {

  public static final String ORIGINAL = "original";
  public static final String COPY = "copy";
  public static final String HARD_NEGATIVE = "hard_negative";
}
