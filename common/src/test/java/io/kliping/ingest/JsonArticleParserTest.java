package io.kliping.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonArticleParserTest {

  private final JsonArticleParser parser = new JsonArticleParser(FieldAliases.defaults());

  /** Real click-id record (fimela), content shortened. */
  private static final String CLICK_ID_FIMELA =
      """
      {"id": "fimela_combined-00000", "publisher_file": "fimela_combined", "source": "fimela.com", \
      "title": "Lewat Seni Anak-Anak akan Tampil Percaya Diri Hingga Dewasa", "date_raw": "43718", \
      "date": "2019-09-10", "time": "13:30 WIB", "category": "Parenting", "sub_category": "-", \
      "url": "https://www.fimela.com/parenting/read/4058864/lewat-seni-anak-anak-akan-tampil-percaya-diri-hingga-dewasa", \
      "content": " , memang sudah melekat sejak anak-anak, ketika orangtua mengenalkan pensil warna atau krayon."}""";

  private RawArticle ok(String line) {
    ParseResult result = parser.parse(line);
    assertThat(result).isInstanceOf(ParseResult.Ok.class);
    return ((ParseResult.Ok) result).article();
  }

  private ParseResult.Rejected rejected(String line) {
    ParseResult result = parser.parse(line);
    assertThat(result).isInstanceOf(ParseResult.Rejected.class);
    return (ParseResult.Rejected) result;
  }

  @Test
  void readsAClickIdRecordCombiningDateAndTime() {
    RawArticle a = ok(CLICK_ID_FIMELA);

    assertThat(a.sourceId()).isEqualTo("fimela_combined-00000");
    assertThat(a.title()).isEqualTo("Lewat Seni Anak-Anak akan Tampil Percaya Diri Hingga Dewasa");
    assertThat(a.text())
        .isEqualTo(
            ", memang sudah melekat sejak anak-anak, ketika orangtua mengenalkan pensil warna atau krayon.");
    assertThat(a.url()).startsWith("https://www.fimela.com/parenting/read/4058864/");
    assertThat(a.publishedRaw()).isEqualTo("2019-09-10 13:30 WIB");
    assertThat(a.source()).isEqualTo("fimela.com");
  }

  @Test
  void convertsOkezoneSpreadsheetTimeOfDay() {
    // okezone exported the time column as a fraction of a day: 0.96875 = 23:15
    RawArticle a =
        ok("{\"content\": \"isi\", \"date_raw\": \"43721\", \"date\": \"2019-09-13\", \"time\": \"0.96875\"}");
    assertThat(a.publishedRaw()).isEqualTo("2019-09-13 23:15:00");

    RawArticle tiny =
        ok("{\"content\": \"isi\", \"date\": \"2019-09-13\", \"time\": \"6.9444444444444441e-3\"}");
    assertThat(tiny.publishedRaw()).isEqualTo("2019-09-13 00:10:00");
  }

  @Test
  void fallsBackToDateRawWhenDateIsNullAndIgnoresADashTime() {
    // posmetro-medan: "date" is null, only "date_raw" carries the date, "time" is "-"
    RawArticle a =
        ok("{\"source\": \"posmetro-medan.com\", \"date_raw\": \"Oktober 19, 2019\", \"date\": null, "
            + "\"time\": \"-\", \"content\": \"Isi berita.\"}");
    assertThat(a.publishedRaw()).isEqualTo("Oktober 19, 2019");
  }

  @Test
  void doesNotAppendATimeToAValueThatHasOne() {
    assertThat(JsonArticleParser.publishedRaw("2019-09-10T13:30:00Z", "13:30 WIB"))
        .isEqualTo("2019-09-10T13:30:00Z");
    assertThat(JsonArticleParser.publishedRaw("43718", "13:30 WIB")).isEqualTo("43718");
    assertThat(JsonArticleParser.publishedRaw("26 Oktober 2019", "12:38"))
        .isEqualTo("26 Oktober 2019 12:38");
    assertThat(JsonArticleParser.publishedRaw(null, "12:38")).isNull();
  }

  @Test
  void readsIndonesianFieldNames() {
    RawArticle a =
        ok("{\"judul\": \"Banjir di Jakarta\", \"isi\": \"Hujan deras sejak pagi.\", "
            + "\"tanggal\": \"Senin, 21 Oktober 2019 10:15 WIB\", \"link\": \"https://x.id/a\", "
            + "\"publisher\": \"x.id\"}");
    assertThat(a.title()).isEqualTo("Banjir di Jakarta");
    assertThat(a.text()).isEqualTo("Hujan deras sejak pagi.");
    assertThat(a.publishedRaw()).isEqualTo("Senin, 21 Oktober 2019 10:15 WIB");
    assertThat(a.url()).isEqualTo("https://x.id/a");
    assertThat(a.source()).isEqualTo("x.id");
    assertThat(a.sourceId()).isNull();
  }

  @Test
  void matchesKeysCaseInsensitively() {
    RawArticle a = ok("{\"Title\": \"T\", \"CONTENT\": \"Body\", \"Published_At\": \"2019-10-21\"}");
    assertThat(a.title()).isEqualTo("T");
    assertThat(a.text()).isEqualTo("Body");
    assertThat(a.publishedRaw()).isEqualTo("2019-10-21");
  }

  @Test
  void firstAliasWinsWhateverTheKeyOrderInTheRecord() {
    RawArticle a = ok("{\"isi\": \"from isi\", \"body\": \"from body\", \"text\": \"from text\"}");
    assertThat(a.text()).isEqualTo("from text");

    RawArticle dated = ok("{\"content\": \"x\", \"date_raw\": \"43718\", \"date\": \"2019-09-10\"}");
    assertThat(dated.publishedRaw()).isEqualTo("2019-09-10");
  }

  @Test
  void blankPreferredAliasFallsThroughToTheNext() {
    RawArticle a = ok("{\"text\": \"   \", \"content\": \"real body\"}");
    assertThat(a.text()).isEqualTo("real body");
  }

  @Test
  void convertsScalarsToStrings() {
    RawArticle a =
        ok("{\"id\": 12345, \"title\": true, \"content\": \"x\", \"date_raw\": 43718.50}");
    assertThat(a.sourceId()).isEqualTo("12345");
    assertThat(a.title()).isEqualTo("true");
    assertThat(a.publishedRaw()).isEqualTo("43718.5");
  }

  @Test
  void customAliasesReplaceTheDefaults() {
    JsonArticleParser custom =
        new JsonArticleParser(
            new FieldAliases(
                List.of("doc_id"), List.of("teks"), List.of("headline"), List.of("permalink"),
                List.of("waktu_terbit"), List.of("media")));
    ParseResult result =
        custom.parse("{\"doc_id\": \"d1\", \"teks\": \"isi\", \"content\": \"ignored\", \"headline\": \"h\"}");
    assertThat(result).isEqualTo(ParseResult.ok(new RawArticle("d1", "h", "isi", null, null, null)));
    assertThat(custom.parse("{\"content\": \"not an alias here\"}"))
        .isEqualTo(new ParseResult.Rejected("missing_text", ""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"content\": \"x\"", "{content: x}", "not json", "{\"content\": \"x\"} trailing", ""})
  void rejectsMalformedJson(String line) {
    assertThat(rejected(line).reason()).isEqualTo("malformed_json");
  }

  @Test
  void rejectsNullLine() {
    assertThat(parser.parse(null)).isEqualTo(new ParseResult.Rejected("malformed_json", "empty line"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"[{\"content\": \"x\"}]", "\"content\"", "42", "null"})
  void rejectsValuesThatAreNotObjects(String line) {
    assertThat(rejected(line).reason()).isEqualTo("not_an_object");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"title\": \"only a title\"}",
        "{\"content\": \"\"}",
        "{\"content\": \"  \\n \"}",
        "{\"content\": null}",
        "{}"
      })
  void rejectsRecordsWithoutText(String line) {
    assertThat(rejected(line).reason()).isEqualTo("missing_text");
  }

  @Test
  void rejectsContainersWhereTextIsExpectedNamingTheField() {
    assertThat(rejected("{\"content\": {\"p\": \"x\"}}"))
        .isEqualTo(new ParseResult.Rejected("wrong_type", "content"));
    assertThat(rejected("{\"content\": \"x\", \"Judul\": [\"a\", \"b\"]}"))
        .isEqualTo(new ParseResult.Rejected("wrong_type", "Judul"));
  }

  @Test
  void rejectsANumberOrBooleanWhereTheTextBelongs() {
    assertThat(rejected("{\"text\": 20241026}"))
        .isEqualTo(new ParseResult.Rejected("wrong_type", "text"));
    assertThat(rejected("{\"isi\": true}"))
        .isEqualTo(new ParseResult.Rejected("wrong_type", "isi"));
  }

  @Test
  void survivesJavaSerialisation() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(parser);
    }
    JsonArticleParser copy;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (JsonArticleParser) in.readObject();
    }
    assertThat(copy.parse(CLICK_ID_FIMELA)).isEqualTo(parser.parse(CLICK_ID_FIMELA));
  }
}
