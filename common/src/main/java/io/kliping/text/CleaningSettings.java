package io.kliping.text;

import java.io.Serializable;
import java.util.List;

/**
 * What {@link TextCleaner} does, so that every step can be switched off from configuration when
 * it misbehaves on a new source.
 *
 * @param nfkc                   apply Unicode NFKC (full-width forms, ligatures, NBSP → space)
 * @param repairMojibake         undo UTF-8 read as windows-1252 / Latin-1 / Mac Roman
 * @param normaliseWhitespace    trim paragraphs and collapse inner whitespace runs to one space
 * @param debrisLinePatterns     regular expressions; a paragraph matching one <em>entirely</em>
 *                               (case-insensitive) is page debris and dropped
 * @param dropRepeatedParagraphs keep only the first of identical paragraphs within an article
 */
public record CleaningSettings(
    boolean nfkc,
    boolean repairMojibake,
    boolean normaliseWhitespace,
    List<String> debrisLinePatterns,
    boolean dropRepeatedParagraphs)
    implements Serializable {

  public CleaningSettings {
    debrisLinePatterns = List.copyOf(debrisLinePatterns);
  }

  /** Everything on, with {@link #DEFAULT_DEBRIS_PATTERNS}. */
  public static CleaningSettings defaults() {
    return new CleaningSettings(true, true, true, DEFAULT_DEBRIS_PATTERNS, true);
  }

  /**
   * Debris seen on Indonesian news pages. Each must match a whole paragraph, so a sentence that
   * merely mentions "baca" or "editor" is never dropped; "read also" and byline patterns also
   * refuse anything that looks like running text (a sentence break, a final full stop, more than
   * a few words).
   */
  public static final List<String> DEFAULT_DEBRIS_PATTERNS =
      List.of(
          // "loading...", "Memuat…" (NFKC has turned "…" into "...")
          "(?:loading|memuat)\\s*\\.{0,3}",
          // font-size buttons: a lone "A", "A A A", "A+ A-"
          "\\p{L}[+-]?(?:\\s+\\p{L}[+-]?){0,5}",
          // "Baca juga : <headline>", "Simak juga: ...", "Lihat juga" — a headline only: no
          // sentence break inside, no final full stop, at most 160 characters
          "(?:baca|simak|lihat)\\s+(?:juga|pula)(?!\\p{L})(?:\\s*:)?(?!.*[.!?][\"”’')]?\\s+\\S)(?:\\s*.{1,160}(?<!\\.))?",
          // bylines and credits: "Editor : Zubaedah Hanum", "Sumber : CNA/SL" (at most 8 words)
          "(?:editor|penulis|reporter|pewarta|redaktur|penyunting|sumber|author|writer|source)"
              + "\\s*:\\s*(?!(?:\\S+\\s+){8}).{1,80}",
          // newsletter / channel promotion
          "cek berita dan artikel\\b.{0,200}",
          // section headers left from the page chrome
          "(?:terkini lainnya|tautan sahabat|berita terkait|artikel terkait|berita lainnya"
              + "|advertisement|scroll to continue with content|iklan)\\s*:?",
          // a lone site name or link: "visitaaponce.com", "KOMPAS.com", "https://x.id/a"
          "(?:https?://)?(?:www\\.)?(?:[\\p{L}\\d-]+\\.)+\\p{L}{2,6}(?:/\\S*)?",
          // no letter or digit at all: separators, stray punctuation (", , -", "***")
          "[^\\p{L}\\p{N}]+",
          // journalist initials closing the article: "(ian)", "(ant/dil)", "(*)"
          "\\(\\s*[\\p{L}*]{1,6}(?:\\s*[/,]\\s*[\\p{L}*]{1,6}){0,3}\\s*\\)");
}
