package io.kliping.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Drops bases that would make the ground truth wrong: a pool of real articles holds syndicated
 * copies itself, and two originals that are near duplicates of each other are one story, not two.
 * A base is dropped when its shingle set ({@link WordShingles}, the dedup stage's word 5-grams) has
 * Jaccard similarity {@code >= threshold} with an earlier kept base; bases with fewer than
 * {@code minShingles} shingles are dropped as too short to syndicate.
 *
 * <p>Method: an exact similarity join with prefix filtering (Chaudhuri et al. 2006; Bayardo et al.
 * 2007), not all pairs. Shingles are ranked by document frequency over the pool, rarest first. If
 * {@code J(x, y) >= t}, the first {@code |x| - ceil(t|x|) + 1} shingles of {@code x} in that order
 * and the first {@code |y| - ceil(t|y|) + 1} of {@code y} share at least one shingle, so only kept
 * bases met through an inverted index on those prefixes are candidates. Rare shingles have short
 * posting lists, which keeps candidates few; each candidate that passes the size filter ({@code t|x|
 * <= |y| <= |x|/t}) is verified by an exact intersection. No similar pair is missed.
 *
 * <p>Memory: the pool's shingles are held as primitive arrays (about 12 bytes per shingle
 * occurrence at peak; 22,000 news articles take a few hundred MB).
 */
public final class DistinctBases {

  /** Default similarity from which two bases count as one story. */
  public static final double DEFAULT_THRESHOLD = 0.3;

  /** Default minimum number of shingles (about 50 words). */
  public static final int DEFAULT_MIN_SHINGLES = 46;

  /** The kept bases in input order, and how many were dropped for each reason. */
  public record Result(List<BaseArticle> kept, int tooShort, int nearDuplicates) {
    public Result {
      kept = List.copyOf(kept);
    }
  }

  private DistinctBases() {}

  /** Filters with {@link #DEFAULT_THRESHOLD} and {@link #DEFAULT_MIN_SHINGLES}. */
  public static Result filter(List<BaseArticle> bases) {
    return filter(bases, DEFAULT_THRESHOLD, DEFAULT_MIN_SHINGLES);
  }

  public static Result filter(List<BaseArticle> bases, double threshold, int minShingles) {
    if (!(threshold > 0.0 && threshold <= 1.0)) {
      throw new IllegalArgumentException("threshold must be in (0, 1], got " + threshold);
    }
    WordShingles shingler = new WordShingles();
    long[][] hashes = new long[bases.size()][];
    int total = 0;
    int tooShort = 0;
    for (int i = 0; i < bases.size(); i++) {
      long[] h = shingler.of(bases.get(i).text());
      if (h.length < Math.max(1, minShingles)) {
        tooShort++;
        continue;
      }
      hashes[i] = h;
      total += h.length;
    }
    Vocabulary vocabulary = Vocabulary.of(hashes, total);

    // Per base: shingle ids sorted (for verification) and ordered rarest first (for prefixes).
    int[][] ids = new int[bases.size()][];
    int[][] rarestFirst = new int[bases.size()][];
    for (int i = 0; i < hashes.length; i++) {
      if (hashes[i] != null) {
        ids[i] = vocabulary.ids(hashes[i]);
        rarestFirst[i] = vocabulary.rarestFirst(ids[i]);
        hashes[i] = null;
      }
    }

    PostingLists postings = new PostingLists(vocabulary.size());
    int[] lastProbe = new int[bases.size()];
    Arrays.fill(lastProbe, -1);
    List<BaseArticle> kept = new ArrayList<>();
    int nearDuplicates = 0;
    for (int x = 0; x < bases.size(); x++) {
      if (ids[x] == null) {
        continue;
      }
      int prefix = prefixLength(ids[x].length, threshold);
      if (hasSimilarKept(x, ids, rarestFirst[x], prefix, threshold, postings, lastProbe)) {
        nearDuplicates++;
        ids[x] = null;
        continue;
      }
      for (int k = 0; k < prefix; k++) {
        postings.add(rarestFirst[x][k], x);
      }
      rarestFirst[x] = null; // only the sorted ids are needed from now on
      kept.add(bases.get(x));
    }
    return new Result(kept, tooShort, nearDuplicates);
  }

  private static boolean hasSimilarKept(
      int x, int[][] ids, int[] rarestFirst, int prefix, double threshold, PostingLists postings,
      int[] lastProbe) {
    int size = ids[x].length;
    for (int k = 0; k < prefix; k++) {
      for (int p = postings.head(rarestFirst[k]); p >= 0; p = postings.next(p)) {
        int y = postings.doc(p);
        if (lastProbe[y] == x) {
          continue;
        }
        lastProbe[y] = x;
        int other = ids[y].length;
        if (other < threshold * size || size < threshold * other) {
          continue; // sizes alone rule out Jaccard >= threshold
        }
        int shared = intersectionSize(ids[x], ids[y]);
        if (shared >= threshold * (size + other - shared)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Prefix length {@code n - ceil(t n) + 1}, with a guard against rounding up exact products. */
  static int prefixLength(int size, double threshold) {
    return size - (int) Math.ceil(threshold * size - 1e-9) + 1;
  }

  private static int intersectionSize(int[] a, int[] b) {
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

  /**
   * Distinct shingle hashes of the pool (sorted), as dense ids, with their document frequency. A
   * table of where each value of the top {@value #BUCKET_BITS} bits starts narrows every id lookup
   * to a few entries, instead of a cache-missing binary search over millions.
   */
  private static final class Vocabulary {
    private static final int BUCKET_BITS = 20;

    private final long[] hashes;
    private final int[] frequency;
    private final int[] bucketStart;

    private Vocabulary(long[] hashes, int[] frequency) {
      this.hashes = hashes;
      this.frequency = frequency;
      this.bucketStart = new int[(1 << BUCKET_BITS) + 1];
      int at = 0;
      for (int bucket = 0; bucket < 1 << BUCKET_BITS; bucket++) {
        bucketStart[bucket] = at;
        while (at < hashes.length && bucket(hashes[at]) == bucket) {
          at++;
        }
      }
      bucketStart[1 << BUCKET_BITS] = hashes.length;
    }

    /** Buckets in the order of signed longs, as {@link Arrays#sort(long[])} orders them. */
    private static int bucket(long hash) {
      return (int) ((hash ^ Long.MIN_VALUE) >>> (Long.SIZE - BUCKET_BITS));
    }

    static Vocabulary of(long[][] sets, int total) {
      long[] all = new long[total];
      int at = 0;
      for (long[] set : sets) {
        if (set != null) {
          System.arraycopy(set, 0, all, at, set.length);
          at += set.length;
        }
      }
      Arrays.sort(all);
      int distinct = 0;
      int[] frequency = new int[Math.max(1, total)];
      for (int i = 0; i < total; i++) {
        if (i == 0 || all[i] != all[i - 1]) {
          all[distinct++] = all[i];
        }
        frequency[distinct - 1]++; // each set holds a hash once, so occurrences = documents
      }
      return new Vocabulary(Arrays.copyOf(all, distinct), Arrays.copyOf(frequency, distinct));
    }

    int size() {
      return hashes.length;
    }

    /** Ids of a sorted hash set; sorted as well, since ids follow hash order. */
    int[] ids(long[] set) {
      int[] out = new int[set.length];
      for (int i = 0; i < set.length; i++) {
        int bucket = bucket(set[i]);
        out[i] = Arrays.binarySearch(hashes, bucketStart[bucket], bucketStart[bucket + 1], set[i]);
      }
      return out;
    }

    /** The ids ordered by document frequency, then id: the global order prefixes follow. */
    int[] rarestFirst(int[] ids) {
      long[] keyed = new long[ids.length];
      for (int i = 0; i < ids.length; i++) {
        keyed[i] = ((long) frequency[ids[i]] << 32) | ids[i];
      }
      Arrays.sort(keyed);
      int[] out = new int[ids.length];
      for (int i = 0; i < ids.length; i++) {
        out[i] = (int) keyed[i];
      }
      return out;
    }
  }

  /** Inverted index from shingle id to bases, as linked lists in primitive arrays. */
  private static final class PostingLists {
    private final int[] heads;
    private int[] next = new int[1024];
    private int[] docs = new int[1024];
    private int size;

    PostingLists(int ids) {
      heads = new int[ids];
      Arrays.fill(heads, -1);
    }

    void add(int id, int doc) {
      if (size == docs.length) {
        next = Arrays.copyOf(next, size * 2);
        docs = Arrays.copyOf(docs, size * 2);
      }
      docs[size] = doc;
      next[size] = heads[id];
      heads[id] = size++;
    }

    int head(int id) {
      return heads[id];
    }

    int next(int posting) {
      return next[posting];
    }

    int doc(int posting) {
      return docs[posting];
    }
  }
}
