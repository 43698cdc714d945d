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
 * Runs the reader over real sample archives when a folder of them is named with
 * {@code -Dkliping.warc.samples=DIR} (e.g. the shared data's {@code warc/} folder); skipped
 * otherwise, so a plain clone needs no outside data. No exception on any file, articles from the
 * Common Crawl samples. Prints per-file counts.
 */
class SharedWarcSamplesTest {

  private static final String SAMPLES_PROPERTY = System.getProperty("kliping.warc.samples", "");
  private static final Path SAMPLES = Path.of(SAMPLES_PROPERTY.isEmpty() ? "." : SAMPLES_PROPERTY);

  @Test
  void everySampleFileReadsWithoutThrowing() throws IOException {
    Assumptions.assumeTrue(!SAMPLES_PROPERTY.isEmpty() && Files.isDirectory(SAMPLES),
        "no -Dkliping.warc.samples=DIR given");
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
