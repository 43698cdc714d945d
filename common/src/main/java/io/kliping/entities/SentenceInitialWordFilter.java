package io.kliping.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Drops one-word mentions that open a sentence and are ordinarily lower-case words
 * ({@link LowerCaseWords}): "Setiap orang …" is not a place, "Demi menjaga …" not a person,
 * "Lima orang tewas" not Peru's capital. Mid-sentence the same words are left to the extractor
 * it wraps ("ujar Hari" is a person), and so are longer names ("Demi Moore") and acronyms ("WHO
 * menyatakan …" is the organisation, although "who" is a lower-case English word).
 *
 * <p>Serialisable with the wrapped extractor; the word list is a classpath resource loaded once
 * per JVM.
 */
final class SentenceInitialWordFilter implements EntityExtractor {
    private static final long serialVersionUID = 1L;

    private final EntityExtractor extractor;
    private final String wordsResource;
    private transient volatile LowerCaseWords words;

    SentenceInitialWordFilter(EntityExtractor extractor, String wordsResource) {
        this.extractor = Objects.requireNonNull(extractor, "extractor");
        this.wordsResource = Objects.requireNonNull(wordsResource, "wordsResource");
    }

    @Override
    public List<Mention> extract(String text) {
        List<Mention> mentions = extractor.extract(text);
        if (mentions.isEmpty()) {
            return mentions;
        }
        LowerCaseWords words = words();
        int[] sentenceStarts = null;
        List<Mention> kept = null;
        for (int i = 0; i < mentions.size(); i++) {
            Mention m = mentions.get(i);
            boolean drop = false;
            if (isCapitalisedWord(m.surface()) && words.contains(m.surface())) {
                if (sentenceStarts == null) {
                    sentenceStarts = SentenceSplitter.sentenceStarts(text);
                }
                drop = opensSentence(text, sentenceStarts, m);
            }
            if (drop && kept == null) {
                kept = new ArrayList<>(mentions.subList(0, i));
            } else if (!drop && kept != null) {
                kept.add(m);
            }
        }
        return kept == null ? mentions : kept;
    }

    private LowerCaseWords words() {
        LowerCaseWords local = words;
        if (local == null) {
            local = LowerCaseWords.resource(wordsResource);
            words = local;
        }
        return local;
    }

    /**
     * One word written as a sentence starts it: a capital, then lower-case letters only. An
     * acronym ("WHO", not English "who") is a name however its letters read in lower case.
     */
    private static boolean isCapitalisedWord(String surface) {
        if (surface.isEmpty() || !Character.isUpperCase(surface.charAt(0))) {
            return false;
        }
        for (int i = 1; i < surface.length(); i++) {
            if (!Character.isLowerCase(surface.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether only punctuation and spaces stand between the mention and its sentence's start. */
    private static boolean opensSentence(String text, int[] sentenceStarts, Mention m) {
        int s = m.sentenceIdx();
        int from = s >= 0 && s < sentenceStarts.length ? sentenceStarts[s] : 0;
        for (int i = from; i < m.charStart(); i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "SentenceInitialWordFilter[" + extractor + ", " + wordsResource + "]";
    }
}
