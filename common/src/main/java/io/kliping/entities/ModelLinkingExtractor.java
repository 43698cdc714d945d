package io.kliping.entities;

import io.kliping.ner.NameFinderHolder;
import io.kliping.ner.NameKey;
import io.kliping.ner.NewsTokenizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.util.Span;

/**
 * The pipeline's extractor: gazetteer matches plus the names a statistical name finder
 * (OpenNLP, trained by {@code scripts/train-ner.sh}) finds beyond the list, linked within the
 * article.
 *
 * <ul>
 *   <li>Gazetteer matches win: a model span overlapping one is dropped, except an organisation
 *       or place name that strictly contains it ("Universitas Indonesia" is one organisation,
 *       not the country).</li>
 *   <li>Leading titles and offices are not part of a name ("Presiden Joko Widodo" is "Joko
 *       Widodo"); a model span must start with a capital or digit, so English "us"/"as" never
 *       become names.</li>
 *   <li>A model name whose {@link NameKey} equals that of a gazetteer alias of the same type
 *       links to the gazetteer entity (a spelling the list lacks, e.g. without diacritics).</li>
 *   <li>A person mention whose words are the last words of a longer person name in the same
 *       article ("Lavrov" after "Sergei Lavrov") links to that person: the nearest such name
 *       before it, else the first after it.</li>
 *   <li>Other model names get {@code kl:<person|org|loc>:<slug of NameKey>}, so spelling variants
 *       across articles (Sergey/Sergei, Jong-un/Jong Un) are one entity.</li>
 * </ul>
 *
 * <p>The model and the alias index are built once per JVM, on first use.
 */
final class ModelLinkingExtractor implements EntityExtractor {
    private static final long serialVersionUID = 1L;
    private static final Map<String, Map<String, GazetteerEntry>> KEY_INDEX =
        new java.util.concurrent.ConcurrentHashMap<>();

    private final GazetteerExtractor gazetteer;
    private final Gazetteer entries;
    private final String modelResource;

    ModelLinkingExtractor(Gazetteer gazetteer, String modelResource) {
        this.entries = Objects.requireNonNull(gazetteer, "gazetteer");
        this.gazetteer = new GazetteerExtractor(gazetteer);
        this.modelResource = Objects.requireNonNull(modelResource, "modelResource");
    }

    @Override
    public List<Mention> extract(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<Mention> found = gazetteer.extract(text);
        List<Mention> model = modelMentions(text, found);
        if (model.isEmpty()) {
            return found;
        }
        List<Mention> all = new ArrayList<>(found.size() + model.size());
        for (Mention g : found) {
            if (!insideAny(model, g)) {
                all.add(g);
            }
        }
        all.addAll(model);
        all.sort(Comparator.comparingInt(Mention::charStart));
        return link(all);
    }

    /** Unlinked model spans (type and surface only) that overlap no gazetteer match. */
    private List<Mention> modelMentions(String text, List<Mention> gazetteerMentions) {
        NameFinderME finder = NameFinderHolder.finder(modelResource);
        int[] sentenceStarts = SentenceSplitter.sentenceStarts(text);
        List<Mention> out = new ArrayList<>();
        for (int s = 0; s < sentenceStarts.length; s++) {
            int end = s + 1 < sentenceStarts.length ? sentenceStarts[s + 1] : text.length();
            NewsTokenizer.Tokens tokens = NewsTokenizer.tokenize(text, sentenceStarts[s], end);
            if (tokens.size() == 0) {
                continue;
            }
            String[] words = tokens.strings();
            for (Span span : finder.find(words)) {
                EntityType type = typeOf(span.getType());
                int first = span.getStart();
                int last = span.getEnd() - 1;
                while (first <= last && (isTitle(words[first]) || !isWordToken(words[first]))) {
                    first++;
                }
                while (last >= first && !isWordToken(words[last])) {
                    last--;
                }
                if (type == null || first > last || !startsCapitalised(words[first])) {
                    continue;
                }
                int cs = tokens.starts()[first];
                int ce = tokens.ends()[last];
                if (!keep(gazetteerMentions, type, cs, ce)) {
                    continue;
                }
                String surface = text.substring(cs, ce);
                out.add(new Mention(null, surface, type, surface, s, cs, ce, Mention.MODEL));
            }
        }
        finder.clearAdaptiveData();
        return out;
    }

    /** Gives every model mention (entityId still null) its id and name. */
    private List<Mention> link(List<Mention> sorted) {
        Map<String, GazetteerEntry> index = keyIndex();
        List<Mention> out = new ArrayList<>(sorted.size());
        List<String[]> personKeys = new ArrayList<>(sorted.size());
        for (Mention m : sorted) {
            personKeys.add(m.entityType() == EntityType.PERSON ? words(m.surface()) : null);
        }
        for (int i = 0; i < sorted.size(); i++) {
            Mention m = sorted.get(i);
            if (m.entityId() != null) {
                out.add(m);
                continue;
            }
            String key = NameKey.of(m.surface());
            GazetteerEntry entry = index.get(m.entityType() + " " + key);
            if (entry != null) {
                out.add(with(m, entry.id(), entry.name(), Mention.GAZETTEER));
                continue;
            }
            int full = m.entityType() == EntityType.PERSON ? fullName(sorted, personKeys, i) : -1;
            if (full >= 0) {
                Mention f = sorted.get(full);
                String id = f.entityId() != null ? f.entityId() : modelId(f);
                String name = f.entityId() != null ? f.entityName() : f.surface();
                out.add(with(m, id, name, f.source()));
                continue;
            }
            out.add(with(m, modelId(m), m.surface(), Mention.MODEL));
        }
        return out;
    }

    /** The nearest longer person name before {@code i} ending with its words, else after; or -1. */
    private static int fullName(List<Mention> sorted, List<String[]> keys, int i) {
        String[] shortName = keys.get(i);
        for (int j = i - 1; j >= 0; j--) {
            if (endsWith(keys.get(j), shortName)) {
                return j;
            }
        }
        for (int j = i + 1; j < sorted.size(); j++) {
            if (endsWith(keys.get(j), shortName)) {
                return j;
            }
        }
        return -1;
    }

    private static boolean endsWith(String[] longName, String[] shortName) {
        if (longName == null || longName.length <= shortName.length) {
            return false;
        }
        int offset = longName.length - shortName.length;
        for (int k = 0; k < shortName.length; k++) {
            if (!longName[offset + k].equals(shortName[k])) {
                return false;
            }
        }
        return true;
    }

    private static String[] words(String surface) {
        String key = NameKey.of(surface);
        return key.isEmpty() ? new String[0] : key.split(" ");
    }

    private static String modelId(Mention m) {
        String kind = switch (m.entityType()) {
            case PERSON -> "person";
            case ORGANIZATION -> "org";
            case LOCATION -> "loc";
        };
        return "kl:" + kind + ":" + NameKey.slug(NameKey.of(m.surface()));
    }

    private static Mention with(Mention m, String id, String name, String source) {
        return new Mention(id, name, m.entityType(), m.surface(), m.sentenceIdx(), m.charStart(),
            m.charEnd(), source);
    }

    /** Gazetteer entries by "TYPE key" of their case-insensitive forms; ambiguous keys dropped. */
    private Map<String, GazetteerEntry> keyIndex() {
        return KEY_INDEX.computeIfAbsent(entries.fingerprint(), f -> {
            Map<String, GazetteerEntry> index = new HashMap<>();
            Set<String> ambiguous = new HashSet<>();
            for (GazetteerEntry e : entries.entries()) {
                for (String form : e.caseInsensitiveForms()) {
                    String k = e.type() + " " + NameKey.of(form);
                    GazetteerEntry prev = index.putIfAbsent(k, e);
                    if (prev != null && !prev.id().equals(e.id())) {
                        ambiguous.add(k);
                    }
                }
            }
            ambiguous.forEach(index::remove);
            return Map.copyOf(index);
        });
    }

    /**
     * Whether a model span survives the gazetteer: it overlaps no match, or it is an organisation
     * or place that strictly contains the matches it overlaps (a longer name built on a listed one:
     * "Universitas Indonesia", "Jakarta Timur", "PSMS Medan"). A person span never swallows a
     * listed entity.
     */
    private static boolean keep(List<Mention> gazetteerMentions, EntityType type, int start, int end) {
        for (Mention m : gazetteerMentions) {
            if (m.charStart() < end && start < m.charEnd()) {
                boolean inside = start <= m.charStart() && m.charEnd() <= end
                    && end - start > m.charEnd() - m.charStart();
                if (!inside || type == EntityType.PERSON) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean insideAny(List<Mention> spans, Mention m) {
        for (Mention s : spans) {
            if (s.charStart() <= m.charStart() && m.charEnd() <= s.charEnd()) {
                return true;
            }
        }
        return false;
    }

    private static EntityType typeOf(String type) {
        return switch (type == null ? "" : type) {
            case "PERSON", "PER" -> EntityType.PERSON;
            case "ORGANIZATION", "ORGANISATION", "ORG" -> EntityType.ORGANIZATION;
            case "LOCATION", "PLACE", "LOC" -> EntityType.LOCATION;
            default -> null;
        };
    }

    private static boolean isTitle(String word) {
        return TitleWords.isTitle(word);
    }

    private static boolean isWordToken(String word) {
        return Character.isLetterOrDigit(word.codePointAt(0));
    }

    private static boolean startsCapitalised(String word) {
        int cp = word.codePointAt(0);
        return Character.isUpperCase(cp) || Character.isTitleCase(cp) || Character.isDigit(cp);
    }

    @Override
    public String toString() {
        return "ModelLinkingExtractor[" + entries + ", model=" + modelResource + "]";
    }

    /** Words that open a name in news but are not part of it (titles, offices, honorifics). */
    static final class TitleWords {
        private static final Set<String> WORDS = Set.of(
            "presiden", "wapres", "menteri", "menlu", "menhan", "mendagri", "menkeu", "perdana",
            "pm", "kanselir", "gubernur", "wagub", "bupati", "walikota", "ketua", "sekjen",
            "jenderal", "jend", "letjen", "mayjen", "brigjen", "kolonel", "kapolri", "kapolda",
            "panglima", "jubir", "bapak", "pak", "ibu", "bu", "tuan", "nyonya", "dr", "prof", "ir",
            "drs", "hj", "kh", "ustaz", "ustadz", "kiai", "paus", "mr", "mrs", "ms", "president",
            "minister", "secretary", "chancellor", "governor", "king", "queen", "prince",
            "senator", "sen", "gen", "general");

        private TitleWords() {}

        static boolean isTitle(String word) {
            return WORDS.contains(word.toLowerCase(Locale.ROOT));
        }
    }
}
