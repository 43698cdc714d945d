package io.kliping.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentHasherTest {

  private static final String TEXT =
      "The quick brown fox jumps over the lazy dog, again and again: 42 times!";

  @Test
  void goldenValueOfVersionOne() {
    // Changing this value changes every stored content hash: bump the versions instead.
    assertThat(ContentHasher.hash(TEXT)).isEqualTo("5e0663a20ad3450344ac605940d39dd7");
  }

  @Test
  void isThirtyTwoLowerCaseHexChars() {
    assertThat(ContentHasher.hash("Banjir Jakarta"))
        .hasSize(ContentHasher.HEX_LENGTH)
        .matches("[0-9a-f]{32}");
  }

  @Test
  void hashesTheNormalisedContent() {
    assertThat(ContentHasher.hash("THE QUICK brown fox -- jumps over the lazy dog again and again 42 TIMES"))
        .isEqualTo(ContentHasher.hash(TEXT));
    assertThat(ContentHasher.hash(TEXT.replace("42", "43"))).isNotEqualTo(ContentHasher.hash(TEXT));
  }

  @Test
  void aReusedBufferHashesLikeTheString() {
    NormalizedContent buffer = new NormalizedContent();
    ContentNormalizer.normalize("A much longer text, left over from the previous document", buffer);
    ContentNormalizer.normalize(TEXT, buffer);
    assertThat(ContentHasher.hashNormalized(buffer)).isEqualTo(ContentHasher.hash(TEXT));
    // Hashed from its bytes: the same value as from its chars, beyond ASCII and the BMP too.
    String wide = "kopi \u201cenak\u201d caf\u00e9 \u03b1\u03b8\u03b7\u03bd\u03b1 \ud801\udc28 \u0928\u092e";
    ContentNormalizer.normalize(wide, buffer);
    assertThat(ContentHasher.hashNormalized(buffer))
        .isEqualTo(ContentHasher.hashNormalized(buffer.toString()))
        .isEqualTo(ContentHasher.hash(wide));
  }
}
