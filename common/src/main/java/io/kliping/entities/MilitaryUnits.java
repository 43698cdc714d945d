package io.kliping.entities;

import io.kliping.ner.NewsTokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Indonesian military commands and units, which the model does not know and takes for persons
 * ("Koramil Cidadap", "Kepala Staf Kodam V Jaya" as the person "Kodam V Jaya") or misses
 * ("Kodam XVII/Cenderawasih", "Korem 061/Suryakancana"). Every one is written as a unit word,
 * usually a number, and the name of its territory; all are organisations.
 *
 * <p>A capitalised {@link #UNIT_WORDS unit word} followed by a number (Arabic or Roman), a
 * capitalised word or both, the number optionally joined to a name by "/": the unit word, the
 * number, then up to two capitalised words that are no title, rank or corps, or one place
 * mention ("Kodam V Jaya", "Kodim 0618/BS", "Koramil Cidadap"); for a national command only its
 * number ("Kostrad", not "Kostrad Kivlan Zen"). Mentions inside the span are replaced; one
 * reaching out of it leaves the unit alone.
 */
final class MilitaryUnits {
    /** Army, navy and air-force commands and units (TNI), capitalised as news writes them. */
    static final Set<String> UNIT_WORDS = Set.of("kodam", "korem", "kodim", "koramil", "lanud",
        "lantamal", "lanal", "yonif", "brigif", "kostrad", "kopassus", "kopaska", "denpom",
        "pomdam", "rindam", "koarmada", "kodaeral", "kodiklat", "kohanudnas", "yonkav", "armed");
    /** National commands: a number may follow them, a territory's name never ("Kostrad"). */
    private static final Set<String> NATIONAL = Set.of("kostrad", "kopassus", "kopaska",
        "koarmada", "kodiklat", "kohanudnas");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final int MAX_NAME_WORDS = 2;

    private MilitaryUnits() {}

    /** Token ranges {first, last} of the units in one sentence. */
    static List<int[]> find(NewsTokenizer.Tokens tokens, String[] words, List<Mention> taken) {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            if (!UNIT_WORDS.contains(words[i].toLowerCase(Locale.ROOT))
                    || !PersonCueRules.isCapitalised(words[i])) {
                continue;
            }
            int last = i;
            int next = i + 1;
            if (next < words.length && (DIGITS.matcher(words[next]).matches()
                    || SpanWords.isRomanNumeral(words[next]))) {
                last = next++;
                if (next + 1 < words.length && words[next].equals("/")
                        && PersonCueRules.isCapitalised(words[next + 1])) {
                    last = next + 1;
                    next += 2;
                }
            }
            boolean national = NATIONAL.contains(words[i].toLowerCase(Locale.ROOT));
            int names = national ? MAX_NAME_WORDS : 0;
            while (next < words.length && names < MAX_NAME_WORDS && isNameWord(words[next])) {
                Mention m = PersonCueRules.coveredBy(taken, tokens, next);
                if (m != null && m.entityType() == EntityType.LOCATION
                        && m.charStart() == tokens.starts()[next]) {
                    while (next < words.length && tokens.ends()[next] <= m.charEnd()) {
                        last = next++;
                    }
                    break;
                }
                last = next++;
                names++;
            }
            if (last == i && !national || reachesOut(taken, tokens, i, last)) {
                continue;
            }
            out.add(new int[] {i, last});
            i = last;
        }
        return out;
    }

    /** A capitalised word that can name a unit's territory: not a title, rank or corps. */
    private static boolean isNameWord(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return PersonCueRules.isCapitalised(word) && Character.isLetter(word.codePointAt(0))
            && !PersonCueRules.isTitleOrOffice(word)
            && !ModelLinkingExtractor.TitleWords.RANKS.contains(lower)
            && !ModelLinkingExtractor.TitleWords.OFFICE.contains(lower)
            && !ModelLinkingExtractor.TitleWords.isTitle(word);
    }

    /** Whether a mention overlaps tokens {@code first..last} and reaches outside them. */
    private static boolean reachesOut(List<Mention> taken, NewsTokenizer.Tokens tokens, int first,
            int last) {
        int start = tokens.starts()[first];
        int end = tokens.ends()[last];
        for (Mention m : taken) {
            if (m.charStart() < end && start < m.charEnd()
                    && (m.charStart() < start || m.charEnd() > end)) {
                return true;
            }
        }
        return false;
    }
}
