package io.kliping.cooc.graph;

import java.io.Writer;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes an {@link EntityGraph} as GraphML (read by Gephi, yEd, NetworkX, igraph): typed
 * {@code key} declarations for every node and edge attribute, one undirected graph. Uses the
 * JDK's StAX writer, so names are escaped correctly whatever they contain.
 */
public final class GraphMlWriter {
  private static final String NS = "http://graphml.graphdrawing.org/xmlns";

  private GraphMlWriter() {}

  public static void write(EntityGraph graph, Writer out) {
    try {
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      x.writeStartDocument("UTF-8", "1.0");
      x.writeStartElement("graphml");
      x.writeDefaultNamespace(NS);
      key(x, "name", "node", "string");
      key(x, "type", "node", "string");
      key(x, "units", "node", "long");
      key(x, "n_ab", "edge", "long");
      key(x, "pmi", "edge", "double");
      key(x, "npmi", "edge", "double");
      key(x, "g2", "edge", "double");
      key(x, "jaccard", "edge", "double");
      key(x, "weight", "edge", "double");
      x.writeStartElement("graph");
      x.writeAttribute("id", graph.title());
      x.writeAttribute("edgedefault", "undirected");
      for (EntityGraph.Node n : graph.nodes()) {
        x.writeStartElement("node");
        x.writeAttribute("id", n.id());
        data(x, "name", n.name());
        data(x, "type", n.type());
        data(x, "units", Long.toString(n.units()));
        x.writeEndElement();
      }
      int i = 0;
      for (EntityGraph.Edge e : graph.edges()) {
        x.writeStartElement("edge");
        x.writeAttribute("id", "e" + i++);
        x.writeAttribute("source", e.source());
        x.writeAttribute("target", e.target());
        data(x, "n_ab", Long.toString(e.nAb()));
        data(x, "pmi", Double.toString(e.pmi()));
        data(x, "npmi", Double.toString(e.npmi()));
        data(x, "g2", Double.toString(e.g2()));
        data(x, "jaccard", Double.toString(e.jaccard()));
        data(x, "weight", Double.toString(e.weight()));
        x.writeEndElement();
      }
      x.writeEndElement();
      x.writeEndElement();
      x.writeEndDocument();
      x.flush();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write GraphML", e);
    }
  }

  private static void key(XMLStreamWriter x, String name, String on, String type)
      throws XMLStreamException {
    x.writeEmptyElement("key");
    x.writeAttribute("id", name);
    x.writeAttribute("for", on);
    x.writeAttribute("attr.name", name);
    x.writeAttribute("attr.type", type);
  }

  private static void data(XMLStreamWriter x, String key, String value) throws XMLStreamException {
    if (value == null) {
      return;
    }
    x.writeStartElement("data");
    x.writeAttribute("key", key);
    x.writeCharacters(value);
    x.writeEndElement();
  }
}
