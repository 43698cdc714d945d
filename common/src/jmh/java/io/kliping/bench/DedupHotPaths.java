package io.kliping.bench;

import io.kliping.dedup.ContentHasher;
import io.kliping.dedup.ContentNormalizer;
import io.kliping.dedup.LshBander;
import io.kliping.dedup.LshParams;
import io.kliping.dedup.MinHashSigner;
import io.kliping.dedup.NormalizedContent;
import io.kliping.dedup.ShingleBuffer;
import io.kliping.dedup.Shingler;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The dedup stage's per-article work, step by step, as {@code FingerprintFunction} and {@code
 * BandKeysFunction} do it with the default settings (word 5-grams, min 3 tokens, 128
 * components, 25 bands of 5 rows), with the same reused buffers: normalising, the exact-copy
 * hash, shingling, signing, band keys, and all of it together. Per article, in microseconds.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DedupHotPaths {
  /** Article length in characters (click-id averages 1,700). */
  @Param({"1700"})
  int chars;

  private String text;
  private final NormalizedContent normalized = new NormalizedContent();
  private final ShingleBuffer shingles = new ShingleBuffer(1024);
  private final Shingler shingler = Shingler.words(5, 3);
  private final MinHashSigner signer = MinHashSigner.create(128, 20241025L);
  private final LshBander bander = LshBander.create(new LshParams(25, 5));
  private final long[] keys = new long[25];
  private byte[] signature;

  @Setup
  public void setUp() {
    text = NewsTexts.article(chars, 42);
    ContentNormalizer.normalize(text, normalized);
    shingler.shingle(normalized, shingles);
    signature = signer.sign(shingles);
  }

  @Benchmark
  public int normalize() {
    return ContentNormalizer.normalize(text, normalized);
  }

  @Benchmark
  public String contentHash() {
    return ContentHasher.hashNormalized(normalized);
  }

  @Benchmark
  public int shingle() {
    return shingler.shingle(normalized, shingles);
  }

  /** What the fingerprint uses: every shingle's hash in text order, no sort. */
  @Benchmark
  public int shingleUnsorted() {
    return shingler.shingleUnsorted(normalized, shingles);
  }

  @Benchmark
  public byte[] sign() {
    return signer.sign(shingles);
  }

  @Benchmark
  public long[] bandKeys() {
    bander.bandKeys(signature, keys);
    return keys;
  }

  /** Everything one article costs before the shuffles: what FingerprintFunction + band keys do. */
  @Benchmark
  public long[] fingerprint() {
    int length = ContentNormalizer.normalize(text, normalized);
    String hash = length == 0 ? null : ContentHasher.hashNormalized(normalized);
    if (shingler.shingleUnsorted(normalized, shingles) > 0) {
      bander.bandKeys(signer.sign(shingles), keys);
    }
    keys[0] ^= hash == null ? 0 : hash.length();
    return keys;
  }
}
