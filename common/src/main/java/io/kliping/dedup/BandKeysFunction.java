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
 * Explodes each signed document into one {@code (band_key, id)} row per LSH band, reusing one key
 * buffer per partition. Input rows: {@code (id, signature)}, signature non-null.
 */
final class BandKeysFunction implements MapPartitionsFunction<Row, Row> {

  static final String ID = "id";
  static final String BAND_KEY = "band_key";

  static final StructType OUTPUT_SCHEMA =
      new StructType(
          new StructField[] {
            DataTypes.createStructField(BAND_KEY, DataTypes.LongType, false),
            DataTypes.createStructField(ID, DataTypes.StringType, false)
          });

  private final LshParams params;

  BandKeysFunction(LshParams params) {
    this.params = params;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> signatures) {
    LshBander bander = LshBander.create(params);
    long[] keys = new long[params.bands()];
    return new Iterator<>() {
      private String id;
      private int next = keys.length;

      @Override
      public boolean hasNext() {
        return next < keys.length || signatures.hasNext();
      }

      @Override
      public Row next() {
        if (next == keys.length) {
          if (!signatures.hasNext()) {
            throw new NoSuchElementException();
          }
          Row signed = signatures.next();
          id = signed.getString(0);
          bander.bandKeys((byte[]) signed.get(1), keys);
          next = 0;
        }
        return RowFactory.create(keys[next++], id);
      }
    };
  }
}
