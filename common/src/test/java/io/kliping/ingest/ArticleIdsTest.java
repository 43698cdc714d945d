package io.kliping.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArticleIdsTest {

  private static final String URL = "https://tempo.co/read/1249068/trase-lrt-jabodebek";
  private static final String TEXT =
      "Menteri Luar Negeri Rusia Sergey Lavrov terbang ke kota Wonsan.\n\nIa bertemu Choe Son Hui.";

  @Test
  void idsAre32LowerCaseHexDigits() {
    assertThat(ArticleIds.fromUrl(URL)).matches("[0-9a-f]{32}");
    assertThat(ArticleIds.fromContent(TEXT)).matches("[0-9a-f]{32}");
    assertThat(ArticleIds.fromContent("")).matches("[0-9a-f]{32}");
  }

  @Test
  void idsNeverChange() {
    // Pinned: ids are stored and joined across runs, so the hash must not drift.
    assertThat(ArticleIds.fromUrl(URL)).isEqualTo(PINNED_URL_ID);
    assertThat(ArticleIds.fromContent(TEXT)).isEqualTo(PINNED_CONTENT_ID);
  }

  @Test
  void urlAndContentIdsAreDomainSeparated() {
    assertThat(ArticleIds.fromUrl(URL)).isNotEqualTo(ArticleIds.fromContent(URL));
    assertThat(ArticleIds.fromUrl("")).isNotEqualTo(ArticleIds.fromContent(""));
  }

  @Test
  void contentIdIgnoresCaseAndSpacing() {
    String respaced =
        "  menteri luar negeri RUSIA Sergey   Lavrov\tterbang ke kota Wonsan. Ia bertemu\u00A0Choe Son Hui.\n";
    assertThat(ArticleIds.fromContent(respaced)).isEqualTo(ArticleIds.fromContent(TEXT));
  }

  @Test
  void contentIdSeesRealDifferences() {
    assertThat(ArticleIds.fromContent(TEXT.replace("Wonsan", "Pyongyang")))
        .isNotEqualTo(ArticleIds.fromContent(TEXT));
    assertThat(ArticleIds.fromContent("Kim Jong Un")).isNotEqualTo(ArticleIds.fromContent("KimJong Un"));
  }

  @Test
  void differentUrlsGetDifferentIds() {
    assertThat(ArticleIds.fromUrl(URL)).isNotEqualTo(ArticleIds.fromUrl(URL + "-2"));
  }

  private static final String PINNED_URL_ID = "43299c5341033fecd69012112e70759b";
  private static final String PINNED_CONTENT_ID = "de49c6c37371f0d63e481e1bba53458b";
}
