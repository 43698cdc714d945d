package io.kliping.cooc.graph;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Picks the edges of an entity graph from scored pairs: one level, pairs sharing at least
 * {@code minCount} units, the {@code maxEdges} strongest by the measure (ties: more shared units,
 * then ids), and their entities as nodes. Only this bounded selection reaches the driver.
 */
public final class GraphSelection {
  private GraphSelection() {}

  /** The strongest pairs, in order (rows of the co-occurrence tables). */
  public static Dataset<Row> edges(Dataset<Row> pairs, String level, String measure,
      int minCount, int maxEdges) {
    return pairs.filter(col("level").equalTo(level).and(col("n_ab").geq(minCount)))
        .orderBy(col(measure).desc(), col("n_ab").desc(), col("entity_a"), col("entity_b"))
        .limit(maxEdges);
  }

  /**
   * The graph of the selected edges.
   *
   * @param names {@code entity_id, name, type}, one row per entity
   */
  public static EntityGraph collect(Dataset<Row> edges, Dataset<Row> names, String title,
      String measure) {
    List<Row> rows = edges.collectAsList();
    // The collected (bounded) edges, not the query again: no second sort of all pairs.
    Dataset<Row> chosen = edges.sparkSession().createDataFrame(rows, edges.schema());
    Dataset<Row> endpoints = chosen.select(col("entity_a").as("entity_id"))
        .union(chosen.select(col("entity_b").as("entity_id"))).distinct();
    Map<String, Row> named = new LinkedHashMap<>();
    for (Row r : endpoints.join(names, "entity_id").select("entity_id", "name", "type")
        .collectAsList()) {
      named.put(r.getString(0), r);
    }
    Map<String, EntityGraph.Node> nodes = new java.util.TreeMap<>();
    List<EntityGraph.Edge> out = new ArrayList<>();
    for (Row r : rows) {
      String a = r.getAs("entity_a");
      String b = r.getAs("entity_b");
      nodes.computeIfAbsent(a, id -> node(id, named.get(id), r.getAs("n_a")));
      nodes.computeIfAbsent(b, id -> node(id, named.get(id), r.getAs("n_b")));
      out.add(new EntityGraph.Edge(a, b, r.getAs("n_ab"), r.getAs("pmi"), r.getAs("npmi"),
          r.getAs("g2"), r.getAs("jaccard"), ((Number) r.getAs(measure)).doubleValue()));
    }
    return new EntityGraph(title, measure, new ArrayList<>(nodes.values()), out);
  }

  private static EntityGraph.Node node(String id, Row named, long units) {
    return new EntityGraph.Node(id, named == null ? null : named.getString(1),
        named == null ? null : named.getString(2), units);
  }
}
