package io.kliping.dedup;

import java.util.Iterator;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Per article: content hash, normalised length and MinHash signature, computed in one pass over the
 * text so the text itself is never shuffled. One {@link NormalizedContent}, {@link Shingler}, {@link
 * ShingleBuffer} and {@link MinHashSigner} per partition.
 *
 * <p>Input rows: {@code (article_id, text, published_at, source)}, in this order.
 *
 * <p>Every article is signed, exact copies too: signing costs tens of microseconds, while
 * selecting one article per text first would mean another shuffle before the banding.
 */
final class FingerprintFunction implements MapPartitionsFunction<Row, Row> {

  static final String CONTENT_HASH = "content_hash";
  static final String TEXT_LENGTH = "text_length";
  static final String SIGNATURE = "signature";
  static final String SHINGLES = "_shingles";

  /**
   * Output: the input minus the text, plus {@code content_hash} (null for text that normalises to
   * nothing), {@code text_length} (normalised chars), {@code signature} (null without shingles)
   * and the shingle set ({@link ShingleSets}; only with {@link DedupSettings#exactVerification()},
   * else null).
   */
  static final StructType OUTPUT_SCHEMA =
      new StructType(
          new StructField[] {
            DataTypes.createStructField(DedupColumns.ARTICLE_ID, DataTypes.StringType, true),
            DataTypes.createStructField(DedupColumns.PUBLISHED_AT, DataTypes.TimestampType, true),
            DataTypes.createStructField(DedupColumns.SOURCE, DataTypes.StringType, true),
            DataTypes.createStructField(CONTENT_HASH, DataTypes.StringType, true),
            DataTypes.createStructField(TEXT_LENGTH, DataTypes.IntegerType, false),
            DataTypes.createStructField(SIGNATURE, DataTypes.BinaryType, true),
            DataTypes.createStructField(SHINGLES, DataTypes.BinaryType, true)
          });

  private final DedupSettings settings;

  FingerprintFunction(DedupSettings settings) {
    this.settings = settings;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> articles) {
    Fingerprinter fingerprinter = new Fingerprinter(settings);
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return articles.hasNext();
      }

      @Override
      public Row next() {
        return fingerprinter.fingerprint(articles.next());
      }
    };
  }

  /** The per-partition state. */
  private static final class Fingerprinter {
    private final NormalizedContent normalized = new NormalizedContent();
    private final ShingleBuffer shingles = new ShingleBuffer(1024);
    private final Shingler shingler;
    private final MinHashSigner signer;
    private final boolean keepShingles;

    Fingerprinter(DedupSettings settings) {
      this.keepShingles = settings.exactVerification();
      this.shingler = Shingler.of(settings);
      this.signer = MinHashSigner.create(settings.numPerm(), settings.seed());
    }

    Row fingerprint(Row article) {
      int length = ContentNormalizer.normalize(article.getString(1), normalized);
      String contentHash = length == 0 ? null : ContentHasher.hashNormalized(normalized);
      // The signature needs no sorted set; the exact verification's shingle set does.
      boolean shingled =
          (keepShingles
                  ? shingler.shingle(normalized, shingles)
                  : shingler.shingleUnsorted(normalized, shingles))
              > 0;
      byte[] signature = shingled ? signer.sign(shingles) : null;
      byte[] shingleSet = shingled && keepShingles ? ShingleSets.toBytes(shingles) : null;
      return RowFactory.create(
          article.get(0), article.get(2), article.get(3), contentHash, length, signature,
          shingleSet);
    }
  }
}
