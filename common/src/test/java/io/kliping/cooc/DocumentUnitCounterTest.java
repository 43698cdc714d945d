package io.kliping.cooc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Counts of single documents, computed by hand, and the token-window sweep checked against a
 * brute-force enumeration of every window on random documents.
 */
class DocumentUnitCounterTest {
  private static final List<String> ALL = List.of("document", "sentence", "window");
  // Ten tokens starting at 0 5 9 14 20 26 31 37 45 54; two sentences.
  private static final String TEXT = "Satu dua tiga empat lima. Enam tujuh delapan sembilan sepuluh.";

  /** level|a|b -> units ("-" for null). */
  private static Map<String, Long> count(DocumentUnitCounter counter, String text, String[] ids,
      int[] starts, int[] sentences) {
    Map<String, Long> out = new TreeMap<>();
    counter.count(text, ids, starts, sentences, ids.length, (level, a, b, units) -> {
      String key = level + "|" + (a == null ? "-" : a) + "|" + (b == null ? "-" : b);
      assertThat(out).as("one row per key").doesNotContainKey(key);
      out.put(key, units);
    });
    return out;
  }

  @Test
  void everyLevelOfAHandMadeDocument() {
    // X at tokens 0 and 8, Y at token 2, Z at token 9; window k = 3 gives windows 0..7.
    // X: windows {0} and {6, 7} = 3; Y: {0, 1, 2} = 3; Z: {7} = 1; X-Y {0}; X-Z {7}; Y-Z none.
    Map<String, Long> c = count(new DocumentUnitCounter(ALL, 100, 3), TEXT,
        new String[] {"X", "Y", "X", "Z"}, new int[] {0, 9, 45, 54}, new int[] {0, 0, 1, 1});
    assertThat(c).isEqualTo(new TreeMap<>(Map.ofEntries(
        Map.entry("document|-|-", 1L), Map.entry("document|X|-", 1L),
        Map.entry("document|Y|-", 1L), Map.entry("document|Z|-", 1L),
        Map.entry("document|X|Y", 1L), Map.entry("document|X|Z", 1L),
        Map.entry("document|Y|Z", 1L),
        Map.entry("sentence|-|-", 2L), Map.entry("sentence|X|-", 2L),
        Map.entry("sentence|Y|-", 1L), Map.entry("sentence|Z|-", 1L),
        Map.entry("sentence|X|Y", 1L), Map.entry("sentence|X|Z", 1L),
        Map.entry("window|-|-", 8L), Map.entry("window|X|-", 3L),
        Map.entry("window|Y|-", 3L), Map.entry("window|Z|-", 1L),
        Map.entry("window|X|Y", 1L), Map.entry("window|X|Z", 1L))));
  }

  @Test
  void aTextShorterThanTheWindowIsOneWindow() {
    Map<String, Long> c = count(new DocumentUnitCounter(List.of("window"), 100, 10), "Andi dan Budi",
        new String[] {"B", "A"}, new int[] {9, 0}, new int[] {0, 0});
    assertThat(c).containsExactlyInAnyOrderEntriesOf(Map.of("window|-|-", 1L, "window|A|-", 1L,
        "window|B|-", 1L, "window|A|B", 1L));
  }

  @Test
  void aDocumentWithoutMentionsStillCountsItsUnits() {
    Map<String, Long> c = count(new DocumentUnitCounter(ALL, 100, 3), TEXT, new String[0],
        new int[0], new int[0]);
    assertThat(c).containsExactlyInAnyOrderEntriesOf(Map.of("document|-|-", 1L,
        "sentence|-|-", 2L, "window|-|-", 8L));
    assertThat(count(new DocumentUnitCounter(ALL, 100, 3), null, new String[0], new int[0],
        new int[0])).containsExactlyInAnyOrderEntriesOf(Map.of("document|-|-", 1L,
        "sentence|-|-", 0L, "window|-|-", 1L));
  }

  @Test
  void theCapKeepsTheFirstMentionedEntitiesAtEveryLevel() {
    DocumentUnitCounter counter = new DocumentUnitCounter(ALL, 2, 3);
    List<String> keys = new ArrayList<>();
    // Z first (offset 0), then X, then Y: Y is cut everywhere.
    int distinct = counter.count(TEXT, new String[] {"Y", "X", "Z"}, new int[] {14, 5, 0},
        new int[] {0, 0, 0}, 3, (level, a, b, u) -> keys.add(level + "|" + a + "|" + b));
    assertThat(distinct).isEqualTo(3);
    assertThat(keys).noneMatch(k -> k.contains("Y"))
        .contains("document|X|Z", "sentence|X|Z", "window|X|Z");
  }

  @Test
  void repeatedMentionsInOneUnitCountOnce() {
    Map<String, Long> c = count(new DocumentUnitCounter(List.of("document", "sentence"), 100, 3),
        TEXT, new String[] {"X", "X", "Y", "Y"}, new int[] {0, 5, 9, 14}, new int[] {0, 0, 0, 0});
    assertThat(c).containsEntry("document|X|Y", 1L).containsEntry("sentence|X|Y", 1L)
        .containsEntry("sentence|X|-", 1L);
  }

  @Test
  void windowSweepEqualsBruteForceOnRandomDocuments() {
    Random random = new Random(42);
    for (int round = 0; round < 300; round++) {
      int tokens = 1 + random.nextInt(40);
      int k = 2 + random.nextInt(8);
      StringBuilder text = new StringBuilder();
      int[] tokenStart = new int[tokens];
      int[] tokenLength = new int[tokens];
      for (int t = 0; t < tokens; t++) {
        tokenStart[t] = text.length();
        tokenLength[t] = 1 + random.nextInt(3);
        text.append("w".repeat(tokenLength[t])).append(random.nextInt(5) == 0 ? ". " : " ");
      }
      int mentions = random.nextInt(12);
      String[] ids = new String[mentions];
      int[] starts = new int[mentions];
      int[] firstToken = new int[mentions];
      for (int m = 0; m < mentions; m++) {
        ids[m] = "E" + random.nextInt(6);
        firstToken[m] = random.nextInt(tokens);
        // Anywhere inside its first token: the offset still maps to that token.
        starts[m] = tokenStart[firstToken[m]] + random.nextInt(tokenLength[firstToken[m]]);
      }
      Map<String, Long> got = count(new DocumentUnitCounter(List.of("window"), 100, k),
          text.toString(), ids, starts, new int[mentions]);
      assertThat(got).as("round %d", round).isEqualTo(bruteForce(tokens, k, ids, firstToken));
    }
  }

  /** Every window enumerated, its entity set built, units counted. */
  private static Map<String, Long> bruteForce(int tokens, int k, String[] ids, int[] firstToken) {
    int windows = Math.max(1, tokens - k + 1);
    Map<String, Long> out = new TreeMap<>();
    out.put("window|-|-", (long) windows);
    for (int w = 0; w < windows; w++) {
      Set<String> present = new HashSet<>();
      for (int m = 0; m < ids.length; m++) {
        if (firstToken[m] >= w && firstToken[m] < w + k) {
          present.add(ids[m]);
        }
      }
      List<String> sorted = present.stream().sorted().toList();
      for (int i = 0; i < sorted.size(); i++) {
        out.merge("window|" + sorted.get(i) + "|-", 1L, Long::sum);
        for (int j = i + 1; j < sorted.size(); j++) {
          out.merge("window|" + sorted.get(i) + "|" + sorted.get(j), 1L, Long::sum);
        }
      }
    }
    return out;
  }
}
