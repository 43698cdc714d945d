package io.kliping.cooc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Per-task wrapper of {@link DocumentUnitCounter}: rows {@code (text, mentions)} in, where
 * mentions is an array of {@code struct(entity_id, char_start, sentence_idx)} (null when the
 * document has none), count rows {@link #OUTPUT_SCHEMA} out. One counter and its buffers serve
 * the whole partition. Ranked, the mentions carry their entities' ranks, and the counts carry
 * the ranks instead of the ids ({@link #RANKED_OUTPUT_SCHEMA}), so that they are summed on two
 * {@code long}s; an entity missing from the dictionary fails the task.
 */
final class CountUnitsFunction implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  /** One count of one document: level, entity_a, entity_b (nulls as in the counts table). */
  static final StructType OUTPUT_SCHEMA = new StructType()
      .add("level", DataTypes.StringType, false)
      .add("entity_a", DataTypes.StringType, true)
      .add("entity_b", DataTypes.StringType, true)
      .add("units", DataTypes.LongType, false);

  /**
   * One count of one document by the entities' ranks: level, rank_a, rank_b (null where the
   * entity is null), units.
   */
  static final StructType RANKED_OUTPUT_SCHEMA = new StructType()
      .add("level", DataTypes.StringType, false)
      .add(CooccurrenceStage.RANK_A, DataTypes.LongType, true)
      .add(CooccurrenceStage.RANK_B, DataTypes.LongType, true)
      .add("units", DataTypes.LongType, false);

  private final List<String> levels;
  private final int maxEntities;
  private final int windowTokens;
  private final boolean ranked;

  /**
   * {@code ranked}: each mention struct has a fourth field, the entity's rank (a long), and
   * the rows are {@link #RANKED_OUTPUT_SCHEMA}.
   */
  CountUnitsFunction(List<String> levels, int maxEntities, int windowTokens, boolean ranked) {
    this.levels = List.copyOf(levels);
    this.maxEntities = maxEntities;
    this.windowTokens = windowTokens;
    this.ranked = ranked;
  }

  StructType outputSchema() {
    return ranked ? RANKED_OUTPUT_SCHEMA : OUTPUT_SCHEMA;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> docs) {
    DocumentUnitCounter counter = new DocumentUnitCounter(levels, maxEntities, windowTokens);
    List<Row> out = new ArrayList<>();
    Map<String, Long> ranks = new HashMap<>();
    DocumentUnitCounter.Sink sink = ranked
        ? (level, a, b, units) -> out.add(RowFactory.create(level, rank(ranks, a),
            rank(ranks, b), units))
        : (level, a, b, units) -> out.add(RowFactory.create(level, a, b, units));
    return new Iterator<>() {
      private int next;
      private String[] ids = new String[16];
      private int[] starts = new int[16];
      private int[] sentences = new int[16];

      @Override
      public boolean hasNext() {
        while (next == out.size() && docs.hasNext()) {
          out.clear();
          next = 0;
          countOne(docs.next());
        }
        return next < out.size();
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new java.util.NoSuchElementException();
        }
        return out.get(next++);
      }

      private void countOne(Row doc) {
        List<Row> mentions = doc.isNullAt(1) ? List.of() : doc.getList(1);
        int n = mentions.size();
        if (ids.length < n) {
          ids = new String[n];
          starts = new int[n];
          sentences = new int[n];
        }
        ranks.clear();
        for (int i = 0; i < n; i++) {
          Row m = mentions.get(i);
          ids[i] = m.getString(0);
          starts[i] = m.getInt(1);
          sentences[i] = m.getInt(2);
          if (ranked && !m.isNullAt(3)) {
            ranks.put(ids[i], m.getLong(3));
          }
        }
        counter.count(doc.getString(0), ids, starts, sentences, n, sink);
      }
    };
  }

  private static Long rank(Map<String, Long> ranks, String entity) {
    if (entity == null) {
      return null;
    }
    Long rank = ranks.get(entity);
    if (rank == null) {
      throw new IllegalStateException(
          "co-occurrence counts: entity missing from the dictionary: " + entity);
    }
    return rank;
  }
}
