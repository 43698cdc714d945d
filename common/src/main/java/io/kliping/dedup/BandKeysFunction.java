package io.kliping.dedup;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Explodes each graph member into its bucket keys: one exact key from its content hash (so exact
 * copies meet in one bucket, also those too short for a signature) and one LSH key per band of its
 * signature. Rows are two longs, the narrowest a shuffle of a few million rows can be. One key
 * buffer per partition.
 *
 * <p>Input rows: {@code (id long, content_hash string, signature binary)}, the id's lowest bit set
 * for a new member ({@link #isNew}); a member has a content hash whenever it has a signature.
 * Output: {@link #OUTPUT_SCHEMA}. An exact key may equal an LSH key by chance: the two buckets then
 * merge, which costs a few candidate edges, never a wrong one (every edge is verified).
 */
final class BandKeysFunction implements MapPartitionsFunction<Row, Row> {

  static final String BAND_KEY = "band_key";
  static final String ID = "id";

  static final StructType OUTPUT_SCHEMA =
      new StructType(
          new StructField[] {
            DataTypes.createStructField(BAND_KEY, DataTypes.LongType, false),
            DataTypes.createStructField(ID, DataTypes.LongType, false)
          });

  private final LshParams params;

  BandKeysFunction(LshParams params) {
    this.params = params;
  }

  /**
   * The exact-bucket key of a content hash: its first 64 bits. Texts whose hashes share them land
   * in one bucket but are still told apart by the full hash before they are linked.
   */
  static long exactKey(String contentHash) {
    return Long.parseUnsignedLong(contentHash, 0, 16, 16);
  }

  /** Whether a member id (as graph members number them) is a new article's. */
  static boolean isNew(long id) {
    return (id & 1L) != 0;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> members) {
    LshBander bander = LshBander.create(params);
    long[] keys = new long[params.bands() + 1];
    long[] bandKeys = new long[params.bands()];
    return new Iterator<>() {
      private Long id;
      private int size;
      private int next;

      @Override
      public boolean hasNext() {
        while (next == size) {
          if (!members.hasNext()) {
            return false;
          }
          load(members.next());
        }
        return true;
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return RowFactory.create(keys[next++], id);
      }

      private void load(Row member) {
        id = member.getLong(0);
        next = 0;
        size = 0;
        if (member.isNullAt(1)) {
          return;
        }
        keys[0] = exactKey(member.getString(1));
        size = 1;
        if (!member.isNullAt(2)) {
          byte[] signature = (byte[]) member.get(2);
          bander.bandKeys(signature, bandKeys);
          System.arraycopy(bandKeys, 0, keys, 1, bandKeys.length);
          size += bandKeys.length;
        }
      }
    };
  }
}
