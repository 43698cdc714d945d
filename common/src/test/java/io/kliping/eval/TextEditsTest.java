package io.kliping.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.kliping.dedup.ContentNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TextEditsTest {
  private static final List<String> STORY = List.of(
      "JAKARTA - Pemerintah menaikkan harga beras. Kenaikan berlaku mulai pekan depan.",
      "Menteri mengatakan stok beras aman hingga akhir tahun. Petani diminta tidak khawatir.",
      "Baca juga: Harga Cabai Turun Jelang Akhir Tahun",
      "\"Kami pastikan pasokan cukup,\" kata dia di Jakarta, Senin (7/10/2024).",
      "Pedagang di pasar induk menyambut baik kebijakan tersebut. Mereka berharap harga stabil.",
      "Editor: Rizky Pratama");

  @Test
  void aRewordedHeadlineDiffersFromTheOriginal() {
    for (int seed = 0; seed < 50; seed++) {
      String title = "Warga Tolak Pembangunan Pabrik Semen di Desa Mereka";
      assertThat(TextEdits.rewordHeadline(title, "Kompas.com", new SplittableRandom(seed)))
          .isNotEqualTo(title);
    }
  }

  @Test
  void datelinesAreRecognisedAndReplaced() {
    assertThat(TextEdits.stripDateline("JAKARTA, KOMPAS.com - Presiden tiba."))
        .isEqualTo("Presiden tiba.");
    assertThat(TextEdits.stripDateline("Liputan6.com, Jakarta - Presiden tiba."))
        .isEqualTo("Presiden tiba.");
    assertThat(TextEdits.stripDateline("Presiden Joko Widodo tiba di Bogor.")).isEqualTo(
        "Presiden Joko Widodo tiba di Bogor.");
    assertThat(TextEdits.datelineCity("MOSKOW - Lavrov menerima Choe.", "Jakarta"))
        .isEqualTo("MOSKOW");
    assertThat(TextEdits.datelineCity("Liputan6.com, Surabaya - Hujan.", "Jakarta"))
        .isEqualTo("Surabaya");
    assertThat(TextEdits.datelineCity("Suara.com - Hujan.", "Jakarta")).isEqualTo("Jakarta");
    assertThat(Outlets.dateline("kompas.com", "Bogor")).isEqualTo("BOGOR, KOMPAS.com - ");
    assertThat(Outlets.dateline("liputan6.com", "BOGOR")).isEqualTo("Liputan6.com, Bogor - ");
    assertThat(Outlets.dateline("koran.example", "Bogor")).isEqualTo("BOGOR, Koran.example - ");
  }

  @Test
  void boilerplateIsRemovedAndAdded() {
    List<String> p = new ArrayList<>(STORY);
    p.set(4, p.get(4) + " (ant/dil)");
    assertThat(TextEdits.removeBoilerplate(p)).isEqualTo(3);
    assertThat(String.join("\n", p)).doesNotContain("Baca juga", "Editor:", "(ant/dil)")
        .contains("Pedagang di pasar induk");
    int before = p.size();
    TextEdits.addBoilerplate(p, "Tempo.co", List.of("Judul Lain", "Judul Ketiga"),
        new SplittableRandom(3));
    assertThat(p.size()).isGreaterThan(before);
    assertThat(p.get(0)).startsWith("JAKARTA");
    assertThat(p.get(p.size() - 1)).matches(TextEdits::isBoilerplate, "boilerplate");
  }

  @Test
  void droppingKeepsTheLeadAndTheBudget() {
    for (int seed = 0; seed < 20; seed++) {
      List<String> p = new ArrayList<>(STORY);
      int removed = TextEdits.dropParagraphs(p, 12, new SplittableRandom(seed));
      assertThat(removed).isLessThanOrEqualTo(12);
      assertThat(p.get(0)).isEqualTo(STORY.get(0));
      assertThat(STORY.size() - p.size()).isBetween(0, 2);
    }
  }

  @Test
  void truncationKeepsTheShareAndEndsOnASentence() {
    List<String> p = new ArrayList<>(STORY.subList(0, 5));
    int total = p.stream().mapToInt(TextEdits::words).sum();
    int removed = TextEdits.truncateTail(p, 0.6, total);
    int kept = p.stream().mapToInt(TextEdits::words).sum();
    assertThat(removed).isPositive().isEqualTo(total - kept);
    assertThat(kept).isGreaterThanOrEqualTo((int) Math.ceil(0.6 * total));
    assertThat(p.get(p.size() - 1)).endsWith(".");

    List<String> budgeted = new ArrayList<>(STORY.subList(0, 5));
    assertThat(TextEdits.truncateTail(budgeted, 0.6, 5)).isLessThanOrEqualTo(5);
  }

  @Test
  void swappingExchangesTwoNeighboursAfterTheLead() {
    List<String> p = new ArrayList<>(STORY);
    assertThat(TextEdits.swapAdjacent(p, new SplittableRandom(1))).isTrue();
    assertThat(p.get(0)).isEqualTo(STORY.get(0));
    assertThat(p).containsExactlyInAnyOrderElementsOf(STORY).isNotEqualTo(STORY);
  }

  @Test
  void typosChangeWordsButNotTheirNumber() {
    List<String> p = new ArrayList<>(STORY);
    assertThat(TextEdits.addTypos(p, 3, new SplittableRandom(5))).isEqualTo(3);
    assertThat(p).isNotEqualTo(STORY);
    assertThat(String.join(" ", p).split(" ")).hasSameSizeAs(String.join(" ", STORY).split(" "));
  }

  @Test
  void noiseChangesCharactersButNotWords() {
    String paragraph = STORY.get(3) + " Ia menambahkan, harga akan dipantau. Pedagang lega.";
    boolean changed = false;
    for (int seed = 0; seed < 10; seed++) {
      String noisy = TextEdits.punctuationNoise(paragraph, new SplittableRandom(seed));
      assertThat(ContentNormalizer.normalize(noisy)).isEqualTo(ContentNormalizer.normalize(paragraph));
      assertThat(noisy).contains("“").doesNotContain("\"");
      changed |= noisy.contains(".  ") || noisy.contains(",h");
    }
    assertThat(changed).isTrue();
  }

  @Test
  void shorteningTheLeadKeepsItsFirstSentence() {
    List<String> p = new ArrayList<>(STORY);
    assertThat(TextEdits.shortenLead(p, 100)).isPositive();
    assertThat(p.get(0)).isEqualTo("JAKARTA - Pemerintah menaikkan harga beras.");
  }

  @Test
  void aBodyWithoutLineBreaksIsCutIntoParagraphsAtSentenceEnds() {
    String sentence = "Harga beras di pasar induk naik lagi pekan ini menurut pedagang setempat.";
    String oneLine = String.join(" ", java.util.Collections.nCopies(40, sentence));
    List<String> p = TextEdits.storyParagraphs("-\n" + oneLine);
    assertThat(p).hasSizeGreaterThan(4).allMatch(x -> x.endsWith("."))
        .allMatch(x -> TextEdits.words(x) <= TextEdits.PARAGRAPH_WORDS + 12);
    assertThat(ContentNormalizer.normalize(String.join("\n", p)))
        .isEqualTo(ContentNormalizer.normalize(oneLine));
    assertThat(TextEdits.storyParagraphs(STORY.get(0) + "\n\n" + STORY.get(1)))
        .containsExactly(STORY.get(0), STORY.get(1));
  }

  @Test
  void slugsAreUrlSafe() {
    assertThat(TextEdits.slug("VIDEO: Harga Beras Naik 10%, Ini Kata Menteri!"))
        .isEqualTo("video-harga-beras-naik-10-ini-kata-menteri");
  }
}
