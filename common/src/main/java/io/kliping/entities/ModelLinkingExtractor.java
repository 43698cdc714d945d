package io.kliping.entities;

import io.kliping.ner.GreedyNameFinder;
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
import opennlp.tools.util.Span;

/**
 * The pipeline's extractor: gazetteer matches plus the names a statistical name finder
 * (OpenNLP, trained by {@code scripts/train-ner.sh}) finds beyond the list, linked within the
 * article.
 *
 * <ul>
 *   <li>Gazetteer matches win: a model span overlapping one is dropped, except an organisation
 *       or place name that strictly contains it ("Universitas Indonesia" is one organisation,
 *       not the country; "SMA Negeri 6 Jakarta" a school), and a place named with its
 *       administrative level ("Kota Semarang"), which is the listed place.</li>
 *   <li>Leading titles and offices are not part of a name ("Presiden Joko Widodo" is "Joko
 *       Widodo"); a model span must start with a capital or digit, so English "us"/"as" never
 *       become names.</li>
 *   <li>A model name whose {@link NameKey} equals that of a gazetteer alias of the same type
 *       links to the gazetteer entity (a spelling the list lacks, e.g. without diacritics).</li>
 *   <li>A person mention whose words are the last words of a longer person name in the same
 *       article ("Lavrov" after "Sergei Lavrov") links to that person: the nearest such name
 *       before it, else the first after it.</li>
 *   <li>Failing that, a one-word person mention links to the only listed person whose name
 *       starts or ends with that word ("Choe" is Choe Son Hui; "Kim" stays unlinked).</li>
 *   <li>Other model names get {@code kl:<person|org|loc>:<slug of NameKey>}, so spelling variants
 *       across articles (Sergey/Sergei, Jong-un/Jong Un) are one entity.</li>
 *   <li>A club's home city is the club in a sports report ("Liverpool", "Madrid"; {@link
 *       SportsReports}).</li>
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
        List<Mention> all = new ArrayList<>(found.size() + model.size());
        for (Mention g : found) {
            if (!insideAny(model, g)) {
                all.add(g);
            }
        }
        all.addAll(model);
        all.addAll(surnameMentions(text, all));
        // Nothing added: the gazetteer's mentions as they are. (Equal sizes alone are not enough:
        // model spans can replace exactly as many listed names as they swallow.)
        if (model.isEmpty() && all.size() == found.size()) {
            return SportsReports.relink(text, found, entries);
        }
        all.sort(Comparator.comparingInt(Mention::charStart));
        return SportsReports.relink(text, link(all), entries);
    }

    /**
     * Unlinked one-word person mentions the model missed: capitalised words outside every mention
     * that are the last (or, when no one else in the article has it, the first) word of a
     * person named in full in the article ("Lavrov dan Choe" after "Sergey Lavrov" and "Choe Son
     * Hui"). {@link #link} then resolves them to that person.
     */
    private static List<Mention> surnameMentions(String text, List<Mention> mentions) {
        Map<String, Integer> names = new HashMap<>();
        Map<String, String> firstWordOwner = new HashMap<>();
        for (Mention m : mentions) {
            if (m.entityType() != EntityType.PERSON) {
                continue;
            }
            String[] w = words(m.surface());
            if (w.length > 1) {
                String[] family = withoutSuffix(w);
                names.put(family[family.length - 1], 1);
                String owner = m.entityId() != null ? m.entityId() : String.join(" ", w);
                String prev = firstWordOwner.putIfAbsent(w[0], owner);
                if (prev != null && !prev.equals(owner)) {
                    firstWordOwner.put(w[0], "");
                }
            }
        }
        firstWordOwner.forEach((word, owner) -> {
            if (!owner.isEmpty()) {
                names.putIfAbsent(word, 1);
            }
        });
        if (names.isEmpty()) {
            return List.of();
        }
        List<Mention> out = new ArrayList<>();
        int[] sentenceStarts = SentenceSplitter.sentenceStarts(text);
        NewsTokenizer.Tokens tokens = NewsTokenizer.tokenize(text, 0, text.length());
        for (int i = 0; i < tokens.size(); i++) {
            String word = tokens.token(i);
            if (word.length() < 3 || !startsCapitalised(word) || isTitle(word)
                    || !names.containsKey(NameKey.of(word)) || FieldWords.isField(word)
                    || PersonCueRules.coveredBy(mentions, tokens, i) != null) {
                continue;
            }
            int cs = tokens.starts()[i];
            out.add(new Mention(null, word, EntityType.PERSON, word,
                SentenceSplitter.sentenceIndexAt(sentenceStarts, cs), cs, tokens.ends()[i],
                Mention.MODEL));
        }
        return out;
    }

    /** Unlinked model spans (type and surface only) that overlap no gazetteer match. */
    private List<Mention> modelMentions(String text, List<Mention> gazetteerMentions) {
        GreedyNameFinder finder = NameFinderHolder.finder(modelResource);
        int[] sentenceStarts = SentenceSplitter.sentenceStarts(text);
        List<Mention> out = new ArrayList<>();
        for (int s = 0; s < sentenceStarts.length; s++) {
            int end = s + 1 < sentenceStarts.length ? sentenceStarts[s + 1] : text.length();
            NewsTokenizer.Tokens tokens = NewsTokenizer.tokenize(text, sentenceStarts[s], end);
            if (tokens.size() == 0) {
                continue;
            }
            String[] words = tokens.strings();
            int before = out.size();
            for (Span span : finder.find(words)) {
                addSpan(text, s, tokens, words, span, gazetteerMentions, finder, true, out);
            }
            List<Mention> taken = new ArrayList<>(gazetteerMentions);
            taken.addAll(out.subList(before, out.size()));
            // the model's pieces of a club's name go, also a title it ran into the name
            for (int[] name : ClubAndLeagueNames.find(tokens, words, taken)) {
                replace(out, taken, ruleMention(text, s, tokens, name[0], name[1],
                    EntityType.ORGANIZATION));
            }
            for (int[] unit : MilitaryUnits.find(tokens, words, taken)) {
                replace(out, taken, ruleMention(text, s, tokens, unit[0], unit[1],
                    EntityType.ORGANIZATION));
            }
            for (PlaceLevelNames.Name name : PlaceLevelNames.find(tokens, words, taken)) {
                Mention place = ruleMention(text, s, tokens, name.first(), name.last(),
                    EntityType.LOCATION);
                Mention listed = name.listed();
                replace(out, taken, listed == null ? place
                    : with(place, listed.entityId(), listed.entityName(), Mention.GAZETTEER));
            }
            for (int i : PlaceLists.find(tokens, words, taken)) {
                replace(out, taken, ruleMention(text, s, tokens, i, i, EntityType.LOCATION));
            }
            for (int[] name : PersonCueRules.find(tokens, words, taken)) {
                int cs = tokens.starts()[name[0]];
                int ce = tokens.ends()[name[1]];
                String surface = text.substring(cs, ce);
                out.add(new Mention(null, surface, EntityType.PERSON, surface, s, cs, ce,
                    Mention.MODEL));
            }
        }
        out.sort(Comparator.comparingInt(Mention::charStart));
        finder.clearAdaptiveData();
        return out;
    }

    /** An unlinked mention of tokens {@code first..last} that a rule found. */
    private static Mention ruleMention(String text, int sentence, NewsTokenizer.Tokens tokens,
            int first, int last, EntityType type) {
        int cs = tokens.starts()[first];
        int ce = tokens.ends()[last];
        String surface = text.substring(cs, ce);
        return new Mention(null, surface, type, surface, sentence, cs, ce, Mention.MODEL);
    }

    /** Adds {@code m} to the sentence's mentions in place of those it overlaps. */
    private static void replace(List<Mention> out, List<Mention> taken, Mention m) {
        out.removeIf(o -> o.charStart() < m.charEnd() && m.charStart() < o.charEnd());
        taken.removeIf(o -> o.charStart() < m.charEnd() && m.charStart() < o.charEnd());
        out.add(m);
        taken.add(m);
    }

    /**
     * Adds the mention of one model span, titles stripped (a span that opened with a title is a
     * person: "Deputy Foreign Minister Sergey Ryabkov"). A span rejected for overlapping the
     * gazetteer ("Jawa Barat Ridwan Kamil") is not lost: each run of its words outside the
     * matches is tagged again by the model from there to the end of the sentence, once.
     */
    private static void addSpan(String text, int sentence, NewsTokenizer.Tokens tokens,
            String[] words, Span span, List<Mention> gazetteerMentions, GreedyNameFinder finder,
            boolean retry, List<Mention> out) {
        EntityType type = typeOf(span.getType());
        int first = span.getStart();
        int last = span.getEnd() - 1;
        boolean titled = first <= last && isTitle(words[first]);
        while (first <= last) {
            int afterFields = titled ? FieldWords.skip(words, first, last + 1) : first;
            if (afterFields > first) {
                first = afterFields; // "Menteri Kelautan dan Perikanan Edhy Prabowo"
            } else if (isTitle(words[first]) || (titled && isOffice(words[first]))
                    || !isWordToken(words[first])) {
                first++;
            } else {
                break;
            }
        }
        while (last >= first && !isWordToken(words[last])) {
            last--;
        }
        if (type == EntityType.PERSON) {
            last = SpanWords.withoutDegrees(words, first, last);
        } else if (type == EntityType.ORGANIZATION) {
            last = SpanWords.withoutAgeGroup(words, first, last);
        }
        if (type == EntityType.PERSON || titled) {
            // "Kabid Humas Polda Metro Jaya Kombes Argo Yuwono": the name follows the last rank
            int afterTitle = afterInnerTitle(words, first, last);
            if (afterTitle > first) {
                first = afterTitle;
                titled = true;
            }
            if (first <= last && SpanWords.namesAPoliceUnit(words, first, last)) {
                return; // "Kabid Humas Polda Metro Jaya": an office, nobody named
            }
        }
        if (type == null || first > last
                || !(startsCapitalised(words[first]) || opensPlaceName(words, first, last))
                || SpanWords.onlyLegalForms(words, first, last)
                || SpanWords.namesAnEventOrWork(words, first, last)
                || SpanWords.onlyHeadsOrNumerals(words, first, last)
                || first == last && (SpanWords.namesNothingAlone(words[first])
                    || isPlaceOrFacilityWord(words[first]))) {
            return;
        }
        if (titled || type == EntityType.LOCATION && SpanWords.hasNameParticle(words, first, last)
                && !isPlaceOrFacilityWord(words[first])) {
            type = EntityType.PERSON;
        } else if (opensHigherEducationName(words, first, last)
                || SpanWords.endsLikeAnOrganisation(words, first, last)
                || SpanWords.namesAnAirline(words, first, last)
                    && !isPlaceOrFacilityWord(words[first])) {
            type = EntityType.ORGANIZATION;
        }
        int afterFields = type == EntityType.PERSON ? FieldWords.skip(words, first, last + 1)
            : first;
        if (afterFields > first) {
            // "Hukum", "Perencanaan Pembangunan Nasional": a field, nobody's name. A full name
            // after fields is the office holder ("Kehakiman Menardo Guevarra"); one word after
            // them rarely a name ("Kebayoran Baru", "Kedaruratan Nuklir").
            if (afterFields >= last || !startsCapitalised(words[afterFields])) {
                return;
            }
            first = afterFields;
        }
        List<Mention> overlaps =
            overlapping(gazetteerMentions, tokens.starts()[first], tokens.ends()[last]);
        Mention listedPlace = administrativeForm(overlaps, type, tokens, first, last);
        if (listedPlace != null) {
            int cs = tokens.starts()[first];
            int ce = tokens.ends()[last];
            out.add(new Mention(listedPlace.entityId(), listedPlace.entityName(),
                EntityType.LOCATION, text.substring(cs, ce), sentence, cs, ce, Mention.GAZETTEER));
            return;
        }
        if (keep(overlaps, type, tokens, first, last)) {
            int cs = tokens.starts()[first];
            int ce = tokens.ends()[last];
            String surface = text.substring(cs, ce);
            out.add(new Mention(null, surface, type, surface, sentence, cs, ce, Mention.MODEL));
            return;
        }
        if (!retry) {
            return;
        }
        int i = first;
        while (i <= last) {
            if (covered(gazetteerMentions, tokens, i) || !startsCapitalised(words[i])) {
                i++;
                continue;
            }
            int runEnd = i;
            while (runEnd + 1 <= last && !covered(gazetteerMentions, tokens, runEnd + 1)) {
                runEnd++;
            }
            String[] rest = java.util.Arrays.copyOfRange(words, i, words.length);
            for (Span again : finder.find(rest)) {
                if (again.getStart() == 0 && again.getEnd() <= runEnd - i + 1) {
                    addSpan(text, sentence, tokens, words,
                        new Span(i, i + again.getEnd(), again.getType()), gazetteerMentions,
                        finder, false, out);
                }
            }
            i = runEnd + 1;
        }
    }

    private static boolean covered(List<Mention> mentions, NewsTokenizer.Tokens tokens, int i) {
        int start = tokens.starts()[i];
        for (Mention m : mentions) {
            if (m.charStart() <= start && start < m.charEnd()) {
                return true;
            }
        }
        return false;
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
            String key = linkKey(m.entityType(), m.surface());
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
            GazetteerEntry person = m.entityType() == EntityType.PERSON && key.indexOf(' ') < 0
                ? index.get(SURNAME + key) : null;
            if (person != null) {
                out.add(with(m, person.id(), person.name(), Mention.GAZETTEER));
                continue;
            }
            out.add(with(m, modelId(m), m.surface(), Mention.MODEL));
        }
        return out;
    }

    /**
     * The nearest longer person name before {@code i} ending with its words, else the first after
     * it, else a unique family-name-first match; -1 when none.
     */
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
        return uniqueFamilyNameFirst(sorted, keys, i);
    }

    /**
     * For a one-word mention, the only longer person name in the article starting with that word
     * (family name first, as in Korean and Chinese names: "Choe" after "Choe Son Hui"); -1 when
     * none or when two different people share it ("Kim" with Kim Jong Un and Kim Yo Jong).
     */
    private static int uniqueFamilyNameFirst(List<Mention> sorted, List<String[]> keys, int i) {
        String[] shortName = keys.get(i);
        if (shortName.length != 1) {
            return -1;
        }
        int found = -1;
        String foundKey = null;
        for (int j = 0; j < sorted.size(); j++) {
            String[] k = keys.get(j);
            if (j != i && k != null && k.length > 1 && k[0].equals(shortName[0])) {
                String key = String.join(" ", k);
                if (foundKey != null && !foundKey.equals(key)) {
                    return -1;
                }
                found = found < 0 ? j : found;
                foundKey = key;
            }
        }
        return found;
    }

    /**
     * Whether {@code longName} is longer than {@code shortName} and ends with its words, before a
     * generational suffix or not ("Marcos" and "Ferdinand Marcos Jr").
     */
    private static boolean endsWith(String[] longName, String[] shortName) {
        if (longName != null && longName != withoutSuffix(longName)
                && endsWithWords(withoutSuffix(longName), shortName)) {
            return true;
        }
        return endsWithWords(longName, shortName);
    }

    private static boolean endsWithWords(String[] longName, String[] shortName) {
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

    /** Generational suffixes: the last word of a name, but nobody's surname ("Marcos Jr"). */
    private static final Set<String> SUFFIXES = Set.of("jr", "sr", "ii", "iii", "iv");

    /** {@code words} without a trailing {@link #SUFFIXES suffix}. */
    private static String[] withoutSuffix(String[] words) {
        int n = words.length;
        return n > 1 && SUFFIXES.contains(words[n - 1])
            ? java.util.Arrays.copyOf(words, n - 1) : words;
    }

    private static String[] words(String surface) {
        String key = NameKey.of(surface);
        return key.isEmpty() ? new String[0] : key.split(" ");
    }

    /**
     * The key under which a name of {@code type} is one entity, for model names and gazetteer
     * aliases alike: {@link NameKey#of}, and for persons without middle initials ("Yasonna H
     * Laoly" = "Yasonna Laoly").
     */
    private static String linkKey(EntityType type, String name) {
        String key = NameKey.of(name);
        return type == EntityType.PERSON ? NameKey.withoutMiddleInitials(key) : key;
    }

    /**
     * {@code kl:<person|org|loc>:<slug>} of the mention's {@link NameKey}; a place's
     * administrative level is not part of it, so "Kota Ternate" and "Ternate" are one place, as
     * "Kota Semarang" and "Semarang" are one listed place.
     */
    private static String modelId(Mention m) {
        String kind = switch (m.entityType()) {
            case PERSON -> "person";
            case ORGANIZATION -> "org";
            case LOCATION -> "loc";
        };
        String key = linkKey(m.entityType(), m.surface());
        if (m.entityType() == EntityType.LOCATION) {
            int space = key.indexOf(' ');
            if (space > 0 && ADMINISTRATIVE.contains(key.substring(0, space))) {
                key = key.substring(space + 1);
            }
        }
        return "kl:" + kind + ":" + NameKey.slug(key);
    }

    private static Mention with(Mention m, String id, String name, String source) {
        return new Mention(id, name, m.entityType(), m.surface(), m.sentenceIdx(), m.charStart(),
            m.charEnd(), source);
    }

    private static final String SURNAME = "SURNAME ";

    /**
     * Gazetteer entries by "TYPE key" of their case-insensitive forms, and people by
     * "SURNAME word" of the first and last word of their name (a one-word person mention with no
     * full name in its article is that person when exactly one listed person has that word:
     * "Choe" is Choe Son Hui, "Kim" is nobody); ambiguous keys dropped.
     */
    private Map<String, GazetteerEntry> keyIndex() {
        return KEY_INDEX.computeIfAbsent(entries.fingerprint(), f -> {
            Map<String, GazetteerEntry> index = new HashMap<>();
            Set<String> ambiguous = new HashSet<>();
            for (GazetteerEntry e : entries.entries()) {
                List<String> keys = new ArrayList<>();
                for (String form : e.caseInsensitiveForms()) {
                    keys.add(e.type() + " " + linkKey(e.type(), form));
                }
                String[] nameWords = withoutSuffix(NameKey.of(e.name()).split(" "));
                if (e.type() == EntityType.PERSON && nameWords.length > 1) {
                    keys.add(SURNAME + nameWords[0]);
                    keys.add(SURNAME + nameWords[nameWords.length - 1]);
                }
                for (String k : keys) {
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
     * The listed place a model place span names with its administrative level in front ("Kota
     * Yogyakarta", "kabupaten Bandung", "Provinsi Jawa Tengah", "Pulau Bali": an {@link
     * #ADMINISTRATIVE} word, then exactly the listed place), else null. The span is the mention;
     * the listed place is its entity.
     */
    private static Mention administrativeForm(List<Mention> overlaps, EntityType type,
            NewsTokenizer.Tokens tokens, int first, int last) {
        if (type != EntityType.LOCATION || first >= last || overlaps.size() != 1
                || !ADMINISTRATIVE.contains(tokens.token(first).toLowerCase(Locale.ROOT))) {
            return null;
        }
        Mention only = overlaps.get(0);
        return only.entityType() == EntityType.LOCATION
            && only.charStart() == tokens.starts()[first + 1]
            && only.charEnd() == tokens.ends()[last] ? only : null;
    }

    /** The gazetteer matches overlapping {@code [start, end)} (usually none or one). */
    private static List<Mention> overlapping(List<Mention> gazetteerMentions, int start,
            int end) {
        List<Mention> out = List.of();
        for (Mention m : gazetteerMentions) {
            if (m.charStart() < end && start < m.charEnd()) {
                if (out.isEmpty()) {
                    out = new ArrayList<>(2);
                }
                out.add(m);
            }
        }
        return out;
    }

    /**
     * Words naming the administrative level (or the island) of the place after them: "Kota
     * Semarang" is Semarang. (Not streets, rivers or schools named after a place, nor the
     * villages and districts that share a listed place's name: {@link #NAMED_AFTER_PLACE}.)
     */
    private static final Set<String> ADMINISTRATIVE = Set.of("kota", "kabupaten", "kab",
        "provinsi", "propinsi", "pulau");

    /**
     * First words of names of something named after the place they end with (a school, a
     * university, a stadium, a street, a village or district), whatever type the model gives
     * them: "SMA Negeri 6 Jakarta" is a school, not Jakarta; "Desa Jepang" a village, not Japan;
     * "Kelurahan Menteng" one ward of the district Menteng.
     */
    private static final Set<String> NAMED_AFTER_PLACE = Set.of("sma", "sman", "smp", "smpn",
        "smk", "smkn", "smu", "sd", "sdn", "mts", "universitas", "institut", "politeknik",
        "sekolah", "akademi", "stadion", "bandara", "pelabuhan", "jalan", "jl", "sungai",
        "kecamatan", "kelurahan", "desa", "distrik", "kampung", "dusun");

    /**
     * Whether a model span survives the gazetteer matches it {@code overlaps}: there are none, or
     * it is an organisation or place built on exactly one listed non-person name, either ending with it and of another
     * type ("Universitas Indonesia", "PSMS Medan") or opening with a {@link #NAMED_AFTER_PLACE}
     * word ("SMA Negeri 6 Jakarta"), or starting with it followed by one compass word ("Jakarta
     * Timur", "Jawa Tengah"). Anything else overlapping a match is the model running names
     * together ("Rusia Sergei Lavrov", Title Case headlines) and is dropped.
     */
    private static boolean keep(List<Mention> overlaps, EntityType type,
            NewsTokenizer.Tokens tokens, int first, int last) {
        if (overlaps.size() != 1) {
            return overlaps.isEmpty();
        }
        int start = tokens.starts()[first];
        int end = tokens.ends()[last];
        Mention only = overlaps.get(0);
        if (type == EntityType.PERSON || only.entityType() == EntityType.PERSON
                || only.charStart() < start || only.charEnd() > end) {
            return false;
        }
        if (only.charEnd() == end) {
            return only.charStart() > start && (only.entityType() != type
                || NAMED_AFTER_PLACE.contains(tokens.token(first).toLowerCase(Locale.ROOT)));
        }
        return only.charStart() == start && tokens.starts()[last] >= only.charEnd()
            && (last == first || tokens.starts()[last - 1] < only.charEnd())
            && isCompassOrQualifier(tokens.token(last));
    }

    /**
     * Words after a listed place that make another place of it, besides the compass words:
     * "Aceh Besar", "Aceh Jaya", Javanese "Kulon", "Wetan", "Kidul", river ends "Hilir", "Hulu".
     * Not in {@link #COMPASS}: "Jaya" alone is a name. Not "Baru" (new) or "Lama" (old): on
     * CLICK-ID "KPK Baru" and "Malaysia Baru" are the KPK and Malaysia, as often as "Solo Baru"
     * is a place of its own.
     */
    private static final Set<String> QUALIFIERS = Set.of("besar", "jaya", "kulon", "wetan",
        "kidul", "hilir", "hulu");

    private static final Set<String> COMPASS = Set.of("utara", "selatan", "timur", "barat",
        "tengah", "raya", "laut", "daya", "north", "south", "east", "west", "central");

    /** A compass word or a qualifier after a place name ("Selatan", "Besar", "Kidul"). */
    static boolean isCompassOrQualifier(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return COMPASS.contains(lower) || QUALIFIERS.contains(lower);
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

    /**
     * Where the name starts after a rank inside {@code words[first..last]} (after an office and
     * its unit, "... Polda Metro Jaya AKBP Muhammad Nasir"), skipping titles and office words
     * after it ("Kombes Pol Argo Yuwono"); {@code first} when no rank inside is followed by a
     * capitalised word. Only ranks: an office inside a span more often follows the name ("...
     * Direktur Gaya Makmur Putra" names a company).
     */
    private static int afterInnerTitle(String[] words, int first, int last) {
        for (int k = last - 1; k > first; k--) {
            if (TitleWords.RANKS.contains(words[k].toLowerCase(Locale.ROOT))
                    && isWordToken(words[k + 1]) && startsCapitalised(words[k + 1])) {
                int name = k + 1;
                while (name < last && (isTitle(words[name]) || isOffice(words[name]))) {
                    name++;
                }
                return name;
            }
        }
        return first;
    }

    private static boolean isOffice(String word) {
        return TitleWords.OFFICE.contains(word.toLowerCase(Locale.ROOT));
    }

    /**
     * Lower-case words that open a place name in Indonesian news and belong to it ("desa Kroyo",
     * "kecamatan Gebang", "jalan Sudirman"): a model span may start with one when a capitalised
     * word follows. NERGrit's training data includes the word in the name in 122 of 150 such
     * spans; NER-UI's rarely writes it in lower case.
     */
    static final Set<String> PLACE_KEYWORDS = Set.of("desa", "kelurahan", "kecamatan",
        "kabupaten", "kota", "provinsi", "jalan", "jl", "distrik", "kampung", "dusun");

    private static final Set<String> NOT_PLACE_BEFORE = Set.of("wali", "selamat");

    /**
     * Whether the span's lower-case first word is a {@link #PLACE_KEYWORDS place word} opening a
     * name: a capitalised word that is not a title follows ("jalan Pak Harto" is walking), and it
     * is neither the "kota" of "wali kota" (mayor) nor the "jalan" of "selamat jalan" (farewell).
     */
    private static boolean opensPlaceName(String[] words, int first, int last) {
        return first < last && PLACE_KEYWORDS.contains(words[first])
            && startsCapitalised(words[first + 1]) && !isTitle(words[first + 1])
            && (first == 0
                || !NOT_PLACE_BEFORE.contains(words[first - 1].toLowerCase(Locale.ROOT)));
    }

    /**
     * Words that open the name of a university, institute, polytechnic or academy: such a name
     * is an organisation whatever type the model gives it ("Universitas Semarang" is not a
     * place). The training sets agree (NERGrit: 54 of 71 such names; NER-UI: all 13).
     */
    private static final Set<String> HIGHER_EDUCATION = Set.of("universitas", "institut",
        "politeknik", "akademi", "university", "institute", "polytechnic", "academy");

    /** Whether the span opens with a {@link #HIGHER_EDUCATION} word or "Sekolah Tinggi". */
    private static boolean opensHigherEducationName(String[] words, int first, int last) {
        if (first >= last) {
            return false;
        }
        String word = words[first].toLowerCase(Locale.ROOT);
        return HIGHER_EDUCATION.contains(word)
            || word.equals("sekolah") && words[first + 1].equalsIgnoreCase("tinggi");
    }

    /** A place, school, university, facility or compass word: the head of a name, no name alone. */
    static boolean isPlaceOrFacilityWord(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return ADMINISTRATIVE.contains(lower) || PLACE_KEYWORDS.contains(lower)
            || NAMED_AFTER_PLACE.contains(lower) || COMPASS.contains(lower);
    }

    static boolean isWordToken(String word) {
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
            "jend", "kapolri", "kapolda", "panglima", "jubir", "bapak", "pak", "ibu", "bu",
            "tuan", "nyonya", "dr", "prof", "ir",
            "drs", "hj", "kh", "ustaz", "ustadz", "kiai", "paus", "mr", "mrs", "ms", "president",
            "minister", "secretary", "chancellor", "governor", "king", "queen", "prince",
            "senator", "sen", "gen", "general", "wakil", "deputy", "vice", "mantan", "former",
            "plt", "acting", "kepala", "sekretaris", "direktur", "pelatih", "coach",
            // police offices that precede a unit and a rank ("Kasat Reskrim Polres Karawang
            // AKP Bimantoro Kurniawan")
            "kabid", "kasat", "kasubdit", "kanit", "kabag", "kasubbag", "kasubag", "kapolres",
            "kapolsek", "kapolrestabes", "kapolresta", "wakapolda", "wakapolres", "dirreskrimum",
            "dirreskrimsus", "dirlantas", "kadiv");

        /**
         * Police and military ranks, titles too ("AKBP Muhammad Nasir", "Bripka Eka Setiawan",
         * "Letkol Inf Zaenal Arifin"); one inside a person span starts the name.
         */
        static final Set<String> RANKS = Set.of(
            "jenderal", "letjen", "mayjen", "brigjen", "kolonel", "akbp", "akp", "kompol", "kombes",
            "iptu", "ipda", "aiptu", "aipda", "bripka", "briptu", "bripda", "brigadir", "bharada",
            "bharatu", "irjen", "komjen", "kombespol", "purnawirawan", "letkol", "mayor", "kapten",
            "serka", "serma", "sertu", "serda", "pelda", "peltu", "praka", "pratu", "prada",
            "kopda", "koptu", "kopka", "laksamana", "laksma", "laksda", "laksdya", "marsekal",
            "marsma", "marsda", "marsdya");

        /** Words of an office after a title ("Menteri Luar Negeri", "Foreign Minister"). */
        static final Set<String> OFFICE = Set.of(
            "luar", "negeri", "dalam", "pertahanan", "keuangan", "koordinator", "bidang", "umum",
            "besar", "agung", "utama", "muda", "perdana", "menteri", "presiden", "jenderal", "staf",
            "kepresidenan", "negara", "sekretaris", "utusan", "khusus", "foreign", "defense",
            "defence", "finance", "interior", "prime", "minister", "secretary", "state", "senior",
            "general", "of", "tugas", "wakil", "deputy", "vice", "kepala", "direktur", "eksekutif",
            "chief", "executive", "officer", "ceo", "president", "director", "manager", "sales",
            // police and military corps after a rank ("Kombes Pol", "Letkol Inf", "Letkol Czi")
            "pol", "inf", "kav", "czi", "arh", "cpm", "chb", "pnb", "mar");

        private TitleWords() {}

        static boolean isTitle(String word) {
            String lower = word.toLowerCase(Locale.ROOT);
            return WORDS.contains(lower) || RANKS.contains(lower);
        }
    }
}
