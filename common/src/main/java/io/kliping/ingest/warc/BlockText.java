package io.kliping.ingest.warc;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Renders an element as plain text, one line per block: a block element ({@code p}, {@code div},
 * {@code li}, headings...) or a {@code <br>} ends the line, inline elements flow into it. Runs of
 * whitespace collapse to one space, lines are trimmed, empty lines dropped; so the result is
 * paragraphs separated by {@code "\n"}.
 */
final class BlockText {

  private BlockText() {}

  static String of(Element root) {
    Collector collector = new Collector();
    NodeTraversor.traverse(collector, root);
    collector.endLine();
    return String.join("\n", collector.lines);
  }

  private static final class Collector implements NodeVisitor {
    private final List<String> lines = new ArrayList<>();
    private final StringBuilder line = new StringBuilder();

    @Override
    public void head(Node node, int depth) {
      if (node instanceof TextNode text) {
        append(text.getWholeText());
      } else if (node instanceof Element el && (el.isBlock() || el.nameIs("br"))) {
        endLine();
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (node instanceof Element el && el.isBlock()) {
        endLine();
      }
    }

    private void append(String text) {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
          if (!line.isEmpty() && line.charAt(line.length() - 1) != ' ') {
            line.append(' ');
          }
        } else {
          line.append(c);
        }
      }
    }

    void endLine() {
      int end = line.length();
      if (end > 0 && line.charAt(end - 1) == ' ') {
        end--;
      }
      if (end > 0) {
        lines.add(line.substring(0, end));
      }
      line.setLength(0);
    }
  }
}
