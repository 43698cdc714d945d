package io.kliping.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Small synthetic base pools for tests: Indonesian-looking articles of random sentences over a
 * fixed vocabulary, so that distinct bases share (almost) no word 5-grams, with datelines and
 * outlet boilerplate on some of them.
 */
final class SyntheticBases {
  private static final String[] WORDS = (
      "pemerintah presiden menteri warga kota desa jalan sekolah rumah sakit polisi kasus "
          + "pembangunan ekonomi harga beras minyak pasar petani nelayan banjir gempa hujan musim "
          + "kemarau program bantuan sosial anggaran daerah provinsi kabupaten bupati gubernur "
          + "wali rapat sidang hakim jaksa terdakwa saksi korban pelaku tim pemain pelatih laga "
          + "gol babak kedua pertama stadion penonton suporter klub liga juara final musik film "
          + "artis konser lagu album penyanyi aktor sutradara festival budaya wisata pantai gunung "
          + "hutan sungai laut pulau bandara pesawat kereta kapal pelabuhan terminal bus mobil "
          + "motor listrik energi tambang batu bara investasi saham bank kredit bunga inflasi "
          + "ekspor impor industri pabrik buruh upah kerja lowongan mahasiswa kampus guru murid "
          + "ujian nilai vaksin dokter pasien obat virus kesehatan gizi anak ibu keluarga lansia "
          + "partai pemilu calon suara kampanye debat koalisi oposisi dewan undang aturan izin "
          + "usaha kecil menengah koperasi digital aplikasi internet data teknologi ponsel "
          + "mengatakan menyebut menjelaskan menambahkan mengungkapkan meminta berharap menilai "
          + "akan sudah belum masih telah sedang baru lama besar kecil tinggi rendah banyak sedikit "
          + "pagi siang sore malam senin selasa rabu kamis jumat sabtu minggu tahun bulan pekan "
          + "hari ini itu tersebut dengan untuk dari pada dalam oleh kepada bagi tentang karena")
      .split(" ");

  private static final String[] SOURCES = {"kabarkini.id", "warta.example", "berita.example"};
  private static final String[] CATEGORIES = {"nasional", "olahraga", "ekonomi"};

  private SyntheticBases() {}

  /** {@code n} bases, deterministic for {@code seed}. */
  static List<BaseArticle> pool(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<BaseArticle> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(article(i, rng));
    }
    return out;
  }

  private static BaseArticle article(int i, SplittableRandom rng) {
    List<String> paragraphs = new ArrayList<>();
    int count = 4 + rng.nextInt(6);
    for (int p = 0; p < count; p++) {
      StringBuilder b = new StringBuilder();
      int sentences = 2 + rng.nextInt(3);
      for (int s = 0; s < sentences; s++) {
        b.append(s == 0 ? "" : " ").append(sentence(rng));
      }
      if (p == 1) {
        b.append(" \"").append(sentence(rng)).append("\" kata dia.");
      }
      paragraphs.add(b.toString());
    }
    if (i % 3 == 0) {
      paragraphs.set(0, "JAKARTA - " + paragraphs.get(0));
    }
    if (i % 4 == 1) {
      paragraphs.add(2, "Baca juga: " + capitalize(words(rng, 7)));
      paragraphs.add("(ant/dil)");
    }
    return new BaseArticle(capitalize(words(rng, 6 + rng.nextInt(5))),
        String.join("\n", paragraphs), SOURCES[i % SOURCES.length],
        CATEGORIES[(i / SOURCES.length) % CATEGORIES.length]);
  }

  private static String sentence(SplittableRandom rng) {
    String s = words(rng, 8 + rng.nextInt(10));
    return capitalize(s.replaceFirst(" ", ", ")) + ".";
  }

  private static String words(SplittableRandom rng, int count) {
    StringBuilder b = new StringBuilder();
    for (int w = 0; w < count; w++) {
      b.append(w == 0 ? "" : " ").append(WORDS[rng.nextInt(WORDS.length)]);
    }
    return b.toString();
  }

  private static String capitalize(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
