package io.kliping.text;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.io.Serial;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * {@link LanguageIdentifier} on Lingua 1.2.2. Only the language set travels when serialised; the
 * detector (with its preloaded n-gram models, tens of MB per language) comes from a per-JVM
 * cache keyed by that set. Lingua's detector is safe for concurrent use once built.
 *
 * <p>Texts with fewer than {@value #MIN_LETTERS} letters are {@code und}. Only the first {@value
 * #PREFIX_CHARS} characters are examined: the language of a news
 * article is settled long before that, and detection cost grows with length.
 *
 * <p>When Indonesian and Malay are Lingua's top two, {@link IndonesianMalayDisambiguator} has the
 * last word; otherwise Lingua's ranking stands, with a tie between the top two being {@code und}
 * as in Lingua's own {@code detectLanguageOf}.
 */
final class LinguaLanguageIdentifier implements LanguageIdentifier {
  @Serial private static final long serialVersionUID = 1L;

  static final int PREFIX_CHARS = 2000;
  static final int MIN_LETTERS = 10;

  private static final ConcurrentMap<Set<IsoCode639_1>, LanguageDetector> DETECTORS =
      new ConcurrentHashMap<>();

  private final EnumSet<IsoCode639_1> languages;
  private final String only;
  private transient volatile LanguageDetector detector;

  LinguaLanguageIdentifier(List<String> isoCodes) {
    if (isoCodes.isEmpty()) {
      throw new IllegalArgumentException("at least one language is needed");
    }
    EnumSet<IsoCode639_1> codes = EnumSet.noneOf(IsoCode639_1.class);
    for (String code : isoCodes) {
      try {
        codes.add(IsoCode639_1.valueOf(code.strip().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("unknown ISO 639-1 language code: " + code, e);
      }
    }
    this.languages = codes;
    this.only = codes.size() == 1 ? codes.iterator().next().name().toLowerCase(Locale.ROOT) : null;
  }

  @Override
  public String detect(String text) {
    if (text == null || !hasEnoughLetters(text)) {
      return UNDETERMINED;
    }
    if (languages.size() == 1) {
      return only; // Lingua needs two languages; with one, every text is that language
    }
    String sample = text.length() > PREFIX_CHARS ? text.substring(0, cutPoint(text)) : text;
    Language language = mostLikely(sample, detector().computeLanguageConfidenceValues(sample));
    if (language == Language.UNKNOWN) {
      return UNDETERMINED;
    }
    return language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
  }

  /** Lingua's first choice, unless Indonesian and Malay lead, or {@code UNKNOWN} on a tie. */
  private static Language mostLikely(String sample, Map<Language, Double> confidences) {
    Language first = Language.UNKNOWN;
    Language second = Language.UNKNOWN;
    double firstValue = 0;
    double secondValue = 0;
    for (Map.Entry<Language, Double> entry : confidences.entrySet()) {
      double value = entry.getValue();
      if (first == Language.UNKNOWN || value > firstValue) {
        second = first;
        secondValue = firstValue;
        first = entry.getKey();
        firstValue = value;
      } else if (second == Language.UNKNOWN || value > secondValue) {
        second = entry.getKey();
        secondValue = value;
      }
    }
    if (isIndonesianAndMalay(first, second)) {
      double indonesian = first == Language.INDONESIAN ? firstValue : secondValue;
      double malay = first == Language.MALAY ? firstValue : secondValue;
      return IndonesianMalayDisambiguator.decide(sample, indonesian, malay);
    }
    return second != Language.UNKNOWN && firstValue == secondValue ? Language.UNKNOWN : first;
  }

  private static boolean isIndonesianAndMalay(Language a, Language b) {
    return (a == Language.INDONESIAN && b == Language.MALAY)
        || (a == Language.MALAY && b == Language.INDONESIAN);
  }

  /** Below {@value #MIN_LETTERS} letters ("loading...", ", , -") any answer would be a guess. */
  private static boolean hasEnoughLetters(String text) {
    int letters = 0;
    for (int i = 0; i < text.length() && letters < MIN_LETTERS; i++) {
      if (Character.isLetter(text.charAt(i))) {
        letters++;
      }
    }
    return letters >= MIN_LETTERS;
  }

  /** Cut at the last space before the limit so that no half word skews the n-grams. */
  private static int cutPoint(String text) {
    int space = text.lastIndexOf(' ', PREFIX_CHARS);
    return space > PREFIX_CHARS / 2 ? space : PREFIX_CHARS;
  }

  private LanguageDetector detector() {
    LanguageDetector d = detector;
    if (d == null) {
      d = DETECTORS.computeIfAbsent(languages, LinguaLanguageIdentifier::build);
      detector = d;
    }
    return d;
  }

  private static LanguageDetector build(Set<IsoCode639_1> codes) {
    return LanguageDetectorBuilder.fromIsoCodes639_1(codes.toArray(IsoCode639_1[]::new))
        .withPreloadedLanguageModels()
        .build();
  }
}
