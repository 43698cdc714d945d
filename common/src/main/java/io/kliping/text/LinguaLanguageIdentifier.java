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
 *
 * <p><b>The ends first.</b> Lingua takes about 0.5 ms for a 2,000-character sample (most of it
 * in its per-word rules, not in the n-gram models), which was about half of ingest's CPU time. So
 * a sample of more than {@value #MIN_SAMPLE_FOR_WINDOWS} characters is first judged on its first
 * and on its last {@value #WINDOW_CHARS} characters (two short windows cost less than half of one
 * long one). The answer stands when both windows are clear and agree: one language leads each
 * and every other scores at most {@link #CLEAR_RUNNER_UP} of its relative confidence; or, with
 * both configured, Indonesian and Malay lead both windows and the lexical vote of {@link
 * IndonesianMalayDisambiguator} over the whole sample is not a tie. Anything else (a story that
 * opens with an English quote, a tie, a window without letters) is judged on the whole sample
 * as before. On 124,361 articles (CLICK-ID, the bench generator's, BBC News) this
 * changes two labels, one text twice, from {@code und} to {@code id} (Indonesian prose with
 * long Arabic prayers) and takes less than half the time; see BENCHMARKS.md.
 */
final class LinguaLanguageIdentifier implements LanguageIdentifier {
  @Serial private static final long serialVersionUID = 1L;

  static final int PREFIX_CHARS = 2000;
  static final int MIN_LETTERS = 10;
  /** Characters of each of the two windows (head and tail) a longer sample is judged on first. */
  static final int WINDOW_CHARS = 200;
  /** Shorter samples are judged whole at once: two windows would cost about as much. */
  static final int MIN_SAMPLE_FOR_WINDOWS = 3 * WINDOW_CHARS;
  /**
   * The highest relative confidence (Lingua's, the leader's being 1.0) that a runner-up may have
   * for a window's answer to stand; Indonesian news scores about 0.55 to 0.7 for English.
   */
  static final double CLEAR_RUNNER_UP = 0.8;

  private static final ConcurrentMap<Set<IsoCode639_1>, LanguageDetector> DETECTORS =
      new ConcurrentHashMap<>();

  private final EnumSet<IsoCode639_1> languages;
  private final String only;
  private final boolean bothIndonesianAndMalay;
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
    this.bothIndonesianAndMalay =
        codes.contains(IsoCode639_1.ID) && codes.contains(IsoCode639_1.MS);
    this.only = codes.size() == 1 ? codes.iterator().next().name().toLowerCase(Locale.ROOT) : null;
  }

  @Override
  public String detect(String text) {
    return detect(text, true);
  }

  /** {@link #detect}, with or without trying the two ends first (tests compare the two). */
  String detect(String text, boolean endsFirst) {
    if (text == null || !hasEnoughLetters(text)) {
      return UNDETERMINED;
    }
    if (languages.size() == 1) {
      return only; // Lingua needs two languages; with one, every text is that language
    }
    String sample = text.substring(0, cutPoint(text, PREFIX_CHARS));
    Language language =
        endsFirst && sample.length() > MIN_SAMPLE_FOR_WINDOWS ? clearFromEnds(sample) : null;
    if (language == null) {
      language = mostLikely(sample, detector().computeLanguageConfidenceValues(sample));
    }
    if (language == Language.UNKNOWN) {
      return UNDETERMINED;
    }
    return language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
  }

  /**
   * The language of {@code sample} as its first and its last {@value #WINDOW_CHARS} characters
   * make clear, or null when they do not (see the class comment).
   */
  Language clearFromEnds(String sample) {
    Language head = clearLeader(sample.substring(0, cutPoint(sample, WINDOW_CHARS)));
    if (head == null) {
      return null;
    }
    Language tail = clearLeader(sample.substring(tailStart(sample, WINDOW_CHARS)));
    boolean indonesianOrMalay = bothIndonesianAndMalay && isIndonesianOrMalay(head);
    if (tail == null || (indonesianOrMalay ? !isIndonesianOrMalay(tail) : tail != head)) {
      return null;
    }
    if (!indonesianOrMalay) {
      return head;
    }
    // Lingua alone often misreads one for the other: only the lexical vote may settle it early.
    int balance = IndonesianMalayDisambiguator.lexicalBalance(sample);
    return balance == 0 ? null : balance > 0 ? Language.INDONESIAN : Language.MALAY;
  }

  /**
   * The language leading {@code window} clearly: alone above {@link #CLEAR_RUNNER_UP}, or with
   * its Indonesian or Malay counterpart when both are configured; else null.
   */
  private Language clearLeader(String window) {
    if (!hasEnoughLetters(window)) {
      return null;
    }
    Language leader = null;
    Language other = null;
    for (Map.Entry<Language, Double> entry :
        detector().computeLanguageConfidenceValues(window).entrySet()) {
      if (entry.getValue() > CLEAR_RUNNER_UP) {
        if (entry.getValue() == 1.0 && leader == null) {
          leader = entry.getKey();
        } else if (other == null) {
          other = entry.getKey();
        } else {
          return null;
        }
      }
    }
    if (leader == null || other == null) {
      return leader;
    }
    return bothIndonesianAndMalay && isIndonesianAndMalay(leader, other) ? leader : null;
  }

  private static boolean isIndonesianOrMalay(Language language) {
    return language == Language.INDONESIAN || language == Language.MALAY;
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

  /** The start of {@code text}'s last {@code limit} characters, at a word (see cutPoint). */
  private static int tailStart(String text, int limit) {
    int start = text.length() - limit;
    if (start <= 0) {
      return 0;
    }
    int space = text.indexOf(' ', start);
    return space >= 0 && space < start + limit / 2 ? space + 1 : start;
  }

  /**
   * The end of {@code text}'s first {@code limit} characters, cut at the last space before the
   * limit so that no half word skews the n-grams.
   */
  private static int cutPoint(String text, int limit) {
    if (text.length() <= limit) {
      return text.length();
    }
    int space = text.lastIndexOf(' ', limit);
    return space > limit / 2 ? space : limit;
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
