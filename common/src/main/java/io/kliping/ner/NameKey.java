package io.kliping.ner;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The normalised form under which spelling variants of a name found by the model are one entity
 * (its id is built from it). In order: Unicode NFKD with diacritics dropped (Erdoğan = Erdogan),
 * lower case, hyphens, dots, apostrophes and spaces as single separators (Jong-un = Jong Un),
 * then per word the old Indonesian spelling (oe before a consonant to u, dj to j, tj to c: Soeharto =
 * Suharto; "Choe" keeps its oe) and
 * common transliteration pairs (Sergey = Sergei, Dmitriy = Dmitry = Dmitri, Zelenskyy = Zelensky,
 * Aleksandr = Alexandr, Mohammed = Muhammad). Words are not stemmed.
 */
public final class NameKey {
    private static final Pattern OLD_OE = Pattern.compile("oe(?=[b-df-hj-np-tv-z])");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-‐‑‒–—.'’`]+");
    private static final Map<String, String> WORDS = Map.ofEntries(
        Map.entry("mohammed", "muhammad"), Map.entry("mohammad", "muhammad"),
        Map.entry("mohamed", "muhammad"), Map.entry("mohamad", "muhammad"),
        Map.entry("muhammed", "muhammad"), Map.entry("muhamad", "muhammad"),
        Map.entry("ahmed", "ahmad"), Map.entry("abdel", "abdul"),
        Map.entry("yuriy", "yuri"), Map.entry("yury", "yuri"), Map.entry("iurii", "yuri"),
        Map.entry("dmitriy", "dmitri"), Map.entry("dmitry", "dmitri"),
        Map.entry("yevgeny", "evgeni"), Map.entry("yevgeniy", "evgeni"), Map.entry("evgeny", "evgeni"),
        Map.entry("mikhail", "mihail"), Map.entry("nikolay", "nikolai"), Map.entry("sergej", "sergei"),
        Map.entry("volodymyr", "vladimir"), Map.entry("wladimir", "vladimir"));

    private NameKey() {}

    /** The key of {@code name}; words joined by single spaces. */
    public static String of(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFKD);
        s = MARKS.matcher(s).replaceAll("").toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(s.length());
        for (String word : SEPARATORS.split(s.strip())) {
            if (word.isEmpty()) {
                continue;
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(word(word));
        }
        return out.toString();
    }

    private static String word(String w) {
        String mapped = WORDS.get(w);
        if (mapped != null) {
            return mapped;
        }
        w = OLD_OE.matcher(w).replaceAll("u").replace("dj", "j").replace("tj", "c").replace("x", "ks");
        if (w.endsWith("skyy") || w.endsWith("skiy") || w.endsWith("skii")) {
            w = w.substring(0, w.length() - 4) + "sky";
        } else if (w.length() > 3 && w.endsWith("ey")) {
            w = w.substring(0, w.length() - 2) + "ei";
        }
        return w;
    }

    /**
     * A person's key without its middle initials: news writes "Yasonna H Laoly", "Yasonna Laoly",
     * "Laode M. Syarif" and "Laode Syarif" for one person (41 such pairs of ids among the persons
     * of 20,000 CLICK-ID articles). One-letter words between the first and the last go; the first
     * and last words stay, however short ("I Gede Nyeneng", "M Nasir").
     *
     * @param key a key made by {@link #of}
     */
    public static String withoutMiddleInitials(String key) {
        String[] words = key.split(" ");
        if (words.length < 3) {
            return key;
        }
        StringBuilder out = new StringBuilder(key.length()).append(words[0]);
        for (int i = 1; i < words.length - 1; i++) {
            if (words[i].length() > 1) {
                out.append(' ').append(words[i]);
            }
        }
        return out.append(' ').append(words[words.length - 1]).toString();
    }

    /** {@code key} as an id slug: words joined by {@code _}, only {@code [a-z0-9_]}. */
    public static String slug(String key) {
        return key.replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    }
}
