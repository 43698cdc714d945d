package io.kliping.cooc;

import io.kliping.entities.SentenceSplitter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The co-occurrence counts of one document at every configured level: how many units
 * (the document, its sentences, its sliding token windows) there are, how many mention each
 * entity, and how many mention each pair. Summed over documents (and days) these counts are all
 * any association measure needs, which is why they, not the scores, are the stored truth.
 *
 * <p>Entities are those of the document's mentions, distinct, in first-mention order, capped at
 * {@code maxEntities} (the rest are ignored at every level, so one list-like article cannot
 * explode the pair count). Units:
 * <ul>
 *   <li>{@code document}: one unit;
 *   <li>{@code sentence}: the sentences of the text ({@link SentenceSplitter}); a mention belongs
 *       to the sentence of its {@code sentence_idx};
 *   <li>{@code window}: with T tokens (maximal runs of letters and digits) and k = window-tokens,
 *       the {@code max(1, T - k + 1)} windows of k consecutive tokens; a mention is in a window
 *       when its first token is.
 * </ul>
 * Work per document is linear in its text and mentions plus the pairs emitted; buffers are reused
 * between documents, so use one instance per task (not thread-safe).
 */
public final class DocumentUnitCounter {
  /** Receives one count: entity_b is null for an entity's count, both null for the total. */
  @FunctionalInterface
  public interface Sink {
    void accept(String level, String entityA, String entityB, long units);
  }

  /** The largest number of entities per document the pair encoding allows. */
  public static final int MAX_ENTITIES = 10_000;
  private static final long LOW_31 = (1L << 31) - 1;

  private final boolean document;
  private final boolean sentence;
  private final boolean window;
  private final int maxEntities;
  private final int windowTokens;

  private final Map<String, Integer> firstStart = new HashMap<>();
  private final Map<String, Integer> index = new HashMap<>();
  private long[] unitKeys = new long[64];
  private int[] order = new int[64];
  private int[] tokenStarts = new int[256];
  private long[] pairBuffer = new long[256];
  private int pairCount;
  private long[] units = new long[64];
  private long[] events = new long[128];
  private int[] activeCount = new int[64];
  private int[] active = new int[64];

  public DocumentUnitCounter(List<String> levels, int maxEntities, int windowTokens) {
    if (maxEntities < 2 || maxEntities > MAX_ENTITIES) {
      throw new IllegalArgumentException("maxEntities must be in [2, " + MAX_ENTITIES + "]");
    }
    if (windowTokens < 2) {
      throw new IllegalArgumentException("windowTokens must be at least 2");
    }
    this.document = levels.contains(CooccurrenceStage.DOCUMENT);
    this.sentence = levels.contains(CooccurrenceStage.SENTENCE);
    this.window = levels.contains(CooccurrenceStage.WINDOW);
    this.maxEntities = maxEntities;
    this.windowTokens = windowTokens;
  }

  /**
   * Counts one document.
   *
   * @param text        the article text (null counts as empty)
   * @param entityIds   entity id of each mention
   * @param charStarts  start offset of each mention in {@code text}
   * @param sentences   sentence index of each mention
   * @param mentions    number of mentions (a prefix of the arrays)
   * @return the number of distinct entities before the cap (more than the cap means cut)
   */
  public int count(String text, String[] entityIds, int[] charStarts, int[] sentences,
      int mentions, Sink sink) {
    String body = text == null ? "" : text;
    // First mention of each entity; "first mentioned" ties break by entity id.
    firstStart.clear();
    for (int m = 0; m < mentions; m++) {
      firstStart.merge(entityIds[m], charStarts[m], Math::min);
    }
    int distinct = firstStart.size();
    // Kept entities (first maxEntities by first mention), indexed in id order so that the pair
    // (i, j) with i < j is (entity_a, entity_b) with entity_a < entity_b.
    String[] kept = distinct <= maxEntities
        ? firstStart.keySet().stream().sorted().toArray(String[]::new)
        : firstStart.entrySet().stream()
            .sorted(Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey()))
            .limit(maxEntities).map(Map.Entry::getKey).sorted().toArray(String[]::new);
    index.clear();
    for (int i = 0; i < kept.length; i++) {
      index.put(kept[i], i);
    }
    int[] entityOf = ensure(order, mentions);
    order = entityOf;
    for (int m = 0; m < mentions; m++) {
      entityOf[m] = index.getOrDefault(entityIds[m], -1);
    }
    if (document) {
      countDocument(kept, sink);
    }
    if (sentence) {
      countSentences(body, kept, entityOf, sentences, mentions, sink);
    }
    if (window) {
      countWindows(body, kept, entityOf, charStarts, mentions, sink);
    }
    return distinct;
  }

  private void countDocument(String[] kept, Sink sink) {
    String level = CooccurrenceStage.DOCUMENT;
    sink.accept(level, null, null, 1);
    for (int i = 0; i < kept.length; i++) {
      sink.accept(level, kept[i], null, 1);
      for (int j = i + 1; j < kept.length; j++) {
        sink.accept(level, kept[i], kept[j], 1);
      }
    }
  }

  private void countSentences(String text, String[] kept, int[] entityOf, int[] sentences,
      int mentions, Sink sink) {
    String level = CooccurrenceStage.SENTENCE;
    sink.accept(level, null, null,
        text.isBlank() ? 0 : SentenceSplitter.sentenceStarts(text).length);
    // Distinct (sentence, entity) units, then the entities of each sentence.
    long[] keys = unitKeys.length < mentions ? new long[mentions] : unitKeys;
    unitKeys = keys;
    int n = 0;
    for (int m = 0; m < mentions; m++) {
      if (entityOf[m] >= 0) {
        keys[n++] = ((long) sentences[m] << 32) | entityOf[m];
      }
    }
    Arrays.sort(keys, 0, n);
    long[] perEntity = clearedUnits(kept.length);
    pairCount = 0;
    int[] group = ensure(active, kept.length);
    active = group;
    int start = 0;
    while (start < n) {
      int end = start;
      int members = 0;
      while (end < n && (keys[end] >>> 32) == (keys[start] >>> 32)) {
        int e = (int) keys[end];
        if (members == 0 || group[members - 1] != e) {
          group[members++] = e;
          perEntity[e]++;
        }
        end++;
      }
      for (int x = 0; x < members; x++) {
        for (int y = x + 1; y < members; y++) {
          addPair(group[x], group[y], kept.length, 1);
        }
      }
      start = end;
    }
    emit(level, kept, perEntity, sink);
  }

  private void countWindows(String text, String[] kept, int[] entityOf, int[] charStarts,
      int mentions, Sink sink) {
    String level = CooccurrenceStage.WINDOW;
    int tokens = tokenize(text);
    int windows = Math.max(1, tokens - windowTokens + 1);
    sink.accept(level, null, null, windows);
    // Each mention covers the windows [lo, hi] holding its first token; sweep their starts and
    // ends: between two event positions the set of entities present is constant.
    int ev = 0;
    long[] evs = events.length < 2 * mentions ? new long[2 * mentions] : events;
    events = evs;
    for (int m = 0; m < mentions; m++) {
      int e = entityOf[m];
      if (e < 0) {
        continue;
      }
      int t = tokenAt(charStarts[m], tokens);
      int lo = Math.max(0, t - windowTokens + 1);
      int hi = Math.min(t, windows - 1);
      evs[ev++] = ((long) lo << 32) | ((long) e << 1) | 1L; // opens
      evs[ev++] = ((long) (hi + 1) << 32) | ((long) e << 1); // closes
    }
    Arrays.sort(evs, 0, ev);
    long[] perEntity = clearedUnits(kept.length);
    int[] counts = ensure(activeCount, 2 * kept.length);
    Arrays.fill(counts, 0, 2 * kept.length, 0);
    activeCount = counts; // [0, k): open intervals per entity; [k, 2k): slot in present
    int[] present = ensure(active, kept.length);
    active = present;
    int members = 0;
    pairCount = 0;
    int i = 0;
    while (i < ev) {
      int pos = (int) (evs[i] >>> 32);
      while (i < ev && (int) (evs[i] >>> 32) == pos) {
        int e = (int) ((evs[i] & 0xFFFFFFFFL) >>> 1);
        if ((evs[i] & 1L) == 1L) {
          if (counts[e]++ == 0) {
            counts[kept.length + e] = members;
            present[members++] = e;
          }
        } else if (--counts[e] == 0) {
          int slot = counts[kept.length + e];
          int last = present[--members];
          present[slot] = last;
          counts[kept.length + last] = slot;
        }
        i++;
      }
      if (i == ev) {
        break; // nothing is open after the last event
      }
      int length = (int) (evs[i] >>> 32) - pos;
      for (int x = 0; x < members; x++) {
        perEntity[present[x]] += length;
        for (int y = x + 1; y < members; y++) {
          addPair(present[x], present[y], kept.length, length);
        }
      }
    }
    emit(level, kept, perEntity, sink);
  }

  /** Token starts of the text into {@link #tokenStarts}; returns the number of tokens. */
  private int tokenize(String text) {
    int count = 0;
    boolean inToken = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      boolean word = Character.isLetterOrDigit(cp);
      if (word && !inToken) {
        if (count == tokenStarts.length) {
          tokenStarts = Arrays.copyOf(tokenStarts, count * 2);
        }
        tokenStarts[count++] = i;
      }
      inToken = word;
      i += Character.charCount(cp);
    }
    return count;
  }

  /** The token holding {@code offset}: the last token starting at or before it (0 if none). */
  private int tokenAt(int offset, int tokens) {
    int found = Arrays.binarySearch(tokenStarts, 0, tokens, offset);
    int idx = found >= 0 ? found : -found - 2;
    return Math.max(0, idx);
  }

  /** One pair contribution, packed as (i * entities + j) << 31 | units for a primitive sort. */
  private void addPair(int i, int j, int entities, long unitsAdded) {
    if (pairCount == pairBuffer.length) {
      pairBuffer = Arrays.copyOf(pairBuffer, pairCount * 2);
    }
    long key = (long) Math.min(i, j) * entities + Math.max(i, j);
    pairBuffer[pairCount++] = (key << 31) | unitsAdded;
  }

  /** Emits the level's entity counts and its pair counts (contributions of one pair summed). */
  private void emit(String level, String[] kept, long[] perEntity, Sink sink) {
    for (int e = 0; e < kept.length; e++) {
      if (perEntity[e] > 0) {
        sink.accept(level, kept[e], null, perEntity[e]);
      }
    }
    Arrays.sort(pairBuffer, 0, pairCount);
    int p = 0;
    while (p < pairCount) {
      long key = pairBuffer[p] >>> 31;
      long sum = 0;
      while (p < pairCount && (pairBuffer[p] >>> 31) == key) {
        sum += pairBuffer[p] & LOW_31;
        p++;
      }
      sink.accept(level, kept[(int) (key / kept.length)], kept[(int) (key % kept.length)], sum);
    }
  }

  private long[] clearedUnits(int size) {
    if (units.length < size) {
      units = new long[Math.max(size, units.length * 2)];
    }
    Arrays.fill(units, 0, size, 0L);
    return units;
  }

  private static int[] ensure(int[] buffer, int size) {
    return buffer.length >= size ? buffer : new int[Math.max(size, buffer.length * 2)];
  }
}
