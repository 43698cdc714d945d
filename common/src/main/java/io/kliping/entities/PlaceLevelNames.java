package io.kliping.entities;

import io.kliping.ner.NewsTokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Places named with their level, which the model cuts off or misses: "Desa Tiyaran", "Distrik
 * Totikum", "kecamatan Gebang", "danau Tondano", "Bengawan Solo". Indonesian writes a village,
 * district, lake, river or mountain with the word for it, and both training sets count the word as part of the name
 * (NERGrit train: desa 174 of 183, kecamatan 100 of 104, kabupaten 90 of 91, dusun 49 of 53,
 * pulau 63 of 66; NER-UI train: kecamatan and kabupaten 7 of 7, desa 2 of 3). Not "kota" and
 * "provinsi", which NER-UI mostly leaves outside the name (20 of 30 and 5 of 6).
 *
 * <p>A level word outside every mention, not after a title, office or "dana" ("Dana Desa"), and
 * followed by a capitalised word that is not a title, opens a place:
 * <ul>
 *   <li>with the place mention right after it: that place ("Kabupaten Wonogiri", "Pulau
 *       Sebesi"), which for {@link #LEVEL_OF_LISTED} words stays the listed place unless a
 *       compass word follows ("Kabupaten Maluku Tengah"), and for the others is a place of its
 *       own named after it ("Desa Jepang" is a village, not Japan), with a compass word, a place
 *       the model found or one capitalised word after it ("Kecamatan Medan Belawan");</li>
 *   <li>with a one-word person mention right after it, not after a capitalised word ("Kepala Desa
 *       Suryadi" is the village head): a place ("distrik Isa", "danau Tondano");</li>
 *   <li>with no mention after it: a place of one or two capitalised words, when no capitalised
 *       word follows them (a Title Case headline is not a place name).</li>
 * </ul>
 */
final class PlaceLevelNames {
    /** Level words whose place is the listed place of the same name ("Kabupaten Bandung"). */
    static final Set<String> LEVEL_OF_LISTED = Set.of("kabupaten", "kab", "pulau");
    /** Level words that make a place of its own of the name after them ("Desa Jepang"). */
    static final Set<String> OWN_PLACE = Set.of("desa", "dusun", "kecamatan", "kelurahan",
        "distrik", "danau", "gunung", "teluk", "sungai", "bengawan", "selat");
    private static final Set<String> NOT_BEFORE = Set.of("dana", "wali", "selamat", "alokasi");
    /** Capitalised words after a level word that make no place: "Distrik Militer" (Kodim). */
    private static final Set<String> NOT_AFTER = Set.of("militer", "wisata");
    private static final int MAX_UNFOUND_WORDS = 2;

    private PlaceLevelNames() {}

    /**
     * A place from token {@code first} to {@code last}, in place of the mentions inside it;
     * {@code listed} is the gazetteer place it still names (null when it is a place of its own).
     */
    record Name(int first, int last, Mention listed) {}

    /** The level-word places of one sentence, given the mentions already in it. */
    static List<Name> find(NewsTokenizer.Tokens tokens, String[] words, List<Mention> taken) {
        List<Name> out = new ArrayList<>();
        for (int i = 0; i + 1 < words.length; i++) {
            String level = words[i].toLowerCase(Locale.ROOT);
            boolean ofListed = LEVEL_OF_LISTED.contains(level);
            if (!ofListed && !OWN_PLACE.contains(level)
                    || PersonCueRules.coveredBy(taken, tokens, i) != null
                    || tokens.ends()[i] == tokens.starts()[i + 1] // "Desa-Desa"
                    || i > 0 && tokens.ends()[i - 1] == tokens.starts()[i] // "Pulau-pulau"
                    || !isNameWord(words[i + 1])) {
                continue;
            }
            if (i > 0 && (NOT_BEFORE.contains(words[i - 1].toLowerCase(Locale.ROOT))
                    || PersonCueRules.isTitleOrOffice(words[i - 1]))) {
                continue;
            }
            Name name = name(tokens, words, taken, i, ofListed);
            if (name != null) {
                out.add(name);
                i = name.last();
            }
        }
        return out;
    }

    private static Name name(NewsTokenizer.Tokens tokens, String[] words, List<Mention> taken,
            int level, boolean ofListed) {
        int next = level + 1;
        Mention after = PersonCueRules.coveredBy(taken, tokens, next);
        if (after != null) {
            if (after.charStart() != tokens.starts()[next]) {
                return null;
            }
            int last = next;
            while (last + 1 < tokens.size() && tokens.ends()[last + 1] <= after.charEnd()) {
                last++;
            }
            if (after.entityType() == EntityType.LOCATION) {
                if (ofListed) {
                    if (last + 1 < words.length && tokens.ends()[last] < tokens.starts()[last + 1]
                            && ModelLinkingExtractor.isCompassOrQualifier(words[last + 1])
                            && PersonCueRules.coveredBy(taken, tokens, last + 1) == null) {
                        // "Kabupaten Maluku Tengah": a regency of its own
                        return new Name(level, last + 1, null);
                    }
                    boolean listed = Mention.GAZETTEER.equals(after.source());
                    return new Name(level, last, listed ? after : null);
                }
                return withPartAfter(tokens, words, taken, level, last);
            }
            boolean personAlone = after.entityType() == EntityType.PERSON && last == next
                && Mention.MODEL.equals(after.source()) && after.entityId() == null;
            if (personAlone && (level == 0 || !PersonCueRules.isCapitalised(words[level - 1]))) {
                return new Name(level, last, null);
            }
            return null;
        }
        int last = next;
        while (last + 1 < words.length && last + 1 - level <= MAX_UNFOUND_WORDS
                && isNameWord(words[last + 1])
                && PersonCueRules.coveredBy(taken, tokens, last + 1) == null) {
            last++;
        }
        if (last + 1 < words.length && PersonCueRules.isCapitalised(words[last + 1])) {
            return null; // "Warga Desa Protes Tambang Emas": Title Case, not a name
        }
        return new Name(level, last, null);
    }

    /**
     * The district, village or ward that a place mention ending at {@code last} opens after its
     * level word: with one more compass word or qualifier ("Kecamatan Bekasi Selatan"), a place
     * the model found right after ("Kecamatan Medan" + "Belawan"), or one more capitalised word
     * outside every mention before a word that is not capitalised ("Kecamatan Medan Belawan,").
     */
    private static Name withPartAfter(NewsTokenizer.Tokens tokens, String[] words,
            List<Mention> taken, int level, int last) {
        int next = last + 1;
        if (next >= words.length || !isNameWord(words[next])
                || tokens.ends()[last] == tokens.starts()[next]) {
            return new Name(level, last, null);
        }
        Mention more = PersonCueRules.coveredBy(taken, tokens, next);
        if (more != null) {
            if (more.entityType() != EntityType.LOCATION || !Mention.MODEL.equals(more.source())
                    || more.charStart() != tokens.starts()[next]) {
                return new Name(level, last, null);
            }
            int end = next;
            while (end + 1 < tokens.size() && tokens.ends()[end + 1] <= more.charEnd()) {
                end++;
            }
            return new Name(level, end, null);
        }
        boolean part = ModelLinkingExtractor.isCompassOrQualifier(words[next])
            || next + 1 >= words.length || !PersonCueRules.isCapitalised(words[next + 1]);
        return new Name(level, part ? next : last, null);
    }

    /**
     * A capitalised word of two letters or more that can be (part of) a place's name: not a title
     * or office, not a word that opens no name, not a Roman numeral ("Dusun II") and not {@link
     * #NOT_AFTER}.
     */
    private static boolean isNameWord(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return word.length() > 1 && PersonCueRules.isCapitalised(word)
            && !PersonCueRules.isTitleOrOffice(word)
            && !PersonCueRules.NOT_A_NAME_START.contains(lower) && !NOT_AFTER.contains(lower)
            && !SpanWords.isRomanNumeral(word);
    }
}
