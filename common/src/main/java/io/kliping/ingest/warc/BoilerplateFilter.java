package io.kliping.ingest.warc;

import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Removes page chrome from a parsed page in place: elements that never hold article prose (scripts,
 * forms, navigation, page header and footer) and elements whose {@code class} / {@code id} / ARIA
 * role name them as menus, share bars, related-article lists, comments, ads and the like.
 *
 * <p>Class names are matched by token (split on anything not a letter or digit), so {@code
 * "share-buttons"} and {@code "navbar"} match but {@code "heads"} does not match "ads". An element
 * holding more than half of the page's paragraph text is never removed by name or by a structural
 * tag that sites abuse as a page wrapper (an ASP.NET {@code <form>}, a {@code <body
 * class="has-sidebar">}-style wrapper div): that element is the page, not its chrome.
 */
final class BoilerplateFilter {

  /** Never prose; removed unconditionally. */
  private static final String NON_CONTENT_TAGS =
      "script, style, noscript, iframe, svg, template, button, select, textarea, input, object,"
          + " embed, canvas, dialog, menu, [hidden], [style~=(?i)display\\s*:\\s*none]";

  /** Chrome by definition, but sometimes (mis)used as a page wrapper; removed unless dominant. */
  private static final String STRUCTURAL_TAGS =
      "nav, header, footer, aside, form, [role=navigation], [role=banner], [role=contentinfo],"
          + " [role=complementary], [role=search], [role=menu]";

  /** Class/id tokens starting with one of these mark boilerplate (Indonesian variants included). */
  private static final String[] BOILERPLATE_PREFIXES = {
    "nav",
    "menu",
    "footer",
    "share",
    "sharing",
    "social",
    "related",
    "comment",
    "breadcrumb",
    "advert",
    "cookie",
    "newsletter",
    "sidebar",
    "subscribe",
    "popup",
    "terkait",
    "komentar",
    "iklan",
    "bagikan",
  };

  /** Class/id tokens that mark boilerplate only as whole tokens ("ad" must not match "admin"). */
  private static final Set<String> BOILERPLATE_TOKENS = Set.of("ad", "ads", "adsbygoogle", "adv");

  /** Tags whose removal by name would lose the article itself. */
  private static final Set<String> PROTECTED_TAGS = Set.of("html", "body", "main", "article");

  private BoilerplateFilter() {}

  static void strip(Element body) {
    body.select(NON_CONTENT_TAGS).remove();
    int pageParagraphChars = paragraphChars(body);
    for (Element el : body.select(STRUCTURAL_TAGS)) {
      if (el != body && !dominates(el, pageParagraphChars)) {
        el.remove();
      }
    }
    for (Element el : body.select("[class], [id]")) {
      if (!PROTECTED_TAGS.contains(el.normalName())
          && namedAsBoilerplate(el)
          && el.selectFirst("article, [itemprop=articleBody]") == null
          && !dominates(el, pageParagraphChars)) {
        el.remove();
      }
    }
  }

  static boolean namedAsBoilerplate(Element el) {
    return hasBoilerplateToken(el.className()) || hasBoilerplateToken(el.id());
  }

  static boolean hasBoilerplateToken(String names) {
    if (names.isEmpty()) {
      return false;
    }
    for (String token : names.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
      if (token.isEmpty()) {
        continue;
      }
      if (BOILERPLATE_TOKENS.contains(token)) {
        return true;
      }
      for (String prefix : BOILERPLATE_PREFIXES) {
        if (token.startsWith(prefix)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean dominates(Element el, int pageParagraphChars) {
    return pageParagraphChars > 0 && paragraphChars(el) * 2 > pageParagraphChars;
  }

  static int paragraphChars(Element root) {
    int chars = 0;
    Elements paragraphs = root.getElementsByTag("p");
    for (Element p : paragraphs) {
      chars += p.text().length();
    }
    return chars;
  }
}
