package io.kliping.eval;

import io.kliping.dedup.ContentNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The edits another outlet makes when it republishes an article, as small functions over a
 * headline or a mutable list of paragraphs. Each takes the random source it draws from, so a
 * caller with a seeded source gets the same edit every time. Functions that remove words take a
 * word budget and never remove more than it allows, so a caller can bound how far a copy drifts
 * from its original.
 */
final class TextEdits {

  /** Outlet boilerplate lines: "Baca juga: ...", sign-offs, "Editor: ...", "(ant/dil)". */
  private static final Pattern BOILERPLATE_LINE =
      Pattern.compile(
          "(?i)^\\s*(?:(?:baca|lihat|tonton) juga\\b|simak (?:juga|berita|breaking|video|selengkapnya"
              + "|terus)\\b|ikuti (?:berita|kami|update)\\b|artikel ini telah tayang\\b|(?:editor|penulis"
              + "|reporter|pewarta|penyunting|sumber)\\s*:|\\(?\\s*[a-z]{2,5}(?:\\s*/\\s*[a-z]{2,5})+\\s*\\)?"
              + "\\s*$).*");

  /** A sign-off in brackets closing the last paragraph: "... kata dia. (ant/dil)". */
  private static final Pattern TRAILING_SIGN_OFF =
      Pattern.compile("\\s*\\(\\s*[a-z]{2,5}(?:\\s*/\\s*[a-z]{2,5})+\\s*\\)\\s*$");

  /**
   * A dateline opening a lead: "MOSKOW - ", "JAKARTA, KOMPAS.com - ", "Liputan6.com, Jakarta - ",
   * "Jakarta, CNN Indonesia -- ", "Bogor (ANTARA) - ". Group 1 and 2 are its two parts.
   */
  private static final Pattern DATELINE =
      Pattern.compile(
          "^(\\p{Lu}[\\p{L}\\p{N}.]*(?: [\\p{L}\\p{N}.]+){0,2})(?:, ?([\\p{L}\\p{N}.]+(?: [\\p{L}\\p{N}.]+){0,2}))?"
              + "(?: \\(\\p{Lu}+\\))? ?(?:-{1,2}|–|—) ");

  private static final int MAX_DATELINE_CHARS = 45;

  static final int LONG_PARAGRAPH_WORDS = 120;
  static final int PARAGRAPH_WORDS = 50;

  /** A sentence boundary: end punctuation, optional closing quote, space, capital or digit. */
  private static final Pattern SENTENCE_BREAK =
      Pattern.compile("(?<=[.!?][\"”’)]?)\\s+(?=[\"“(]?[\\p{Lu}\\d])");

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  /** Headline words and the word another desk would use instead (both directions). */
  private static final Map<String, String> SYNONYMS = synonyms(
      "ungkap", "beberkan", "tanggapi", "respons", "soal", "terkait", "bikin", "membuat",
      "minta", "desak", "tewas", "meninggal", "warga", "masyarakat", "akan", "bakal", "tak",
      "tidak", "usai", "setelah", "sebut", "katakan", "resmi", "sah", "diduga", "disinyalir",
      "curhat", "cerita", "naik", "meningkat", "turun", "menurun", "ini", "berikut", "hingga",
      "sampai", "kasus", "perkara", "jadi", "menjadi", "gelar", "adakan", "tolak", "menolak",
      "serahkan", "berikan", "segera", "secepatnya", "lewat", "melalui");

  private static final String[] HEADLINE_PREFIXES = {
    "VIDEO: ", "FOTO: ", "BREAKING NEWS: ", "Viral! ", "INFOGRAFIS: ", "Terkini: "
  };

  private static final String[] HEADLINE_SUFFIXES = {
    ", Ini Faktanya", ", Begini Penjelasannya", " (Video)", ", Simak Selengkapnya", ", Ini Kata Ahli"
  };

  private static final String[] SUMMARY_TEMPLATES = {
    "Berikut ini berita selengkapnya mengenai %s.",
    "%s, demikian dihimpun %s.",
    "Kabar terbaru datang terkait %s.",
    "%s. Simak ulasan lengkapnya berikut ini."
  };

  private static final String[] NAMES = {
    "Rizky Pratama", "Andi Saputra", "Nur Aisyah", "Hendra Gunawan", "Putri Anggraini",
    "Fajar Nugroho", "Intan Permata", "Yoga Firmansyah", "Dian Kusuma", "Bayu Setiawan",
    "Wulan Sari", "Agus Salim Harahap"
  };

  private TextEdits() {}

  // ---------------------------------------------------------------------------------------------
  // Headlines

  /**
   * A reworded headline: one or two of a synonym swap, a dropped word, an outlet prefix ("VIDEO:")
   * or a suffix (", Ini Faktanya", " - Brand"). Never returns {@code title} unchanged.
   */
  static String rewordHeadline(String title, String brand, SplittableRandom rng) {
    String result = title;
    int operations = 1 + rng.nextInt(2);
    for (int i = 0; i < operations; i++) {
      switch (rng.nextInt(4)) {
        case 0 -> result = replaceSynonym(result, rng);
        case 1 -> result = dropWord(result, rng);
        case 2 -> result = HEADLINE_PREFIXES[rng.nextInt(HEADLINE_PREFIXES.length)] + result;
        default -> result = result + suffix(brand, rng);
      }
    }
    return result.equals(title) ? title + " - " + brand : result;
  }

  private static String suffix(String brand, SplittableRandom rng) {
    int pick = rng.nextInt(HEADLINE_SUFFIXES.length + 2);
    if (pick == HEADLINE_SUFFIXES.length) {
      return " | " + brand;
    }
    return pick > HEADLINE_SUFFIXES.length ? " - " + brand : HEADLINE_SUFFIXES[pick];
  }

  private static String replaceSynonym(String title, SplittableRandom rng) {
    String[] words = title.split(" ");
    List<Integer> candidates = new ArrayList<>();
    for (int i = 0; i < words.length; i++) {
      if (SYNONYMS.containsKey(words[i].toLowerCase(Locale.ROOT))) {
        candidates.add(i);
      }
    }
    if (candidates.isEmpty()) {
      return title;
    }
    int at = candidates.get(rng.nextInt(candidates.size()));
    String word = words[at];
    String replacement = SYNONYMS.get(word.toLowerCase(Locale.ROOT));
    words[at] = Character.isUpperCase(word.charAt(0)) ? capitalize(replacement) : replacement;
    return String.join(" ", words);
  }

  private static String dropWord(String title, SplittableRandom rng) {
    String[] words = title.split(" ");
    if (words.length < 5) {
      return title;
    }
    int drop = 1 + rng.nextInt(words.length - 1);
    StringBuilder out = new StringBuilder(title.length());
    for (int i = 0; i < words.length; i++) {
      if (i != drop) {
        out.append(out.length() == 0 ? "" : " ").append(words[i]);
      }
    }
    return out.toString();
  }

  /** A headline for a text that has none: its first eight words. */
  static String headlineFrom(String text) {
    String[] words = WHITESPACE.split(text.strip(), 9);
    return String.join(" ", List.of(words).subList(0, Math.min(8, words.length)));
  }

  // ---------------------------------------------------------------------------------------------
  // Leads

  /** The city a lead's dateline names ("MOSKOW - " → "MOSKOW"), or {@code fallback}. */
  static String datelineCity(String lead, String fallback) {
    Matcher m = DATELINE.matcher(lead);
    if (!m.lookingAt() || m.end() > MAX_DATELINE_CHARS) {
      return fallback;
    }
    String first = m.group(1);
    if (!looksLikeBrand(first)) {
      return first;
    }
    String second = m.group(2);
    return second != null && !looksLikeBrand(second) ? second : fallback;
  }

  private static boolean looksLikeBrand(String part) {
    return part.indexOf('.') >= 0 || part.chars().anyMatch(Character::isDigit)
        || part.contains("CNN") || part.contains("IDN") || part.contains("CNBC");
  }

  /** {@code lead} without its dateline, if it has one. */
  static String stripDateline(String lead) {
    Matcher m = DATELINE.matcher(lead);
    return m.lookingAt() && m.end() <= MAX_DATELINE_CHARS ? lead.substring(m.end()) : lead;
  }

  /** A one-sentence summary paragraph of the kind some desks put above a republished story. */
  static String summaryLead(String title, String brand, SplittableRandom rng) {
    String template = SUMMARY_TEMPLATES[rng.nextInt(SUMMARY_TEMPLATES.length)];
    String subject = title.strip().replaceAll("[.!?]+$", "");
    if (template.startsWith("%s")) {
      return String.format(Locale.ROOT, template, subject, brand);
    }
    return String.format(Locale.ROOT, template, decapitalize(subject), brand);
  }

  // ---------------------------------------------------------------------------------------------
  // Boilerplate

  /** Whether a paragraph is outlet boilerplate rather than story text. */
  static boolean isBoilerplate(String paragraph) {
    return BOILERPLATE_LINE.matcher(paragraph).matches();
  }

  /** Removes boilerplate paragraphs and a bracketed sign-off closing the text; returns how many. */
  static int removeBoilerplate(List<String> paragraphs) {
    int before = paragraphs.size();
    paragraphs.removeIf(TextEdits::isBoilerplate);
    int removed = before - paragraphs.size();
    if (!paragraphs.isEmpty()) {
      int last = paragraphs.size() - 1;
      Matcher m = TRAILING_SIGN_OFF.matcher(paragraphs.get(last));
      if (m.find()) {
        paragraphs.set(last, paragraphs.get(last).substring(0, m.start()));
        removed++;
      }
    }
    return removed;
  }

  /**
   * Adds the republishing outlet's boilerplate: one or two "Baca juga: ..." lines between
   * paragraphs (naming {@code otherHeadlines}) and one or two closing lines (a "Simak ..." line, an
   * editor or writer, initials such as "(ant/dil)").
   */
  static void addBoilerplate(
      List<String> paragraphs, String brand, List<String> otherHeadlines, SplittableRandom rng) {
    int readAlso = paragraphs.size() >= 2 ? 1 + rng.nextInt(2) : 0;
    for (int i = 0; i < readAlso && i < otherHeadlines.size(); i++) {
      int at = 1 + rng.nextInt(paragraphs.size() - 1);
      String label = rng.nextBoolean() ? "Baca juga: " : "Baca Juga: ";
      paragraphs.add(at, label + otherHeadlines.get(i));
    }
    int closings = 1 + rng.nextInt(2);
    for (int i = 0; i < closings; i++) {
      paragraphs.add(
          switch (rng.nextInt(5)) {
            case 0 -> "Simak berita lainnya di " + brand + ".";
            case 1 -> "Editor: " + name(rng);
            case 2 -> "Penulis: " + name(rng);
            case 3 -> "(" + initials(rng) + "/" + initials(rng) + ")";
            default -> "Ikuti berita terkini dari " + brand + " di Google News.";
          });
    }
  }

  private static String name(SplittableRandom rng) {
    return NAMES[rng.nextInt(NAMES.length)];
  }

  private static String initials(SplittableRandom rng) {
    int length = 2 + rng.nextInt(2);
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append((char) ('a' + rng.nextInt(26)));
    }
    return out.toString();
  }

  // ---------------------------------------------------------------------------------------------
  // Structure

  /**
   * Drops one or two paragraphs other than the lead, each only if its words fit in what is left of
   * {@code wordBudget} and at least three paragraphs remain; returns the words removed.
   */
  static int dropParagraphs(List<String> paragraphs, int wordBudget, SplittableRandom rng) {
    int removed = 0;
    int wanted = 1 + rng.nextInt(2);
    for (int dropped = 0, tries = 0; dropped < wanted && tries < 6 && paragraphs.size() > 3; tries++) {
      int at = 1 + rng.nextInt(paragraphs.size() - 1);
      int words = words(paragraphs.get(at));
      if (removed + words <= wordBudget) {
        paragraphs.remove(at);
        removed += words;
        dropped++;
      }
    }
    return removed;
  }

  /** Swaps two adjacent paragraphs (the lead stays first when there are three or more). */
  static boolean swapAdjacent(List<String> paragraphs, SplittableRandom rng) {
    if (paragraphs.size() < 2) {
      return false;
    }
    int at = paragraphs.size() == 2 ? 0 : 1 + rng.nextInt(paragraphs.size() - 2);
    paragraphs.set(at, paragraphs.set(at + 1, paragraphs.get(at)));
    return true;
  }

  /**
   * Cuts the tail so that about {@code keepShare} of the words stay, and never more words than
   * {@code wordBudget}; the cut falls on a sentence end. Returns the words removed.
   */
  static int truncateTail(List<String> paragraphs, double keepShare, int wordBudget) {
    int total = 0;
    for (String p : paragraphs) {
      total += words(p);
    }
    int keep = Math.max((int) Math.ceil(keepShare * total), total - wordBudget);
    int kept = 0;
    for (int i = 0; i < paragraphs.size(); i++) {
      int words = words(paragraphs.get(i));
      if (kept + words < keep) {
        kept += words;
        continue;
      }
      StringBuilder head = new StringBuilder();
      for (String sentence : sentences(paragraphs.get(i))) {
        if (kept >= keep) {
          break;
        }
        head.append(head.length() == 0 ? "" : " ").append(sentence);
        kept += words(sentence);
      }
      paragraphs.subList(i + 1, paragraphs.size()).clear();
      paragraphs.set(i, head.toString());
      return total - kept;
    }
    return 0;
  }

  /** Replaces the lead with its first sentence if that removes no more than {@code wordBudget}. */
  static int shortenLead(List<String> paragraphs, int wordBudget) {
    List<String> sentences = sentences(paragraphs.get(0));
    if (sentences.size() < 2) {
      return 0;
    }
    int removed = words(paragraphs.get(0)) - words(sentences.get(0));
    if (removed > wordBudget) {
      return 0;
    }
    paragraphs.set(0, sentences.get(0));
    return removed;
  }

  // ---------------------------------------------------------------------------------------------
  // Typos and noise

  /**
   * Makes {@code count} typos, each in a different random word of five or more letters: two
   * neighbouring letters swapped, a letter deleted or a letter doubled. Returns how many were made.
   */
  static int addTypos(List<String> paragraphs, int count, SplittableRandom rng) {
    int made = 0;
    for (int tries = 0; made < count && tries < count * 8; tries++) {
      int at = rng.nextInt(paragraphs.size());
      String p = paragraphs.get(at);
      int[] word = randomLongWord(p, rng);
      if (word == null) {
        continue;
      }
      int start = word[0];
      int length = word[1];
      int i = start + 1 + rng.nextInt(length - 2); // an inner letter
      StringBuilder b = new StringBuilder(p);
      switch (rng.nextInt(3)) {
        case 0 -> {
          char c = b.charAt(i);
          b.setCharAt(i, b.charAt(i + 1));
          b.setCharAt(i + 1, c);
        }
        case 1 -> b.deleteCharAt(i);
        default -> b.insert(i, b.charAt(i));
      }
      String edited = b.toString();
      if (!edited.equals(p)) {
        paragraphs.set(at, edited);
        made++;
      }
    }
    return made;
  }

  /** Start and length of a random word of at least five ASCII letters in {@code p}, or null. */
  private static int[] randomLongWord(String p, SplittableRandom rng) {
    for (int tries = 0; tries < 6 && !p.isEmpty(); tries++) {
      int i = rng.nextInt(p.length());
      while (i > 0 && isAsciiLetter(p.charAt(i - 1))) {
        i--;
      }
      int end = i;
      while (end < p.length() && isAsciiLetter(p.charAt(end))) {
        end++;
      }
      if (end - i >= 5) {
        return new int[] {i, end - i};
      }
    }
    return null;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /**
   * Spacing and punctuation noise that leaves the words alone: double spaces after some sentence
   * ends, no space after some commas, and straight quotes turned curly (or curly straight).
   */
  static String punctuationNoise(String paragraph, SplittableRandom rng) {
    StringBuilder out = new StringBuilder(paragraph.length() + 8);
    boolean straightToCurly = paragraph.indexOf('"') >= 0;
    boolean openQuote = true;
    for (int i = 0; i < paragraph.length(); i++) {
      char c = paragraph.charAt(i);
      boolean spaceNext = i + 1 < paragraph.length() && paragraph.charAt(i + 1) == ' ';
      if (c == '"' && straightToCurly) {
        out.append(openQuote ? '“' : '”');
        openQuote = !openQuote;
      } else if ((c == '“' || c == '”') && !straightToCurly) {
        out.append('"');
      } else if (c == '’') {
        out.append('\'');
      } else if (c == ',' && spaceNext && rng.nextInt(3) == 0) {
        out.append(',');
        i++; // the space after the comma goes
      } else if ((c == '.' || c == '?' || c == '!') && spaceNext && rng.nextInt(3) == 0) {
        out.append(c).append(' ');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  // ---------------------------------------------------------------------------------------------
  // Text units

  /** The non-blank lines of {@code text}, stripped. */
  static List<String> paragraphs(String text) {
    List<String> out = new ArrayList<>();
    for (String line : text.split("\\R")) {
      String p = line.strip();
      if (!p.isEmpty()) {
        out.add(p);
      }
    }
    return out;
  }

  /**
   * The paragraphs a story is edited in: the non-blank lines of {@code text} that hold a letter or
   * digit, with lines over {@value #LONG_PARAGRAPH_WORDS} words cut at sentence ends into
   * paragraphs of about {@value #PARAGRAPH_WORDS} words. Dumps that lost their line breaks (one
   * line per article) get paragraphs to drop, swap and truncate; the words stay the same.
   */
  static List<String> storyParagraphs(String text) {
    List<String> out = new ArrayList<>();
    for (String p : paragraphs(text)) {
      if (p.codePoints().noneMatch(Character::isLetterOrDigit)) {
        continue;
      }
      if (words(p) <= LONG_PARAGRAPH_WORDS) {
        out.add(p);
        continue;
      }
      StringBuilder chunk = new StringBuilder();
      int chunkWords = 0;
      for (String sentence : sentences(p)) {
        if (chunkWords >= PARAGRAPH_WORDS) {
          out.add(chunk.toString());
          chunk.setLength(0);
          chunkWords = 0;
        }
        chunk.append(chunk.length() == 0 ? "" : " ").append(sentence);
        chunkWords += words(sentence);
      }
      if (chunk.length() > 0) {
        out.add(chunk.toString());
      }
    }
    return out;
  }

  /** The sentences of a paragraph (split after . ! ? before a capital or digit). */
  static List<String> sentences(String paragraph) {
    List<String> out = new ArrayList<>();
    for (String s : SENTENCE_BREAK.split(paragraph)) {
      if (!s.isBlank()) {
        out.add(s.strip());
      }
    }
    return out;
  }

  /** Whitespace-separated words in {@code s}. */
  static int words(String s) {
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < s.length(); i++) {
      boolean space = Character.isWhitespace(s.charAt(i));
      if (!space && !inWord) {
        words++;
      }
      inWord = !space;
    }
    return words;
  }

  /** A URL slug of a headline: its normalised words joined by '-', at most 80 characters. */
  static String slug(String title) {
    String slug = ContentNormalizer.normalize(title).replace(' ', '-');
    if (slug.length() > 80) {
      int cut = slug.lastIndexOf('-', 80);
      slug = slug.substring(0, cut > 0 ? cut : 80);
    }
    return slug.isEmpty() ? "berita" : slug;
  }

  private static Map<String, String> synonyms(String... pairs) {
    Map<String, String> map = new java.util.HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
      map.put(pairs[i + 1], pairs[i]);
    }
    return Map.copyOf(map);
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static String decapitalize(String s) {
    if (s.length() < 2 || Character.isUpperCase(s.charAt(1))) {
      return s; // keep acronyms and all-caps words
    }
    return Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }
}
