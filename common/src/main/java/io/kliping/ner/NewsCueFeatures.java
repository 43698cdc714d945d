package io.kliping.ner;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;

/**
 * Name-finder features for the cues Indonesian (and English) news puts around names, which the
 * default window of words only sees as rare word identities: a title or office before a person
 * ("Presiden", "Menteri Luar Negeri", "Menlu"), a reporting verb before or after one ("ujar
 * Jokowi", "Lavrov, kata"), a preposition before a place ("di", "ke", "dari"), and the two acronym
 * shape of initial-letter acronyms (PBB, AS, all capitals). Words
 * are compared lower-cased and unstemmed.
 */
public final class NewsCueFeatures implements AdaptiveFeatureGenerator {

    static final Set<String> TITLES = Set.of(
        "presiden", "wapres", "wakil", "menteri", "menlu", "menhan", "mendagri", "menkeu", "mensesneg",
        "perdana", "pm", "raja", "ratu", "pangeran", "kanselir", "gubernur", "wagub", "bupati",
        "wali", "walikota", "camat", "lurah", "kepala", "ketua", "sekretaris", "sekjen", "direktur",
        "dirut", "jenderal", "jend", "letjen", "mayjen", "brigjen", "kolonel", "kapolri", "kapolda",
        "kapolres", "panglima", "kasad", "irjen", "kombes", "akbp", "komjen", "juru", "jubir",
        "bapak", "pak", "ibu", "bu", "saudara", "sdr", "tuan", "nyonya", "dr", "prof", "ir", "drs",
        "hj", "h", "kh", "haji", "ustaz", "ustadz", "kiai", "pendeta", "paus", "mr", "mrs", "ms",
        "president", "minister", "secretary", "prime", "chancellor", "governor", "mayor", "king",
        "queen", "prince", "senator", "sen", "rep", "gen", "general", "chairman", "ceo", "chief",
        "anggota", "politikus", "politisi", "pengamat", "pelatih", "striker", "penyerang", "kiper",
        "gelandang", "aktris", "aktor", "penyanyi", "artis", "pebulu", "pebalap", "petenis");
    static final Set<String> REPORTING = Set.of(
        "kata", "ujar", "ucap", "tutur", "ungkap", "jelas", "terang", "tegas", "imbuh", "tambah",
        "papar", "sebut", "katanya", "ujarnya", "ungkapnya", "jelasnya", "tuturnya", "tegasnya",
        "menurut", "said", "says", "told", "added", "according");
    static final Set<String> PLACE_PREPOSITIONS = Set.of(
        "di", "ke", "dari", "kota", "provinsi", "kabupaten", "kecamatan", "desa", "negara", "pulau",
        "in", "at", "from", "to", "wilayah", "kawasan", "daerah", "jalan", "jl");

    /** Receives each cue feature as {@code name} followed by {@code value} (null: none). */
    interface Sink {
        void feature(String name, String value);
    }

    private static final String[] TITLE_BEFORE = {"title-1", "title-2", "title-3"};

    /**
     * The sentence last seen (by array identity, as OpenNLP's CachedFeatureGenerator keys it) and
     * its tokens lower-cased, each at most once.
     */
    private String[] sentence;
    private String[] lowered;

    @Override
    public void createFeatures(List<String> features, String[] tokens, int index,
            String[] previousOutcomes) {
        if (tokens != sentence) {
            sentence = tokens;
            lowered = new String[tokens.length];
        }
        cues(tokens, lowered, index,
            (name, value) -> features.add(value == null ? name : name + value));
    }

    /**
     * The cue features of token {@code index}, in order; {@code lowered} caches the sentence's
     * lower-cased tokens (filled on demand, as long as {@code tokens}).
     */
    static void cues(String[] tokens, String[] lowered, int index, Sink sink) {
        String acronym = acronymShape(tokens[index]);
        if (acronym != null) {
            sink.feature("acr=", acronym);
        }
        for (int back = 1; back <= 3 && index - back >= 0; back++) {
            String prev = lower(tokens, lowered, index - back);
            if (TITLES.contains(prev)) {
                sink.feature(TITLE_BEFORE[back - 1], null);
                break;
            }
        }
        if (index > 0) {
            String prev = lower(tokens, lowered, index - 1);
            if (REPORTING.contains(prev)) {
                sink.feature("rep-before", null);
            }
            if (PLACE_PREPOSITIONS.contains(prev)) {
                sink.feature("place-prep=", prev);
            }
        }
        for (int ahead = 1; ahead <= 2 && index + ahead < tokens.length; ahead++) {
            String next = lower(tokens, lowered, index + ahead);
            if (REPORTING.contains(next)) {
                sink.feature("rep-after", null);
                break;
            }
            if (!",".equals(next)) {
                break;
            }
        }
    }

    /**
     * {@code init} for an initial-letter acronym (2 to 6 capitals, digits allowed after the first:
     * PBB, AS, G20), else null. Syllable acronyms (Korut, Bappenas) look like any capitalised
     * word; the model learns them from the word, prefix and suffix features.
     */
    static String acronymShape(String token) {
        int n = token.length();
        if (n >= 2 && n <= 6 && Character.isUpperCase(token.charAt(0))) {
            boolean caps = true;
            for (int i = 1; i < n && caps; i++) {
                char c = token.charAt(i);
                caps = Character.isUpperCase(c) || Character.isDigit(c);
            }
            if (caps) {
                return "init";
            }
        }
        return null;
    }

    private static String lower(String[] tokens, String[] lowered, int i) {
        String l = lowered[i];
        if (l == null) {
            l = tokens[i].toLowerCase(Locale.ROOT);
            lowered[i] = l;
        }
        return l;
    }
}
