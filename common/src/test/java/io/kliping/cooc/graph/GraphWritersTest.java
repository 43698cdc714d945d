package io.kliping.cooc.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The three export formats, parsed back: nodes, edges, attributes and escaping survive. */
class GraphWritersTest {
  private static final EntityGraph GRAPH = new EntityGraph("test graph", "npmi", List.of(
      new EntityGraph.Node("Q1", "Joko \"Jokowi\" Widodo", "PERSON", 12),
      new EntityGraph.Node("Q2", "Amerika Serikat, AS & <US>", "LOCATION", 30),
      new EntityGraph.Node("kl:x", null, null, 2)), List.of(
      new EntityGraph.Edge("Q1", "Q2", 5, 0.5, 0.25, 7.5, 0.2, 0.25),
      new EntityGraph.Edge("Q1", "kl:x", 2, 1.5, 0.75, 3.0, 0.1, 0.75)));

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(
        xml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void graphMlHasTypedKeysNodesAndUndirectedEdges() throws Exception {
    StringWriter out = new StringWriter();
    GraphMlWriter.write(GRAPH, out);
    Document doc = parse(out.toString());
    assertThat(doc.getDocumentElement().getNamespaceURI())
        .isEqualTo("http://graphml.graphdrawing.org/xmlns");
    Element graph = (Element) doc.getElementsByTagName("graph").item(0);
    assertThat(graph.getAttribute("edgedefault")).isEqualTo("undirected");
    NodeList nodes = doc.getElementsByTagName("node");
    assertThat(nodes.getLength()).isEqualTo(3);
    assertThat(nodes.item(1).getTextContent()).contains("Amerika Serikat, AS & <US>");
    NodeList edges = doc.getElementsByTagName("edge");
    assertThat(edges.getLength()).isEqualTo(2);
    Element e0 = (Element) edges.item(0);
    assertThat(e0.getAttribute("source")).isEqualTo("Q1");
    assertThat(e0.getAttribute("target")).isEqualTo("Q2");
    assertThat(data(e0, "n_ab")).isEqualTo("5");
    assertThat(data(e0, "weight")).isEqualTo("0.25");
    // A node without a name or type has no data for them.
    assertThat(data((Element) nodes.item(2), "name")).isNull();
    assertThat(doc.getElementsByTagName("key").getLength()).isEqualTo(9);
  }

  @Test
  void gexfHasLabelsWeightsAndAttributes() throws Exception {
    StringWriter out = new StringWriter();
    GexfWriter.write(GRAPH, out);
    Document doc = parse(out.toString());
    assertThat(doc.getDocumentElement().getAttribute("version")).isEqualTo("1.3");
    NodeList nodes = doc.getElementsByTagName("node");
    assertThat(nodes.getLength()).isEqualTo(3);
    assertThat(((Element) nodes.item(0)).getAttribute("label")).isEqualTo("Joko \"Jokowi\" Widodo");
    assertThat(((Element) nodes.item(2)).getAttribute("label")).isEqualTo("kl:x");
    Element e1 = (Element) doc.getElementsByTagName("edge").item(1);
    assertThat(e1.getAttribute("weight")).isEqualTo("0.75");
    NodeList values = e1.getElementsByTagName("attvalue");
    assertThat(((Element) values.item(0)).getAttribute("value")).isEqualTo("2");
    assertThat(((Element) values.item(3)).getAttribute("value")).isEqualTo("3.0");
  }

  @Test
  void csvQuotesWhatNeedsQuoting() {
    StringWriter nodes = new StringWriter();
    StringWriter edges = new StringWriter();
    CsvGraphWriter.writeNodes(GRAPH, nodes);
    CsvGraphWriter.writeEdges(GRAPH, edges);
    assertThat(nodes.toString().split("\r\n")).containsExactly(
        "id,name,type,units",
        "Q1,\"Joko \"\"Jokowi\"\" Widodo\",PERSON,12",
        "Q2,\"Amerika Serikat, AS & <US>\",LOCATION,30",
        "kl:x,,,2");
    assertThat(edges.toString().split("\r\n")).containsExactly(
        "source,target,n_ab,pmi,npmi,g2,jaccard,weight",
        "Q1,Q2,5,0.5,0.25,7.5,0.2,0.25",
        "Q1,kl:x,2,1.5,0.75,3.0,0.1,0.75");
  }

  private static String data(Element owner, String key) {
    NodeList data = owner.getElementsByTagName("data");
    for (int i = 0; i < data.getLength(); i++) {
      Element d = (Element) data.item(i);
      if (d.getAttribute("key").equals(key)) {
        return d.getTextContent();
      }
    }
    return null;
  }
}
