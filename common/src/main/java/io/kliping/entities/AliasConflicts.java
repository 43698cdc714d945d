package io.kliping.entities;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Verifies that every surface form resolves to a single entity, using exactly the matcher's notion
 * of "same form" ({@link AliasText#matchKey}, char-wise lower case for case-insensitive forms). A
 * case-sensitive form also collides with a case-insensitive form of another entity when they are
 * equal ignoring case, because the case-insensitive one would match the same text.
 *
 * <p>Sports aliases are not matched in text, so they may equal a place's alias (that is what they
 * are for: "Liverpool"), but each names one club, and never another organisation's alias.
 */
final class AliasConflicts {

    private AliasConflicts() {}

    static void check(List<GazetteerEntry> entries, List<String> origins) {
        Set<String> ids = new HashSet<>();
        Map<String, Integer> insensitive = new HashMap<>();
        Map<String, Integer> sensitive = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            GazetteerEntry entry = entries.get(i);
            if (!ids.add(entry.id())) {
                throw new IllegalArgumentException(origins.get(i) + ": duplicate entity id " + entry.id());
            }
            for (String form : entry.caseInsensitiveForms()) {
                claim(insensitive, AliasText.lowerCase(AliasText.matchKey(form)), form, i, entries, origins);
            }
            for (String form : entry.caseSensitiveForms()) {
                claim(sensitive, AliasText.matchKey(form), form, i, entries, origins);
            }
        }
        Map<String, Integer> sports = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            for (String form : entries.get(i).sportsAliases()) {
                String key = AliasText.lowerCase(AliasText.matchKey(form));
                claim(sports, key, form, i, entries, origins);
                Integer other = insensitive.get(key);
                if (other == null) {
                    other = sensitive.get(AliasText.matchKey(form));
                }
                if (other != null && other != i
                        && entries.get(other).type() == EntityType.ORGANIZATION) {
                    throw conflict(form, other, i, entries, origins);
                }
            }
        }
        for (Map.Entry<String, Integer> exact : sensitive.entrySet()) {
            Integer other = insensitive.get(AliasText.lowerCase(exact.getKey()));
            if (other != null && !other.equals(exact.getValue())) {
                throw conflict(exact.getKey(), exact.getValue(), other, entries, origins);
            }
        }
    }

    private static void claim(Map<String, Integer> owners, String key, String form, int entryIndex,
            List<GazetteerEntry> entries, List<String> origins) {
        Integer previous = owners.putIfAbsent(key, entryIndex);
        if (previous != null && previous != entryIndex) {
            throw conflict(form, previous, entryIndex, entries, origins);
        }
    }

    private static IllegalArgumentException conflict(String form, int first, int second,
            List<GazetteerEntry> entries, List<String> origins) {
        return new IllegalArgumentException(String.format(
                "%s: alias '%s' of %s is also an alias of %s (%s); an alias must name one entity",
                origins.get(second), form, entries.get(second).id(), entries.get(first).id(), origins.get(first)));
    }
}
