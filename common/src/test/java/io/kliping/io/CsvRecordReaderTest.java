package io.kliping.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** CSV exports as scrapers and spreadsheets write them. */
class CsvRecordReaderTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final CsvRecordReader READER = new CsvRecordReader((char) 0, "UTF-8", 1 << 20);

  /** A spreadsheet export: BOM, CRLF, quoted multi-line body with "" escapes, a blank line. */
  private static final String EXPORT = "\uFEFFid,title,date_raw,content\r\n"
      + "1,Lavrov tiba,\"Sep 24, 2019\",\"SEOUL - Menteri tiba.\r\n\r\nIa bertemu \"\"Kim\"\".\"\r\n"
      + "\r\n"
      + "2,Hujan,43762.5,Hujan deras sejak pagi.\r\n";

  private static List<SourceRecord> read(String name, String csv) {
    return read(READER, name, csv.getBytes(StandardCharsets.UTF_8));
  }

  private static List<SourceRecord> read(CsvRecordReader reader, String name, byte[] bytes) {
    return CsvRecordReader.readAll(reader, name, new ByteArrayInputStream(bytes));
  }

  private static JsonNode json(SourceRecord r) throws IOException {
    return MAPPER.readTree(r.json());
  }

  @Test
  void quotedMultiLineFieldsAreOneRecordPositionedByTheirFirstLine() throws IOException {
    List<SourceRecord> rows = read("export.csv", EXPORT);
    assertThat(rows).extracting(SourceRecord::position).containsExactly("line 2", "line 6");
    JsonNode first = json(rows.get(0));
    assertThat(first.get("id").asText()).isEqualTo("1"); // the BOM is not part of the name
    assertThat(first.get("date_raw").asText()).isEqualTo("Sep 24, 2019");
    assertThat(first.get("content").asText()).isEqualTo("SEOUL - Menteri tiba.\n\nIa bertemu \"Kim\".");
    assertThat(json(rows.get(1)).get("content").asText()).isEqualTo("Hujan deras sejak pagi.");
    assertThat(rows).allMatch(r -> r.error() == null);
  }

  @Test
  void tabSeparatedFilesAreReadByExtensionOrConfiguredDelimiter() throws IOException {
    String tsv = "title\tcontent\nA, B\tteks; dengan koma, titik koma\n";
    assertThat(json(read("x.tsv", tsv).get(0)).get("content").asText())
        .isEqualTo("teks; dengan koma, titik koma");
    CsvRecordReader semicolon = new CsvRecordReader(';', "UTF-8", 1 << 20);
    List<SourceRecord> rows = read(semicolon, "x.csv",
        "title;content\nA, B;teks\n".getBytes(StandardCharsets.UTF_8));
    assertThat(json(rows.get(0)).get("title").asText()).isEqualTo("A, B");
  }

  @Test
  void aRowWithMoreFieldsThanTheHeaderIsARejectAndTheNextRowsStillArrive() throws IOException {
    List<SourceRecord> rows = read("x.csv", "title,content\nA,body a\nB,body b,stray\nC,body c\n");
    assertThat(rows).extracting(r -> r.position() + ":" + r.error())
        .containsExactly("line 2:null", "line 3:" + CsvRecordReader.EXTRA_FIELDS, "line 4:null");
    assertThat(rows.get(1).raw()).contains("stray");
    assertThat(json(rows.get(2)).get("content").asText()).isEqualTo("body c");
  }

  @Test
  void missingTrailingFieldsAreNullAndBlankOrRepeatedHeaderNamesGetPositions() throws IOException {
    List<SourceRecord> rows = read("x.csv", "title,,title\nA\n");
    JsonNode o = json(rows.get(0));
    assertThat(o.get("title").asText()).isEqualTo("A");
    assertThat(o.has("_c1")).isTrue();
    assertThat(o.get("_c2").isNull()).isTrue();
  }

  @Test
  void anUnterminatedQuoteEndsTheFileWithOneRejectKeepingEarlierRows() {
    String csv = "title,content\nA,fine\nB,\"never closed" + " x".repeat(2000) + "\n";
    CsvRecordReader small = new CsvRecordReader((char) 0, "UTF-8", 1024);
    List<SourceRecord> rows = read(small, "x.csv", csv.getBytes(StandardCharsets.UTF_8));
    assertThat(rows).extracting(r -> r.position() + ":" + r.error())
        .containsExactly("line 2:null", "line 3:" + CsvRecordReader.MALFORMED);
  }

  @Test
  void aTruncatedGzipKeepsTheRowsBeforeTheDamage() throws IOException {
    StringBuilder csv = new StringBuilder("title,content\n");
    for (int i = 0; i < 2000; i++) {
      csv.append("T").append(i).append(",\"body ").append(i).append(" ").append(i * 7919)
          .append("\"\n");
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(csv.toString().getBytes(StandardCharsets.UTF_8));
    }
    byte[] cut = Arrays.copyOf(bytes.toByteArray(), bytes.size() / 2);
    List<SourceRecord> rows;
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(cut))) {
      rows = CsvRecordReader.readAll(READER, "x.csv.gz", in);
    }
    SourceRecord last = rows.get(rows.size() - 1);
    assertThat(last.error()).isEqualTo(CsvRecordReader.TRUNCATED);
    List<SourceRecord> good = rows.subList(0, rows.size() - 1);
    assertThat(good).hasSizeBetween(100, 1999).allMatch(r -> r.error() == null);
    for (int i = 0; i < good.size(); i++) {
      assertThat(good.get(i).position()).isEqualTo("line " + (i + 2));
    }
  }

  @Test
  void otherEncodingsAreDecodedAsConfigured() throws IOException {
    CsvRecordReader latin1 = new CsvRecordReader((char) 0, "windows-1252", 1 << 20);
    byte[] bytes = "title,content\nCaf\u00e9,\u201cquoted\u201d\n".getBytes("windows-1252");
    JsonNode o = json(read(latin1, "x.csv", bytes).get(0));
    assertThat(o.get("title").asText()).isEqualTo("Caf\u00e9");
    assertThat(o.get("content").asText()).isEqualTo("\u201cquoted\u201d");
  }
}
