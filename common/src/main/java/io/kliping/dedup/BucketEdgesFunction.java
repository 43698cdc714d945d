package io.kliping.dedup;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Candidate edges of the buckets, in linear work per bucket: never all pairs.
 *
 * <p>Input: {@link BandKeysFunction#OUTPUT_SCHEMA} rows, partitioned by key and sorted by key and
 * id, so each bucket is one run of rows. Buckets without a new member are skipped (the index is
 * already clustered). Every member links to the first {@value #REPRESENTATIVES} new members and to
 * its predecessor in id order (when one of the two is new): a member that would fail verification
 * against the first representative (when that one is a chance member of the bucket) still reaches
 * the others, with at most {@code REPRESENTATIVES + 1} edges per member. Ids are hashes of the
 * article ids, so "first" is a fixed choice that does not depend on partitioning.
 *
 * <p>Output: {@link #OUTPUT_SCHEMA}, each edge oriented {@code src < dst}; one bucket's edges are
 * distinct, edges repeated across buckets are not removed here. One growing buffer per partition.
 */
final class BucketEdgesFunction implements MapPartitionsFunction<Row, Row> {

  static final String SRC = ConnectedComponents.SRC;
  static final String DST = ConnectedComponents.DST;

  /** New members of an LSH bucket that every member is verified against. */
  static final int REPRESENTATIVES = 2;

  static final StructType OUTPUT_SCHEMA =
      new StructType(
          new StructField[] {
            DataTypes.createStructField(SRC, DataTypes.LongType, false),
            DataTypes.createStructField(DST, DataTypes.LongType, false)
          });

  @Override
  public Iterator<Row> call(Iterator<Row> sortedRows) {
    return new Edges(sortedRows);
  }

  /** Reads one bucket at a time into primitive buffers and drains its edges. */
  private static final class Edges implements Iterator<Row> {
    private final Iterator<Row> rows;
    private long[] ids = new long[64];
    private boolean[] fresh = new boolean[64];
    private int members;
    private long[] edges = new long[256];
    private int edgeCount;
    private int drained;
    private Row lookahead;

    Edges(Iterator<Row> rows) {
      this.rows = rows;
      this.lookahead = rows.hasNext() ? rows.next() : null;
    }

    @Override
    public boolean hasNext() {
      while (drained == edgeCount) {
        if (lookahead == null) {
          return false;
        }
        readBucket();
        edgeCount = 0;
        drained = 0;
        link();
      }
      return true;
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      long src = edges[drained++];
      long dst = edges[drained++];
      return RowFactory.create(src, dst);
    }

    /**
     * Reads the rows of the lookahead's bucket into {@code ids}, sorted; equal ids (an index text
     * twice) count once.
     */
    private void readBucket() {
      long key = lookahead.getLong(0);
      int read = 0;
      while (lookahead != null && lookahead.getLong(0) == key) {
        if (read == ids.length) {
          ids = Arrays.copyOf(ids, read * 2);
        }
        ids[read++] = lookahead.getLong(1);
        lookahead = rows.hasNext() ? rows.next() : null;
      }
      Arrays.sort(ids, 0, read);
      if (fresh.length < ids.length) {
        fresh = new boolean[ids.length];
      }
      members = 0;
      for (int i = 0; i < read; i++) {
        if (members == 0 || ids[members - 1] != ids[i]) {
          ids[members] = ids[i];
          fresh[members] = BandKeysFunction.isNew(ids[i]);
          members++;
        }
      }
    }

    private void link() {
      int first = -1;
      int second = -1;
      for (int i = 0; i < members && second < 0; i++) {
        if (fresh[i]) {
          if (first < 0) {
            first = i;
          } else {
            second = i;
          }
        }
      }
      if (first < 0 || members < 2) {
        return;
      }
      for (int i = 0; i < members; i++) {
        if (i != first) {
          add(i, first);
        }
        if (second >= 0 && i != first && i != second) {
          add(i, second);
        }
        // A representative and its predecessor are already linked through the representative.
        int previous = i - 1;
        boolean representative = i == first || i == second;
        if (previous >= 0 && !representative && previous != first && previous != second
            && (fresh[i] || fresh[previous])) {
          add(i, previous);
        }
      }
    }

    private void add(int a, int b) {
      if (edgeCount + 2 > edges.length) {
        edges = Arrays.copyOf(edges, edges.length * 2);
      }
      long x = ids[a];
      long y = ids[b];
      edges[edgeCount++] = Math.min(x, y);
      edges[edgeCount++] = Math.max(x, y);
    }
  }
}
