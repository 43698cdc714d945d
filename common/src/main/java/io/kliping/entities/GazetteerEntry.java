package io.kliping.entities;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One real-world entity of the gazetteer: its canonical id, type, display name and the surface
 * forms that refer to it.
 *
 * <p>The name is implicitly an alias. {@code aliases} are matched case-insensitively,
 * {@code caseSensitiveAliases} exactly; any name or alias written entirely in upper-case letters
 * (AS, PBB, DPRK) is matched exactly too, so that "as"/"us" in English prose never link to the USA.
 *
 * <p>{@code sportsAliases} are never matched in text: they are the names a club goes by in sports
 * news that also name something else, above all its home city ("Liverpool", "Madrid", "Roma").
 * Such a name is the club where it is found as an organisation, and where it is found as a place
 * in an article that reads as a sports report ({@link SportsReports}); elsewhere it stays the
 * place.
 */
public record GazetteerEntry(
        String id,
        EntityType type,
        String name,
        List<String> aliases,
        List<String> caseSensitiveAliases,
        List<String> sportsAliases) implements Serializable {

    public GazetteerEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        aliases = List.copyOf(aliases);
        caseSensitiveAliases = List.copyOf(caseSensitiveAliases);
        sportsAliases = List.copyOf(sportsAliases);
    }

    /** An entry without sports aliases. */
    public GazetteerEntry(String id, EntityType type, String name, List<String> aliases,
            List<String> caseSensitiveAliases) {
        this(id, type, name, aliases, caseSensitiveAliases, List.of());
    }

    /** Surface forms matched exactly: the case-sensitive aliases plus every all-upper-case form. */
    public List<String> caseSensitiveForms() {
        Set<String> forms = new LinkedHashSet<>(caseSensitiveAliases);
        for (String form : allForms()) {
            if (AliasText.isAllUpperCase(form)) {
                forms.add(form);
            }
        }
        return List.copyOf(forms);
    }

    /** Surface forms matched case-insensitively: name and aliases not matched exactly. */
    public List<String> caseInsensitiveForms() {
        Set<String> exact = Set.copyOf(caseSensitiveForms());
        List<String> forms = new ArrayList<>();
        for (String form : allForms()) {
            if (!exact.contains(form)) {
                forms.add(form);
            }
        }
        return List.copyOf(forms);
    }

    private Set<String> allForms() {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(name);
        forms.addAll(aliases);
        return forms;
    }
}
