package io.kliping.ingest.warc;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the publication date a page states about itself, as written (parsing is the ingest job's
 * {@code DateParser}'s work). Structured sources come first because they are machine-written: Open
 * Graph / article meta tags, schema.org JSON-LD and microdata, then common {@code name=} meta
 * conventions, then {@code <time datetime>}.
 */
final class PublishedDates {

  private static final String[] META_SELECTORS = {
    "meta[property=article:published_time]",
    "meta[property=og:article:published_time]",
    "meta[property=og:published_time]",
    "meta[itemprop=datePublished]",
    "meta[name=article:published_time]",
    "meta[name=pubdate]",
    "meta[name=publishdate]",
    "meta[name=publish-date]",
    "meta[name=content_PublishedDate]",
    "meta[name=dc.date.issued]",
    "meta[name=dcterms.created]",
    "meta[name=date]",
  };

  /** JSON-LD is often not valid JSON (trailing commas, raw newlines); a field match is sturdier. */
  private static final Pattern JSON_LD_DATE_PUBLISHED =
      Pattern.compile("\"datePublished\"\\s*:\\s*\"([^\"]{4,64})\"");

  private PublishedDates() {}

  /** The raw date string, or null when the page states none. Call before boilerplate removal. */
  static String find(Document doc) {
    for (String selector : META_SELECTORS) {
      Element meta = doc.selectFirst(selector);
      if (meta != null && !meta.attr("content").isBlank()) {
        return meta.attr("content").strip();
      }
    }
    for (Element script : doc.select("script[type=application/ld+json]")) {
      Matcher m = JSON_LD_DATE_PUBLISHED.matcher(script.data());
      if (m.find() && !m.group(1).isBlank()) {
        return m.group(1).strip();
      }
    }
    Element time =
        first(
            doc,
            "time[itemprop=datePublished][datetime]",
            "time[pubdate][datetime]",
            "article time[datetime]",
            "time[datetime]");
    return time == null || time.attr("datetime").isBlank() ? null : time.attr("datetime").strip();
  }

  private static Element first(Document doc, String... selectors) {
    for (String selector : selectors) {
      Element found = doc.selectFirst(selector);
      if (found != null) {
        return found;
      }
    }
    return null;
  }
}
