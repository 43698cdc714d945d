package io.kliping.text;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.when;

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
 * <p>Three steps, Spark built-ins only, all linear in the input:
 *
 * <ol>
 *   <li>count: each article's distinct candidate paragraphs are exploded and counted per
 *       {@code (source, line)}; a line repeated in 100k articles is one group that partial
 *       (map-side) aggregation reduces before the shuffle;
 *   <li>learn: lines at or above {@code minArticles}, then at or above {@code minShare} of the
 *       source's articles with text (a one-row-per-source frame);
 *   <li>remove: paragraph positions of debris lines are collected per touched article (a short
 *       int array) and filtered out of the split text, so the kept paragraphs stay in their order
 *       and untouched articles are not rewritten at all.
 * </ol>
 *
 * <p>Lines are compared by a key of their letters and digits in lower case, so the variants a
 * site's templates produce ("#GrowFearless with FIMELA", "#growfearless with Fimela!") count as
 * one line; the learned line reported is the smallest variant.
 *
 * <p>The join of paragraphs with the learned lines is keyed by a line that can be in every article
 * of a source; it is left to adaptive execution, which broadcasts the learned lines when they are
 * small (the usual case: a few dozen per source) and splits a skewed key otherwise. Nothing is
 * collected to the driver. Sources compare null-safely: articles without a source form one group.
 */
public final class RepeatedLineRemover {
  /** The separator {@link TextCleaner} puts between paragraphs; no regex metacharacters. */
  private static final String PARAGRAPH_BREAK = "\n\n";

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
   *         each article contributes each (key, variant) once
   */
  public Dataset<Row> learn(Dataset<Row> articles) {
    if (!settings.enabled()) {
      return articles.sparkSession().createDataFrame(List.of(), DEBRIS_LINES)
          .withColumn("key", lit(null).cast(DataTypes.StringType));
    }
    Column paragraphs = split(col("text"), PARAGRAPH_BREAK);
    Column entries = array_distinct(transform(filter(paragraphs, this::isCandidate),
        p -> struct(key(p).as("key"), p.as("line"))));
    Dataset<Row> lineCounts = articles
        .select(col("source"), explode(entries).as("e"))
        .filter(length(col("e.key")).gt(0))
        .groupBy(col("source"), col("e.key").as("key"))
        .agg(count(lit(1)).as("articles"), min(col("e.line")).as("line"))
        .filter(col("articles").geq(settings.minArticles()));
    Dataset<Row> sourceSizes = articles
        .filter(length(col("text")).gt(0))
        .groupBy(col("source").as("sized_source"))
        .agg(count(lit(1)).as("source_articles"));
    return lineCounts
        .join(sourceSizes, col("source").eqNullSafe(col("sized_source")))
        // a ratio, not n * minShare: 3 / 30 is the double 0.1, while 30 * 0.1 exceeds 3
        .filter(col("articles").divide(col("source_articles")).geq(settings.minShare()))
        .select(col("source"), col("key"), col("line"), col("articles"));
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
    Dataset<Row> paragraphs = articles.select(col("input_file"), col("position"), col("source"),
        posexplode(split(col("text"), PARAGRAPH_BREAK)).as(new String[] {"idx", "line"}));
    Dataset<Row> candidates = paragraphs.filter(isCandidate(col("line")))
        .withColumn("key", key(col("line")));
    Dataset<Row> keys = debris.select(col("source").as("debris_source"),
        col("key").as("debris_key"));
    Dataset<Row> dropped = candidates
        .join(keys, col("source").eqNullSafe(col("debris_source"))
            .and(col("key").equalTo(col("debris_key"))))
        .groupBy(col("input_file").as("dropped_file"), col("position").as("dropped_position"))
        .agg(collect_list(col("idx")).as("dropped"));

    Column kept = array_join(
        filter(split(col("text"), PARAGRAPH_BREAK),
            (paragraph, idx) -> not(array_contains(col("dropped"), idx))),
        PARAGRAPH_BREAK);
    Column[] output = Arrays.stream(articles.columns())
        .map(name -> name.equals("text")
            ? when(col("dropped").isNull(), col("text")).otherwise(kept).as("text")
            : col(quoted(name)))
        .toArray(Column[]::new);
    return articles
        .join(dropped, col("input_file").equalTo(col("dropped_file"))
            .and(col("position").equalTo(col("dropped_position"))), "left")
        .select(output);
  }

  /** Letters and digits of a line, lower case: what makes two template variants one line. */
  private static Column key(Column line) {
    return lower(regexp_replace(line, "[^\\p{L}\\p{N}]+", ""));
  }

  /** A column name as {@code col} takes it literally (dots and backticks included). */
  private static String quoted(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  private Column isCandidate(Column paragraph) {
    return length(paragraph).between(1, settings.maxChars());
  }

  /**
   * @param articles    the input rows and schema, {@code text} rewritten
   * @param debrisLines {@code source string, line string, articles long}: the lines learned as
   *                    debris and in how many articles of their source they occurred
   */
  public record Result(Dataset<Row> articles, Dataset<Row> debrisLines) {}
}
