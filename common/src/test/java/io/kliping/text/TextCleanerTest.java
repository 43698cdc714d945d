package io.kliping.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextCleanerTest {

  private final TextCleaner cleaner = new TextCleaner(CleaningSettings.defaults());

  private static final String REAL_1 =
      "Hal itu diungkapkan Kementerian Luar Negeri Korsel pada Sabtu (23/9/2023).";
  private static final String REAL_2 =
      "Sebelumnya Pemimpin Korut Kim Jong-un melakukan kunjungan selama seminggu ke Rusia pekan lalu.";

  private static CleaningSettings only(
      boolean nfkc, boolean mojibake, boolean whitespace, List<String> debris, boolean repeats) {
    return new CleaningSettings(nfkc, mojibake, whitespace, debris, repeats);
  }

  // --- paragraphs and whitespace ---------------------------------------------------------

  @Test
  void paragraphsAreNonBlankLinesTrimmedCollapsedAndJoinedByABlankLine() {
    String raw = "  Satu   dua\ttiga  \r\n\r\n\n  \u00A0 \nEmpat\u2003lima.\rEnam\u200B.\n";
    assertThat(cleaner.clean(raw)).isEqualTo("Satu dua tiga\n\nEmpat lima.\n\nEnam.");
  }

  @Test
  void withoutWhitespaceNormalisationLinesAreKeptAsTheyAre() {
    TextCleaner raw = new TextCleaner(only(false, false, false, List.of(), false));
    assertThat(raw.clean("  Satu   dua \n\n tiga")).isEqualTo("  Satu   dua \n\n tiga");
  }

  @Test
  void nullAndBlankGiveEmptyText() {
    assertThat(cleaner.clean(null)).isEmpty();
    assertThat(cleaner.clean(" \n\t\n")).isEmpty();
  }

  // --- NFKC ------------------------------------------------------------------------------

  @Test
  void nfkcFoldsCompatibilityCharacters() {
    // full-width letters and digits, a ligature, a no-break space, an ellipsis
    assertThat(cleaner.clean("ＫＯＭＰＡＳ １２３ ﬁnal\u00A0kata…"))
        .isEqualTo("KOMPAS 123 final kata...");
  }

  @Test
  void nfkcCanBeSwitchedOff() {
    TextCleaner noNfkc = new TextCleaner(only(false, false, true, List.of(), false));
    assertThat(noNfkc.clean("ＫＯＭＰＡＳ ﬁnal")).isEqualTo("ＫＯＭＰＡＳ ﬁnal");
  }

  // --- mojibake --------------------------------------------------------------------------

  @Test
  void repairsMacRomanMojibakeFromClickId() {
    // tempo.co / sindonews.com bodies: NBSP as "¬†", curly quotes as "‚Äú" "‚Äù", dash "‚Äì"
    String raw =
        "TEMPO.CO,¬†Jakarta¬†-¬†Menteri itu berkata ‚ÄúKami siap‚Äù ‚Äì dan ‚Äòitu‚Äô penting.";
    assertThat(cleaner.clean(raw))
        .isEqualTo("TEMPO.CO, Jakarta - Menteri itu berkata “Kami siap” – dan ‘itu’ penting.");
  }

  @Test
  void repairsMacRomanArabicOnceTheTextShowsTheSignature() {
    // okezone: "ال" garbled as "ÿßŸÑ", next to a garbled quote
    assertThat(cleaner.clean("Doa ‚ÄúÿßŸÑ‚Äù dibaca.")).isEqualTo("Doa “ال” dibaca.");
  }

  @Test
  void repairsWindows1252Mojibake() {
    String raw = "Itâ€™s the â€œcafÃ©â€\u009d â€” naÃ¯ve rÃ©sumÃ©Â\u00A0done";
    assertThat(cleaner.clean(raw)).isEqualTo("It’s the “café” — naïve résumé done");
  }

  @Test
  void repairsLatin1MojibakeWithC1Controls() {
    assertThat(cleaner.clean("Ia berkata \u00E2\u0080\u009Cya\u00E2\u0080\u009D.")).isEqualTo("Ia berkata “ya”.");
  }

  @Test
  void leavesLegitimateAccentsAndQuotesAlone() {
    // Mac Roman reads “É as a valid UTF-8 pair, but without the signature nothing is touched
    String text = "Kata “Élan” dan café, naïve, Ångström, 25°C, © 2019.";
    assertThat(cleaner.clean(text)).isEqualTo(text);
  }

  @Test
  void mojibakeRepairCanBeSwitchedOff() {
    TextCleaner noRepair = new TextCleaner(only(false, false, true, List.of(), false));
    assertThat(noRepair.clean("‚ÄúKami‚Äù")).isEqualTo("‚ÄúKami‚Äù");
  }

  // --- debris ----------------------------------------------------------------------------

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @ValueSource(
      strings = {
        "loading...",
        "Loading…",
        "Memuat...",
        "A",
        "A A A",
        "A+ A-",
        "Baca juga : Korsel, AS dan Jepang Bersiasat Hadapi Rudal Korut",
        "Baca juga :\u00A0 Amerika Undang Jepang dan Korsel Merapat ke Washington",
        "BACA JUGA: Korea Utara Luncurkan Rudal Nuklir Bawah Air Haeil-5-23",
        "Baca Juga",
        "Simak juga: 5 Manfaat Pilates untuk Ibu Hamil, Apa Saja?",
        "Lihat Juga : Video Banjir Jakarta",
        "Editor : Zubaedah Hanum",
        "Editor: Barratut Taqiyyah Rafie",
        "Penulis: Andi Saputra | Editor: Hendra",
        "Sumber : CNA/SL",
        "Cek berita dan artikel yg lain di Google News dan dan ikuti WhatsApp channel mediaindonesia.com",
        "Terkini Lainnya",
        "Tautan Sahabat",
        "Berita Terkait:",
        "visitaaponce.com",
        "KOMPAS.com",
        "https://www.tribunnews.com/regional",
        "(ian)",
        "( ant/dil )",
        "(*)",
        ", , -",
        "***",
      })
  void dropsDebrisParagraphs(String debris) {
    assertThat(cleaner.clean(REAL_1 + "\n" + debris + "\n" + REAL_2))
        .isEqualTo(REAL_1 + "\n\n" + REAL_2);
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @ValueSource(
      strings = {
        // seed 003: "Baca Juga:" glued to real paragraphs
        "Baca Juga: Soal Korea Utara, Rusia Tegaskan Tidak Melanggar Sanksi PBB Seperti yang diberitakan"
            + " sebelumnya, Pemimpin Korea Utara Kim Jong Un melakukan perjalanan. Kondisi tersebut"
            + " meningkatkan kekhawatiran.",
        "Baca juga: headline pendek. Lalu kalimat berikutnya yang nyata",
        "Baca juga buku panduan yang dibagikan panitia.",
        "Ia gemar membaca buku, dan baca juga koran setiap pagi.",
        "Pembaca juga bisa mengirim tulisan ke redaksi",
        "Simak juga bagaimana Korea Utara merespons.",
        "Editor senior itu menolak berkomentar.",
        "Sumber: pejabat kepolisian yang enggan disebutkan namanya mengatakan lima orang tewas dalam kejadian itu",
        "Loading dock pelabuhan itu diperluas.",
        "Kerjasama 3 negara",
        "Di",
        "AS",
        "Menlu AS Anthony Blinken.(AFP Via Getty Images)",
        "Gedung Putih merilis gambar pada 1.000 kontainer.",
        "(Korea Utara)",
        "Terkini lainnya menunjukkan angka yang sama.",
        "2019",
        "1.000",
        "Cek berita ini dulu sebelum membagikannya.",
      })
  void keepsRealText(String real) {
    assertThat(cleaner.clean(real)).isEqualTo(real);
  }

  @Test
  void debrisRulesCanBeReplaced() {
    TextCleaner custom =
        new TextCleaner(only(true, true, true, List.of("ADVERTORIAL"), true));
    assertThat(custom.clean("advertorial\nloading...\nIsi.")).isEqualTo("loading...\n\nIsi.");
  }

  @Test
  void longParagraphsAreNeverTestedAsDebris() {
    String longLine = "Baca juga " + "kata ".repeat(70) + "akhir";
    TextCleaner greedy = new TextCleaner(only(false, false, true, List.of("baca juga.*"), false));
    assertThat(greedy.clean(longLine)).isEqualTo(longLine);
    assertThat(greedy.clean("Baca juga singkat")).isEmpty();
  }

  @Test
  void badDebrisPatternFailsAtConstruction() {
    assertThatThrownBy(() -> new TextCleaner(only(true, true, true, List.of("(unclosed"), true)))
        .isInstanceOf(PatternSyntaxException.class);
  }

  // --- repeated paragraphs ---------------------------------------------------------------

  @Test
  void dropsParagraphsRepeatedInsideTheArticleKeepingTheFirst() {
    // seed 001 repeats half of its body; seed 004 repeats its headline
    String raw = String.join("\n", "Judul", REAL_1, REAL_2, "Judul", REAL_1, "  " + REAL_2 + " ", "Akhir.");
    assertThat(cleaner.clean(raw)).isEqualTo(String.join("\n\n", "Judul", REAL_1, REAL_2, "Akhir."));
  }

  @Test
  void repeatedParagraphsCanBeKept() {
    TextCleaner keep = new TextCleaner(only(true, true, true, List.of(), false));
    assertThat(keep.clean(REAL_1 + "\n" + REAL_1)).isEqualTo(REAL_1 + "\n\n" + REAL_1);
  }

  // --- whole seed ------------------------------------------------------------------------

  @Test
  void cleansTheTailOfSeed004() {
    String raw =
        """
        visitaaponce.com

        AS dan Sekutunya Kecam Pengiriman Senjata Korut ke Rusia

        AS dan Sekutunya Kecam Pengiriman Senjata Korut ke Rusia
        Menlu AS Anthony Blinken.(AFP Via Getty Images)

        Baca juga :\u00A0Korsel, AS dan Jepang Bersiasat Hadapi Rudal Korut

        Sejak tahun lalu, Korea Utara telah melakukan lebih dari 100 uji coba rudal.

        \u00A0

        Cek berita dan artikel yg lain di Google News dan dan ikuti WhatsApp channel mediaindonesia.com
        Editor : Zubaedah Hanum

        Terkini Lainnya

        Tautan Sahabat""";
    assertThat(cleaner.clean(raw))
        .isEqualTo(
            """
            AS dan Sekutunya Kecam Pengiriman Senjata Korut ke Rusia

            Menlu AS Anthony Blinken.(AFP Via Getty Images)

            Sejak tahun lalu, Korea Utara telah melakukan lebih dari 100 uji coba rudal.""");
  }

  @Test
  void cleansTheHeadOfSeed001() {
    String raw =
        "Rusia-Korea Utara Mesra, AS, Korea Selatan, Jepang Waswas\nloading...\nA\nA\nA\n"
            + "SEOUL - Menteri Luar Negeri Amerika Serikat (AS) Antony Blinken menyatakan \u201Ckeprihatinan serius\u201D.\n"
            + "(ian)";
    assertThat(cleaner.clean(raw))
        .isEqualTo(
            "Rusia-Korea Utara Mesra, AS, Korea Selatan, Jepang Waswas\n\n"
                + "SEOUL - Menteri Luar Negeri Amerika Serikat (AS) Antony Blinken menyatakan “keprihatinan serius”.");
  }

  @Test
  void survivesJavaSerialisation() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(cleaner);
    }
    TextCleaner copy;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (TextCleaner) in.readObject();
    }
    assertThat(copy.clean("loading...\n" + REAL_1 + "\n" + REAL_1)).isEqualTo(REAL_1);
  }
}
