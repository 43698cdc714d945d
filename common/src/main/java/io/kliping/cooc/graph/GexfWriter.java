package io.kliping.cooc.graph;

import java.io.Writer;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes an {@link EntityGraph} as GEXF 1.3, Gephi's native format: node labels are entity
 * names, edge weights the chosen measure, and the counts and scores typed attributes.
 */
public final class GexfWriter {
  private static final String NS = "http://gexf.net/1.3";

  private GexfWriter() {}

  public static void write(EntityGraph graph, Writer out) {
    try {
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      x.writeStartDocument("UTF-8", "1.0");
      x.writeStartElement("gexf");
      x.writeDefaultNamespace(NS);
      x.writeAttribute("version", "1.3");
      x.writeStartElement("meta");
      x.writeStartElement("creator");
      x.writeCharacters("kliping");
      x.writeEndElement();
      x.writeStartElement("description");
      x.writeCharacters(graph.title() + " (edge weight: " + graph.weightMeasure() + ")");
      x.writeEndElement();
      x.writeEndElement();
      x.writeStartElement("graph");
      x.writeAttribute("defaultedgetype", "undirected");
      x.writeAttribute("mode", "static");
      attributes(x, "node", new String[][] {{"0", "type", "string"}, {"1", "units", "long"}});
      attributes(x, "edge", new String[][] {{"0", "n_ab", "long"}, {"1", "pmi", "double"},
          {"2", "npmi", "double"}, {"3", "g2", "double"}, {"4", "jaccard", "double"}});
      x.writeStartElement("nodes");
      for (EntityGraph.Node n : graph.nodes()) {
        x.writeStartElement("node");
        x.writeAttribute("id", n.id());
        x.writeAttribute("label", n.name() == null ? n.id() : n.name());
        x.writeStartElement("attvalues");
        if (n.type() != null) {
          value(x, "0", n.type());
        }
        value(x, "1", Long.toString(n.units()));
        x.writeEndElement();
        x.writeEndElement();
      }
      x.writeEndElement();
      x.writeStartElement("edges");
      int i = 0;
      for (EntityGraph.Edge e : graph.edges()) {
        x.writeStartElement("edge");
        x.writeAttribute("id", Integer.toString(i++));
        x.writeAttribute("source", e.source());
        x.writeAttribute("target", e.target());
        x.writeAttribute("weight", Double.toString(e.weight()));
        x.writeStartElement("attvalues");
        value(x, "0", Long.toString(e.nAb()));
        value(x, "1", Double.toString(e.pmi()));
        value(x, "2", Double.toString(e.npmi()));
        value(x, "3", Double.toString(e.g2()));
        value(x, "4", Double.toString(e.jaccard()));
        x.writeEndElement();
        x.writeEndElement();
      }
      x.writeEndElement();
      x.writeEndElement();
      x.writeEndElement();
      x.writeEndDocument();
      x.flush();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write GEXF", e);
    }
  }

  private static void attributes(XMLStreamWriter x, String on, String[][] defs)
      throws XMLStreamException {
    x.writeStartElement("attributes");
    x.writeAttribute("class", on);
    for (String[] d : defs) {
      x.writeEmptyElement("attribute");
      x.writeAttribute("id", d[0]);
      x.writeAttribute("title", d[1]);
      x.writeAttribute("type", d[2]);
    }
    x.writeEndElement();
  }

  private static void value(XMLStreamWriter x, String attribute, String value)
      throws XMLStreamException {
    x.writeEmptyElement("attvalue");
    x.writeAttribute("for", attribute);
    x.writeAttribute("value", value);
  }
}
