package io.kliping.entities;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the gazetteer TSV format:
 * {@code entity_id<TAB>type<TAB>name[<TAB>aliases[<TAB>case_sensitive_aliases[<TAB>sports_aliases]]]},
 * aliases
 * separated by {@code |}, {@code #} comment lines and blank lines ignored. Every problem is
 * reported as {@code origin:line: message}.
 */
final class GazetteerTsv {

    /** Wikidata QID, a readable slug whose kind matches the type, or an ISO 3166 country code. */
    private static final Pattern ID = Pattern.compile(
            "Q[1-9][0-9]*|kl:(person|org|loc)/[a-z0-9][a-z0-9_]*|iso:[A-Z]{2}");
    private static final int MAX_FORM_LENGTH = 200;

    private GazetteerTsv() {}

    static Gazetteer parse(List<String> lines, String origin) {
        List<GazetteerEntry> entries = new ArrayList<>();
        List<String> origins = new ArrayList<>();
        Map<String, Integer> lineOfId = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            int lineNo = i + 1;
            String where = origin + ":" + lineNo;
            GazetteerEntry entry = parseLine(line, where);
            Integer firstLine = lineOfId.putIfAbsent(entry.id(), lineNo);
            if (firstLine != null) {
                throw new IllegalArgumentException(where + ": duplicate entity id " + entry.id()
                        + " (first defined at line " + firstLine + "); put all its aliases on one line");
            }
            entries.add(entry);
            origins.add(where);
        }
        return Gazetteer.of(entries, origins);
    }

    private static GazetteerEntry parseLine(String line, String where) {
        String[] columns = line.split("\t", -1);
        if (columns.length < 3 || columns.length > 6) {
            throw new IllegalArgumentException(where + ": malformed line, expected 3 to 6 tab-separated columns"
                    + " (entity_id, type, name[, aliases[, case_sensitive_aliases[, sports_aliases]]]) but found "
                    + columns.length + ": '" + line + "'");
        }
        String id = columns[0].strip();
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException(where + ": invalid entity id '" + id
                    + "' (expected a Wikidata QID like Q159, kl:person/..., kl:org/..., kl:loc/... or iso:XX)");
        }
        EntityType type = parseType(columns[1].strip(), where);
        checkIdMatchesType(id, type, where);
        String name = columns[2].strip();
        checkForm(name, "name", where);
        List<String> aliases = columns.length > 3 ? splitForms(columns[3], where) : List.of();
        List<String> caseSensitive = columns.length > 4 ? splitForms(columns[4], where) : List.of();
        List<String> sports = columns.length > 5 ? splitForms(columns[5], where) : List.of();
        if (!sports.isEmpty() && type != EntityType.ORGANIZATION) {
            throw new IllegalArgumentException(where + ": sports aliases name a club, but " + id
                    + " is a " + type);
        }
        List<String> otherAliases = new ArrayList<>(aliases);
        otherAliases.remove(name);
        return new GazetteerEntry(id, type, name, otherAliases, caseSensitive, sports);
    }

    private static EntityType parseType(String type, String where) {
        for (EntityType candidate : EntityType.values()) {
            if (candidate.name().equals(type)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException(where + ": unknown entity type '" + type
                + "' (expected PERSON, ORGANIZATION or LOCATION)");
    }

    private static void checkIdMatchesType(String id, EntityType type, String where) {
        EntityType implied = null;
        if (id.startsWith("kl:person/")) {
            implied = EntityType.PERSON;
        } else if (id.startsWith("kl:org/")) {
            implied = EntityType.ORGANIZATION;
        } else if (id.startsWith("kl:loc/") || id.startsWith("iso:")) {
            implied = EntityType.LOCATION;
        }
        if (implied != null && implied != type) {
            throw new IllegalArgumentException(where + ": id " + id + " implies type " + implied + " but the line says " + type);
        }
    }

    private static List<String> splitForms(String column, String where) {
        Set<String> forms = new LinkedHashSet<>();
        for (String raw : column.split("\\|", -1)) {
            String form = raw.strip();
            if (form.isEmpty()) {
                continue;
            }
            checkForm(form, "alias", where);
            forms.add(form);
        }
        return List.copyOf(forms);
    }

    private static void checkForm(String form, String what, String where) {
        if (form.isEmpty()) {
            throw new IllegalArgumentException(where + ": empty " + what);
        }
        if (form.length() > MAX_FORM_LENGTH) {
            throw new IllegalArgumentException(where + ": " + what + " longer than " + MAX_FORM_LENGTH + " chars");
        }
        if (!AliasText.hasWordCharacter(AliasText.matchKey(form))) {
            throw new IllegalArgumentException(where + ": " + what + " '" + form + "' has no letter or digit");
        }
        if (form.indexOf('\n') >= 0 || form.indexOf('\r') >= 0) {
            throw new IllegalArgumentException(where + ": " + what + " contains a line break");
        }
    }
}
