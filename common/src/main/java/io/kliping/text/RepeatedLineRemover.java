package io.kliping.text;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Removes site debris learned from the batch itself: a short paragraph that recurs in many
 * articles of the same source ("Dapatkan update berita pilihan ... Telegram", newsletter promos,
 * footers, "Editor: X" credits) is page chrome, not news. {@link TextCleaner}'s fixed patterns
 * cannot know every site's chrome; counting can. Thresholds are in {@link RepeatedLineSettings}.
 *
 * <p>Steps, Spark built-ins (and {@link LettersAndDigits} for line keys), all linear in the
 * input:
 *
 * <ol>
 *   <li>count: each article's distinct paragraphs (any length) are exploded as a 64-bit hash of
 *       their key and counted per {@code (source, hash)}; a line repeated in 100k articles is one
 *       group that partial (map-side) aggregation reduces before the shuffle;
 *   <li>tell chrome from stories: a paragraph at or above both thresholds is frequent. An article
 *       is evidence only if at most {@code maxFrequentShare} of its paragraphs are frequent, since
 *       chrome surrounds text of the article's own, while an outlet that ran one wire story fifty
 *       times has fifty articles made of frequent paragraphs. Without this step those paragraphs
 *       would be learned as debris and stripped from every copy, breaking the duplicate cluster;
 *   <li>learn: short candidate lines counted again over evidence articles only, kept at or above
 *       {@code minArticles} and {@code minShare} of the source's articles with text;
 *   <li>remove: each source's debris keys (a set of a few dozen) are broadcast to its articles,
 *       and the candidate paragraphs whose key is in the set are filtered out of the split text,
 *       so the kept paragraphs stay in their order and untouched articles are not rewritten at
 *       all. The articles are not shuffled for it.
 * </ol>
 *
 * <p>Lines are compared by a key of their letters and digits in lower case, so the variants a
 * site's templates produce ("#GrowFearless with FIMELA", "#growfearless with Fimela!") count as
 * one line; the learned line reported is the smallest variant.
 *
 * <p>The learned lines are broadcast: a line is learned only when at least {@code minShare} of its
 * source's articles carry it, so a source has at most (its articles' mean number of short
 * paragraphs) / {@code minShare} of them however many articles it has, and in practice a few
 * dozen (41 over all sources of a 250k-article corpus); their number grows with the number of
 * sources, not of articles. Nothing is collected to the driver. Sources compare null-safely: articles without a source form one group.
 */
public final class RepeatedLineRemover {
  /** The separator {@link TextCleaner} puts between paragraphs; no regex metacharacters. */
  private static final String PARAGRAPH_BREAK = "\n\n";

  private static final String DEBRIS_SOURCE = "_debris_source";
  private static final String DEBRIS_KEYS = "_debris_keys";

  private static final StructType DEBRIS_LINES = new StructType()
      .add("source", DataTypes.StringType)
      .add("line", DataTypes.StringType)
      .add("articles", DataTypes.LongType, false);

  private final RepeatedLineSettings settings;

  private RepeatedLineRemover(RepeatedLineSettings settings) {
    this.settings = settings;
  }

  public static RepeatedLineRemover create(RepeatedLineSettings settings) {
    return new RepeatedLineRemover(settings);
  }

  /**
   * The articles with their debris paragraphs removed, and the lines learned as debris.
   *
   * @param articles any schema with {@code input_file}, {@code position} (together unique),
   *                 {@code source} (nullable) and {@code text} ("\n\n"-separated paragraphs)
   */
  public Result apply(Dataset<Row> articles) {
    if (!settings.enabled()) {
      return new Result(articles, articles.sparkSession().createDataFrame(
          List.of(), DEBRIS_LINES));
    }
    Dataset<Row> debris = learn(articles);
    return new Result(remove(articles, debris), debris.drop("key"));
  }

  /**
   * The two steps of {@link #apply} apart, so a caller can persist the (small) learned lines
   * and use them twice without learning them twice.
   *
   * @return candidates frequent enough in their source: {@code source, key, line, articles};
   *         each evidence article contributes each (key, variant) once
   */
  public Dataset<Row> learn(Dataset<Row> articles) {
    if (!settings.enabled()) {
      return articles.sparkSession().createDataFrame(List.of(), DEBRIS_LINES)
          .withColumn("key", lit(null).cast(DataTypes.StringType));
    }
    Dataset<Row> withText = articles.filter(TextLength.isNotEmpty(col("text")));
    Dataset<Row> sourceSizes = withText
        .groupBy(col("source").as("sized_source"))
        .agg(count(lit(1)).as("source_articles"));
    // Every paragraph with a letter or digit, once per article and variant: the hash of its key
    // (what is counted), and for candidates the key and the line (what may be learned).
    Column keyed = filter(
        transform(split(col("text"), PARAGRAPH_BREAK), p -> struct(key(p).as("key"), p.as("line"))),
        e -> TextLength.isNotEmpty(e.getField("key")));
    Dataset<Row> occurrences = withText
        .select(col("input_file"), col("position"), col("source"), keyed.as("keyed"))
        .select(col("input_file"), col("position"), col("source"),
            size(array_distinct(transform(col("keyed"), e -> e.getField("key"))))
                .as("paragraphs"),
            explode(array_distinct(transform(col("keyed"), e -> struct(
                xxhash64(e.getField("key")).as("hash"),
                when(isCandidate(e.getField("line")), e.getField("key")).as("key"),
                when(isCandidate(e.getField("line")), e.getField("line")).as("line")))))
                .as("e"))
        .select(col("input_file"), col("position"), col("source"), col("paragraphs"),
            col("e.hash").as("hash"), col("e.key").as("key"), col("e.line").as("line"));
    // Paragraphs of any length frequent in their source: chrome, and stories the source ran often.
    Dataset<Row> frequent = frequentInSource(
        occurrences.groupBy(col("source"), col("hash")).agg(count(lit(1)).as("articles")),
        sourceSizes)
        .select(col("source").as("frequent_source"), col("hash").as("frequent_hash"));
    // Evidence: articles where frequent paragraphs are at most maxFrequentShare of the text. A
    // story repeated fifty times is all frequent paragraphs; a page around its chrome is not.
    Dataset<Row> lines = occurrences
        .join(frequent, col("source").eqNullSafe(col("frequent_source"))
            .and(col("hash").equalTo(col("frequent_hash"))))
        .groupBy(col("input_file"), col("position"), col("source"))
        .agg(max(col("paragraphs")).as("paragraphs"),
            size(collect_set(col("hash"))).as("frequent"),
            collect_list(when(col("key").isNotNull(), struct(col("key"), col("line"))))
                .as("lines"))
        // a ratio, not n * share, for the same reason as in frequentInSource
        .filter(col("frequent").divide(col("paragraphs")).leq(settings.maxFrequentShare()))
        .select(col("source"), explode(col("lines")).as("l"))
        .groupBy(col("source"), col("l.key").as("key"))
        .agg(count(lit(1)).as("articles"), min(col("l.line")).as("line"));
    return frequentInSource(lines, sourceSizes)
        .select(col("source"), col("key"), col("line"), col("articles"));
  }

  /** Rows of {@code counts} ({@code source, articles, ...}) at or above both thresholds. */
  private Dataset<Row> frequentInSource(Dataset<Row> counts, Dataset<Row> sourceSizes) {
    return counts
        .filter(col("articles").geq(settings.minArticles()))
        .join(sourceSizes, col("source").eqNullSafe(col("sized_source")))
        // a ratio, not n * minShare: 3 / 30 is the double 0.1, while 30 * 0.1 exceeds 3
        .filter(col("articles").divide(col("source_articles")).geq(settings.minShare()))
        .drop("sized_source", "source_articles");
  }

  /**
   * The articles, with the paragraphs whose key is a debris key of their source filtered out.
   *
   * @param debris what {@link #learn} returned
   */
  public Dataset<Row> remove(Dataset<Row> articles, Dataset<Row> debris) {
    if (!settings.enabled()) {
      return articles;
    }
    // The keys of each source that has debris (a few dozen; see the class comment) are broadcast
    // to the articles, which stream past them where they are instead of being shuffled to meet
    // their dropped paragraphs.
    Dataset<Row> keysBySource = debris
        .groupBy(col("source").as(DEBRIS_SOURCE))
        .agg(collect_set(col("key")).as(DEBRIS_KEYS));
    Column paragraphs = split(col("text"), PARAGRAPH_BREAK);
    Column kept = filter(paragraphs,
        p -> not(isCandidate(p).and(array_contains(col(DEBRIS_KEYS), key(p)))));
    Column text = when(col(DEBRIS_KEYS).isNull(), col("text"))
        .when(size(kept).equalTo(size(paragraphs)), col("text"))
        .otherwise(array_join(kept, PARAGRAPH_BREAK));
    Column[] output = Arrays.stream(articles.columns())
        .map(name -> name.equals("text") ? text.as("text") : col(quoted(name)))
        .toArray(Column[]::new);
    return articles
        .join(broadcast(keysBySource), col("source").eqNullSafe(col(DEBRIS_SOURCE)), "left")
        .select(output);
  }

  /** Letters and digits of a line, lower case: what makes two template variants one line. */
  private static Column key(Column line) {
    return lower(LettersAndDigits.of(line));
  }

  /** A column name as {@code col} takes it literally (dots and backticks included). */
  private static String quoted(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  private Column isCandidate(Column paragraph) {
    return TextLength.isNotEmpty(paragraph)
        .and(TextLength.atMost(paragraph, settings.maxChars()));
  }

  /**
   * @param articles    the input rows and schema, {@code text} rewritten
   * @param debrisLines {@code source string, line string, articles long}: the lines learned as
   *                    debris and in how many articles of their source they occurred
   *                    (evidence articles only: repeated stories are not counted)
   */
  public record Result(Dataset<Row> articles, Dataset<Row> debrisLines) {}
}
