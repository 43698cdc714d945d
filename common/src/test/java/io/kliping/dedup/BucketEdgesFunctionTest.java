package io.kliping.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

/**
 * The bucket step on its own: linear edges for a giant bucket, every member connected, nothing for
 * buckets without a new member. Member ids: odd = new article, even = index entry.
 */
class BucketEdgesFunctionTest {

  @Test
  void aBucketOfOneHundredThousandMembersCostsLinearEdgesAndConnectsThemAll() {
    int n = 100_000;
    List<Row> rows = new ArrayList<>();
    for (long i = 0; i < n; i++) {
      rows.add(RowFactory.create(7L, 2 * i + (i % 10 == 0 ? 0 : 1))); // every tenth from the index
    }
    List<long[]> edges = edges(rows);
    // All pairs would be ~5e9; the function promises at most REPRESENTATIVES + 1 per member.
    assertThat(edges.size()).isLessThanOrEqualTo((BucketEdgesFunction.REPRESENTATIVES + 1) * n);
    assertThat(edges.size()).isGreaterThanOrEqualTo(n - 1);
    Set<String> distinct = new HashSet<>();
    for (long[] edge : edges) {
      assertThat(edge[0]).isLessThan(edge[1]);
      assertThat(BandKeysFunction.isNew(edge[0]) || BandKeysFunction.isNew(edge[1])).isTrue();
      distinct.add(edge[0] + "-" + edge[1]);
    }
    assertThat(distinct).hasSize(edges.size());
    assertThat(components(edges, 2L * n)).isEqualTo(1);
  }

  @Test
  void everyMemberReachesTwoRepresentativesAndItsPredecessor() {
    // Sorted ids 1 (new), 2 (index), 3 (new), 5 (new), 6 (index).
    List<Row> rows = bucket(9L, 1, 2, 3, 5, 6);
    Set<String> edges = new HashSet<>();
    for (long[] edge : edges(rows)) {
      edges.add(edge[0] + "-" + edge[1]);
    }
    assertThat(edges)
        .containsExactlyInAnyOrder(
            "1-2", "1-3", "1-5", "1-6", // first representative: 1
            "2-3", "3-5", "3-6", // second representative: 3
            "5-6"); // predecessor of 6 (5, new); 2-1 and 3-2 and 5-3 are already there
  }

  @Test
  void theIdsOfABucketMayComeInAnyOrder() {
    // Spark sorts the rows by key only; the function orders each bucket's ids itself.
    List<Row> rows = new ArrayList<>(bucket(9L, 6, 3, 1, 6, 5, 2));
    rows.addAll(bucket(11L, 9, 8, 7));
    Set<String> shuffled = new HashSet<>();
    for (long[] edge : edges(rows)) {
      shuffled.add(edge[0] + "-" + edge[1]);
    }
    List<Row> sorted = new ArrayList<>(bucket(9L, 1, 2, 3, 5, 6));
    sorted.addAll(bucket(11L, 7, 8, 9));
    Set<String> expected = new HashSet<>();
    for (long[] edge : edges(sorted)) {
      expected.add(edge[0] + "-" + edge[1]);
    }
    assertThat(shuffled).isEqualTo(expected).contains("1-2", "5-6", "7-8", "8-9");
  }

  @Test
  void bucketsWithoutANewMemberAndSingletonsGiveNothing() {
    List<Row> rows = new ArrayList<>(bucket(1L, 2, 4, 6));
    rows.addAll(bucket(2L, 3));
    rows.addAll(bucket(3L, 5, 7));
    rows.addAll(bucket(4L, 9, 9)); // one member listed twice
    rows.addAll(bucket(5L, 11, 13, 11)); // the same, not next to each other
    assertThat(edges(rows)).extracting(e -> e[0] + "-" + e[1]).containsExactly("5-7", "11-13");
  }

  private static List<Row> bucket(long key, long... ids) {
    List<Row> rows = new ArrayList<>();
    for (long id : ids) {
      rows.add(RowFactory.create(key, id));
    }
    return rows;
  }

  private static List<long[]> edges(List<Row> rowsByKey) {
    List<long[]> edges = new ArrayList<>();
    Iterator<Row> out = new BucketEdgesFunction().call(rowsByKey.iterator());
    while (out.hasNext()) {
      Row edge = out.next();
      edges.add(new long[] {edge.getLong(0), edge.getLong(1)});
    }
    return edges;
  }

  /** Connected components among ids [0, size) that appear in an edge (union-find). */
  private static int components(List<long[]> edges, long size) {
    int[] parent = new int[(int) size];
    boolean[] seen = new boolean[(int) size];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    for (long[] edge : edges) {
      int a = find(parent, (int) edge[0]);
      int b = find(parent, (int) edge[1]);
      parent[a] = b;
      seen[(int) edge[0]] = true;
      seen[(int) edge[1]] = true;
    }
    Set<Integer> roots = new HashSet<>();
    for (int i = 0; i < parent.length; i++) {
      if (seen[i]) {
        roots.add(find(parent, i));
      }
    }
    return roots.size();
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }
}
