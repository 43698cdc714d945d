package io.kliping.dedup;

import org.apache.spark.sql.api.java.UDF2;

/** {@link SignatureSimilarity#estimate} as a Spark UDF; null when either signature is null. */
final class SignatureSimilarityUdf implements UDF2<byte[], byte[], Double> {

  @Override
  public Double call(byte[] signatureA, byte[] signatureB) {
    if (signatureA == null || signatureB == null) {
      return null;
    }
    return SignatureSimilarity.estimate(signatureA, signatureB);
  }
}
