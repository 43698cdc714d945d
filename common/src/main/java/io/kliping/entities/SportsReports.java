package io.kliping.entities;

import io.kliping.ner.NameKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Clubs named after their city: in a football report "Liverpool", "Madrid" and "Roma" are the
 * club, and the model, which sees one sentence, mostly calls them the place (in the first 20,000
 * CLICK-ID articles "Liverpool" was a place 582 times and a club 102 times). Left to the place,
 * every match report co-occurs with the city, and the club's mentions are split between two ids.
 *
 * <p>A club's gazetteer entry lists such names as sports aliases ({@link GazetteerEntry}). A
 * place, or an organisation the model found ("Barcelona"), whose whole name is one of them
 * becomes the club in an article that reads as a sports report (at least {@value
 * #MIN_CUE_WORDS} different football words such as "klub", "gol", "pelatih", "laga"), unless it
 * comes right after a word that makes it the place ("kota Liverpool"). Outside sports reports
 * the model's organisation is left alone too: the model calls a city an organisation often
 * enough ("pameran otomotif di Frankfurt") that linking it to the club would add errors.
 * Persons are left alone. The decision is per article, as the surname linking is.
 */
final class SportsReports {
    /** Distinct football words that make an article a sports report. */
    static final int MIN_CUE_WORDS = 3;
    /** Lower-case football words, Indonesian and English; none common outside sports news. */
    static final Set<String> CUE_WORDS = Set.of("klub", "gol", "laga", "skuad", "pelatih",
        "gelandang", "striker", "penyerang", "kiper", "bek", "klasemen", "penalti", "stadion",
        "menjamu", "bertandang", "tandang", "liga", "matchday", "sepakbola", "pemain", "trofi",
        "transfer", "suporter", "winger", "derbi", "hattrick", "club", "football", "derby",
        "soccer", "goal", "goals", "coach", "midfielder", "defender", "goalkeeper", "league",
        "stadium", "fixture", "fixtures");
    /** Words right before a name that make it the place, not the club. */
    private static final Set<String> PLACE_WORDS = Set.of("kota", "city", "kawasan", "wilayah",
        "warga", "pelabuhan", "bandara", "provinsi", "kabupaten", "region", "port");
    private static final Map<String, Map<String, GazetteerEntry>> INDEX = new ConcurrentHashMap<>();

    private SportsReports() {}

    /**
     * {@code mentions} (sorted, linked) with the club-named places and organisations of
     * {@code text} linked to their club; the same list when nothing changes.
     */
    static List<Mention> relink(String text, List<Mention> mentions, Gazetteer gazetteer) {
        Map<String, GazetteerEntry> clubs = index(gazetteer);
        if (clubs.isEmpty() || mentions.isEmpty()) {
            return mentions;
        }
        List<Mention> out = null;
        Boolean sportsReport = null;
        for (int i = 0; i < mentions.size(); i++) {
            Mention m = mentions.get(i);
            if (m.entityType() == EntityType.PERSON) {
                continue;
            }
            GazetteerEntry club = clubs.get(NameKey.of(m.surface()));
            if (club == null || club.id().equals(m.entityId())) {
                continue;
            }
            if (m.entityType() == EntityType.ORGANIZATION && !Mention.MODEL.equals(m.source())
                    || afterPlaceWord(text, m.charStart())) {
                continue;
            }
            if (sportsReport == null) {
                sportsReport = isSportsReport(text);
            }
            if (sportsReport) {
                if (out == null) {
                    out = new ArrayList<>(mentions);
                }
                out.set(i, new Mention(club.id(), club.name(), EntityType.ORGANIZATION,
                    m.surface(), m.sentenceIdx(), m.charStart(), m.charEnd(), Mention.GAZETTEER));
            }
        }
        return out == null ? mentions : out;
    }

    /** Whether {@code text} has at least {@value #MIN_CUE_WORDS} different {@link #CUE_WORDS}. */
    static boolean isSportsReport(String text) {
        Set<String> seen = new HashSet<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!Character.isLetter(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && Character.isLetter(text.charAt(i))) {
                i++;
            }
            if (i - start <= 10) {
                String word = text.substring(start, i).toLowerCase(Locale.ROOT);
                if (CUE_WORDS.contains(word) && seen.add(word) && seen.size() >= MIN_CUE_WORDS) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the word right before {@code charStart} is one of {@link #PLACE_WORDS}. */
    private static boolean afterPlaceWord(String text, int charStart) {
        int end = charStart;
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        int start = end;
        while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
            start--;
        }
        return start < end
            && PLACE_WORDS.contains(text.substring(start, end).toLowerCase(Locale.ROOT));
    }

    /** Clubs by the {@link NameKey} of each sports alias, built once per gazetteer. */
    private static Map<String, GazetteerEntry> index(Gazetteer gazetteer) {
        return INDEX.computeIfAbsent(gazetteer.fingerprint(), f -> {
            Map<String, GazetteerEntry> index = new HashMap<>();
            for (GazetteerEntry e : gazetteer.entries()) {
                for (String form : e.sportsAliases()) {
                    index.put(NameKey.of(form), e);
                }
            }
            return Map.copyOf(index);
        });
    }
}
