package io.kliping.bench;

import java.util.SplittableRandom;

/**
 * Deterministic Indonesian-looking news text for the microbenchmarks: sentences of 8-25 words
 * from a news vocabulary, with capitalised names, numbers and a dateline, about the length of a
 * click-id article (1,700 characters) unless asked otherwise. No files needed.
 */
final class NewsTexts {
  private static final String[] WORDS = ("pemerintah presiden menteri warga kota desa jalan "
      + "sekolah rumah sakit polisi kasus pembangunan ekonomi harga beras minyak pasar petani "
      + "nelayan banjir gempa hujan program bantuan sosial anggaran daerah provinsi kabupaten "
      + "bupati gubernur rapat sidang hakim jaksa terdakwa saksi korban pelaku tim pemain pelatih "
      + "laga stadion klub liga musik film artis wisata pantai gunung bandara pesawat kereta kapal "
      + "investasi saham bank kredit inflasi ekspor impor industri pabrik buruh mahasiswa guru "
      + "vaksin dokter pasien partai pemilu calon suara kampanye dewan undang izin usaha digital "
      + "mengatakan menyebut menjelaskan menambahkan akan sudah belum masih telah sedang baru "
      + "besar kecil tinggi banyak pagi siang malam senin selasa rabu tahun bulan pekan hari ini "
      + "itu tersebut dengan untuk dari pada dalam oleh kepada bagi tentang karena yang dan di ke")
      .split(" ");
  private static final String[] NAMES = {"Joko Widodo", "Sri Mulyani", "Anies Baswedan",
      "Prabowo Subianto", "Kementerian Keuangan", "Bank Indonesia", "Jakarta", "Surabaya",
      "Amerika Serikat", "Korea Utara", "DPR", "KPK", "Papua", "Bandung"};

  private NewsTexts() {}

  /** An article of about {@code chars} characters, deterministic for {@code seed}. */
  static String article(int chars, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    StringBuilder b = new StringBuilder(chars + 200).append("JAKARTA, KOMPAS.com - ");
    while (b.length() < chars) {
      int words = 8 + rng.nextInt(18);
      for (int w = 0; w < words; w++) {
        String word = rng.nextInt(12) == 0 ? NAMES[rng.nextInt(NAMES.length)]
            : rng.nextInt(25) == 0 ? Integer.toString(rng.nextInt(2030))
            : WORDS[rng.nextInt(WORDS.length)];
        if (w == 0) {
          word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
        }
        b.append(word).append(w + 1 < words ? (rng.nextInt(10) == 0 ? ", " : " ") : ". ");
      }
      if (rng.nextInt(4) == 0) {
        b.append("\n\n");
      }
    }
    return b.toString().strip();
  }
}
