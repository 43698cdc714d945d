package io.kliping.ingest.warc;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;

/**
 * Not a test: times WARC reading on the files given, for BENCHMARKS.md. Per pass and file: jwarc
 * alone (every record parsed, its body consumed), {@link WarcRecordSplitter} alone (the framing
 * with the Content-Length checks), and the whole {@link WarcArticleReader} (framing, jwarc, HTML
 * extraction). Run with {@code java -cp common/target/test-classes:common/target/classes:<the
 * test class path> io.kliping.ingest.warc.WarcReaderBench PASSES FILE...}.
 */
public final class WarcReaderBench {
  private WarcReaderBench() {}

  public static void main(String[] args) throws IOException {
    int passes = Integer.parseInt(args[0]);
    HtmlArticleExtractor extractor = new HtmlArticleExtractor();
    for (int p = 1; p <= passes; p++) {
      for (int f = 1; f < args.length; f++) {
        Path file = Path.of(args[f]);
        long t0 = System.nanoTime();
        long records = 0;
        try (WarcReader r = new WarcReader(open(file))) {
          r.setLenient(true);
          for (WarcRecord rec : r) {
            rec.body().consume();
            records++;
          }
        }
        long t1 = System.nanoTime();
        long frames = 0;
        try (WarcRecordSplitter s = WarcRecordSplitter.open(open(file), 16 << 20)) {
          while (s.next() != null) {
            frames++;
          }
        }
        long t2 = System.nanoTime();
        int articles = 0;
        Map<String, Integer> rejects = new TreeMap<>();
        try (WarcArticleReader r = WarcArticleReader.open(open(file), extractor)) {
          while (r.hasNext()) {
            if (r.next() instanceof WarcItem.Rejected rejected) {
              rejects.merge(rejected.reason(), 1, Integer::sum);
            } else {
              articles++;
            }
          }
        }
        long t3 = System.nanoTime();
        System.out.printf("pass=%d file=%s jwarc_records=%d jwarc_s=%.2f splitter_frames=%d"
                + " splitter_s=%.2f articles=%d rejects=%s reader_s=%.2f%n", p, file.getFileName(),
            records, (t1 - t0) / 1e9, frames, (t2 - t1) / 1e9, articles, rejects,
            (t3 - t2) / 1e9);
      }
    }
  }

  private static InputStream open(Path file) throws IOException {
    return new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
  }
}
