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
    int length = checkShape(signatureA, signatureB, MinHashSigner.COMPONENT_BYTES, "signature", "signatures");
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
    checkShape(signature, signature, MinHashSigner.COMPONENT_BYTES, "signature", "signatures");
    int components = signature.length / MinHashSigner.COMPONENT_BYTES;
    byte[] sketch = new byte[components * Short.BYTES];
    for (int i = 0; i < components; i++) {
      int component = (int) COMPONENT.get(signature, i * MinHashSigner.COMPONENT_BYTES);
      HALF.set(sketch, i * Short.BYTES, (short) component);
    }
    return sketch;
  }

  /** Fraction of equal 16-bit components of two {@link #sketch sketches}, in {@code [0, 1]}. */
  public static double estimateFromSketches(byte[] sketchA, byte[] sketchB) {
    int length = checkShape(sketchA, sketchB, Short.BYTES, "sketch", "sketches");
    int equal = 0;
    for (int offset = 0; offset < length; offset += Short.BYTES) {
      if ((short) HALF.get(sketchA, offset) == (short) HALF.get(sketchB, offset)) {
        equal++;
      }
    }
    return (double) equal / (length / Short.BYTES);
  }

  /** The common length of {@code a} and {@code b}, whole {@code width}-byte components. */
  private static int checkShape(byte[] a, byte[] b, int width, String what, String plural) {
    int length = a.length;
    if (length != b.length) {
      throw new IllegalArgumentException(
          plural + " differ in length: " + length + " vs " + b.length + " bytes");
    }
    if (length == 0 || length % width != 0) {
      throw new IllegalArgumentException("not a " + what + ": " + length + " bytes");
    }
    return length;
  }
}
