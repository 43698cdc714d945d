package io.kliping.eval;

import io.kliping.dedup.ContentNormalizer;
import io.kliping.dedup.DedupSettings;
import io.kliping.dedup.NormalizedContent;
import io.kliping.dedup.ShingleBuffer;
import io.kliping.dedup.Shingler;

/**
 * Shingle sets of texts exactly as the dedup stage builds them by default ({@link
 * ContentNormalizer}, then {@link Shingler} with {@link DedupSettings#defaults()}: word 5-grams,
 * at least 3 tokens), so that the similarities the generator guarantees are the ones dedup sees.
 *
 * <p>Not thread-safe: reuses its buffers.
 */
public final class WordShingles {
  private final Shingler shingler = Shingler.of(DedupSettings.defaults());
  private final NormalizedContent normalized = new NormalizedContent();
  private final ShingleBuffer buffer = new ShingleBuffer();

  /** The sorted, distinct shingle hashes of {@code text} (empty for texts under 3 tokens). */
  public long[] of(CharSequence text) {
    ContentNormalizer.normalize(text, normalized);
    shingler.shingle(normalized, buffer);
    return buffer.toArray();
  }

  /** Jaccard similarity of {@code a} and {@code b}; sets without shingles are similar to nothing. */
  public double jaccard(CharSequence a, CharSequence b) {
    return jaccard(of(a), of(b));
  }

  /** Jaccard similarity of two sorted, distinct hash arrays; 0 when either is empty. */
  public static double jaccard(long[] a, long[] b) {
    if (a.length == 0 || b.length == 0) {
      return 0.0;
    }
    int shared = intersectionSize(a, b);
    return (double) shared / (a.length + b.length - shared);
  }

  /** Number of values two sorted, distinct arrays have in common. */
  public static int intersectionSize(long[] a, long[] b) {
    int i = 0;
    int j = 0;
    int shared = 0;
    while (i < a.length && j < b.length) {
      if (a[i] < b[j]) {
        i++;
      } else if (a[i] > b[j]) {
        j++;
      } else {
        shared++;
        i++;
        j++;
      }
    }
    return shared;
  }
}
