package io.kliping.schema;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * One warehouse table: its name (the folder under the warehouse root), the explicit schema of its
 * data columns (the partition column {@code dt} lives in the path), and the sort key that fixes
 * the row order inside its files so that equal inputs give equal files.
 */
public record TableSpec(String name, StructType schema, List<String> sortKey) {
  public TableSpec {
    for (String k : sortKey) {
      schema.fieldIndex(k); // fails fast on a typo
    }
    sortKey = List.copyOf(sortKey);
  }
}
