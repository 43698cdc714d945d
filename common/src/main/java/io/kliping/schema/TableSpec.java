package io.kliping.schema;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * One warehouse table: its name (the folder under the warehouse root), the explicit schema of its
 * data columns (the partition column {@code dt} lives in the path), the sort key that fixes the
 * row order inside its files so that equal inputs give equal files, and whether its files are
 * written in small row groups ({@code fineRowGroups}): for a table whose rows later stages read
 * for long work on each (the articles' texts), so one date's files spread over several read
 * tasks per core. Other tables keep Parquet's row groups, whose dictionaries take less time to
 * write.
 */
public record TableSpec(String name, StructType schema, List<String> sortKey,
    boolean fineRowGroups) {
  /** A table written in Parquet's own row groups. */
  public TableSpec(String name, StructType schema, List<String> sortKey) {
    this(name, schema, sortKey, false);
  }

  public TableSpec {
    for (String k : sortKey) {
      schema.fieldIndex(k); // fails fast on a typo
    }
    sortKey = List.copyOf(sortKey);
  }
}
