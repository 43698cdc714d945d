package io.kliping.dedup;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connected components of an undirected graph given as an edge {@link Dataset}, labelled by the
 * minimum node id of each component, with the alternating large-star / small-star algorithm of
 * Kiveris et al., "Connected Components in MapReduce and Beyond" (SoCC 2014).
 *
 * <p>Every round is a distributed DataFrame operation (no collect); the edge set shrinks to a
 * forest of stars centred on each component's minimum, typically in O(log n) rounds. Each round
 * truncates the lineage with {@link Dataset#localCheckpoint()} and runs one small aggregation
 * (edges left, nodes not yet in a star) to test convergence. A round is several small Spark jobs,
 * which on a near-duplicate graph (mostly small clusters) cost far more than the work: so a graph
 * of long ids not yet converged with at most {@code localMaxEdges} edges left (at the start or
 * after a round) is finished in one task by union-find ({@link UnionFindStars}), which gives the
 * same stars. The bound keeps that task's memory fixed (about 40 bytes per edge) whatever the
 * input's size; larger graphs go on with the rounds. The result depends only on the edge set, not
 * on its partitioning or on which way it was found.
 *
 * <p>Input: {@link #INPUT_SCHEMA} ({@code src}, {@code dst} strings, or both longs as the dedup
 * graph's node hashes are; direction, duplicates and self-loops are allowed, null ids are not).
 * Output: {@link #OUTPUT_SCHEMA} (long columns for long input), one row per node that appears in
 * an edge.
 */
public final class ConnectedComponents {

  public static final String SRC = "src";
  public static final String DST = "dst";
  public static final String NODE = "node";
  public static final String COMPONENT = "component";

  public static final StructType INPUT_SCHEMA =
      new StructType(
          new StructField[] {
            DataTypes.createStructField(SRC, DataTypes.StringType, false),
            DataTypes.createStructField(DST, DataTypes.StringType, false)
          });

  public static final StructType OUTPUT_SCHEMA =
      new StructType(
          new StructField[] {
            DataTypes.createStructField(NODE, DataTypes.StringType, false),
            DataTypes.createStructField(COMPONENT, DataTypes.StringType, false)
          });

  /**
   * Default bound on the number of rounds: the proven bound is O(log^2 n) and practice O(log n), so
   * hitting it means something is wrong, not that the graph is big.
   */
  public static final int DEFAULT_MAX_ROUNDS = 100;

  /**
   * Default bound on the edges finished in one task ({@link UnionFindStars}): about 40 MB of
   * primitive arrays, small beside any executor's memory.
   */
  public static final long DEFAULT_LOCAL_MAX_EDGES = 1_000_000L;

  private static final Logger LOG = LoggerFactory.getLogger(ConnectedComponents.class);
  private static final String MIN_NEIGHBOUR = "_cc_min";

  private ConnectedComponents() {}

  /**
   * Components of {@code edges}, with at most {@link #DEFAULT_MAX_ROUNDS} rounds and graphs of at
   * most {@link #DEFAULT_LOCAL_MAX_EDGES} long-id edges finished in one task.
   */
  public static Dataset<Row> find(Dataset<Row> edges) {
    return find(edges, DEFAULT_MAX_ROUNDS, DEFAULT_LOCAL_MAX_EDGES);
  }

  /** Components of {@code edges}, with at most {@code maxRounds} rounds and no local finish. */
  public static Dataset<Row> find(Dataset<Row> edges, int maxRounds) {
    return find(edges, maxRounds, 0L);
  }

  /**
   * Components of {@code edges}: {@code (node, component)} with {@code component} the minimum node
   * id of the node's component (string order, as Spark compares strings; numeric for longs).
   *
   * <p>A graph of long ids with at most {@code localMaxEdges} edges (at the start or after a round)
   * is finished in one task by union-find; 0 turns that off (string ids never use it).
   *
   * @throws IllegalStateException if the graph has not converged after {@code maxRounds} rounds
   */
  public static Dataset<Row> find(Dataset<Row> edges, int maxRounds, long localMaxEdges) {
    requireIdColumns(edges);
    if (maxRounds < 1) {
      throw new IllegalArgumentException("maxRounds must be >= 1, got " + maxRounds);
    }
    if (localMaxEdges < 0) {
      throw new IllegalArgumentException("localMaxEdges must be >= 0, got " + localMaxEdges);
    }
    boolean local = localMaxEdges > 0
        && DataTypes.LongType.equals(edges.schema().apply(SRC).dataType());
    // Oriented (larger, smaller) and distinct, self-loops kept so that their nodes are not lost.
    Dataset<Row> oriented =
        edges
            .select(
                greatest(col(SRC), col(DST)).as(SRC), least(col(SRC), col(DST)).as(DST))
            .distinct()
            .localCheckpoint();
    Dataset<Row> graph = oriented.where(col(SRC).notEqual(col(DST)));
    long[] state = edgesAndUnsettledNodes(graph);
    int round = 0;
    while (state[1] > 0) {
      if (local && state[0] <= localMaxEdges) {
        LOG.info("Connected components: {} edges left after {} rounds, finished in one task",
            state[0], round);
        return components(unionFind(graph), oriented);
      }
      if (round == maxRounds) {
        throw new IllegalStateException(
            "connected components did not converge in "
                + maxRounds
                + " rounds ("
                + state[1]
                + " nodes not yet in a star)");
      }
      graph = smallStar(largeStar(graph)).localCheckpoint();
      state = edgesAndUnsettledNodes(graph);
      round++;
      LOG.info("Connected components round {}: {} edges, {} nodes not yet in a star", round,
          state[0], state[1]);
    }
    LOG.info("Connected components converged after {} rounds", round);
    return components(graph, oriented);
  }

  /**
   * The stars of {@code graph}'s components, by union-find in one task ({@link UnionFindStars}),
   * checkpointed: {@link #components} reads the stars three times, and the task would otherwise
   * run once for each.
   */
  private static Dataset<Row> unionFind(Dataset<Row> graph) {
    Dataset<Row> pairs = graph.select(col(SRC), col(DST));
    return pairs.repartition(1).mapPartitions(new UnionFindStars(), Encoders.row(pairs.schema()))
        .localCheckpoint();
  }

  /**
   * Large star: every node {@code u} links each larger neighbour to the minimum of its closed
   * neighbourhood. Input and output are oriented {@code src > dst}.
   */
  private static Dataset<Row> largeStar(Dataset<Row> graph) {
    Dataset<Row> adjacency =
        graph
            .select(col(SRC).as("u"), col(DST).as("v"))
            .union(graph.select(col(DST).as("u"), col(SRC).as("v")));
    WindowSpec byNode = Window.partitionBy(col("u"));
    return adjacency
        .withColumn(MIN_NEIGHBOUR, least(col("u"), min(col("v")).over(byNode)))
        .where(col("v").gt(col("u")))
        .select(col("v").as(SRC), col(MIN_NEIGHBOUR).as(DST))
        .distinct();
  }

  /**
   * Small star: every node {@code u} links itself and each smaller neighbour to the minimum of its
   * smaller neighbours. Input and output are oriented {@code src > dst}.
   */
  private static Dataset<Row> smallStar(Dataset<Row> graph) {
    WindowSpec byNode = Window.partitionBy(col(SRC));
    Dataset<Row> withMin = graph.withColumn(MIN_NEIGHBOUR, min(col(DST)).over(byNode));
    Dataset<Row> self = withMin.select(col(SRC), col(MIN_NEIGHBOUR).as(DST));
    Dataset<Row> smaller =
        withMin
            .where(col(DST).notEqual(col(MIN_NEIGHBOUR)))
            .select(col(DST).as(SRC), col(MIN_NEIGHBOUR).as(DST));
    return self.union(smaller).distinct();
  }

  /**
   * The graph's edge count and its unsettled nodes, in one job: nodes that keep the oriented graph
   * from being a forest of stars centred on their minimum, a node with two smaller neighbours or
   * with both a smaller and a larger one. Zero unsettled nodes means done.
   */
  private static long[] edgesAndUnsettledNodes(Dataset<Row> graph) {
    Column asSrc = col("as_src");
    Column asDst = col("as_dst");
    Row counts = graph
        .select(col(SRC).as(NODE), lit(1L).as("as_src"), lit(0L).as("as_dst"))
        .union(graph.select(col(DST).as(NODE), lit(0L).as("as_src"), lit(1L).as("as_dst")))
        .groupBy(col(NODE))
        .agg(sum(asSrc).as("as_src"), sum(asDst).as("as_dst"))
        .agg(sum(asSrc), sum(when(asSrc.gt(1).or(asSrc.gt(0).and(asDst.gt(0))), 1L)
            .otherwise(0L)))
        .first();
    return new long[] {
      counts.isNullAt(0) ? 0L : counts.getLong(0), counts.isNullAt(1) ? 0L : counts.getLong(1)
    };
  }

  /** Star leaves take their centre, centres and self-loop-only nodes themselves. */
  private static Dataset<Row> components(Dataset<Row> stars, Dataset<Row> oriented) {
    Dataset<Row> leaves = stars.select(col(SRC).as(NODE), col(DST).as(COMPONENT));
    Dataset<Row> nodes =
        stars
            .select(col(DST).as(NODE))
            .union(oriented.where(col(SRC).equalTo(col(DST))).select(col(SRC).as(NODE)))
            .distinct()
            .join(leaves, NODE, "left_anti");
    return leaves.union(nodes.select(col(NODE), col(NODE).as(COMPONENT)));
  }

  private static void requireIdColumns(Dataset<Row> edges) {
    StructType schema = edges.schema();
    java.util.List<String> names = java.util.Arrays.asList(schema.fieldNames());
    DataType src = names.contains(SRC) ? schema.apply(SRC).dataType() : null;
    DataType dst = names.contains(DST) ? schema.apply(DST).dataType() : null;
    boolean ids = DataTypes.StringType.equals(src) || DataTypes.LongType.equals(src);
    if (!ids || !src.equals(dst)) {
      throw new IllegalArgumentException(
          "edges need string (or long) columns 'src' and 'dst' of one type, got schema "
              + schema.simpleString());
    }
  }
}
