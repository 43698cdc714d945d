package io.kliping.jobs;

import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The floor's per-record work: a 64-bit XXH3 of each record's text (column 0, a string), summed
 * per partition into one row, so the work cannot be skipped and nothing grows with the input.
 */
final class HashRecordsFunction implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  /** One row per partition: records seen, their characters, the sum of their hashes. */
  static final StructType SCHEMA = new StructType(new StructField[] {
      new StructField("records", DataTypes.LongType, false, Metadata.empty()),
      new StructField("chars", DataTypes.LongType, false, Metadata.empty()),
      new StructField("checksum", DataTypes.LongType, false, Metadata.empty())});

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    Hasher64 hasher = Hashing.xxh3_64();
    long records = 0;
    long chars = 0;
    long checksum = 0;
    while (rows.hasNext()) {
      Row row = rows.next();
      if (row.isNullAt(0)) {
        continue;
      }
      String text = row.getString(0);
      records++;
      chars += text.length();
      checksum += hasher.hashCharsToLong(text);
    }
    return List.of(RowFactory.create(records, chars, checksum)).iterator();
  }
}
