package io.kliping.entities;

import io.kliping.ner.NewsTokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A one-word name in a list with a place is a place: "melewati kota Camden dan Penrith",
 * "meliputi Bayat, Cawas, Trucuk", "Dusun Gadungan, Nambangan". News lists villages, districts
 * and towns that no list holds and that the model, without a cue around them, misses; the place
 * next to them is the cue.
 *
 * <p>A capitalised word of two letters or more outside every mention, which is a whole list item
 * (a separator, "(" or a word that opens a list of places before it, such as "di", "menuju" or
 * "meliputi"; a separator or the end of a clause after it), with a place mention on the other
 * side of one of the separators ("," "dan" "atau" "serta") that is itself a whole item ("Sastra
 * Inggris, Akuntansi" lists subjects). Not in a list of peoples or languages ("bahasa Aceh,
 * Batak"); not an acronym ("KB, Kabupaten Sragen"), a day, month, feast or time zone ("Jakarta,
 * Senin", "Ahad"), a title, office, level, facility or field word ("Kabupaten Bombana,
 * Provinsi", "Perikanan"), a word that names nothing alone, or a sentence's first word.
 */
final class PlaceLists {
    private static final Set<String> SEPARATORS = Set.of(",", "dan", "atau", "serta");
    /** Lower-case words that open a list of places: prepositions of place and "meliputi". */
    private static final Set<String> LIST_OPENERS = Set.of("di", "ke", "dari", "menuju",
        "melewati", "meliputi", "yakni", "yaitu", "antara", "dekat", "sekitar", "wilayah",
        "kawasan", "daerah", "in", "at", "from", "to", "near");
    private static final Set<String> CLAUSE_ENDS = Set.of(".", ")", ";", ":", "?", "!");
    /**
     * Capitalised words in such lists that are no places: days, feasts, "Nomor", "Pusat", and
     * connectives capitalised where a scraper lost the sentence break ("Jakarta, Namun, ...").
     */
    private static final Set<String> NOT_PLACES = Set.of("ahad", "natal", "lebaran", "ramadan",
        "ramadhan", "nomor", "nasional", "pusat", "pancasila", "namun", "apalagi", "pasalnya",
        "adapun", "sedang", "sedangkan", "sementara", "bahkan", "kemudian", "selain", "sehingga",
        "karena", "tetapi", "tapi", "padahal", "akhirnya", "meski", "meskipun", "walau", "kini",
        "lalu", "juga", "pun");

    private PlaceLists() {}

    /** Token indexes of the list items of one sentence that are places. */
    static List<Integer> find(NewsTokenizer.Tokens tokens, String[] words, List<Mention> taken) {
        List<Integer> out = new ArrayList<>();
        for (int i = 1; i < words.length; i++) {
            if (!isCandidate(words[i]) || PersonCueRules.coveredBy(taken, tokens, i) != null) {
                continue;
            }
            String before = words[i - 1];
            boolean opens = SEPARATORS.contains(before) || before.equals("(")
                || LIST_OPENERS.contains(before);
            boolean closes = i + 1 == words.length || SEPARATORS.contains(words[i + 1])
                || CLAUSE_ENDS.contains(words[i + 1]);
            if (!opens || !closes) {
                continue;
            }
            boolean placeBefore = SEPARATORS.contains(before) && i >= 2
                && endsPlace(taken, tokens, words, i - 2);
            boolean placeAfter = i + 2 < words.length && SEPARATORS.contains(words[i + 1])
                && startsPlace(taken, tokens, words, i + 2);
            if ((placeBefore || placeAfter) && !listsPeoplesOrLanguages(words, i)) {
                out.add(i);
            }
        }
        return out;
    }

    private static boolean isCandidate(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return word.length() > 1 && PersonCueRules.isCapitalised(word)
            && word.chars().allMatch(Character::isLetter)
            && !word.equals(word.toUpperCase(Locale.ROOT)) // acronyms: "KB, Kabupaten Sragen"
            && !NOT_PLACES.contains(lower) && !FieldWords.isField(word)
            && !PersonCueRules.isTitleOrOffice(word)
            && !PersonCueRules.NOT_A_NAME_START.contains(lower)
            && !ClubAndLeagueNames.NOT_NAME_WORDS.contains(lower)
            && !ModelLinkingExtractor.isPlaceOrFacilityWord(word)
            && !PlaceLevelNames.OWN_PLACE.contains(lower)
            && !SpanWords.namesNothingAlone(word);
    }

    /**
     * Whether token {@code i} ends a place mention that is a whole list item: no capitalised
     * word right before it ("Sastra Inggris, Akuntansi" lists subjects, not places).
     */
    private static boolean endsPlace(List<Mention> taken, NewsTokenizer.Tokens tokens,
            String[] words, int i) {
        Mention m = PersonCueRules.coveredBy(taken, tokens, i);
        if (m == null || m.entityType() != EntityType.LOCATION || m.charEnd() != tokens.ends()[i]) {
            return false;
        }
        int first = i;
        while (first > 0 && tokens.starts()[first - 1] >= m.charStart()) {
            first--;
        }
        return first == 0 || !PersonCueRules.isCapitalised(words[first - 1]);
    }

    /** Whether token {@code i} starts a place mention that is a whole list item. */
    private static boolean startsPlace(List<Mention> taken, NewsTokenizer.Tokens tokens,
            String[] words, int i) {
        Mention m = PersonCueRules.coveredBy(taken, tokens, i);
        if (m == null || m.entityType() != EntityType.LOCATION
                || m.charStart() != tokens.starts()[i]) {
            return false;
        }
        int last = i;
        while (last + 1 < words.length && tokens.ends()[last + 1] <= m.charEnd()) {
            last++;
        }
        return last + 1 == words.length || !PersonCueRules.isCapitalised(words[last + 1]);
    }

    /** Words that make a list one of peoples or languages ("suku Jawa, Sunda, Batak"). */
    private static final Set<String> PEOPLES_OR_LANGUAGES = Set.of("bahasa", "suku", "etnis",
        "berbahasa", "bersuku", "language", "languages", "ethnic");
    private static final int PEOPLES_WINDOW = 8;

    /** Whether a {@link #PEOPLES_OR_LANGUAGES} word stands shortly before token {@code i}. */
    private static boolean listsPeoplesOrLanguages(String[] words, int i) {
        for (int j = Math.max(0, i - PEOPLES_WINDOW); j < i; j++) {
            if (PEOPLES_OR_LANGUAGES.contains(words[j].toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
