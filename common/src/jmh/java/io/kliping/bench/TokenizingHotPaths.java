package io.kliping.bench;

import io.kliping.entities.SentenceSplitter;
import io.kliping.ner.NewsTokenizer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The entity stage's per-article text work before any tagging: sentence boundaries and the
 * tokens of every sentence (what the gazetteer and the name finder read). Per article, in
 * microseconds.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TokenizingHotPaths {
  private String text;
  private int[] starts;

  @Setup
  public void setUp() {
    text = NewsTexts.article(1700, 7);
    starts = SentenceSplitter.sentenceStarts(text);
  }

  @Benchmark
  public int[] sentenceStarts() {
    return SentenceSplitter.sentenceStarts(text);
  }

  @Benchmark
  public int tokenizeSentences() {
    int tokens = 0;
    for (int s = 0; s < starts.length; s++) {
      int end = s + 1 < starts.length ? starts[s + 1] : text.length();
      tokens += NewsTokenizer.tokenize(text, starts[s], end).size();
    }
    return tokens;
  }
}
