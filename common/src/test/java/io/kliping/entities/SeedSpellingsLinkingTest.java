package io.kliping.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The seed articles' linking cases on the bundled text alone: three short articles, written for
 * this test in the seeds' style (the seeds themselves are real articles and are not shipped),
 * with the same spellings. {@link SharedSeedsLinkingTest} runs the same cases on the real seeds
 * when the shared data set is checked out beside the repository. Every spelling must be found, and all spellings of one entity share one id,
 * across articles ("Sergei"/"Sergey", "Antony"/"Anthony") and within one (a surname after the
 * full name, an acronym after the country).
 */
class SeedSpellingsLinkingTest {
  private static final List<String> ARTICLES = List.of("""
      Menteri Luar Negeri Rusia Sergei Lavrov tiba di Pyongyang pada Jumat untuk bertemu Menteri \
      Luar Negeri Korea Utara Choe Son Hui. Lavrov mengatakan Rusia dan Korut akan memperluas \
      kerja sama militer.

      Choe menyebut kunjungan itu bersejarah. Presiden Rusia Vladimir Putin mengirim salam kepada \
      pemimpin Korea Utara Kim Jong Un, kata kantor berita resmi.""", """
      Kepala staf gabungan Korea Selatan, Amerika Serikat dan Jepang bertemu di Seoul pada Jumat. \
      Mereka mendesak DPRK menghentikan semua kegiatan yang melanggar hukum.

      Menteri Luar Negeri AS Antony Blinken mengatakan Washington siap berdialog. Menteri Luar \
      Negeri Korsel Park Jin dan Menteri Luar Negeri Jepang Yoko Kamikawa ikut hadir. Presiden \
      Yoon Suk Yeol mendukung pernyataan bersama itu.""", """
      Juru bicara Kementerian Luar Negeri Rusia Maria Zakharova menolak kritik Dewan Keamanan PBB. \
      Sergey Lavrov sebelumnya bertemu Kim Jong-un di Vladivostok.

      Menurut Anthony Blinken, Dewan Keamanan Perserikatan Bangsa-Bangsa harus bertindak. Dewan \
      Keamanan dijadwalkan bersidang pekan depan soal perang di Ukraina.""");

  /** Spellings of one entity each, as the seeds write them. */
  static final List<Set<String>> ONE_ENTITY = List.of(
      Set.of("Sergei Lavrov", "Sergey Lavrov", "Lavrov"),
      Set.of("Kim Jong Un", "Kim Jong-un"),
      Set.of("Korea Utara", "Korut", "DPRK"),
      Set.of("Amerika Serikat", "AS"),
      Set.of("Korea Selatan", "Korsel"),
      Set.of("Antony Blinken", "Anthony Blinken"),
      Set.of("Choe Son Hui", "Choe"),
      Set.of("Dewan Keamanan PBB", "Dewan Keamanan Perserikatan Bangsa-Bangsa", "Dewan Keamanan"),
      Set.of("Vladimir Putin"), Set.of("Pyongyang"), Set.of("Seoul"), Set.of("Washington"),
      Set.of("Jepang"), Set.of("Rusia"), Set.of("Ukraina"), Set.of("Yoon Suk Yeol"),
      Set.of("Maria Zakharova"), Set.of("Yoko Kamikawa"), Set.of("Park Jin"));

  @Test
  void everySpellingIsFoundAndEachEntityHasOneId() {
    EntityExtractor extractor = pipelineExtractor();
    Map<String, Set<String>> idsOfSurface = new HashMap<>();
    for (String article : ARTICLES) {
      addIds(extractor, article, idsOfSurface);
    }
    assertOneIdPerEntity(idsOfSurface);
  }

  /** The extractor the pipeline runs: the shipped gazetteer, model and lower-case words. */
  static EntityExtractor pipelineExtractor() {
    return EntityExtractor.withoutSentenceInitialWords(EntityExtractor.withModel(
        Gazetteer.fromClasspath(List.of(
            "kliping/gazetteer/curated.tsv", "kliping/gazetteer/countries.tsv",
            "kliping/gazetteer/capitals.tsv")), "kliping/ner/kliping-ner.bin"),
        "kliping/ner/lowercase-words.txt.gz");
  }

  /** Adds the entity id of every mention in {@code text} under its surface form. */
  static void addIds(EntityExtractor extractor, String text, Map<String, Set<String>> idsOfSurface) {
    for (Mention m : extractor.extract(text)) {
      idsOfSurface.computeIfAbsent(m.surface(), s -> new TreeSet<>()).add(m.entityId());
    }
  }

  /** Every spelling of {@link #ONE_ENTITY} found, one id per entity, no id shared by two. */
  static void assertOneIdPerEntity(Map<String, Set<String>> idsOfSurface) {
    Set<String> allIds = new TreeSet<>();
    for (Set<String> spellings : ONE_ENTITY) {
      Set<String> ids = new TreeSet<>();
      for (String spelling : spellings) {
        assertThat(idsOfSurface).as("mentions of '%s'", spelling).containsKey(spelling);
        ids.addAll(idsOfSurface.get(spelling));
      }
      assertThat(ids).as("ids of %s", spellings).hasSize(1);
      assertThat(allIds).as("%s shares an id with another entity", spellings)
          .doesNotContainAnyElementsOf(ids);
      allIds.addAll(ids);
    }
  }
}
