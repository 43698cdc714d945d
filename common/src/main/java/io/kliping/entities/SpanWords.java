package io.kliping.entities;

import java.util.Locale;
import java.util.Set;

/**
 * Closed word classes that judge the words of a model span in Indonesian and English news:
 * organisation endings that make a span an organisation, company forms, zodiac signs, currencies
 * and institution words that name nothing alone, and police units that make a person span an
 * office. The lists were read off the pipeline's most frequent wrong entities on CLICK-ID news,
 * a few words off NERGrit dev errors (counts and sources in the Javadoc of each); {@link
 * ModelLinkingExtractor} applies them.
 */
final class SpanWords {
    private SpanWords() {}

    /**
     * Police units and departments: a person span naming one is an office whose holder is not
     * named ("Kabid Humas Polda Metro Jaya", 38 times in 20,000 CLICK-ID articles).
     */
    private static final Set<String> POLICE_UNITS = Set.of("polda", "polres", "polresta",
        "polrestabes", "polsek", "ditlantas", "satlantas", "ditreskrimum", "ditreskrimsus",
        "satreskrim", "ditnarkoba", "humas", "reskrim", "gakkum", "regident", "propam");

    static boolean namesAPoliceUnit(String[] words, int first, int last) {
        for (int i = first; i <= last; i++) {
            if (POLICE_UNITS.contains(words[i].toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Last words of organisation names: a name ending with one is an organisation whatever type
     * the model gives it. In 20,000 CLICK-ID articles the model made persons of "Djarum
     * Foundation" (111), "Marvel Studios" (84), "Starship Entertainment" (19) and "Rans Music"
     * (11); on the NERGrit dev set of "James Last Orchestra", and places of "British Aerospace".
     */
    private static final Set<String> ORGANIZATION_ENDS = Set.of("foundation", "studios",
        "entertainment", "records", "music", "corporation", "corp", "company", "airlines",
        "airways", "institute", "academy", "orchestra", "systems", "aerospace", "group");

    static boolean endsLikeAnOrganisation(String[] words, int first, int last) {
        return first < last && ORGANIZATION_ENDS.contains(words[last].toLowerCase(Locale.ROOT));
    }

    /**
     * Whether the span is an airline's name: capitalised words ending with a capitalised "Air"
     * ("Sriwijaya Air" was a place 109 times and "Malindon Air" a person in 20,000 CLICK-ID
     * articles). "Air" is otherwise water: "Tanah Air" (the homeland) and "Mata Air" (a spring)
     * are not airlines, nor is a lower-case "air". The caller excludes names of places and
     * streets ("Jalan Bambu Air").
     */
    static boolean namesAnAirline(String[] words, int first, int last) {
        return first < last && words[last].equals("Air")
            && Character.isUpperCase(words[first].codePointAt(0))
            && Character.isUpperCase(words[last - 1].codePointAt(0))
            && !NOT_BEFORE_AIRLINE_END.contains(words[last - 1].toLowerCase(Locale.ROOT));
    }

    private static final Set<String> NOT_BEFORE_AIRLINE_END = Set.of("tanah", "mata", "sumber",
        "daya");

    /**
     * Company forms, which are no name on their own: "PT" and "Tbk" are left alone where a
     * scraper removed the linked company name ("PT , (Persero) Tbk"), "CO" where "TEMPO.CO" is
     * split. 334 "PT" and 296 "CO" organisations in 20,000 CLICK-ID articles.
     */
    private static final Set<String> LEGAL_FORMS = Set.of("pt", "cv", "tbk", "persero", "ud",
        "co", "ltd", "inc", "corp", "plc", "llc", "gmbh");

    /**
     * Capitalised common nouns the model takes for names when they stand alone: the signs of the
     * zodiac in horoscopes ("Leo tak takut mengungkapkan ...") and currencies ("nilai tukar
     * Rupiah"), and a generational suffix ("Jr", which the surname linking took for Ferdinand
     * Marcos Jr). About 610 person mentions in 20,000 CLICK-ID articles. Inside a longer name
     * ("Leo Messi", "Cancer Research UK") they are left alone.
     */
    private static final Set<String> NEVER_A_NAME_ALONE = Set.of("aries", "taurus", "gemini",
        "cancer", "leo", "virgo", "libra", "scorpio", "sagitarius", "sagittarius", "capricorn",
        "kaprikornus", "aquarius", "akuarius", "pisces", "rupiah", "dolar", "ringgit", "yuan",
        "baht", "rupee", "jr", "sr");

    /**
     * Heads of names that name nothing alone ("Kabupaten", "Bandara", "Kementerian", "Selatan"):
     * 147 "Kabupaten" and 135 "Kota" places, 115 "Bank" and 85 "Kementerian" organisations in
     * 20,000 CLICK-ID articles. With the place, school, university, facility and compass words
     * of {@link ModelLinkingExtractor}, these institution words.
     */
    private static final Set<String> GENERIC_HEADS = Set.of("rumah", "gedung", "kantor",
        "kerajaan", "perseroan", "kepolisian", "kementerian", "bank", "dinas", "badan", "komisi",
        "partai", "pemerintah", "hotel", "masjid", "gereja", "pasar", "sirkuit", "taman", "tk",
        "rs", "rsud");

    /** A zodiac sign, currency or institution word: no name when it stands alone. */
    static boolean namesNothingAlone(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return NEVER_A_NAME_ALONE.contains(lower) || GENERIC_HEADS.contains(lower);
    }

    /**
     * Last words of the names of events and works, which are none of the three types: "The Fame
     * Ball Tour", "Khatulistiwa Literary Award", "Asian Games", "Real Horror Series". Both
     * training sets leave every such name untagged (NERGrit: 80 capitalised ones, NER-UI: 15).
     */
    private static final Set<String> EVENT_OR_WORK_ENDS = Set.of("tour", "series", "award",
        "awards", "festival", "championship", "championships", "game", "games", "show", "songs",
        "cup", "open", "prix", "olympics", "expo", "week");

    /**
     * Whether the span ends with an {@link #EVENT_OR_WORK_ENDS} word after another word, or a
     * capitalised one follows it (the model's "Katon Tourism" of "Katon Tourism Expo").
     */
    static boolean namesAnEventOrWork(String[] words, int first, int last) {
        if (last > first && EVENT_OR_WORK_ENDS.contains(words[last].toLowerCase(Locale.ROOT))) {
            return true;
        }
        int next = last + 1;
        return next < words.length && Character.isUpperCase(words[next].codePointAt(0))
            && EVENT_OR_WORK_ENDS.contains(words[next].toLowerCase(Locale.ROOT));
    }

    /**
     * Academic degrees written after a name ("Abdullah Sitopan BA", "Ahmad Yani SH MH", "M.Si"):
     * not part of it, or every degree would make another entity. Only as written, with a dot or
     * two capitals ("Jack Ma" keeps his name).
     */
    private static final Set<String> DEGREES = Set.of("ba", "ma", "sh", "mh", "se", "mm", "msi",
        "spd", "mpd", "st", "mt", "sip", "ssos", "skom", "ssi", "skm", "sag", "shi", "lc", "phd",
        "mba", "sked", "ak", "cpa", "sp", "mkes", "skep", "mag");

    /**
     * {@code last} without the academic degrees that end the span, keeping at least two words;
     * a dotted degree is several tokens ("M", ".", "Si").
     */
    static int withoutDegrees(String[] words, int first, int last) {
        while (true) {
            while (last > first && !ModelLinkingExtractor.isWordToken(words[last])) {
                last--;
            }
            int k = last;
            boolean dotted = false;
            StringBuilder letters = new StringBuilder();
            while (k > first && (words[k].equals(".") || isShortCapitalised(words[k]))) {
                if (words[k].equals(".")) {
                    dotted = true;
                } else {
                    letters.insert(0, words[k].toLowerCase(Locale.ROOT));
                }
                k--;
            }
            if (dotted && k < last && DEGREES.contains(letters.toString())) {
                last = k;
            } else if (!dotted && last > first && isDegree(words[last])) {
                last--;
            } else {
                return last;
            }
        }
    }

    private static boolean isShortCapitalised(String word) {
        return word.length() <= 3 && PersonCueRules.isCapitalised(word)
            && word.chars().allMatch(Character::isLetter);
    }

    /** {@code last} without an age group ending the span ("Persekabpas U-23", "Timnas U 19"). */
    static int withoutAgeGroup(String[] words, int first, int last) {
        int i = last;
        if (i > first && words[i].chars().allMatch(Character::isDigit)) {
            i--;
            if (i > first && words[i].equals("-")) {
                i--;
            }
            if (i > first && words[i].equals("U")) {
                return i - 1;
            }
        }
        return last;
    }

    private static boolean isDegree(String word) {
        long capitals = word.chars().filter(Character::isUpperCase).count();
        return (capitals >= 2 || word.indexOf('.') >= 0) && DEGREES.contains(lettersOf(word));
    }

    private static String lettersOf(String word) {
        StringBuilder b = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isLetter(c)) {
                b.append(Character.toLowerCase(c));
            }
        }
        return b.toString();
    }

    /**
     * Lower-case particles of personal names ("Georg Ludwig von Trapp", "Ahmad bin Abdullah"),
     * which the model, seeing a rare foreign name, types as a place; place names do not have
     * them between capitalised words.
     */
    private static final Set<String> NAME_PARTICLES = Set.of("von", "van", "bin", "binti", "ibn",
        "bint");

    /** Whether a name particle stands between two capitalised words of the span. */
    static boolean hasNameParticle(String[] words, int first, int last) {
        for (int i = first + 1; i < last; i++) {
            if (NAME_PARTICLES.contains(words[i])
                    && Character.isUpperCase(words[i - 1].codePointAt(0))
                    && Character.isUpperCase(words[i + 1].codePointAt(0))) {
                return true;
            }
        }
        return false;
    }

    private static final java.util.regex.Pattern ROMAN = java.util.regex.Pattern.compile("[IVXLC]+");

    /** A Roman numeral in capitals ("XVII", "II"). */
    static boolean isRomanNumeral(String word) {
        return ROMAN.matcher(word).matches();
    }

    /**
     * Whether the span is a Roman numeral alone ("XXVI"), or every word of it is the head of a
     * name, a place, facility or compass word or "sebelah" (side), so that nothing in it is a
     * name: "Rumah Sakit", "Gedung SMK", "Sebelah Selatan" (but "Jalan SMA XIV" is a street).
     */
    static boolean onlyHeadsOrNumerals(String[] words, int first, int last) {
        if (first == last && isRomanNumeral(words[first])) {
            return true;
        }
        for (int i = first; i <= last; i++) {
            String word = words[i];
            if (ModelLinkingExtractor.isWordToken(word) && !namesNothingAlone(word)
                    && !ModelLinkingExtractor.isPlaceOrFacilityWord(word)
                    && !word.equalsIgnoreCase("sebelah")) {
                return false;
            }
        }
        return true;
    }

    static boolean onlyLegalForms(String[] words, int first, int last) {
        for (int i = first; i <= last; i++) {
            if (ModelLinkingExtractor.isWordToken(words[i])
                    && !LEGAL_FORMS.contains(words[i].toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }
}
