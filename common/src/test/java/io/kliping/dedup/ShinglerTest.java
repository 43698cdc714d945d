package io.kliping.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dynatrace.hash4j.hashing.Hashing;
import org.junit.jupiter.api.Test;

class ShinglerTest {

  private static final String TEXT =
      "the quick brown fox jumps over the lazy dog again and again 42 times";

  private final ShingleBuffer buffer = new ShingleBuffer();

  @Test
  void goldenWordShinglesOfVersionOne() {
    int count = Shingler.words(5, 3).shingle(TEXT, buffer);
    // 14 tokens give 10 five-word shingles, sorted as signed longs.
    assertThat(count).isEqualTo(10);
    assertThat(buffer.toArray())
        .containsExactly(
            0x9282d00e7c1e9492L, 0xbb7e051769e90c5dL, 0xd941b57800a2eef5L, 0xf193570a5e082813L,
            0xf1f42bfa709942e7L, 0x2067baaefc0dc11bL, 0x2e4c0ea484563b36L, 0x399bcf36c38839b5L,
            0x3a9616b894e42e78L, 0x3e376e494c295a14L);
  }

  @Test
  void aShingleIsTheKomihashOfItsSubstring() {
    Shingler.words(5, 3).shingle("one two three four five six", buffer);
    assertThat(buffer.toArray())
        .containsExactlyInAnyOrder(
            Hashing.komihash5_0().hashCharsToLong("one two three four five"),
            Hashing.komihash5_0().hashCharsToLong("two three four five six"));
  }

  @Test
  void shinglesAreSortedAndDistinct() {
    int count = Shingler.words(2, 1).shingle("a b a b a b c", buffer);
    assertThat(count).isEqualTo(3); // "a b", "b a", "b c"
    assertThat(buffer.toArray()).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void textShorterThanAShingleButLongEnoughGivesOneShingleOfAllTokens() {
    assertThat(Shingler.words(5, 3).shingle("banjir di jakarta", buffer)).isEqualTo(1);
    assertThat(buffer.get(0)).isEqualTo(Hashing.komihash5_0().hashCharsToLong("banjir di jakarta"));
    assertThat(Shingler.words(5, 3).shingle("banjir di jakarta utara", buffer)).isEqualTo(1);
    assertThat(Shingler.words(5, 3).shingle("banjir di jakarta utara hari", buffer)).isEqualTo(1);
  }

  @Test
  void textBelowMinTokensAndEmptyTextGiveNoShingles() {
    assertThat(Shingler.words(5, 3).shingle("breaking news", buffer)).isZero();
    assertThat(Shingler.words(5, 3).shingle("", buffer)).isZero();
    assertThat(Shingler.characters(3, 2).shingle("breaking", buffer)).isZero();
    assertThat(buffer.size()).isZero();
  }

  @Test
  void normalisedVariantsShingleAlike() {
    long[] plain = shingles(Shingler.words(3, 1), "Gempa M5,6 guncang Cianjur; 300 rumah rusak.");
    long[] shouted = shingles(Shingler.words(3, 1), "GEMPA M5 6 -- GUNCANG CIANJUR, 300 RUMAH RUSAK");
    assertThat(shouted).isNotEmpty().containsExactly(plain);
  }

  @Test
  void characterShinglesRunOverCodePointsIncludingSpaces() {
    assertThat(Shingler.characters(3, 1).shingle("abc de", buffer)).isEqualTo(4);
    assertThat(buffer.toArray())
        .containsExactlyInAnyOrder(
            Hashing.komihash5_0().hashCharsToLong("abc"),
            Hashing.komihash5_0().hashCharsToLong("bc "),
            Hashing.komihash5_0().hashCharsToLong("c d"),
            Hashing.komihash5_0().hashCharsToLong(" de"));
    // Supplementary code points are never split: 4 code points (6 chars) give 3 bigrams.
    assertThat(Shingler.characters(2, 1).shingle("𐐨𐐩 a", buffer)).isEqualTo(3);
    assertThat(buffer.toArray()).contains(Hashing.komihash5_0().hashCharsToLong("𐐨𐐩"));
    // Shorter than one n-gram: the whole text.
    assertThat(Shingler.characters(5, 1).shingle("ab", buffer)).isEqualTo(1);
  }

  @Test
  void bufferGrowsAndIsReused() {
    ShingleBuffer tiny = new ShingleBuffer(1);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 500; i++) {
      text.append("token").append(i).append(' ');
    }
    assertThat(Shingler.words(5, 3).shingle(text.toString().trim(), tiny)).isEqualTo(496);
    assertThat(Shingler.words(5, 3).shingle(TEXT, tiny)).isEqualTo(10);
    assertThat(tiny.size()).isEqualTo(10);
  }

  @Test
  void unsortedShinglesAreEveryShingleInTextOrderWithTheSameSet() {
    Shingler words = Shingler.words(2, 1);
    assertThat(words.shingleUnsorted("a b a b a b c", buffer)).isEqualTo(6);
    long ab = Hashing.komihash5_0().hashCharsToLong("a b");
    long ba = Hashing.komihash5_0().hashCharsToLong("b a");
    long bc = Hashing.komihash5_0().hashCharsToLong("b c");
    assertThat(buffer.toArray()).containsExactly(ab, ba, ab, ba, ab, bc);
    // From a normaliser's buffer (its token starts) as from the string, words and characters.
    NormalizedContent normalized = new NormalizedContent();
    ContentNormalizer.normalize("Kopi \u201cENAK\u201d, caf\u00e9 \ud801\udc00 -- lagi lagi 42", normalized);
    for (Shingler shingler : new Shingler[] {Shingler.words(2, 1), Shingler.characters(3, 1)}) {
      ShingleBuffer fromString = new ShingleBuffer();
      assertThat(shingler.shingleUnsorted(normalized, buffer))
          .isEqualTo(shingler.shingleUnsorted(normalized.toString(), fromString));
      assertThat(buffer.toArray()).containsExactly(fromString.toArray());
      long[] set = java.util.Arrays.stream(buffer.toArray()).sorted().distinct().toArray();
      assertThat(shingler.shingle(normalized, buffer)).isEqualTo(set.length);
      assertThat(buffer.toArray()).containsExactly(set);
    }
    assertThat(Shingler.words(5, 3).shingleUnsorted("breaking news", buffer)).isZero();
    assertThat(buffer.size()).isZero();
  }

  @Test
  void rejectsNonsenseSizes() {
    assertThatThrownBy(() -> Shingler.words(0, 3)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Shingler.words(5, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  private static long[] shingles(Shingler shingler, String text) {
    ShingleBuffer out = new ShingleBuffer();
    shingler.shingle(ContentNormalizer.normalize(text), out);
    return out.toArray();
  }
}
