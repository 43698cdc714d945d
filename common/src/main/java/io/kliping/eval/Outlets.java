package io.kliping.eval;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * House styles of Indonesian news outlets that the generator imitates: web domain, brand name and
 * the dateline each puts before its lead ({@code "JAKARTA, KOMPAS.com - "}, {@code "Liputan6.com,
 * Jakarta - "}). Unknown outlets get a generic {@code "CITY, Brand - "} dateline.
 */
final class Outlets {

  /** Outlets copies are republished under by default. */
  static final List<String> DEFAULTS =
      List.of(
          "kompas.com", "detik.com", "liputan6.com", "tribunnews.com", "okezone.com",
          "sindonews.com", "tempo.co", "antaranews.com", "cnnindonesia.com", "suara.com",
          "merdeka.com", "republika.co.id", "jpnn.com", "viva.co.id", "inews.id",
          "cnbcindonesia.com", "kumparan.com", "idntimes.com", "beritasatu.com", "tvonenews.com");

  /** Dateline per domain: {@code %C} is the city in capitals, {@code %c} the city as written. */
  private static final Map<String, String> DATELINES =
      Map.ofEntries(
          Map.entry("kompas.com", "%C, KOMPAS.com - "),
          Map.entry("detik.com", "%c - "),
          Map.entry("liputan6.com", "Liputan6.com, %c - "),
          Map.entry("tribunnews.com", "TRIBUNNEWS.COM, %C - "),
          Map.entry("okezone.com", "%C - "),
          Map.entry("sindonews.com", "%C - "),
          Map.entry("tempo.co", "TEMPO.CO, %c - "),
          Map.entry("antaranews.com", "%c (ANTARA) - "),
          Map.entry("cnnindonesia.com", "%c, CNN Indonesia -- "),
          Map.entry("suara.com", "Suara.com - "),
          Map.entry("merdeka.com", "Merdeka.com - "),
          Map.entry("republika.co.id", "REPUBLIKA.CO.ID, %C - "),
          Map.entry("jpnn.com", "jpnn.com, %C - "),
          Map.entry("viva.co.id", "VIVA – "),
          Map.entry("inews.id", "%C, iNews.id - "),
          Map.entry("cnbcindonesia.com", "%c, CNBC Indonesia - "),
          Map.entry("kumparan.com", ""),
          Map.entry("idntimes.com", "%c, IDN Times - "),
          Map.entry("beritasatu.com", "%c, Beritasatu.com - "),
          Map.entry("tvonenews.com", "%c, tvOnenews.com - "));

  private Outlets() {}

  /** The web domain of an outlet given as a domain, a URL or a name ("Kompas" → kompas.com). */
  static String domain(String outlet) {
    if (outlet == null || outlet.isBlank()) {
      return "berita.example";
    }
    String d = outlet.trim().toLowerCase(Locale.ROOT).replaceFirst("^[a-z]+://", "");
    d = d.replaceFirst("^www\\.", "");
    int slash = d.indexOf('/');
    if (slash >= 0) {
      d = d.substring(0, slash);
    }
    if (d.indexOf('.') < 0) {
      d = d.replaceAll("[^a-z0-9]+", "") + ".com";
    }
    return d;
  }

  /** The brand a dateline or sign-off names: the domain with a capital ("Kompas.com"). */
  static String brand(String domain) {
    return domain.isEmpty() ? domain : Character.toUpperCase(domain.charAt(0)) + domain.substring(1);
  }

  /** The dateline {@code domain} puts before a lead written in {@code city}. */
  static String dateline(String domain, String city) {
    String template = DATELINES.getOrDefault(domain, "%C, " + brand(domain) + " - ");
    return template
        .replace("%C", city.toUpperCase(Locale.ROOT))
        .replace("%c", titleCase(city));
  }

  private static String titleCase(String city) {
    StringBuilder out = new StringBuilder(city.length());
    boolean start = true;
    for (int i = 0; i < city.length(); i++) {
      char c = city.charAt(i);
      out.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
      start = !Character.isLetter(c);
    }
    return out.toString();
  }
}
