package io.kliping.dedup;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Estimated Jaccard similarity of two shingle sets from their {@link MinHashSigner} signatures: the
 * fraction of equal components. Used to verify LSH candidate pairs, so that a bucket shared by
 * chance cannot connect dissimilar documents.
 */
public final class SignatureSimilarity {

  private static final VarHandle COMPONENT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  private SignatureSimilarity() {}

  /**
   * Fraction of equal {@value MinHashSigner#COMPONENT_BITS}-bit components of two signatures of the
   * same version and length, in {@code [0, 1]}.
   */
  public static double estimate(byte[] signatureA, byte[] signatureB) {
    int length = signatureA.length;
    if (length != signatureB.length) {
      throw new IllegalArgumentException(
          "signatures differ in length: " + length + " vs " + signatureB.length + " bytes");
    }
    if (length == 0 || length % MinHashSigner.COMPONENT_BYTES != 0) {
      throw new IllegalArgumentException("not a signature: " + length + " bytes");
    }
    int equal = 0;
    for (int offset = 0; offset < length; offset += MinHashSigner.COMPONENT_BYTES) {
      if ((int) COMPONENT.get(signatureA, offset) == (int) COMPONENT.get(signatureB, offset)) {
        equal++;
      }
    }
    return (double) equal / (length / MinHashSigner.COMPONENT_BYTES);
  }
}
