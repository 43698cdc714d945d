package io.kliping.entities;

import io.kliping.ner.NewsTokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Names of football clubs and leagues that news builds from a place name and that the model
 * and the gazetteer cut down to the place: "Bali United" and "Borneo FC" are clubs, not the
 * island; "Liga Inggris" is a league, not England. Left to the place, every football report
 * would co-occur with the country of its league (in the first 20,000 CLICK-ID articles, a fifth
 * of the mentions of England, Italy and Spain were "Liga Inggris", "Liga Italia" and "Liga
 * Spanyol").
 *
 * <ul>
 *   <li>A club: a club word ({@link #CLUB_SUFFIXES}, case-sensitive) right after a name, which is
 *       the place or organisation mention ending there ("Bali" + "United") or else up to two
 *       capitalised words that are not titles ("Semen Padang FC", not "Pelatih Arema FC"), never
 *       a sentence's first word, which is capitalised anyway ("Kemenangan United").</li>
 *   <li>A league: capitalised "Liga" followed by a number or a capitalised word ("Liga 1",
 *       "Liga Inggris") and up to two more capitalised words or places ("Liga 1 Indonesia",
 *       "Liga Champions Asia"); a listed organisation right after the word ends it ("Liga AFF").
 *       A person or an organisation further on ends the name before it; a year, a day or a group
 *       does not belong to it ("Liga 2 Rabu" is "Liga 2").</li>
 * </ul>
 *
 * Both are organisations (NERGrit's annotators label "Liga Indonesia" one too, though as often
 * only its place). No name is made where its first word is already inside another mention
 * ("Liga Arab" is the listed Arab League).
 */
final class ClubAndLeagueNames {
    /**
     * Words that end a club's name, written as clubs write them (not "AFC", in Asian news the
     * confederation: "Zona B AFC").
     */
    static final Set<String> CLUB_SUFFIXES = Set.of("FC", "CF", "SC", "United");
    /**
     * Words that open a league's name, capitalised. Not "Piala" (cup): a cup is an event, which
     * the entity types do not have, and both training sets tag the place in "Piala Asia".
     */
    static final Set<String> LEAGUE_WORDS = Set.of("Liga");
    /**
     * Capitalised words next to a club or league that are not part of its name: time zones,
     * days, months, and the group or leg of a tournament ("Liga 2 Rabu", "Liga Champions Grup").
     */
    static final Set<String> NOT_NAME_WORDS = Set.of("wib", "wita", "wit", "senin",
        "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "januari", "februari", "maret",
        "april", "mei", "juni", "juli", "agustus", "september", "oktober", "november", "desember",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
        "february", "march", "june", "july", "august", "october", "december", "grup", "group",
        "babak", "putaran", "leg", "musim", "season", "vs", "versus");
    /** Roles at a club that news writes capitalised before its name ("Manajer Man United"). */
    private static final Set<String> CLUB_ROLES = Set.of("manajer", "pemain", "gelandang",
        "bek", "striker", "penyerang", "kiper", "suporter", "presiden", "asisten", "eks", "legenda");
    private static final int MAX_WORDS_BEFORE_SUFFIX = 2;
    private static final int MAX_WORDS_AFTER_LEAGUE_WORD = 3;

    private ClubAndLeagueNames() {}

    /**
     * Token ranges {first, last} of the club and league names in one sentence, given the
     * mentions already found in it (any order; offsets in the tokens' text).
     */
    static List<int[]> find(NewsTokenizer.Tokens tokens, String[] words, List<Mention> found) {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            int[] name = null;
            if (CLUB_SUFFIXES.contains(words[i]) && i > 0) {
                name = club(tokens, words, found, i);
            } else if (LEAGUE_WORDS.contains(words[i])) {
                name = league(tokens, words, found, i);
            }
            if (name != null && (out.isEmpty() || out.get(out.size() - 1)[1] < name[0])) {
                out.add(name);
                i = name[1];
            }
        }
        return out;
    }

    private static int[] club(NewsTokenizer.Tokens tokens, String[] words, List<Mention> found,
            int suffix) {
        Mention own = mentionAt(found, tokens, suffix);
        if (own != null && own.charStart() < tokens.starts()[suffix]) {
            return null; // already inside a longer name ("Manchester United")
        }
        int before = suffix - 1;
        Mention previous = mentionAt(found, tokens, before);
        if (previous != null) {
            if (previous.entityType() == EntityType.PERSON
                    || previous.charEnd() != tokens.ends()[before]) {
                return null;
            }
            int first = before;
            while (first > 0 && tokens.starts()[first - 1] >= previous.charStart()) {
                first--;
            }
            if (tokens.starts()[first] != previous.charStart()) {
                return null;
            }
            while (first < before && isTitleOrOffice(words[first])) {
                first++; // the model's "Manajer Man" + "United"
            }
            return new int[] {first, suffix};
        }
        if (isFirstWord(words, before) || !isNameWord(words[before])) {
            return null; // a sentence's first word is capitalised anyway ("Kemenangan United")
        }
        int first = before;
        while (before - first + 1 < MAX_WORDS_BEFORE_SUFFIX && !isFirstWord(words, first - 1)
                && isNameWord(words[first - 1]) && mentionAt(found, tokens, first - 1) == null) {
            first--;
        }
        return new int[] {first, suffix};
    }

    /**
     * A capitalised word that can be part of a club's name: not a title or office ("Pelatih",
     * "Wakil Ketua"), not a word that opens other names ("PT", "Bank") and not a time zone.
     */
    private static boolean isNameWord(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return PersonCueRules.isCapitalised(word) && !isTitleOrOffice(word)
            && !PersonCueRules.NOT_A_NAME_START.contains(lower) && !NOT_NAME_WORDS.contains(lower);
    }

    private static boolean isTitleOrOffice(String word) {
        return PersonCueRules.isTitleOrOffice(word)
            || CLUB_ROLES.contains(word.toLowerCase(Locale.ROOT));
    }

    private static int[] league(NewsTokenizer.Tokens tokens, String[] words,
            List<Mention> found, int keyword) {
        if (keyword + 1 >= words.length || mentionAt(found, tokens, keyword) != null) {
            return null;
        }
        int next = keyword + 1;
        Mention first = mentionAt(found, tokens, next);
        if (first != null) {
            if (first.entityType() == EntityType.PERSON
                    || first.charStart() != tokens.starts()[next]) {
                return null;
            }
            int last = lastTokenOf(tokens, first, next);
            if (first.entityType() == EntityType.ORGANIZATION) {
                return new int[] {keyword, last};
            }
            return extend(tokens, words, found, keyword, last);
        }
        if (!PersonCueRules.isCapitalised(words[next]) && !isNumber(words[next])) {
            return null;
        }
        return extend(tokens, words, found, keyword, next);
    }

    /** Adds capitalised words and places after {@code last}, up to the word limit. */
    private static int[] extend(NewsTokenizer.Tokens tokens, String[] words, List<Mention> found,
            int keyword, int last) {
        while (last + 1 < words.length && last + 1 - keyword <= MAX_WORDS_AFTER_LEAGUE_WORD) {
            int next = last + 1;
            Mention m = mentionAt(found, tokens, next);
            if (m != null) {
                int end = lastTokenOf(tokens, m, next);
                if (m.entityType() != EntityType.LOCATION || m.charStart() != tokens.starts()[next]
                        || end - keyword > MAX_WORDS_AFTER_LEAGUE_WORD) {
                    break;
                }
                last = end;
            } else if (PersonCueRules.isCapitalised(words[next]) && words[next].length() > 1
                    && !NOT_NAME_WORDS.contains(words[next].toLowerCase(Locale.ROOT))) {
                last = next;
            } else {
                break;
            }
        }
        return new int[] {keyword, last};
    }

    private static int lastTokenOf(NewsTokenizer.Tokens tokens, Mention m, int from) {
        int last = from;
        while (last + 1 < tokens.size() && tokens.ends()[last + 1] <= m.charEnd()) {
            last++;
        }
        return last;
    }

    private static Mention mentionAt(List<Mention> mentions, NewsTokenizer.Tokens tokens, int i) {
        return PersonCueRules.coveredBy(mentions, tokens, i);
    }

    /** Whether no letter or digit comes before token {@code i} of the sentence (-1: none). */
    private static boolean isFirstWord(String[] words, int i) {
        for (int j = i - 1; j >= 0; j--) {
            if (Character.isLetterOrDigit(words[j].codePointAt(0))) {
                return false;
            }
        }
        return true;
    }


    private static boolean isNumber(String word) {
        return word.chars().allMatch(Character::isDigit) && word.length() <= 2;
    }
}
