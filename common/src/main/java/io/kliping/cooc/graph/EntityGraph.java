package io.kliping.cooc.graph;

import java.util.List;

/**
 * An entity co-occurrence graph small enough to hand to Gephi or a notebook: entities as nodes,
 * scored pairs as undirected edges. Built from a bounded selection of pairs (the job caps the
 * edges), never from a whole table.
 */
public record EntityGraph(String title, String weightMeasure, List<Node> nodes, List<Edge> edges) {
  public EntityGraph {
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
  }

  /** An entity: id, preferred name and type (null when unknown), units mentioning it. */
  public record Node(String id, String name, String type, long units) {}

  /** A pair: entity ids, shared units, association scores, and the weight used for layout. */
  public record Edge(String source, String target, long nAb, double pmi, double npmi, double g2,
      double jaccard, double weight) {}
}
