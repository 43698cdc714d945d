package io.kliping.ingest.warc;

import java.util.IdentityHashMap;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Chooses the element holding the article body of a page already stripped of chrome by {@link
 * BoilerplateFilter}, then drops link lists left inside it.
 *
 * <p>Markup that says so wins: the longest {@code [itemprop=articleBody]}, else the longest {@code
 * <article>}, when it holds at least {@value #MIN_MARKED_CHARS} characters. Otherwise a small
 * text-density vote in the spirit of Readability: every paragraph with at least {@value
 * #MIN_PARAGRAPH_CHARS} characters of non-link text gives its length to its parent and half to its
 * grandparent, and the element with the most votes is the body. Text written straight into a {@code
 * <div>} between {@code <br>}s votes for that div the same way.
 */
final class MainContent {

  static final int MIN_MARKED_CHARS = 200;
  static final int MIN_PARAGRAPH_CHARS = 25;

  /** Blocks whose text is mostly link text are lists of links (related articles, tags, pagers). */
  static final double MAX_LINK_DENSITY = 0.5;

  private static final String LINK_LIST_CANDIDATES = "ul, ol, dl, table, div, section, p, li";

  private MainContent() {}

  static Element find(Element body) {
    Element main = marked(body);
    if (main == null) {
      main = densest(body);
    }
    dropLinkLists(main);
    return main;
  }

  private static Element marked(Element body) {
    Element best = longest(body, "[itemprop=articleBody]");
    if (best == null) {
      best = longest(body, "article");
    }
    return best != null && best.text().length() >= MIN_MARKED_CHARS ? best : null;
  }

  private static Element longest(Element body, String selector) {
    Element best = null;
    int bestChars = 0;
    for (Element el : body.select(selector)) {
      int chars = el.text().length();
      if (chars > bestChars) {
        best = el;
        bestChars = chars;
      }
    }
    return best;
  }

  private static Element densest(Element body) {
    Map<Element, Integer> votes = new IdentityHashMap<>();
    for (Element p : body.getElementsByTag("p")) {
      int chars = p.text().length() - linkChars(p);
      if (chars >= MIN_PARAGRAPH_CHARS) {
        vote(votes, p.parent(), chars);
        vote(votes, p.parent() == null ? null : p.parent().parent(), chars / 2);
      }
    }
    for (Element div : body.getElementsByTag("div")) {
      int chars = ownTextChars(div);
      if (chars >= MIN_PARAGRAPH_CHARS) {
        vote(votes, div, chars);
        vote(votes, div.parent(), chars / 2);
      }
    }
    Element best = body;
    int bestVotes = 0;
    for (Map.Entry<Element, Integer> e : votes.entrySet()) {
      if (e.getValue() > bestVotes) {
        best = e.getKey();
        bestVotes = e.getValue();
      }
    }
    return best;
  }

  private static void vote(Map<Element, Integer> votes, Element el, int chars) {
    if (el != null && chars > 0) {
      votes.merge(el, chars, Integer::sum);
    }
  }

  private static int ownTextChars(Element el) {
    int chars = 0;
    for (Node child : el.childNodes()) {
      if (child instanceof TextNode text) {
        chars += text.text().strip().length();
      }
    }
    return chars;
  }

  private static void dropLinkLists(Element main) {
    for (Element el : main.select(LINK_LIST_CANDIDATES)) {
      if (el == main) {
        continue;
      }
      int chars = el.text().length();
      if (chars > 0 && linkChars(el) > chars * MAX_LINK_DENSITY) {
        el.remove();
      }
    }
  }

  private static int linkChars(Element el) {
    int chars = 0;
    for (Element a : el.getElementsByTag("a")) {
      chars += a.text().length();
    }
    return chars;
  }
}
