package io.kliping.ingest.warc;

import java.io.Serial;
import java.io.Serializable;
import java.nio.charset.Charset;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Turns the bytes of one HTML page into title, main text and stated publication date.
 *
 * <p>Decoding follows {@link CharsetResolver} (HTTP charset, BOM, meta, detection, UTF-8) and never
 * fails. The main text is what is left of the article body after {@link BoilerplateFilter} and
 * {@link MainContent}, rendered one paragraph per line by {@link BlockText}: good enough for news
 * pages, deliberately not a research-grade extractor. Stateless, so one instance can be shipped to
 * Spark executors and shared by all tasks.
 */
public final class HtmlArticleExtractor implements Serializable {
  @Serial private static final long serialVersionUID = 1L;

  private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00a0]+");

  /** What one page yielded; {@code text} is empty (never null) when nothing survived. */
  public record Extracted(String title, String text, String publishedRaw, String charset)
      implements Serializable {}

  public HtmlArticleExtractor() {}

  /**
   * @param body the HTML payload, Content-Encoding already decoded
   * @param contentTypeHeader HTTP Content-Type value, nullable; only its charset is used
   * @param baseUrl page URL for resolving relative links, nullable
   */
  public Extracted extract(byte[] body, String contentTypeHeader, String baseUrl) {
    Charset charset = CharsetResolver.resolve(body, contentTypeHeader, true);
    Document doc =
        Jsoup.parse(CharsetResolver.decode(body, charset), baseUrl == null ? "" : baseUrl);
    String title = title(doc);
    String published = PublishedDates.find(doc);
    Element pageBody = doc.body();
    BoilerplateFilter.strip(pageBody);
    String text = BlockText.of(MainContent.find(pageBody));
    return new Extracted(title, text, published, charset.name());
  }

  private static String title(Document doc) {
    Element og = doc.selectFirst("meta[property=og:title]");
    String title = og == null ? "" : oneLine(og.attr("content"));
    if (title.isEmpty()) {
      title = oneLine(doc.title());
    }
    if (title.isEmpty()) {
      Element h1 = doc.selectFirst("h1");
      title = h1 == null ? "" : oneLine(h1.text());
    }
    return title.isEmpty() ? null : title;
  }

  private static String oneLine(String s) {
    return WHITESPACE.matcher(s).replaceAll(" ").strip();
  }
}
