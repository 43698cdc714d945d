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
  void aReusedBuilderHashesLikeTheString() {
    StringBuilder builder = new StringBuilder();
    ContentNormalizer.normalize(TEXT, builder);
    assertThat(ContentHasher.hashNormalized(builder)).isEqualTo(ContentHasher.hash(TEXT));
  }
}
