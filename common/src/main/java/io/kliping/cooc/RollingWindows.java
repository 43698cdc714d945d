package io.kliping.cooc;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Rolling windows of days from daily co-occurrence counts: a window of w days ending on E holds
 * the days [E - w + 1, E], and its counts are the sums of theirs (counts of units add up; the
 * scores are computed afterwards from the sums, never averaged). Articles are not read again.
 * Days whose counts were made under another {@code counting} mode are left out, and every
 * window says how many days it found ({@code days_present}).
 */
public final class RollingWindows {
  /** Group columns of the summed counts, before {@code level}. */
  public static final List<String> GROUPS = List.of("window_end", "window_days");

  private static final StructType PLAN = new StructType()
      .add("window_end", DataTypes.DateType, false)
      .add("dt", DataTypes.DateType, false)
      .add("age", DataTypes.IntegerType, false);

  private RollingWindows() {}

  /**
   * The window ends to (re)write after {@code day} was counted: the day itself, and each later
   * day that has counts and whose longest window includes {@code day}.
   */
  public static List<LocalDate> endsAfterRecount(LocalDate day, List<LocalDate> countedDays,
      int longestWindow) {
    TreeSet<LocalDate> ends = new TreeSet<>();
    ends.add(day);
    LocalDate last = day.plusDays(longestWindow - 1L);
    for (LocalDate d : countedDays) {
      if (d.isAfter(day) && !d.isAfter(last)) {
        ends.add(d);
      }
    }
    return List.copyOf(ends);
  }

  /** The first day any of the windows ending on {@code ends} needs. */
  public static LocalDate firstDayNeeded(List<LocalDate> ends, int longestWindow) {
    return ends.get(0).minusDays(longestWindow - 1L);
  }

  /**
   * Sums daily counts (rows of the counts table plus a {@code dt} date column) per window: the
   * result has {@code window_end, window_days, level, entity_a, entity_b, units, days_present}
   * ({@code days_present} is meaningful on the total rows: days with counts in the window). A
   * one-day window is its day's rows as they are (a day's counts have one row per key), so
   * only the longer windows are shuffled and summed, all of them in one pass.
   */
  public static Dataset<Row> sumDays(SparkSession spark, Dataset<Row> dailyCounts,
      List<LocalDate> ends, List<Integer> windowDays, String counting) {
    Dataset<Row> counted = dailyCounts.filter(col("counting").equalTo(lit(counting)));
    List<Integer> longer = windowDays.stream().filter(w -> w > 1).distinct().sorted().toList();
    if (!windowDays.contains(1)) {
      return summed(counted, spark, ends, longer);
    }
    Dataset<Row> oneDay = counted.join(broadcast(plan(spark, ends, 1)), "dt")
        .select(col("window_end"), lit(1).as("window_days"), col("level"), col("entity_a"),
            col("entity_b"), col("units"), lit(1).as("days_present"));
    return longer.isEmpty() ? oneDay
        : oneDay.unionByName(summed(counted, spark, ends, longer));
  }

  /** Rows {@code window_end, dt, age}: the last {@code days} days before each end, age 0 the end. */
  private static Dataset<Row> plan(SparkSession spark, List<LocalDate> ends, int days) {
    List<Row> plan = new ArrayList<>();
    for (LocalDate end : ends) {
      for (int age = 0; age < days; age++) {
        plan.add(RowFactory.create(java.sql.Date.valueOf(end),
            java.sql.Date.valueOf(end.minusDays(age)), age));
      }
    }
    return spark.createDataFrame(plan, PLAN);
  }

  /**
   * The windows of {@code windowDays} (sorted, each longer than a day) ending on each of {@code
   * ends}. They are nested (all end on the same day), so each daily row is shuffled once, to its
   * key in the longest window, and summed there for every window whose days include it; a key
   * gets a row in each window where it has a day.
   */
  private static Dataset<Row> summed(Dataset<Row> counted, SparkSession spark,
      List<LocalDate> ends, List<Integer> windowDays) {
    Column[] key = {col("window_end"), col("level"), col("entity_a"), col("entity_b")};
    List<Column> sums = new ArrayList<>();
    List<Column> windows = new ArrayList<>();
    for (int w : windowDays) {
      Column inWindow = col("age").lt(w);
      sums.add(sum(when(inWindow, col("units"))).as("units_" + w));
      sums.add(count(when(inWindow, lit(1))).cast("int").as("days_" + w));
      windows.add(struct(lit(w).as("window_days"), col("units_" + w).as("units"),
          col("days_" + w).as("days_present")));
    }
    // Shuffled by the key before summing: a day's key is in one of its files, and the days of a
    // key are in different files, so summing in the reading tasks (Spark's partial aggregation)
    // combines little and, a few large files being a few tasks, spilled gigabytes (100k
    // articles); after the shuffle each task sums its share in memory.
    Dataset<Row> perKey = counted
        .join(broadcast(plan(spark, ends, windowDays.get(windowDays.size() - 1))), "dt")
        .repartition(key)
        .groupBy(key)
        .agg(sums.get(0), sums.subList(1, sums.size()).toArray(Column[]::new));
    return perKey
        .select(col("window_end"), col("level"), col("entity_a"), col("entity_b"),
            explode(array(windows.toArray(Column[]::new))).as("w"))
        .where(col("w.days_present").gt(0))
        .select(col("window_end"), col("w.window_days").as("window_days"), col("level"),
            col("entity_a"), col("entity_b"), col("w.units").as("units"),
            col("w.days_present").as("days_present"));
  }
}
