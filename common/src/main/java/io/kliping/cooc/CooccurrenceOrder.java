package io.kliping.cooc;

import static org.apache.spark.sql.functions.col;

import io.kliping.config.KlipingConfig;
import io.kliping.io.SortPrefix;
import io.kliping.io.StringRanks;
import io.kliping.schema.TableSpec;
import io.kliping.schema.Tables;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The sort prefixes of the co-occurrence tables ({@link SortPrefix}): window length, level and
 * the ranks of entity ids in a dictionary of every entity the run writes. Their keys start with
 * a column of a few values and go on with entity ids that share their first bytes, which
 * Spark's sort could only compare whole.
 */
public final class CooccurrenceOrder {
  /** Bits of {@code window_days} (at most 366, the longest rolling window). */
  private static final int WINDOW_DAYS_BITS = 9;

  private final StringRanks entities;
  private final int topK;

  private CooccurrenceOrder(StringRanks entities, int topK) {
    this.entities = entities;
    this.topK = topK;
  }

  /**
   * The order for a run whose tables name only entities in {@code entityIds} (one column of
   * ids, nulls and repeats allowed); ranks them now.
   */
  public static CooccurrenceOrder rank(Dataset<Row> entityIds, KlipingConfig.Cooccurrence settings) {
    return new CooccurrenceOrder(StringRanks.of(entityIds), settings.topK());
  }

  /**
   * The entity ids a day's counts can name: those of its mentions, and those of the daily
   * counts (rows with a {@code dt} column) of other days it is summed with. Pairs need no look:
   * both of a pair's entities have rows of their own in their day's counts.
   */
  public static Dataset<Row> entityIds(Dataset<Row> mentions, Dataset<Row> otherDaysCounts) {
    return mentions.select(col("entity_id"))
        .unionByName(otherDaysCounts.filter(col("entity_b").isNull())
            .select(col("entity_a").as("entity_id")));
  }

  /**
   * The dictionary, for {@link CooccurrenceStage#counts(Dataset, Dataset, Optional)},
   * {@link CooccurrenceStage#score(Dataset, List, Optional)} and {@link TopPartners#of}.
   */
  public StringRanks entities() {
    return entities;
  }

  /**
   * The prefix of {@code table}, or empty for a table it does not know or too many entities.
   * The rows of {@link Tables#COOCCURRENCE_COUNTS}, {@link Tables#COOCCURRENCE} and
   * {@link Tables#COOCCURRENCE_ROLLING} must carry their entities' ranks: counted and scored
   * with {@link #entities}, and those of {@link Tables#COOCCURRENCE_TOP} ranked with them.
   */
  public Optional<SortPrefix> of(TableSpec table) {
    SortPrefix.Builder b = SortPrefix.builder();
    if (table.equals(Tables.COOCCURRENCE_ROLLING) || table.equals(Tables.COOCCURRENCE_TOP)) {
      b.smallInt("window_days", WINDOW_DAYS_BITS);
    }
    b.code("level", KlipingConfig.Cooccurrence.LEVELS);
    if (table.equals(Tables.COOCCURRENCE_TOP)) {
      b.ranked("entity_id", entities, TopPartners.ENTITY_RANK)
          .smallInt("rank", 32 - Integer.numberOfLeadingZeros(topK));
    } else if (table.equals(Tables.COOCCURRENCE) || table.equals(Tables.COOCCURRENCE_COUNTS)
        || table.equals(Tables.COOCCURRENCE_ROLLING)) {
      b.ranked("entity_a", entities, CooccurrenceStage.RANK_A)
          .ranked("entity_b", entities, CooccurrenceStage.RANK_B);
    } else {
      return Optional.empty();
    }
    return b.build();
  }

  /** Drops the cached dictionary. */
  public void release() {
    entities.release();
  }
}
