package io.kliping.dedup;

import static io.kliping.dedup.DedupColumns.ARTICLE_ID;
import static io.kliping.dedup.DedupColumns.CANONICAL_ID;
import static io.kliping.dedup.DedupColumns.CLUSTER_ID;
import static io.kliping.dedup.DedupColumns.DUP_TYPE;
import static io.kliping.dedup.DedupColumns.IS_CANONICAL;
import static io.kliping.dedup.DedupColumns.PUBLISHED_AT;
import static io.kliping.dedup.DedupColumns.SIMILARITY;
import static io.kliping.dedup.DedupColumns.SOURCE;
import static io.kliping.dedup.DedupColumns.TEXT;
import static io.kliping.dedup.FingerprintFunction.CONTENT_HASH;
import static io.kliping.dedup.FingerprintFunction.SIGNATURE;
import static io.kliping.dedup.FingerprintFunction.TEXT_LENGTH;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_position;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.negate;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Deduplicator} on Spark DataFrames. Every step is linear in the number of articles: window
 * minima instead of pairwise comparisons, no collect, and intermediate results that several steps
 * read are lazily local-checkpointed, so no extra action runs and nothing is computed twice.
 */
final class SparkDeduplicator implements Deduplicator {

  private static final Logger LOG = LoggerFactory.getLogger(SparkDeduplicator.class);

  private static final String REP_ID = "rep_id";
  private static final String ID = BandKeysFunction.ID;
  private static final String CANONICAL = "_canonical";
  private static final String JOIN_ID = "_dedup_article_id";

  private static final UserDefinedFunction SIMILARITY_UDF =
      functions.udf(new SignatureSimilarityUdf(), DataTypes.DoubleType);

  private final DedupSettings settings;
  private final LshParams lshParams;

  SparkDeduplicator(DedupSettings settings) {
    this.settings = settings;
    this.lshParams = settings.lshParams();
  }

  @Override
  public Result apply(Dataset<Row> articles) {
    requireInputColumns(articles.schema());
    LOG.info("Dedup with {} ({}, threshold {})", lshParams, settings.signatureScheme(),
        settings.threshold());

    // Read by the banding and again by the final assignment: checkpointed (lazily, no extra job).
    Dataset<Row> members = withRepresentatives(fingerprints(articles)).localCheckpoint(false);
    Dataset<Row> signatures =
        members
            .where(col(ARTICLE_ID).equalTo(col(REP_ID)).and(col(SIGNATURE).isNotNull()))
            .select(col(ARTICLE_ID).as(ID), col(SIGNATURE));
    Dataset<Row> edges = verifiedEdges(candidateEdges(signatures), signatures);
    Dataset<Row> components = ConnectedComponents.find(edges);
    // Shared by both outputs.
    Dataset<Row> assignments = assignments(members, components).localCheckpoint(false);

    Dataset<Row> renamed = assignments.withColumnRenamed(ARTICLE_ID, JOIN_ID);
    Dataset<Row> annotated =
        articles
            .join(renamed, articles.col(ARTICLE_ID).equalTo(renamed.col(JOIN_ID)), "left")
            .select(
                articles.col("*"),
                col(CLUSTER_ID),
                col(IS_CANONICAL),
                col(DUP_TYPE),
                col(CANONICAL_ID),
                col(SIMILARITY));
    Dataset<Row> duplicates =
        assignments
            .where(functions.not(col(IS_CANONICAL)))
            .select(col(ARTICLE_ID), col(CLUSTER_ID), col(CANONICAL_ID), col(DUP_TYPE),
                col(SIMILARITY));
    return new Result(annotated, duplicates);
  }

  /** Step 1: content hash, normalised length and signature of every article. */
  private Dataset<Row> fingerprints(Dataset<Row> articles) {
    return articles
        .select(col(ARTICLE_ID), col(TEXT), col(PUBLISHED_AT), col(SOURCE))
        .mapPartitions(
            new FingerprintFunction(settings), Encoders.row(FingerprintFunction.OUTPUT_SCHEMA));
  }

  /**
   * Step 1b: {@code rep_id}, the smallest id with the same content hash (itself when the text
   * normalised to nothing: such articles are never duplicates).
   */
  private static Dataset<Row> withRepresentatives(Dataset<Row> fingerprints) {
    Column exactKey =
        coalesce(col(CONTENT_HASH), concat(lit("id:"), col(ARTICLE_ID)));
    return fingerprints.withColumn(
        REP_ID, min(col(ARTICLE_ID)).over(Window.partitionBy(exactKey)));
  }

  /**
   * Step 2-3: per band key, an edge from every member to the bucket's smallest member: a star, so
   * a bucket of n documents yields n - 1 edges, never n^2 pairs.
   */
  private Dataset<Row> candidateEdges(Dataset<Row> signatures) {
    String head = "_head";
    return signatures
        .mapPartitions(
            new BandKeysFunction(lshParams), Encoders.row(BandKeysFunction.OUTPUT_SCHEMA))
        .withColumn(head, min(col(ID)).over(Window.partitionBy(col(BandKeysFunction.BAND_KEY))))
        .where(col(ID).notEqual(col(head)))
        .select(col(ID).as(ConnectedComponents.SRC), col(head).as(ConnectedComponents.DST))
        .distinct();
  }

  /** Step 4: keep the candidate edges whose full signatures agree on at least the threshold. */
  private Dataset<Row> verifiedEdges(Dataset<Row> candidates, Dataset<Row> signatures) {
    String src = ConnectedComponents.SRC;
    String dst = ConnectedComponents.DST;
    Dataset<Row> srcSignatures = signatures.select(col(ID).as(src), col(SIGNATURE).as("_src_sig"));
    Dataset<Row> dstSignatures = signatures.select(col(ID).as(dst), col(SIGNATURE).as("_dst_sig"));
    return candidates
        .join(srcSignatures, src)
        .join(dstSignatures, dst)
        .where(SIMILARITY_UDF.apply(col("_src_sig"), col("_dst_sig")).geq(settings.threshold()))
        .select(col(src), col(dst));
  }

  /** Steps 5-8: cluster, canonical article, duplicate type and similarity of every article. */
  private Dataset<Row> assignments(Dataset<Row> members, Dataset<Row> components) {
    Dataset<Row> clustered =
        members
            .join(
                components.select(
                    col(ConnectedComponents.NODE).as(REP_ID),
                    col(ConnectedComponents.COMPONENT)),
                REP_ID,
                "left")
            .withColumn(CLUSTER_ID, coalesce(col(ConnectedComponents.COMPONENT), col(REP_ID)));

    // Smallest key wins: earliest date (nulls last), longest text, best source, smallest id.
    Column canonicalKey =
        struct(
            col(PUBLISHED_AT).isNull().as("undated"),
            col(PUBLISHED_AT).as("published_at"),
            negate(col(TEXT_LENGTH)).as("shorter"),
            sourceRank(col(SOURCE)).as("source_rank"),
            col(ARTICLE_ID).as("id"),
            col(CONTENT_HASH).as("content_hash"),
            col(SIGNATURE).as("signature"));
    Column canonical = col(CANONICAL);
    Column isCanonical = col(ARTICLE_ID).equalTo(canonical.getField("id"));
    Column dupType =
        when(isCanonical, DupType.UNIQUE.label())
            .when(col(CONTENT_HASH).equalTo(canonical.getField("content_hash")),
                DupType.EXACT.label())
            .otherwise(DupType.NEAR.label());
    return clustered
        .withColumn(CANONICAL, min(canonicalKey).over(Window.partitionBy(col(CLUSTER_ID))))
        .withColumn(DUP_TYPE, dupType)
        .select(
            col(ARTICLE_ID),
            col(CLUSTER_ID),
            isCanonical.as(IS_CANONICAL),
            col(DUP_TYPE),
            canonical.getField("id").as(CANONICAL_ID),
            when(col(DUP_TYPE).equalTo(DupType.NEAR.label()),
                    SIMILARITY_UDF.apply(col(SIGNATURE), canonical.getField("signature")))
                .otherwise(lit(1.0))
                .as(SIMILARITY));
  }

  /** Position of the source in the ranking (1-based); unlisted and null sources rank last. */
  private Column sourceRank(Column source) {
    List<String> ranking = settings.sourceRanking();
    if (ranking.isEmpty()) {
      return lit(0L);
    }
    Column position =
        array_position(array(ranking.stream().map(functions::lit).toArray(Column[]::new)), source);
    return when(position.isNull().or(position.equalTo(0L)), lit(ranking.size() + 1L))
        .otherwise(position);
  }

  private static void requireInputColumns(StructType schema) {
    List<String> present = Arrays.asList(schema.fieldNames());
    for (StructField required : DedupColumns.REQUIRED_INPUT_SCHEMA.fields()) {
      DataType actual =
          present.contains(required.name()) ? schema.apply(required.name()).dataType() : null;
      if (!required.dataType().equals(actual)) {
        throw new IllegalArgumentException(
            "dedup input needs column "
                + required.name()
                + " "
                + required.dataType().simpleString()
                + ", got schema "
                + schema.simpleString());
      }
    }
    for (String added : DedupColumns.ADDED_SCHEMA.fieldNames()) {
      if (present.contains(added)) {
        throw new IllegalArgumentException(
            "dedup input already has output column " + added + ": " + schema.simpleString());
      }
    }
  }
}
