package io.kliping.dedup;

import org.apache.spark.sql.api.java.UDF2;

/** {@link SignatureSimilarity#estimateFromSketches} as a Spark UDF; null when either is null. */
final class SketchSimilarityUdf implements UDF2<byte[], byte[], Double> {

  @Override
  public Double call(byte[] sketchA, byte[] sketchB) {
    if (sketchA == null || sketchB == null) {
      return null;
    }
    return SignatureSimilarity.estimateFromSketches(sketchA, sketchB);
  }
}
