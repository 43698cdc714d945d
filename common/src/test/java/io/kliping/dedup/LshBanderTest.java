package io.kliping.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LshBanderTest {

  private static final String TEXT =
      "The quick brown fox jumps over the lazy dog, again and again: 42 times!";

  @Test
  void goldenBandKeysOfVersionOne() {
    assertThat(LshBander.VERSION).isEqualTo(1);
    byte[] signature = MinHashSigner.create(16, 42L).sign(MinHashSignerTest.shingles(TEXT));
    assertThat(LshBander.create(new LshParams(4, 4)).bandKeys(signature))
        .containsExactly(
            0x000d139890c475c4L, 0x0016da6613ea2fe7L, 0x0023fbc7d8e81ecfL, 0x003080e4de1484b3L);
  }

  @Test
  void bandIndexIsInTheTopBits() {
    byte[] signature = MinHashSigner.create(128, 42L).sign(MinHashSignerTest.shingles(TEXT));
    long[] keys = LshBander.create(new LshParams(14, 9)).bandKeys(signature);
    for (int band = 0; band < keys.length; band++) {
      assertThat(keys[band] >>> (Long.SIZE - LshBander.BAND_BITS)).isEqualTo(band);
    }
  }

  @Test
  void sameComponentsInDifferentBandsGiveDifferentKeys() {
    byte[] uniform = new byte[32]; // 8 zero components: every band has the same content
    long[] keys = LshBander.create(new LshParams(4, 2)).bandKeys(uniform);
    assertThat(keys).doesNotHaveDuplicates();
  }

  @Test
  void keysMatchExactlyInTheBandsWhereSignaturesAgree() {
    byte[] a = new byte[32];
    byte[] b = new byte[32];
    for (int i = 0; i < 32; i++) {
      a[i] = (byte) i;
      b[i] = (byte) i;
    }
    b[20] = 99; // component 5, so band 2 of four 2-component bands
    LshBander bander = LshBander.create(new LshParams(4, 2));
    long[] keysA = bander.bandKeys(a);
    long[] keysB = bander.bandKeys(b);
    assertThat(keysB[0]).isEqualTo(keysA[0]);
    assertThat(keysB[1]).isEqualTo(keysA[1]);
    assertThat(keysB[2]).isNotEqualTo(keysA[2]);
    assertThat(keysB[3]).isEqualTo(keysA[3]);
  }

  @Test
  void writesIntoAReusableBufferAndIgnoresUnusedComponents() {
    byte[] signature = MinHashSigner.create(10, 42L).sign(MinHashSignerTest.shingles(TEXT));
    LshBander bander = LshBander.create(new LshParams(3, 3)); // uses 9 of 10 components
    long[] buffer = new long[5];
    bander.bandKeys(signature, buffer);
    assertThat(buffer).startsWith(bander.bandKeys(signature)).endsWith(0L, 0L);
    signature[36] ^= 1; // last component, outside every band
    assertThat(bander.bandKeys(signature)).startsWith(buffer[0], buffer[1], buffer[2]);
  }

  @Test
  void rejectsShortSignaturesAndBuffers() {
    LshBander bander = LshBander.create(new LshParams(4, 4));
    assertThatThrownBy(() -> bander.bandKeys(new byte[60]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("too short");
    assertThatThrownBy(() -> bander.bandKeys(new byte[64], new long[3]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
