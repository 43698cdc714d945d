package io.kliping.dedup;

import org.apache.spark.sql.api.java.UDF1;

/** {@link SignatureSimilarity#sketch} as a Spark UDF; null for a null signature. */
final class SignatureSketchUdf implements UDF1<byte[], byte[]> {

  @Override
  public byte[] call(byte[] signature) {
    return signature == null ? null : SignatureSimilarity.sketch(signature);
  }
}
