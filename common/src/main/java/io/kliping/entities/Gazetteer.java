package io.kliping.entities;

import com.dynatrace.hash4j.hashing.HashValue128;
import com.dynatrace.hash4j.hashing.Hashing;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The dictionary of known entities, loaded from one or more TSV files (format in
 * {@code conf/gazetteer/README.md}) and validated as a whole: every alias must resolve to exactly
 * one entity, or loading fails with the file and line of both definitions. That makes a bad edit to
 * a gazetteer file stop the job up front instead of silently mislinking mentions.
 *
 * <p>Immutable and {@link Serializable}; {@link #fingerprint()} identifies the content, so caches
 * (compiled tries, derived tables) can be keyed by it.
 */
public final class Gazetteer implements Serializable {

    private static final long serialVersionUID = 1L;

    private final List<GazetteerEntry> entries;
    /** Where each entry was defined ("curated.tsv:12"), parallel to {@link #entries}; for messages. */
    private final List<String> origins;
    private final String fingerprint;

    private Gazetteer(List<GazetteerEntry> entries, List<String> origins) {
        this.entries = List.copyOf(entries);
        this.origins = List.copyOf(origins);
        AliasConflicts.check(this.entries, this.origins);
        this.fingerprint = computeFingerprint(this.entries);
    }

    /** Builds a gazetteer from already-validated entries; {@code origins} parallel to them. */
    static Gazetteer of(List<GazetteerEntry> entries, List<String> origins) {
        return new Gazetteer(entries, origins);
    }

    /**
     * Parses gazetteer TSV lines. {@code origin} (a file or resource name) prefixes every error
     * message together with the 1-based line number.
     *
     * @throws IllegalArgumentException on a malformed line, unknown type, invalid or duplicate id,
     *     or an alias that refers to two entities
     */
    public static Gazetteer parse(List<String> tsvLines, String origin) {
        return GazetteerTsv.parse(tsvLines, origin);
    }

    /** Loads and merges classpath resources, e.g. {@code "kliping/gazetteer/curated.tsv"}. */
    public static Gazetteer fromClasspath(List<String> resourcePaths) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = Gazetteer.class.getClassLoader();
        }
        List<Gazetteer> parts = new ArrayList<>();
        for (String resource : resourcePaths) {
            String path = resource.startsWith("/") ? resource.substring(1) : resource;
            try (InputStream in = loader.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalArgumentException("gazetteer resource not found on classpath: " + resource);
                }
                String content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                parts.add(parse(content.lines().toList(), resource));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read gazetteer resource " + resource, e);
            }
        }
        return merge(parts);
    }

    /** Loads and merges gazetteer files. */
    public static Gazetteer fromFiles(List<Path> paths) {
        List<Gazetteer> parts = new ArrayList<>();
        for (Path path : paths) {
            try {
                parts.add(parse(Files.readAllLines(path, StandardCharsets.UTF_8), path.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read gazetteer file " + path, e);
            }
        }
        return merge(parts);
    }

    /**
     * Unions several gazetteers. An id present in more than one part becomes one entry: the first
     * part's name is kept, later names become aliases, alias lists are unioned. Types must agree.
     *
     * @throws IllegalArgumentException on conflicting types for one id, or an alias that refers to
     *     two entities after merging
     */
    public static Gazetteer merge(List<Gazetteer> parts) {
        Map<String, MergedEntry> byId = new LinkedHashMap<>();
        for (Gazetteer part : parts) {
            for (int i = 0; i < part.entries.size(); i++) {
                GazetteerEntry entry = part.entries.get(i);
                String origin = part.origins.get(i);
                MergedEntry merged = byId.get(entry.id());
                if (merged == null) {
                    byId.put(entry.id(), new MergedEntry(entry, origin));
                } else {
                    merged.add(entry, origin);
                }
            }
        }
        List<GazetteerEntry> entries = new ArrayList<>(byId.size());
        List<String> origins = new ArrayList<>(byId.size());
        for (MergedEntry merged : byId.values()) {
            entries.add(merged.toEntry());
            origins.add(String.join(" + ", merged.origins));
        }
        return new Gazetteer(entries, origins);
    }

    /** All entities, in file order (first definition wins the position). */
    public List<GazetteerEntry> entries() {
        return entries;
    }

    public int size() {
        return entries.size();
    }

    /**
     * A stable 128-bit hash (hex) of the content: ids, types, names and alias sets, independent of
     * entry and alias order. Equal fingerprints mean the extractor links text identically.
     */
    public String fingerprint() {
        return fingerprint;
    }

    /** Where the entry with this index was defined, e.g. {@code "curated.tsv:12"}. */
    String origin(int entryIndex) {
        return origins.get(entryIndex);
    }

    @Override
    public String toString() {
        return "Gazetteer[" + entries.size() + " entries, " + fingerprint + "]";
    }

    private static String computeFingerprint(List<GazetteerEntry> entries) {
        String canonical = entries.stream()
                .sorted((a, b) -> a.id().compareTo(b.id()))
                .map(e -> String.join("\t",
                        e.id(),
                        e.type().name(),
                        e.name(),
                        sortedJoin(e.aliases()),
                        sortedJoin(e.caseSensitiveAliases()))
                        + (e.sportsAliases().isEmpty() ? "" : "\t" + sortedJoin(e.sportsAliases())))
                .collect(Collectors.joining("\n", "kliping-gazetteer-v1\n", "\n"));
        HashValue128 hash = Hashing.xxh3_128().hashCharsTo128Bits(canonical);
        return String.format("%016x%016x", hash.getMostSignificantBits(), hash.getLeastSignificantBits());
    }

    private static String sortedJoin(List<String> values) {
        String[] sorted = values.toArray(new String[0]);
        Arrays.sort(sorted);
        return String.join("|", sorted);
    }

    /** Accumulates one id's definitions across merged parts. */
    private static final class MergedEntry {
        private final String id;
        private final EntityType type;
        private final String name;
        private final Set<String> aliases = new LinkedHashSet<>();
        private final Set<String> caseSensitiveAliases = new LinkedHashSet<>();
        private final Set<String> sportsAliases = new LinkedHashSet<>();
        private final List<String> origins = new ArrayList<>();

        MergedEntry(GazetteerEntry first, String origin) {
            this.id = first.id();
            this.type = first.type();
            this.name = first.name();
            aliases.addAll(first.aliases());
            caseSensitiveAliases.addAll(first.caseSensitiveAliases());
            sportsAliases.addAll(first.sportsAliases());
            origins.add(origin);
        }

        void add(GazetteerEntry other, String origin) {
            if (other.type() != type) {
                throw new IllegalArgumentException(String.format(
                        "%s: entity %s has type %s, but %s defines it as %s",
                        origin, id, other.type(), String.join(" + ", origins), type));
            }
            if (!other.name().equals(name)) {
                aliases.add(other.name());
            }
            aliases.addAll(other.aliases());
            caseSensitiveAliases.addAll(other.caseSensitiveAliases());
            sportsAliases.addAll(other.sportsAliases());
            aliases.remove(name);
            origins.add(origin);
        }

        GazetteerEntry toEntry() {
            return new GazetteerEntry(id, type, name, List.copyOf(aliases),
                List.copyOf(caseSensitiveAliases), List.copyOf(sportsAliases));
        }
    }
}
