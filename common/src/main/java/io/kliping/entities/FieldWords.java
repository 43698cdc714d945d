package io.kliping.entities;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Words naming the field of a ministry, agency or office, which Indonesian news writes
 * capitalised between a title and a name: "Menteri Pemuda dan Olahraga Zainudin Amali",
 * "Menteri Kelautan dan Perikanan Edhy Prabowo", "Kepala Badan Perencanaan Pembangunan
 * Nasional". Without them the title rule and the model made persons of the field: in the first
 * 20,000 CLICK-ID articles "Pemuda" was a person 221 times, "Hukum" 198, "Kelautan" 76.
 *
 * <p>A field word is a nominalisation with {@code ke-…-an}, {@code per-…-an} or {@code
 * pe(N)-…-an} ("Kesehatan", "Perhubungan", "Pembangunan"; not a name in {@code -wan} such as
 * "Setiawan"), or one of a closed list of other field words ("Hukum", "Riset", "Olahraga").
 * No person name in that output was made of such words alone.
 */
final class FieldWords {
    private static final Pattern NOMINALISATION =
        Pattern.compile("(ke|per|pe|pen|pem|peng|peny)\\p{L}{3,}an");
    private static final Set<String> OTHER = Set.of("pemuda", "olahraga", "hukum", "politik",
        "riset", "teknologi", "sosial", "agraria", "ruang", "energi", "pariwisata", "agama",
        "ekonomi", "desa", "pupr", "bumn", "maritim", "investasi", "nasional", "udara", "darat",
        "laut", "manusia", "haji", "koperasi", "ukm", "lingkungan", "hidup", "sumber", "daya",
        "mineral", "informatika", "komunikasi", "kominfo", "reformasi", "birokrasi", "aparatur",
        "daerah", "umum", "rakyat", "anak", "industri", "kreatif", "transmigrasi", "sipil",
        "nomor", "no", "hewan", "tinggi", "tertinggal", "lhk", "sampah", "iklim", "air", "inovasi",
        "pers", "masyarakat", "logam", "kimia", "kecil", "menengah", "dasar", "sains", "penyakit",
        "limbah", "usia", "periode", "ristek", "dikti", "ristekdikti");
    /** Words that join two fields ("Kelautan dan Perikanan"). */
    private static final Set<String> CONNECTORS = Set.of("dan", "&", ",", "serta", "and");

    private FieldWords() {}

    /** Whether {@code word} names a field (any case). */
    static boolean isField(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return OTHER.contains(lower)
            || !lower.endsWith("wan") && NOMINALISATION.matcher(lower).matches();
    }

    /**
     * The index after the run of field words starting at {@code from}, a connector counting when
     * a field word follows it; {@code from} itself when none starts there.
     */
    static int skip(String[] words, int from, int limit) {
        int i = from;
        while (i < limit) {
            if (isField(words[i])) {
                i++;
            } else if (i > from && i + 1 < limit && CONNECTORS.contains(
                    words[i].toLowerCase(Locale.ROOT)) && isField(words[i + 1])) {
                i += 2;
            } else {
                break;
            }
        }
        return i;
    }
}
