package io.kliping.eval;

import io.kliping.dedup.ContentNormalizer;
import io.kliping.dedup.DedupSettings;
import io.kliping.dedup.NormalizedContent;
import io.kliping.dedup.ShingleBuffer;
import io.kliping.dedup.Shingler;
import java.util.Iterator;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Per document {@code (id, text)}: its sorted, distinct shingle hashes, exactly as the dedup stage
 * computes them ({@link ContentNormalizer} then {@link Shingler#of(DedupSettings)}), so the exact
 * Jaccard measured here is the quantity MinHash estimates there. One normaliser buffer, shingler
 * and shingle buffer per partition.
 */
final class ShingleSetFunction implements MapPartitionsFunction<Row, Row> {

  /** Output: {@code id} and {@code shingles} (empty when the text has too few tokens). */
  static final StructType OUTPUT_SCHEMA =
      new StructType(
          new StructField[] {
            DataTypes.createStructField(ExactJaccardJoin.ID, DataTypes.StringType, false),
            DataTypes.createStructField(
                ExactJaccardJoin.SHINGLES,
                DataTypes.createArrayType(DataTypes.LongType, false),
                false)
          });

  private final DedupSettings settings;

  ShingleSetFunction(DedupSettings settings) {
    this.settings = settings;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> docs) {
    NormalizedContent normalized = new NormalizedContent();
    ShingleBuffer shingles = new ShingleBuffer(1024);
    Shingler shingler = Shingler.of(settings);
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return docs.hasNext();
      }

      @Override
      public Row next() {
        Row doc = docs.next();
        ContentNormalizer.normalize(doc.getString(1), normalized);
        shingler.shingle(normalized, shingles);
        return RowFactory.create(doc.getString(0), shingles.toArray());
      }
    };
  }
}
