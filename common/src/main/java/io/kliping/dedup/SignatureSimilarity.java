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

  private static final VarHandle HALF =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

  /**
   * The low 16 bits of every component of a signature: half its size, for moving signatures
   * through the verification joins. Two different components agree there by chance with
   * probability 2^-16, so {@link #estimateFromSketches} can only be higher than {@link #estimate},
   * by one component in about 500 pairs of 128-component signatures (128 / 65,536).
   */
  public static byte[] sketch(byte[] signature) {
    int components = signature.length / MinHashSigner.COMPONENT_BYTES;
    if (signature.length == 0 || signature.length % MinHashSigner.COMPONENT_BYTES != 0) {
      throw new IllegalArgumentException("not a signature: " + signature.length + " bytes");
    }
    byte[] sketch = new byte[components * Short.BYTES];
    for (int i = 0; i < components; i++) {
      int component = (int) COMPONENT.get(signature, i * MinHashSigner.COMPONENT_BYTES);
      HALF.set(sketch, i * Short.BYTES, (short) component);
    }
    return sketch;
  }

  /** Fraction of equal 16-bit components of two {@link #sketch sketches}, in {@code [0, 1]}. */
  public static double estimateFromSketches(byte[] sketchA, byte[] sketchB) {
    int length = sketchA.length;
    if (length != sketchB.length) {
      throw new IllegalArgumentException(
          "sketches differ in length: " + length + " vs " + sketchB.length + " bytes");
    }
    if (length == 0 || length % Short.BYTES != 0) {
      throw new IllegalArgumentException("not a sketch: " + length + " bytes");
    }
    int equal = 0;
    for (int offset = 0; offset < length; offset += Short.BYTES) {
      if ((short) HALF.get(sketchA, offset) == (short) HALF.get(sketchB, offset)) {
        equal++;
      }
    }
    return (double) equal / (length / Short.BYTES);
  }
}
