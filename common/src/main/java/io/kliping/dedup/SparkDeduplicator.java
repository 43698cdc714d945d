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
import static io.kliping.dedup.DedupColumns.CONTENT_HASH;
import static io.kliping.dedup.DedupColumns.FIRST_PUBLISHED_AT;
import static io.kliping.dedup.DedupColumns.LAST_PUBLISHED_AT;
import static io.kliping.dedup.DedupColumns.NEW_MEMBERS;
import static io.kliping.dedup.DedupColumns.SCHEME;
import static io.kliping.dedup.DedupColumns.SIGNATURE;
import static io.kliping.dedup.DedupColumns.SIZE;
import static io.kliping.dedup.DedupColumns.SOURCES;
import static io.kliping.dedup.DedupColumns.TEXT_LENGTH;
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
import static org.apache.spark.sql.functions.xxhash64;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Deduplicator} on Spark DataFrames. Every step is linear in the number of articles: sorted
 * buckets with a few edges per member instead of pairwise comparisons, no collect, and
 * intermediate results that several steps read are local-checkpointed, so nothing is computed
 * twice.
 *
 * <p>The graph: every new article with content is a node, an earlier cluster of the index is one
 * node (U+0000 + its cluster id), so earlier clusters stay whole and the graph only holds what
 * touches the batch. Nodes and bucket members are 64-bit hashes of those strings (Spark's {@code
 * xxhash64}, the lowest bit telling new from index members), so the shuffles, sorts and
 * connected-components rounds move longs instead of ids; two different ids colliding (probability
 * about n^2 / 2^64, 5e-8 for a million articles) would be taken as one node. Buckets are exact (content hash: exact copies, also those too short for a
 * signature) or LSH bands; every edge has a new end, so two earlier clusters merge exactly when
 * new articles connect them. An index entry's bucket member is its cluster and content hash, so
 * copies within one index cluster count once.
 */
final class SparkDeduplicator implements Deduplicator {

  private static final Logger LOG = LoggerFactory.getLogger(SparkDeduplicator.class);

  /**
   * Prefix of the graph node of an index cluster and of the member id of an index entry; it never
   * starts an article id, so the two name spaces cannot meet.
   */
  static final String INDEX_NODE = "\u0000";

  private static final String MEMBER = "_member";
  private static final String NODE = "_node";
  private static final String IS_NEW = "_new";
  private static final String OLD_CLUSTER = "_old_cluster";
  private static final String OLD_CANONICAL = "_old_canonical";
  private static final String CANONICAL = "_canonical";
  private static final String CLUSTER_KEY = "_cluster_key";

  private static final String SHINGLES = FingerprintFunction.SHINGLES;

  private static final UserDefinedFunction SIMILARITY_UDF =
      functions.udf(new SignatureSimilarityUdf(), DataTypes.DoubleType);
  private static final UserDefinedFunction SKETCH_UDF =
      functions.udf(new SignatureSketchUdf(), DataTypes.BinaryType);
  private static final UserDefinedFunction SKETCH_SIMILARITY_UDF =
      functions.udf(new SketchSimilarityUdf(), DataTypes.DoubleType);
  private static final UserDefinedFunction JACCARD_UDF =
      functions.udf(new ShingleJaccardUdf(), DataTypes.DoubleType);

  private final DedupSettings settings;
  private final LshParams lshParams;
  private final String scheme;

  SparkDeduplicator(DedupSettings settings) {
    this.settings = settings;
    this.lshParams = settings.lshParams();
    this.scheme = settings.signatureScheme();
  }

  @Override
  public Result apply(Dataset<Row> articles) {
    return apply(articles, articles.sparkSession().createDataFrame(List.of(),
        DedupColumns.INDEX_SCHEMA));
  }

  @Override
  public Result apply(Dataset<Row> articles, Dataset<Row> index) {
    requireInputColumns(articles.schema());
    requireIndexColumns(index.schema());
    LOG.info("Dedup with {} ({}, threshold {})", lshParams, scheme, settings.threshold());
    long[] indexCounts = indexCounts(index);
    if (indexCounts[1] > 0) {
      LOG.warn("Dedup index: {} rows of another signature scheme than {} ignored",
          indexCounts[1], scheme);
    }
    LOG.info("Dedup index: comparing with {} rows", indexCounts[0]);

    // Read by the banding, the verification and the final assignment, whose first shuffles run
    // concurrently: checkpointed eagerly, so the texts are read and signed once.
    Dataset<Row> batch = batchMembers(fingerprints(articles)).localCheckpoint(true);
    Dataset<Row> indexed = indexMembers(index);
    Dataset<Row> members = graphMembers(batch, indexed);
    Dataset<Row> edges = verifiedEdges(candidateEdges(members), members);
    Dataset<Row> components = ConnectedComponents.find(edges);
    // Shared by all outputs.
    Dataset<Row> assigned = assignments(batch, indexed, components).localCheckpoint(false);

    Dataset<Row> assignedBatch = assigned.where(col(IS_NEW));
    Dataset<Row> assignments =
        assignedBatch.select(col(ARTICLE_ID), col(CLUSTER_ID), col(IS_CANONICAL), col(DUP_TYPE),
            col(CANONICAL_ID), col(SIMILARITY));
    Dataset<Row> duplicates =
        assignedBatch
            .where(functions.not(col(IS_CANONICAL)))
            .select(col(ARTICLE_ID), col(CLUSTER_ID), col(CANONICAL_ID), col(DUP_TYPE),
                col(SIMILARITY));
    Dataset<Row> indexEntries =
        assignedBatch.select(
            col(ARTICLE_ID), col(CLUSTER_ID), col(IS_CANONICAL), col(PUBLISHED_AT), col(SOURCE),
            col(CONTENT_HASH), col(TEXT_LENGTH), col(SIGNATURE), lit(scheme).as(SCHEME));
    return new Result(articles, assignments, duplicates, clusters(assigned), indexEntries,
        indexCounts[0], indexCounts[1]);
  }

  /** Index rows of this signature scheme and of others, in one pass over the scheme column. */
  private long[] indexCounts(Dataset<Row> index) {
    Column same = coalesce(col(SCHEME).equalTo(lit(scheme)), lit(false));
    Row counts =
        index
            .agg(
                functions.sum(when(same, 1L).otherwise(0L)),
                functions.sum(when(same, 0L).otherwise(1L)))
            .first();
    return new long[] {
      counts.isNullAt(0) ? 0L : counts.getLong(0), counts.isNullAt(1) ? 0L : counts.getLong(1)
    };
  }

  /** Step 1: content hash, normalised length and signature of every article. */
  private Dataset<Row> fingerprints(Dataset<Row> articles) {
    return articles
        .select(col(ARTICLE_ID), col(TEXT), col(PUBLISHED_AT), col(SOURCE))
        .mapPartitions(
            new FingerprintFunction(settings), Encoders.row(FingerprintFunction.OUTPUT_SCHEMA));
  }

  /**
   * The new articles as members; each is its own graph node, its member id the node. Member ids of
   * new articles are odd, those of index entries even ({@link BandKeysFunction#isNew}).
   */
  private static Dataset<Row> batchMembers(Dataset<Row> fingerprints) {
    return fingerprints
        .withColumn(NODE, xxhash64(col(ARTICLE_ID)).bitwiseOR(lit(1L)))
        .withColumn(MEMBER, col(NODE))
        .withColumn(IS_NEW, lit(true))
        .withColumn(OLD_CLUSTER, lit(null).cast(DataTypes.StringType))
        .withColumn(OLD_CANONICAL, lit(false));
  }

  /**
   * The index rows of this scheme as members; the graph node is their cluster, the member id their
   * cluster and text.
   */
  private Dataset<Row> indexMembers(Dataset<Row> index) {
    Column cluster = coalesce(col(CLUSTER_ID), col(ARTICLE_ID));
    Column node = concat(lit(INDEX_NODE), cluster);
    return index
        .where(col(SCHEME).equalTo(lit(scheme)))
        .select(
            col(ARTICLE_ID),
            col(PUBLISHED_AT),
            col(SOURCE),
            col(CONTENT_HASH),
            coalesce(col(TEXT_LENGTH), lit(0)).as(TEXT_LENGTH),
            col(SIGNATURE),
            xxhash64(node).as(NODE),
            xxhash64(concat(node, lit(INDEX_NODE), coalesce(col(CONTENT_HASH), lit(""))))
                .bitwiseAND(lit(~1L))
                .as(MEMBER),
            lit(false).as(IS_NEW),
            cluster.as(OLD_CLUSTER),
            coalesce(col(IS_CANONICAL), lit(false)).as(OLD_CANONICAL));
  }

  /**
   * {@code (member, node, content_hash, signature, shingles)} of everything with content; shingles
   * only of new articles and with exact verification.
   */
  private static Dataset<Row> graphMembers(Dataset<Row> batch, Dataset<Row> indexed) {
    Column[] columns = {
      col(MEMBER), col(NODE), col(CONTENT_HASH), col(SIGNATURE), col(SHINGLES)
    };
    return batch
        .where(col(CONTENT_HASH).isNotNull())
        .select(columns)
        .union(
            indexed
                .where(col(CONTENT_HASH).isNotNull())
                .select(col(MEMBER), col(NODE), col(CONTENT_HASH), col(SIGNATURE),
                    lit(null).cast(DataTypes.BinaryType).as(SHINGLES)));
  }

  /**
   * Steps 2-3: bucket keys of every member, one shuffle by key, then a few edges per member of
   * each bucket with a new member ({@link BucketEdgesFunction}): linear in the bucket size, never
   * n^2 pairs.
   */
  private Dataset<Row> candidateEdges(Dataset<Row> members) {
    String key = BandKeysFunction.BAND_KEY;
    return members
        .select(col(MEMBER), col(CONTENT_HASH), col(SIGNATURE))
        .mapPartitions(
            new BandKeysFunction(lshParams), Encoders.row(BandKeysFunction.OUTPUT_SCHEMA))
        .repartition(col(key))
        // By the key alone: one long column sorts by radix sort; the function orders each bucket.
        .sortWithinPartitions(col(key))
        .mapPartitions(
            new BucketEdgesFunction(), Encoders.row(BucketEdgesFunction.OUTPUT_SCHEMA))
        .distinct();
  }

  /**
   * Step 4: keep the candidate edges between copies of one text, or whose similarity is at least
   * the threshold, as edges between graph nodes. The similarity is the signatures' estimate,
   * taken from their 16-bit {@link SignatureSimilarity#sketch sketches} so that the two joins
   * move half the bytes, or with exact verification the exact Jaccard similarity of the shingle
   * sets where both ends have them (new articles).
   */
  private Dataset<Row> verifiedEdges(Dataset<Row> candidates, Dataset<Row> members) {
    String src = ConnectedComponents.SRC;
    String dst = ConnectedComponents.DST;
    boolean exact = settings.exactVerification();
    Dataset<Row> srcMembers =
        members.select(col(MEMBER).as(src), col(NODE).as("_src"),
            col(CONTENT_HASH).as("_src_hash"), SKETCH_UDF.apply(col(SIGNATURE)).as("_src_sig"),
            (exact ? col(SHINGLES) : lit(null).cast(DataTypes.BinaryType)).as("_src_sh"));
    Dataset<Row> dstMembers =
        members.select(col(MEMBER).as(dst), col(NODE).as("_dst"),
            col(CONTENT_HASH).as("_dst_hash"), SKETCH_UDF.apply(col(SIGNATURE)).as("_dst_sig"),
            (exact ? col(SHINGLES) : lit(null).cast(DataTypes.BinaryType)).as("_dst_sh"));
    Column sameText = col("_src_hash").equalTo(col("_dst_hash"));
    Column estimate = SKETCH_SIMILARITY_UDF.apply(col("_src_sig"), col("_dst_sig"));
    Column similarity =
        exact
            ? coalesce(JACCARD_UDF.apply(col("_src_sh"), col("_dst_sh")), estimate)
            : estimate;
    Column similar = similarity.geq(settings.threshold());
    return candidates
        .join(srcMembers, src)
        .join(dstMembers, dst)
        .where(sameText.or(coalesce(similar, lit(false))))
        .select(col("_src").as(src), col("_dst").as(dst));
  }

  /**
   * Steps 5-8: cluster, canonical article, duplicate type and similarity of every new article and
   * of the index entries of the clusters it joins.
   */
  private Dataset<Row> assignments(
      Dataset<Row> batch, Dataset<Row> indexed, Dataset<Row> components) {
    Dataset<Row> nodes =
        components.select(
            col(ConnectedComponents.NODE).as(NODE), col(ConnectedComponents.COMPONENT));
    // The cluster key is a column, not an expression in each window: two windows partitioned by
    // one expression written twice would each shuffle and sort the rows, signatures and all.
    Dataset<Row> members =
        batch.drop(SHINGLES).join(nodes, NODE, "left").unionByName(indexed.join(nodes, NODE))
            .withColumn(CLUSTER_KEY, coalesce(col(ConnectedComponents.COMPONENT), col(NODE)));
    WindowSpec cluster = Window.partitionBy(col(CLUSTER_KEY));

    // The earlier cluster's id (the smallest when a new article merges several), else the
    // smallest article_id.
    Column clusterId =
        coalesce(min(col(OLD_CLUSTER)).over(cluster), min(col(ARTICLE_ID)).over(cluster));
    // Smallest key wins: an earlier canonical article (when kept), earliest date (nulls last),
    // longest text, best source, smallest id, the earlier delivery of the same id.
    Column notOldCanonical =
        settings.keepOldCanonical()
            ? functions.not(functions.not(col(IS_NEW)).and(col(OLD_CANONICAL)))
            : lit(false);
    Column canonicalKey =
        struct(
            notOldCanonical.as("not_old_canonical"),
            col(PUBLISHED_AT).isNull().as("undated"),
            col(PUBLISHED_AT).as("published_at"),
            negate(col(TEXT_LENGTH)).as("shorter"),
            sourceRank(col(SOURCE)).as("source_rank"),
            col(ARTICLE_ID).as("id"),
            col(IS_NEW).as("new"),
            col(CONTENT_HASH).as("content_hash"),
            col(SIGNATURE).as("signature"));
    Column canonical = col(CANONICAL);
    Column isCanonical =
        col(ARTICLE_ID)
            .equalTo(canonical.getField("id"))
            .and(col(IS_NEW).equalTo(canonical.getField("new")));
    Column dupType =
        when(isCanonical, DupType.UNIQUE.label())
            .when(col(CONTENT_HASH).equalTo(canonical.getField("content_hash")),
                DupType.EXACT.label())
            .otherwise(DupType.NEAR.label());
    return members
        .withColumn(CLUSTER_ID, clusterId)
        .withColumn(CANONICAL, min(canonicalKey).over(cluster))
        .withColumn(DUP_TYPE, dupType)
        .select(
            col(ARTICLE_ID),
            col(IS_NEW),
            col(CLUSTER_ID),
            isCanonical.as(IS_CANONICAL),
            col(DUP_TYPE),
            canonical.getField("id").as(CANONICAL_ID),
            when(col(DUP_TYPE).equalTo(DupType.NEAR.label()),
                    SIMILARITY_UDF.apply(col(SIGNATURE), canonical.getField("signature")))
                .otherwise(lit(1.0))
                .as(SIMILARITY),
            col(PUBLISHED_AT),
            col(SOURCE),
            col(CONTENT_HASH),
            col(TEXT_LENGTH),
            col(SIGNATURE));
  }

  /** One row per cluster with a new article and at least two members (new and indexed). */
  private static Dataset<Row> clusters(Dataset<Row> assigned) {
    return assigned
        .groupBy(col(CLUSTER_ID))
        .agg(
            min(col(CANONICAL_ID)).as(CANONICAL_ID),
            functions.count(lit(1)).as(SIZE),
            functions.sum(when(col(IS_NEW), 1L).otherwise(0L)).as(NEW_MEMBERS),
            functions.array_sort(functions.collect_set(col(SOURCE))).as(SOURCES),
            min(col(PUBLISHED_AT)).as(FIRST_PUBLISHED_AT),
            functions.max(col(PUBLISHED_AT)).as(LAST_PUBLISHED_AT))
        .where(col(NEW_MEMBERS).geq(1L).and(col(SIZE).geq(2L)));
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

  private static void requireIndexColumns(StructType schema) {
    List<String> present = Arrays.asList(schema.fieldNames());
    for (StructField required : DedupColumns.INDEX_SCHEMA.fields()) {
      DataType actual =
          present.contains(required.name()) ? schema.apply(required.name()).dataType() : null;
      if (!required.dataType().equals(actual)) {
        throw new IllegalArgumentException(
            "dedup index needs column "
                + required.name()
                + " "
                + required.dataType().simpleString()
                + ", got schema "
                + schema.simpleString());
      }
    }
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
