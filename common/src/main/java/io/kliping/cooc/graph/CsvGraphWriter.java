package io.kliping.cooc.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Writes an {@link EntityGraph} as two RFC 4180 CSV files with a header row: nodes
 * ({@code id,name,type,units}) and edges ({@code source,target,n_ab,pmi,npmi,g2,jaccard,weight}),
 * the edge-list form Gephi's spreadsheet import, pandas and DuckDB read directly.
 */
public final class CsvGraphWriter {
  private CsvGraphWriter() {}

  public static void writeNodes(EntityGraph graph, Writer out) {
    try {
      out.write("id,name,type,units\r\n");
      for (EntityGraph.Node n : graph.nodes()) {
        out.write(field(n.id()) + "," + field(n.name()) + "," + field(n.type()) + ","
            + n.units() + "\r\n");
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void writeEdges(EntityGraph graph, Writer out) {
    try {
      out.write("source,target,n_ab,pmi,npmi,g2,jaccard,weight\r\n");
      for (EntityGraph.Edge e : graph.edges()) {
        out.write(field(e.source()) + "," + field(e.target()) + "," + e.nAb() + "," + e.pmi()
            + "," + e.npmi() + "," + e.g2() + "," + e.jaccard() + "," + e.weight() + "\r\n");
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A CSV field: quoted when it holds a comma, quote or line break; null as empty. */
  static String field(String value) {
    if (value == null) {
      return "";
    }
    if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0
        && value.indexOf('\r') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }
}
