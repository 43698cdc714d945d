package io.kliping.ingest;

import java.io.Serial;
import java.io.Serializable;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the publication dates found in news dumps into instants, without ever throwing on bad
 * input (unparseable means {@link Optional#empty()}).
 *
 * <p>Understood forms:
 *
 * <ul>
 *   <li>ISO-8601 date, local date-time, date-time with offset or {@code Z}; {@code yyyy-MM-dd
 *       HH:mm[:ss]}; basic {@code yyyyMMdd};
 *   <li>RFC-1123 ({@code Tue, 3 Jun 2008 11:05:30 GMT});
 *   <li>epoch seconds (9–10 digits) and milliseconds (12–13 digits);
 *   <li>spreadsheet serial numbers (days since 1899-12-30, fraction = time of day) between 1970
 *       and 2100, read as local time in the default zone;
 *   <li>day-first numeric dates ({@code 21/10/2019}, {@code 21-10-2019}, {@code 21.10.2019});
 *   <li>Indonesian and English month names and abbreviations in either order ({@code 26 Oktober
 *       2019}, {@code Sep 24, 2019}, {@code Oktober 19, 2019}, {@code 10-Sep-19}), with an
 *       optional weekday ({@code Senin, 21 Oktober 2019 10:15 WIB}) and time ({@code 10:15},
 *       {@code 10.15}, {@code 9:05 PM});
 *   <li>Indonesian zones WIB (+7), WITA (+8), WIT (+9), UTC/GMT/Z and numeric offsets;
 *   <li>the in-text dateline {@code Senin (27/3)}, whose year is {@code batchYear}.
 * </ul>
 *
 * <p>Values without a zone are read in the {@code defaultZone} given at construction.
 */
public final class DateParser implements Serializable {
  @Serial private static final long serialVersionUID = 1L;

  private static final LocalDate SPREADSHEET_EPOCH = LocalDate.of(1899, 12, 30);
  private static final double SERIAL_MIN =
      ChronoUnit.DAYS.between(SPREADSHEET_EPOCH, LocalDate.of(1970, 1, 1));
  private static final double SERIAL_MAX =
      ChronoUnit.DAYS.between(SPREADSHEET_EPOCH, LocalDate.of(2100, 1, 1));
  private static final int MAX_INPUT_CHARS = 120;

  private static final Map<String, Integer> MONTHS = months();
  private static final String MONTH =
      "("
          + MONTHS.keySet().stream()
              .sorted(Comparator.comparingInt(String::length).reversed())
              .collect(Collectors.joining("|"))
          + ")(?!\\p{L})";

  private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
  private static final Pattern YMD =
      Pattern.compile("(?<!\\d)(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?!\\d)");
  private static final Pattern DMY =
      Pattern.compile("(?<!\\d)(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4})(?!\\d)");
  private static final Pattern D_MONTH_Y =
      Pattern.compile(
          "(?<![\\p{L}\\d])(\\d{1,2})(?:\\s+|\\s*-\\s*)" + MONTH + "\\.?,?(?:\\s+|\\s*-\\s*)(\\d{4}|\\d{2})(?!\\d)");
  private static final Pattern MONTH_D_Y =
      Pattern.compile(
          "(?<!\\p{L})" + MONTH + "\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)");
  private static final Pattern DAY_MONTH_IN_PARENS =
      Pattern.compile("\\(\\s*(\\d{1,2})/(\\d{1,2})\\s*\\)");
  private static final Pattern TIME =
      Pattern.compile(
          "(?<![\\d.:])(\\d{1,2})[:.](\\d{2})(?:[:.](\\d{2})(?:[.,]\\d{1,9})?)?(?![\\d.:])\\s*(am|pm|a\\.m\\.|p\\.m\\.)?");
  private static final Pattern ZONE =
      Pattern.compile(
          "^\\s*(?:(wita|wib|wit|utc|gmt|z)(?!\\p{L}))?\\s*(?:([+-])(\\d{2}):?(\\d{2})(?!\\d))?");

  private final ZoneId defaultZone;

  public DateParser(ZoneId defaultZone) {
    this.defaultZone = defaultZone;
  }

  /**
   * @param raw       the date as found; null and blank give empty
   * @param batchYear year assumed for dates written without one ({@code Senin (27/3)})
   */
  public Optional<Instant> parse(String raw, int batchYear) {
    if (raw == null) {
      return Optional.empty();
    }
    String s = raw.strip();
    if (s.isEmpty() || s.length() > MAX_INPUT_CHARS) {
      return Optional.empty();
    }
    try {
      if (NUMBER.matcher(s).matches()) {
        return Optional.ofNullable(fromNumber(s));
      }
      Instant iso = fromStandardFormat(s);
      if (iso != null) {
        return Optional.of(iso);
      }
      return Optional.ofNullable(fromText(s.toLowerCase(Locale.ROOT), batchYear));
    } catch (DateTimeException | ArithmeticException e) {
      return Optional.empty(); // a matched shape with impossible values (31/02, 25:00)
    }
  }

  private Instant fromNumber(String s) {
    int dot = s.indexOf('.');
    int integerDigits = dot < 0 ? s.length() : dot;
    if (dot < 0 && integerDigits == 8 && (s.startsWith("19") || s.startsWith("20"))) {
      return LocalDate.parse(s, DateTimeFormatter.BASIC_ISO_DATE).atStartOfDay(defaultZone).toInstant();
    }
    if (dot < 0 && (integerDigits == 9 || integerDigits == 10)) {
      return Instant.ofEpochSecond(Long.parseLong(s));
    }
    if (dot < 0 && (integerDigits == 12 || integerDigits == 13)) {
      return Instant.ofEpochMilli(Long.parseLong(s));
    }
    double serial = Double.parseDouble(s);
    if (integerDigits > 5 || serial < SERIAL_MIN || serial >= SERIAL_MAX) {
      return null;
    }
    long days = (long) Math.floor(serial);
    long seconds = Math.round((serial - days) * 86_400);
    return SPREADSHEET_EPOCH.plusDays(days).atStartOfDay().plusSeconds(seconds)
        .atZone(defaultZone).toInstant();
  }

  /** ISO-8601 with a 'T', and RFC-1123: exact formats the JDK already reads. */
  private Instant fromStandardFormat(String s) {
    if (s.length() > 10 && s.charAt(4) == '-' && (s.charAt(10) == 'T' || s.charAt(10) == 't')) {
      try {
        TemporalAccessor parsed =
            DateTimeFormatter.ISO_DATE_TIME.parseBest(
                s.toUpperCase(Locale.ROOT), ZonedDateTime::from, LocalDateTime::from);
        return parsed instanceof ZonedDateTime zoned
            ? zoned.toInstant()
            : ((LocalDateTime) parsed).atZone(defaultZone).toInstant();
      } catch (DateTimeException e) {
        return null; // e.g. "2019-10-21T10:15 WIB": the textual reader tries next
      }
    }
    if (s.length() > 4 && s.charAt(3) == ',' && Character.isLetter(s.charAt(0))) {
      try {
        return ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      } catch (DateTimeException e) {
        return null; // e.g. an Indonesian weekday abbreviation: the textual reader tries next
      }
    }
    return null;
  }

  /** Finds a date, then a time after removing the date, then a zone right after the time. */
  private Instant fromText(String s, int batchYear) {
    LocalDate date = null;
    Matcher m;
    if ((m = YMD.matcher(s)).find()) {
      date = LocalDate.of(num(m, 1), num(m, 2), num(m, 3));
    } else if ((m = DMY.matcher(s)).find()) {
      date = LocalDate.of(num(m, 3), num(m, 2), num(m, 1));
    } else if ((m = D_MONTH_Y.matcher(s)).find()) {
      date = LocalDate.of(year(m.group(3)), MONTHS.get(m.group(2)), num(m, 1));
    } else if ((m = MONTH_D_Y.matcher(s)).find()) {
      date = LocalDate.of(num(m, 3), MONTHS.get(m.group(1)), num(m, 2));
    } else if ((m = DAY_MONTH_IN_PARENS.matcher(s)).find() && batchYear > 0) {
      date = LocalDate.of(batchYear, num(m, 2), num(m, 1));
    }
    if (date == null) {
      return null;
    }
    int dateStart = m.start();
    String rest = s.substring(0, dateStart) + ' ' + s.substring(m.end());
    LocalTime time = LocalTime.MIDNIGHT;
    int zoneFrom = dateStart; // without a time, a zone may follow the date directly
    Matcher t = TIME.matcher(rest);
    if (t.find()) {
      int hour = num(t, 1);
      String half = t.group(4);
      if (half != null) {
        if (hour < 1 || hour > 12) {
          return null;
        }
        hour = hour % 12 + (half.charAt(0) == 'p' ? 12 : 0);
      }
      time = LocalTime.of(hour, num(t, 2), t.group(3) == null ? 0 : num(t, 3));
      zoneFrom = t.end();
    }
    ZoneId zone = zone(rest.substring(zoneFrom));
    return LocalDateTime.of(date, time).atZone(zone).toInstant();
  }

  private ZoneId zone(String afterTime) {
    Matcher z = ZONE.matcher(afterTime);
    if (!z.find()) {
      return defaultZone;
    }
    if (z.group(2) != null) {
      int sign = z.group(2).equals("-") ? -1 : 1;
      return ZoneOffset.ofHoursMinutes(sign * num(z, 3), sign * num(z, 4));
    }
    String name = z.group(1);
    if (name == null) {
      return defaultZone;
    }
    return switch (name) {
      case "wib" -> ZoneOffset.ofHours(7);
      case "wita" -> ZoneOffset.ofHours(8);
      case "wit" -> ZoneOffset.ofHours(9);
      default -> ZoneOffset.UTC;
    };
  }

  private static int num(Matcher m, int group) {
    return Integer.parseInt(m.group(group));
  }

  /** Two-digit years: 00–69 are 20xx, 70–99 are 19xx. */
  private static int year(String digits) {
    int y = Integer.parseInt(digits);
    return digits.length() == 2 ? (y < 70 ? 2000 + y : 1900 + y) : y;
  }

  private static Map<String, Integer> months() {
    Map<String, Integer> m = new LinkedHashMap<>();
    String[][] names = {
      {"januari", "january", "jan"},
      {"februari", "pebruari", "february", "feb", "peb"},
      {"maret", "march", "mar"},
      {"april", "apr"},
      {"mei", "may"},
      {"juni", "june", "jun"},
      {"juli", "july", "jul"},
      {"agustus", "august", "agu", "agt", "aug", "ags"},
      {"september", "sept", "sep"},
      {"oktober", "october", "okt", "oct"},
      {"november", "nopember", "nov", "nop"},
      {"desember", "december", "des", "dec"},
    };
    for (int month = 1; month <= 12; month++) {
      for (String name : names[month - 1]) {
        m.put(name, month);
      }
    }
    return Map.copyOf(m);
  }
}
