package io.kliping.entities;

import io.kliping.ner.NewsTokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Rules for the person names Indonesian news marks by its wording, which the statistical model
 * misses when a listed place sits between title and name: a person title, optionally its office
 * and a listed place or organisation, then capitalised words ("Gubernur Jawa Barat Ridwan Kamil",
 * "Menteri Luar Negeri Rusia Sergei Lavrov"), and a reporting verb followed by capitalised words
 * ("…, ujar Budi Santoso"). A name is one to four capitalised words that are neither titles nor
 * organisation heads (PT, Bank, Partai…) nor {@link FieldWords fields} ("Menteri Pemuda dan
 * Olahraga Zainudin Amali"), outside every mention already found.
 */
final class PersonCueRules {
    /** Titles that are followed by a person's name. */
    static final Set<String> PERSON_TITLES = Set.of(
        "presiden", "wapres", "menteri", "menlu", "menhan", "mendagri", "menkeu", "gubernur",
        "wagub", "bupati", "walikota", "wali", "kanselir", "raja", "ratu", "pangeran", "kapolri",
        "kapolda", "kapolres", "panglima", "jenderal", "letjen", "mayjen", "brigjen", "kolonel",
        "irjen", "kombes", "bapak", "pak", "ibu", "bu", "president", "minister", "governor",
        "mayor", "senator", "chancellor", "dr", "prof", "pm", "jubir");
    static final Set<String> REPORTING_VERBS = Set.of(
        "kata", "ujar", "ucap", "tutur", "ungkap", "jelas", "terang", "tegas", "imbuh", "tambah",
        "papar", "sebut");
    static final Set<String> NOT_A_NAME_START = Set.of(
        "pt", "cv", "tbk", "bank", "partai", "universitas", "kementerian", "dinas", "badan",
        "komisi", "dewan", "majelis", "polda", "polres", "pemerintah", "pemkot", "pemkab",
        "pemprov", "provinsi", "kabupaten", "kota", "negara", "republik", "kabinet", "rumah",
        "istana", "the", "dan", "di", "ke", "dari", "yang", "pada", "saat", "ini", "itu");
    private static final int MAX_NAME_WORDS = 4;

    private PersonCueRules() {}

    /** Token ranges {first, last} of person names cued in one sentence, outside {@code taken}. */
    static List<int[]> find(NewsTokenizer.Tokens tokens, String[] words, List<Mention> taken) {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            String lower = words[i].toLowerCase(Locale.ROOT);
            int j;
            if (PERSON_TITLES.contains(lower) && isCapitalised(words[i])) {
                j = skipOffice(tokens, words, taken, i + 1);
            } else if (REPORTING_VERBS.contains(lower) && i > 0) {
                j = i + 1;
            } else {
                continue;
            }
            int end = j;
            while (end < words.length && end - j < MAX_NAME_WORDS && isCapitalised(words[end])
                    && Character.isLetter(words[end].codePointAt(0))
                    && coveredBy(taken, tokens, end) == null
                    && !isTitleOrOffice(words[end]) && !FieldWords.isField(words[end])) {
                end++;
            }
            if (end > j && !NOT_A_NAME_START.contains(words[j].toLowerCase(Locale.ROOT))
                    && (end >= words.length || !isCapitalised(words[end]))) {
                out.add(new int[] {j, end - 1});
                i = end - 1;
            }
        }
        return out;
    }

    /**
     * The index after a title's office: office words ("Luar Negeri"), fields ("Pemuda dan
     * Olahraga") and listed places or organisations ("Jawa Barat").
     */
    private static int skipOffice(NewsTokenizer.Tokens tokens, String[] words,
            List<Mention> taken, int from) {
        int j = from;
        while (j < words.length) {
            int afterFields = FieldWords.skip(words, j, words.length);
            Mention covering = coveredBy(taken, tokens, j);
            if (afterFields > j) {
                j = afterFields;
            } else if (ModelLinkingExtractor.TitleWords.OFFICE.contains(
                    words[j].toLowerCase(Locale.ROOT))
                    || covering != null && covering.entityType() != EntityType.PERSON) {
                j++;
            } else {
                break;
            }
        }
        return j;
    }

    /** A person title or an office word, in any case: never part of a name. */
    static boolean isTitleOrOffice(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return PERSON_TITLES.contains(lower) || ModelLinkingExtractor.TitleWords.isTitle(word)
            || ModelLinkingExtractor.TitleWords.OFFICE.contains(lower);
    }

    static Mention coveredBy(List<Mention> mentions, NewsTokenizer.Tokens tokens, int i) {
        int start = tokens.starts()[i];
        for (Mention m : mentions) {
            if (m.charStart() <= start && start < m.charEnd()) {
                return m;
            }
        }
        return null;
    }

    static boolean isCapitalised(String word) {
        int cp = word.codePointAt(0);
        return Character.isUpperCase(cp) || Character.isTitleCase(cp);
    }
}
