package io.kliping.dedup;

import org.apache.spark.sql.api.java.UDF2;

/** {@link ShingleSets#jaccard} as a Spark UDF; null when either set is null. */
final class ShingleJaccardUdf implements UDF2<byte[], byte[], Double> {

  @Override
  public Double call(byte[] shinglesA, byte[] shinglesB) {
    if (shinglesA == null || shinglesB == null) {
      return null;
    }
    return ShingleSets.jaccard(shinglesA, shinglesB);
  }
}
