package io.kliping.cooc;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.kliping.config.KlipingConfig;
import io.kliping.io.BroadcastThreshold;
import io.kliping.io.StringRanks;
import io.kliping.schema.Tables;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * Co-occurrence of entities for one batch date, in two steps that are kept apart on purpose.
 * <ol>
 *   <li>{@link #counts}: the sufficient statistics of a day, per level (document, sentence, token
 *       window): units in all ({@code n}), units mentioning each entity ({@code n_a}) and each
 *       pair ({@code n_ab}), unfiltered ({@link Tables#COOCCURRENCE_COUNTS}). They add up across
 *       days, so rolling windows are sums of daily counts and never re-read articles.
 *   <li>{@link #score}: counts (of a day, or summed over a window) to pairs with PMI, NPMI, G2 and
 *       Jaccard ({@link Association}), pairs below {@code min-count} dropped.
 * </ol>
 * A near-duplicate cluster counts once (its canonical article) unless {@code count-duplicates} is
 * set; the {@code counting} column says which. Counting is per document in
 * {@link DocumentUnitCounter} (one pass, no self-join), one row per document and key; the rows
 * are shuffled by key and summed after the shuffle. A very frequent entity adds one row per
 * document to one task, a small share of it: the rows are dominated by rare pairs.
 */
public final class CooccurrenceStage {
  /** Value of the {@code level} column for document-level pairs. */
  public static final String DOCUMENT = "document";
  /** Value of the {@code level} column for sentence-level pairs. */
  public static final String SENTENCE = "sentence";
  /** Value of the {@code level} column for token-window pairs. */
  public static final String WINDOW = "window";

  /** Column of a scored pair: the rank of {@code entity_a} in the dictionary given to score. */
  public static final String RANK_A = "rank_a";
  /** Column of a scored pair: the rank of {@code entity_b} in the dictionary given to score. */
  public static final String RANK_B = "rank_b";

  private final KlipingConfig.Cooccurrence settings;

  private CooccurrenceStage(KlipingConfig.Cooccurrence settings) {
    this.settings = settings;
  }

  public static CooccurrenceStage create(KlipingConfig.Cooccurrence settings) {
    return new CooccurrenceStage(settings);
  }

  /** Value of the {@code counting} column under these settings. */
  public String counting() {
    return settings.countDuplicates() ? "all" : "canonical";
  }

  /** The documents counted: canonical articles, or all when duplicates are counted. */
  public Dataset<Row> countedDocuments(Dataset<Row> articles) {
    Dataset<Row> docs = settings.countDuplicates() ? articles
        : articles.filter(col("is_canonical").equalTo(true));
    return docs.select(col("article_id"), col("text"));
  }

  /**
   * Rows of {@link Tables#COOCCURRENCE_COUNTS}: for each level one total row (both entities
   * null, always present, 0 when nothing was counted), one row per entity ({@code entity_b} null)
   * and one per pair ({@code entity_a < entity_b}), each with the number of units.
   */
  public Dataset<Row> counts(Dataset<Row> articles, Dataset<Row> mentions) {
    return counts(articles, mentions, Optional.empty());
  }

  /**
   * {@link #counts(Dataset, Dataset)}; with {@code ranks}, the rows also carry the ranks of
   * their entities ({@link #RANK_A}, {@link #RANK_B}; null where the entity is null), joined on
   * the mentions, which are fewer than the counts. The units are then shuffled and summed by
   * the ranks (two {@code long}s instead of two id strings: a smaller shuffle and hash map), and
   * the ids are joined back from the broadcast dictionary. Every mentioned entity must be in
   * {@code ranks}; a missing one fails the task.
   */
  public Dataset<Row> counts(Dataset<Row> articles, Dataset<Row> mentions,
      Optional<StringRanks> ranks) {
    Dataset<Row> docs = countedDocuments(articles);
    List<Column> fields = new ArrayList<>(List.of(col("entity_id"), col("char_start"),
        col("sentence_idx")));
    Dataset<Row> ranked = mentions;
    if (ranks.isPresent()) {
      ranked = mentions.join(ranks.get().keyed("entity_id", "entity_rank"),
          seq(List.of("entity_id")), "left");
      fields.add(col("entity_rank"));
    }
    Dataset<Row> perDoc = ranked
        .groupBy(col("article_id"))
        .agg(collect_list(struct(fields.toArray(Column[]::new))).as("mentions"));
    CountUnitsFunction count = new CountUnitsFunction(settings.levels(),
        settings.maxEntitiesPerDoc(), settings.windowTokens(), ranks.isPresent());
    Dataset<Row> units = docs.join(perDoc, docs.col("article_id").equalTo(perDoc.col("article_id")),
            "left")
        .select(docs.col("text"), perDoc.col("mentions"))
        .mapPartitions(count, Encoders.row(count.outputSchema()));
    List<Row> zeros = new ArrayList<>();
    for (String level : settings.levels()) {
      zeros.add(RowFactory.create(level, null, null, 0L)); // both shapes: level, a, b, units
    }
    Dataset<Row> totals = articles.sparkSession().createDataFrame(zeros, count.outputSchema());
    Column[] key = ranks.isPresent()
        ? new Column[] {col("level"), col(RANK_A), col(RANK_B)}
        : new Column[] {col("level"), col("entity_a"), col("entity_b")};
    // Shuffled by the key before summing: most keys (pairs above all) occur in one or a few
    // documents, so summing in the counting tasks (Spark's partial aggregation) halved the rows
    // (15.1 M to 7.6 M at 100k articles) at the price of a hash map of millions of keys, dearer
    // than shuffling the other half. After the shuffle each task sums its share (Spark 4.0 still
    // plans its partial and final sum there, one after the other, without a shuffle between).
    Dataset<Row> summed = units.unionByName(totals)
        .repartition(key)
        .groupBy(key)
        .agg(sum(col("units")).as("units"));
    if (ranks.isPresent()) {
      summed = summed
          .join(ranks.get().keyed("entity_a", RANK_A), seq(List.of(RANK_A)), "left")
          .join(ranks.get().keyed("entity_b", RANK_B), seq(List.of(RANK_B)), "left")
          .select(col("level"), col("entity_a"), col("entity_b"), col("units"), col(RANK_A),
              col(RANK_B));
    }
    return summed.withColumn("counting", lit(counting()));
  }

  /** Documents counted whose distinct entities exceed {@code max-entities-per-doc} (cut). */
  public long cappedDocuments(Dataset<Row> articles, Dataset<Row> mentions) {
    return mentions.join(countedDocuments(articles).select(col("article_id")), "article_id")
        .groupBy(col("article_id"))
        .agg(countDistinct(col("entity_id")).as("entities"))
        .filter(col("entities").gt(settings.maxEntitiesPerDoc()))
        .count();
  }

  /** Rows of {@link Tables#COOCCURRENCE} for one day's articles and mentions. */
  public Dataset<Row> apply(Dataset<Row> articles, Dataset<Row> mentions) {
    return score(counts(articles, mentions), List.of());
  }

  /**
   * Scores counts: one row per pair with {@code n_ab >= min-count}, with its {@code n_a, n_b,
   * n}, PMI, NPMI, G2, Jaccard and {@code counting}. {@code groups} are columns of the counts
   * that separate independent tables (e.g. window end and length); they are kept in the output.
   * A {@code days_present} column of the total rows, when there is one, is kept too.
   */
  public Dataset<Row> score(Dataset<Row> counts, List<String> groups) {
    return score(counts, groups, Optional.empty());
  }

  /**
   * {@link #score(Dataset, List)}; with {@code ranks}, the pairs also carry the ranks of their
   * entities ({@link #RANK_A}, {@link #RANK_B}; null for an entity the dictionary lacks), joined
   * on each entity's own row before its pairs are, so that sorting by them costs no join of
   * every pair.
   */
  public Dataset<Row> score(Dataset<Row> counts, List<String> groups,
      Optional<StringRanks> ranks) {
    return score(counts, groups, ranks, Long.MAX_VALUE);
  }

  /**
   * {@link #score(Dataset, List, Optional)} for counts of at most {@code groupsAtMost} distinct
   * values of the {@code groups} columns. With {@code ranks}, the entity marginals ({@code n_a},
   * {@code n_b}) then have at most one row per entity of the dictionary, level and group, a
   * bound known before they are computed; when it fits the session's broadcast threshold
   * ({@link BroadcastThreshold}) they are broadcast from the start and the pairs stream through
   * both joins where they are. Left to adaptive execution, the pairs were shuffled for a
   * sort-merge join that was then replaced by a broadcast (690 MB of rolling pairs at 250k
   * articles). Above the threshold the joins are planned as before.
   */
  public Dataset<Row> score(Dataset<Row> counts, List<String> groups,
      Optional<StringRanks> ranks, long groupsAtMost) {
    return withMeasures(pairs(counts, groups, ranks, groupsAtMost));
  }

  /**
   * The pairs {@link #score(Dataset, List, Optional, long)} gives, with their counts and without
   * the {@link #measures}: {@code groups..., entity_a, entity_b, level, n_ab, n_a, n_b, n}, then
   * {@code days_present} when the counts have it and the ranks when given. For a table the
   * measures can be computed as the sorted pairs are written
   * ({@link io.kliping.io.Warehouse#stage(io.kliping.schema.TableSpec, java.time.LocalDate,
   * Dataset, Optional, Map)}): those five columns then go through neither the write's shuffle
   * nor its sort.
   */
  public Dataset<Row> pairs(Dataset<Row> counts, List<String> groups,
      Optional<StringRanks> ranks, long groupsAtMost) {
    Column isTotal = col("entity_a").isNull().and(col("entity_b").isNull());
    Column isEntity = col("entity_a").isNotNull().and(col("entity_b").isNull());
    Column isPair = col("entity_b").isNotNull();
    List<String> key = Stream.concat(groups.stream(), Stream.of("level")).toList();

    List<Column> totalCols = new ArrayList<>(columns(key));
    totalCols.add(col("units").as("n"));
    if (Arrays.asList(counts.columns()).contains("days_present")) {
      totalCols.add(col("days_present"));
    }
    Dataset<Row> totals = counts.filter(isTotal).select(totalCols.toArray(Column[]::new));
    Dataset<Row> entities = counts.filter(isEntity);
    List<Column> rankA = new ArrayList<>();
    List<Column> rankB = new ArrayList<>();
    if (ranks.isPresent()) {
      entities = entities.join(ranks.get().keyed("entity_a", "entity_rank"),
          seq(List.of("entity_a")), "left");
      rankA.add(col("entity_rank").as(RANK_A));
      rankB.add(col("entity_rank").as(RANK_B));
    }
    Dataset<Row> na = entities.select(withKey(key, Stream.concat(
        Stream.of(col("entity_a"), col("units").as("n_a")), rankA.stream())
        .toArray(Column[]::new)));
    Dataset<Row> nb = entities.select(withKey(key, Stream.concat(
        Stream.of(col("entity_a").as("entity_b"), col("units").as("n_b")), rankB.stream())
        .toArray(Column[]::new)));
    Dataset<Row> pairs = counts.filter(isPair.and(col("units").geq(settings.minCount())))
        .select(withKey(key, col("entity_a"), col("entity_b"), col("units").as("n_ab")));
    if (ranks.isPresent() && marginalsFitBroadcast(counts.sparkSession(), ranks.get(),
        groupsAtMost, key.size())) {
      na = broadcast(na);
      nb = broadcast(nb);
    }
    // Marginals on the right: one row per key, so a frequent entity's many pairs stream past it.
    Dataset<Row> joined = pairs
        .join(na, seq(concat(key, "entity_a")))
        .join(nb, seq(concat(key, "entity_b")))
        .join(broadcast(totals), seq(key));

    List<Column> out = new ArrayList<>(columns(groups));
    out.addAll(List.of(col("entity_a"), col("entity_b"), col("level"),
        col("n_ab"), col("n_a"), col("n_b"), col("n")));
    if (Arrays.asList(totals.columns()).contains("days_present")) {
      out.add(col("days_present"));
    }
    if (ranks.isPresent()) {
      out.add(col(RANK_A));
      out.add(col(RANK_B));
    }
    return joined.select(out.toArray(Column[]::new));
  }

  /**
   * The measures of a pair by column name, in the tables' order: {@code pmi, npmi, g2, jaccard}
   * (expressions over its {@code n_ab, n_a, n_b, n}) and {@code counting}.
   */
  public Map<String, Column> measures() {
    Column nab = col("n_ab").cast("double");
    Column nA = col("n_a").cast("double");
    Column nB = col("n_b").cast("double");
    Column n = col("n").cast("double");
    Column pmi = log(nab.multiply(n).divide(nA.multiply(nB)));
    Column npmi = when(col("n_ab").equalTo(col("n")), lit(1.0))
        .otherwise(pmi.divide(log(nab.divide(n)).multiply(-1.0)));
    Column g2 = term(nab, nA, nB, n)
        .plus(term(nA.minus(nab), nA, n.minus(nB), n))
        .plus(term(nB.minus(nab), n.minus(nA), nB, n))
        .plus(term(n.minus(nA).minus(nB).plus(nab), n.minus(nA), n.minus(nB), n))
        .multiply(2.0);
    Column jaccard = nab.divide(nA.plus(nB).minus(nab));
    Map<String, Column> measures = new LinkedHashMap<>();
    measures.put("pmi", pmi);
    measures.put("npmi", npmi);
    measures.put("g2", g2);
    measures.put("jaccard", jaccard);
    measures.put("counting", lit(counting()));
    return Collections.unmodifiableMap(measures);
  }

  /** {@link #pairs} with the {@link #measures} after {@code n}: the rows {@link #score} gives. */
  public Dataset<Row> withMeasures(Dataset<Row> pairs) {
    List<Column> out = new ArrayList<>();
    for (String c : pairs.columns()) {
      out.add(col(c));
      if (c.equals("n")) {
        measures().forEach((name, measure) -> out.add(measure.as(name)));
      }
    }
    return pairs.select(out.toArray(Column[]::new));
  }

  /**
   * Whether marginals of at most {@code groups} groups fit the broadcast threshold: per entity
   * of the dictionary, level and group, one row of the key's {@code keyColumns}, the entity, its
   * units and rank (8 bytes each and a null word, as Spark lays out a row; 16 more for the
   * level's and the id's padding) and the id's own bytes.
   */
  static boolean marginalsFitBroadcast(SparkSession spark,
      StringRanks ranks, long groups, int keyColumns) {
    double rowBytes = 8.0 * (keyColumns + 3 + 1) + 16;
    double perGroup = ranks.size() * rowBytes + ranks.valueBytes();
    return BroadcastThreshold.fits(spark, (double) groups * perGroup);
  }

  /** {@code k * ln(k * n / (row * col))}, 0 when k = 0. */
  private static Column term(Column k, Column row, Column column, Column n) {
    return when(k.gt(0), k.multiply(log(k.multiply(n).divide(row.multiply(column)))))
        .otherwise(lit(0.0));
  }

  private static List<Column> columns(List<String> names) {
    return names.stream().map(org.apache.spark.sql.functions::col).toList();
  }

  private static Column[] withKey(List<String> key, Column... rest) {
    List<Column> all = new ArrayList<>(columns(key));
    all.addAll(Arrays.asList(rest));
    return all.toArray(Column[]::new);
  }

  private static List<String> concat(List<String> key, String column) {
    List<String> all = new ArrayList<>(key);
    all.add(column);
    return all;
  }

  private static scala.collection.immutable.Seq<String> seq(List<String> columns) {
    return scala.jdk.javaapi.CollectionConverters.asScala(columns).toSeq();
  }
}
