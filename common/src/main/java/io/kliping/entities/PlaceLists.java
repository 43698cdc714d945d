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
 * side of one of the separators ("," "dan" "atau" "serta"). Not an acronym ("KB, Kabupaten Sragen"), a day, month, feast or time zone
 * ("Jakarta, Senin", "Ahad"), a title, office, level, facility or field word ("Kabupaten
 * Bombana, Provinsi", "Perikanan"), a word that names nothing alone, or a sentence's first
 * word.
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
                && endsPlace(taken, tokens, i - 2);
            boolean placeAfter = i + 2 < words.length && SEPARATORS.contains(words[i + 1])
                && startsPlace(taken, tokens, i + 2);
            if (placeBefore || placeAfter) {
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

    private static boolean endsPlace(List<Mention> taken, NewsTokenizer.Tokens tokens, int i) {
        Mention m = PersonCueRules.coveredBy(taken, tokens, i);
        return m != null && m.entityType() == EntityType.LOCATION
            && m.charEnd() == tokens.ends()[i];
    }

    private static boolean startsPlace(List<Mention> taken, NewsTokenizer.Tokens tokens, int i) {
        Mention m = PersonCueRules.coveredBy(taken, tokens, i);
        return m != null && m.entityType() == EntityType.LOCATION
            && m.charStart() == tokens.starts()[i];
    }
}
