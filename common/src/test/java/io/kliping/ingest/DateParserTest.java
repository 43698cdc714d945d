package io.kliping.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DateParserTest {

  private static final int BATCH_YEAR = 2023;
  private final DateParser parser = new DateParser(ZoneId.of("Asia/Jakarta"));

  private Optional<Instant> parse(String raw) {
    return parser.parse(raw, BATCH_YEAR);
  }

  @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # ISO-8601: date only (midnight in the default zone), local, offset, Z
          2019-10-21                         | 2019-10-20T17:00:00Z
          2019-10-21T10:15:00                | 2019-10-21T03:15:00Z
          2019-10-21T10:15                   | 2019-10-21T03:15:00Z
          2019-10-21T10:15:00+08:00          | 2019-10-21T02:15:00Z
          2019-10-21T10:15:00.250Z           | 2019-10-21T10:15:00.250Z
          2019-10-21T10:15:00+07:00[Asia/Jakarta] | 2019-10-21T03:15:00Z
          # SQL-style
          2019-10-21 10:15:30                | 2019-10-21T03:15:30Z
          2019-10-21 10:15:00 +0800          | 2019-10-21T02:15:00Z
          20191021                           | 2019-10-20T17:00:00Z
          # RFC-1123
          Mon, 21 Oct 2019 10:15:00 GMT      | 2019-10-21T10:15:00Z
          Mon, 21 Oct 2019 10:15:00 +0700    | 2019-10-21T03:15:00Z
          # epoch seconds and milliseconds
          1571627700                         | 2019-10-21T03:15:00Z
          1571627700123                      | 2019-10-21T03:15:00.123Z
          # spreadsheet serials (click-id date_raw), fraction = time of day
          43718                              | 2019-09-09T17:00:00Z
          43718.5                            | 2019-09-10T05:00:00Z
          # month names, Indonesian and English, both orders (click-id date_raw shapes)
          26 Oktober 2019                    | 2019-10-25T17:00:00Z
          05 Juli 2019                       | 2019-07-04T17:00:00Z
          ' Sep 24, 2019 '                   | 2019-09-23T17:00:00Z
          Oktober 19, 2019                   | 2019-10-18T17:00:00Z
          10-Sep-19                          | 2019-09-09T17:00:00Z
          17 Agustus 2020                    | 2020-08-16T17:00:00Z
          3 Mei 2020                         | 2020-05-02T17:00:00Z
          December 1st 2019                  | 2019-11-30T17:00:00Z
          # weekday, time and Indonesian zones
          'Senin, 21 Oktober 2019 10:15 WIB'  | 2019-10-21T03:15:00Z
          'Senin, 21 Oktober 2019 10.15 WITA' | 2019-10-21T02:15:00Z
          'Senin, 21 Okt 2019 | 10:15 WIT'    | 2019-10-21T01:15:00Z
          'Sep 24, 2019 9:05 PM'             | 2019-09-24T14:05:00Z
          'Sep 24, 2019 12:30 am'            | 2019-09-23T17:30:00Z
          # day-first numeric
          21/10/2019                         | 2019-10-20T17:00:00Z
          21-10-2019 10:15                   | 2019-10-21T03:15:00Z
          21.10.2019                         | 2019-10-20T17:00:00Z
          'Sabtu (23/9/2023)'                | 2023-09-22T17:00:00Z
          # click-id date + time, as JsonArticleParser combines them
          2019-09-10 13:30 WIB               | 2019-09-10T06:30:00Z
          2019-09-13 23:15:00                | 2019-09-13T16:15:00Z
          # dateline without a year: the batch year
          Senin (27/3)                       | 2023-03-26T17:00:00Z
          'Kamis (26/10) pukul 14.00 WIB'    | 2023-10-26T07:00:00Z
          """)
  void parsesToTheExactInstant(String raw, String expected) {
    assertThat(parse(raw)).contains(Instant.parse(expected));
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "   ",
        "-",
        "kemarin",
        "baru saja",
        "31/02/2019", // no such day
        "2019-13-01", // no such month
        "2019-10-21T25:00", // no such hour
        "21 Oktober 2019 25:10",
        "Sep 24, 2019 13:05 PM",
        "12", // a serial before 1970: implausible
        "99999", // a serial after 2100
        "123456", // neither serial, epoch nor yyyyMMdd
        "43718.5.1",
        "21 Foo 2019",
      })
  void rejectsWhatIsNotADate(String raw) {
    assertThat(parse(raw)).isEmpty();
  }

  @Test
  void datelineWithoutYearNeedsABatchYear() {
    assertThat(parser.parse("Senin (27/3)", 0)).isEmpty();
  }

  @Test
  void defaultZoneAppliesOnlyToZonelessValues() {
    DateParser utc = new DateParser(ZoneId.of("UTC"));
    assertThat(utc.parse("2019-10-21 10:15", BATCH_YEAR))
        .contains(Instant.parse("2019-10-21T10:15:00Z"));
    assertThat(utc.parse("2019-10-21 10:15 WIB", BATCH_YEAR))
        .contains(Instant.parse("2019-10-21T03:15:00Z"));
  }

  @Test
  void hugeInputIsRejectedWithoutScanning() {
    assertThat(parse("21 Oktober 2019 " + "x".repeat(10_000))).isEmpty();
  }
}
