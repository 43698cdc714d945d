package io.kliping.text;

import java.io.Serial;
import java.io.Serializable;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns scraped article text into clean paragraphs separated by a blank line ({@code "\n\n"}).
 *
 * <p>Steps, each switchable in {@link CleaningSettings}:
 *
 * <ol>
 *   <li>mojibake repair — <em>before</em> NFKC, because NFKC rewrites parts of the garbled
 *       sequences ({@code ™ → TM} in {@code â€™}) and would make them unrecognisable;
 *   <li>NFKC;
 *   <li>paragraph split (a paragraph is a non-blank line) and whitespace normalisation;
 *   <li>debris removal: paragraphs matching a debris pattern entirely;
 *   <li>repeated paragraphs: only the first occurrence is kept (seed 001 repeats half its body).
 * </ol>
 *
 * <p>Patterns are compiled once per instance (again after deserialisation on an executor), and
 * only paragraphs of at most {@value #MAX_DEBRIS_CHARS} characters are tested: debris is short,
 * and long paragraphs are real text whatever a pattern says. Instances are immutable and
 * thread-safe.
 */
public final class TextCleaner implements Serializable {
  @Serial private static final long serialVersionUID = 1L;

  static final int MAX_DEBRIS_CHARS = 300;

  private final CleaningSettings settings;
  private transient volatile Pattern[] debris;

  public TextCleaner(CleaningSettings settings) {
    this.settings = settings;
    this.debris = compile(settings.debrisLinePatterns()); // fail fast on a bad pattern
  }

  /** Clean text, or {@code ""} when nothing but debris was left (or {@code raw} is null). */
  public String clean(String raw) {
    if (raw == null || raw.isEmpty()) {
      return "";
    }
    String text = raw;
    if (settings.repairMojibake()) {
      text = MojibakeRepair.repair(text);
    }
    if (settings.nfkc()) {
      text = Normalizer.normalize(text, Normalizer.Form.NFKC);
    }
    Pattern[] debrisPatterns = debrisPatterns();
    Set<String> seen = settings.dropRepeatedParagraphs() ? new HashSet<>() : null;
    StringBuilder out = new StringBuilder(text.length());
    StringBuilder buffer = new StringBuilder(256);
    int lineStart = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i < text.length() && !isLineBreak(text.charAt(i))) {
        continue;
      }
      String paragraph = paragraph(text, lineStart, i, buffer);
      lineStart = i + 1;
      if (paragraph == null
          || isDebris(paragraph, debrisPatterns)
          || (seen != null && !seen.add(paragraph))) {
        continue;
      }
      if (out.length() > 0) {
        out.append("\n\n");
      }
      out.append(paragraph);
    }
    return out.toString();
  }

  /** The line {@code [start, end)} as a paragraph, or null when it is blank. */
  private String paragraph(String text, int start, int end, StringBuilder buffer) {
    if (!settings.normaliseWhitespace()) {
      String line = text.substring(start, end);
      return line.isBlank() ? null : line;
    }
    buffer.setLength(0);
    boolean pendingSpace = false;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c == '\u200B' || c == '\uFEFF' || c == '\u00AD') {
        continue; // zero-width space, BOM, soft hyphen: invisible, and they split words
      }
      if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
        pendingSpace = buffer.length() > 0;
        continue;
      }
      if (pendingSpace) {
        buffer.append(' ');
        pendingSpace = false;
      }
      buffer.append(c);
    }
    return buffer.length() == 0 ? null : buffer.toString();
  }

  private static boolean isDebris(String paragraph, Pattern[] patterns) {
    if (paragraph.length() > MAX_DEBRIS_CHARS) {
      return false;
    }
    for (Pattern p : patterns) {
      if (p.matcher(paragraph).matches()) {
        return true;
      }
    }
    return false;
  }

  private static boolean isLineBreak(char c) {
    return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u0085'
        || c == '\u000B' || c == '\u000C';
  }

  private Pattern[] debrisPatterns() {
    Pattern[] p = debris;
    if (p == null) {
      p = compile(settings.debrisLinePatterns());
      debris = p;
    }
    return p;
  }

  private static Pattern[] compile(List<String> regexes) {
    List<Pattern> compiled = new ArrayList<>(regexes.size());
    for (String regex : regexes) {
      compiled.add(
          Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL));
    }
    return compiled.toArray(Pattern[]::new);
  }
}
