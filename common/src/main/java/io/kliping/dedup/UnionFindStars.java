package io.kliping.dedup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Connected components of one partition's edges by union-find, written as the star forest the
 * distributed rounds of {@link ConnectedComponents} converge to: one {@code (src, dst)} row per
 * node that is not its component's minimum, {@code dst} that minimum. Long node ids only
 * (numeric order). Used to finish a graph that fits one task ({@link
 * ConnectedComponents#DEFAULT_LOCAL_MAX_EDGES}) in one step instead of several rounds of small
 * Spark jobs; memory is about 40 bytes per edge, in primitive arrays.
 */
final class UnionFindStars implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  @Override
  public Iterator<Row> call(Iterator<Row> edges) {
    long[] src = new long[1024];
    long[] dst = new long[1024];
    int n = 0;
    while (edges.hasNext()) {
      Row edge = edges.next();
      if (n == src.length) {
        src = Arrays.copyOf(src, n * 2);
        dst = Arrays.copyOf(dst, n * 2);
      }
      src[n] = edge.getLong(0);
      dst[n] = edge.getLong(1);
      n++;
    }
    long[] nodes = distinctSorted(src, dst, n);
    // Node indexes follow the ids' order, so the root kept by each union (the smaller index) is
    // the component's minimum id.
    int[] parent = new int[nodes.length];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    for (int e = 0; e < n; e++) {
      int a = root(parent, Arrays.binarySearch(nodes, src[e]));
      int b = root(parent, Arrays.binarySearch(nodes, dst[e]));
      if (a < b) {
        parent[b] = a;
      } else if (b < a) {
        parent[a] = b;
      }
    }
    List<Row> stars = new ArrayList<>();
    for (int i = 0; i < nodes.length; i++) {
      int r = root(parent, i);
      if (r != i) {
        stars.add(RowFactory.create(nodes[i], nodes[r]));
      }
    }
    return stars.iterator();
  }

  private static long[] distinctSorted(long[] src, long[] dst, int n) {
    long[] all = new long[2 * n];
    System.arraycopy(src, 0, all, 0, n);
    System.arraycopy(dst, 0, all, n, n);
    Arrays.sort(all);
    int distinct = 0;
    for (int i = 0; i < all.length; i++) {
      if (i == 0 || all[i] != all[i - 1]) {
        all[distinct++] = all[i];
      }
    }
    return Arrays.copyOf(all, distinct);
  }

  /** The root of {@code i}, halving the path on the way. */
  private static int root(int[] parent, int i) {
    int node = i;
    while (parent[node] != node) {
      parent[node] = parent[parent[node]];
      node = parent[node];
    }
    return node;
  }
}
