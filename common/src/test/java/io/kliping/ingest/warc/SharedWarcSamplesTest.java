package io.kliping.ingest.warc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.kliping.ingest.warc.WarcItem.Article;
import io.kliping.ingest.warc.WarcItem.Rejected;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs the reader over the real sample archives in the shared data folder when it exists (never in
 * CI): no exception on any file, articles from the Common Crawl samples. Prints per-file counts.
 */
class SharedWarcSamplesTest {

  private static final Path SAMPLES =
      Path.of(System.getProperty("kliping.warc.samples", "/work/shared/data/warc"));

  @Test
  void everySampleFileReadsWithoutThrowing() throws IOException {
    Assumptions.assumeTrue(Files.isDirectory(SAMPLES), "no sample folder " + SAMPLES);
    List<Path> files;
    try (Stream<Path> listing = Files.list(SAMPLES)) {
      files = listing.filter(Files::isRegularFile).sorted().toList();
    }
    Map<String, Integer> articlesByFile = new TreeMap<>();
    HtmlArticleExtractor extractor = new HtmlArticleExtractor();
    for (Path file : files) {
      int[] articles = {0};
      Map<String, Integer> rejects = new TreeMap<>();
      Map<String, Long> skipped = new TreeMap<>();
      assertThatCode(
              () -> {
                try (InputStream in = new BufferedInputStream(Files.newInputStream(file));
                    WarcArticleReader reader = WarcArticleReader.open(in, extractor)) {
                  while (reader.hasNext()) {
                    WarcItem item = reader.next();
                    if (item instanceof Article article) {
                      assertThat(article.text()).isNotBlank();
                      articles[0]++;
                    } else {
                      rejects.merge(((Rejected) item).reason(), 1, Integer::sum);
                    }
                  }
                  skipped.putAll(reader.skipped());
                }
              })
          .as(file.toString())
          .doesNotThrowAnyException();
      articlesByFile.put(file.getFileName().toString(), articles[0]);
      System.out.printf(
          "%-40s articles=%d rejected=%s skipped=%s%n",
          file.getFileName(), articles[0], rejects, skipped);
    }
    assertThat(articlesByFile.getOrDefault("resiliparse_warcfile.warc.gz", 0)).isPositive();
    assertThat(articlesByFile.getOrDefault("cc_whirlwind.warc.gz", 0)).isPositive();
  }
}
