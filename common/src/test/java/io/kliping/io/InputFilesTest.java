package io.kliping.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {
  @TempDir
  Path tmp;

  private Path touch(String relative) throws IOException {
    Path p = tmp.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, "x");
    return p;
  }

  @Test
  void formatsAreDetectedByExtensionThroughCompressionSuffixes() {
    assertThat(InputFiles.detect("a.jsonl")).isEqualTo(InputFiles.Format.JSONL);
    assertThat(InputFiles.detect("a.JSONL.GZ")).isEqualTo(InputFiles.Format.JSONL);
    assertThat(InputFiles.detect("a.ndjson.bz2")).isEqualTo(InputFiles.Format.JSONL);
    assertThat(InputFiles.detect("a.json")).isEqualTo(InputFiles.Format.JSONL);
    assertThat(InputFiles.detect("001.txt")).isEqualTo(InputFiles.Format.TEXT);
    assertThat(InputFiles.detect("export.CSV")).isEqualTo(InputFiles.Format.CSV);
    assertThat(InputFiles.detect("export.tsv.gz")).isEqualTo(InputFiles.Format.CSV);
    assertThat(InputFiles.detect("part-0001.parquet")).isEqualTo(InputFiles.Format.PARQUET);
    assertThat(InputFiles.detect("crawl.warc.gz")).isEqualTo(InputFiles.Format.WARC);
    assertThat(InputFiles.detect("crawl.warc.wet.gz")).isEqualTo(InputFiles.Format.WARC);
    assertThat(InputFiles.detect("readme.md")).isNull();
    assertThat(InputFiles.detect("data.gz")).isNull();
  }

  @Test
  void foldersAreListedRecursivelySkippingHiddenFilesAndSorted() throws IOException {
    touch("dump/b.jsonl.gz");
    touch("dump/a.jsonl");
    touch("dump/texts/2.txt");
    touch("dump/texts/1.txt");
    touch("dump/texts/notes.md");
    touch("dump/.hidden.jsonl");
    touch("dump/_SUCCESS");
    touch("dump/_tmp/x.jsonl");
    InputFiles.Listing l = InputFiles.list(new Configuration(), List.of(tmp.resolve("dump").toString()), "auto");
    assertThat(l.files(InputFiles.Format.JSONL)).extracting(InputFilesTest::name).containsExactly("a.jsonl", "b.jsonl.gz");
    assertThat(l.files(InputFiles.Format.TEXT)).extracting(InputFilesTest::name).containsExactly("1.txt", "2.txt");
    assertThat(l.skipped()).extracting(InputFilesTest::name).containsExactly("notes.md");
  }

  @Test
  void filesWithoutAKnownExtensionAreRecognisedByTheirFirstBytes() throws IOException {
    Path dir = tmp.resolve("sniff");
    Files.createDirectories(dir);
    Files.write(dir.resolve("dump-a"), "PAR1\0\0\0".getBytes(StandardCharsets.ISO_8859_1));
    Files.writeString(dir.resolve("dump-b"), "WARC/1.1\r\nWARC-Type: warcinfo\r\n");
    Files.writeString(dir.resolve("dump-c"), "\uFEFF  {\"title\": \"x\"}\n");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("dump-d")))) {
      out.write("{\"a\": 1}\n".repeat(500).getBytes(StandardCharsets.UTF_8));
    }
    Files.writeString(dir.resolve("notes"), "just some words");
    Files.write(dir.resolve("empty"), new byte[0]);
    InputFiles.Listing l = InputFiles.list(new Configuration(), List.of(dir.toString()), "auto");
    assertThat(l.files(InputFiles.Format.PARQUET)).extracting(InputFilesTest::name)
        .containsExactly("dump-a");
    assertThat(l.files(InputFiles.Format.WARC)).extracting(InputFilesTest::name)
        .containsExactly("dump-b");
    assertThat(l.files(InputFiles.Format.JSONL)).extracting(InputFilesTest::name)
        .containsExactly("dump-c", "dump-d");
    assertThat(l.skipped()).extracting(InputFilesTest::name).containsExactly("empty", "notes");
  }

  @Test
  void anUnknownFormatNameIsRefused() {
    assertThatThrownBy(() -> InputFiles.list(new Configuration(), List.of(tmp.toString()), "xml"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("xml");
  }

  @Test
  void globsAndExplicitFormatsWork() throws IOException {
    touch("in/day1.data");
    touch("in/day2.data");
    touch("in/other.txt");
    InputFiles.Listing l = InputFiles.list(new Configuration(),
        List.of(tmp.resolve("in").toString() + "/day*.data"), "jsonl");
    assertThat(l.files(InputFiles.Format.JSONL)).extracting(InputFilesTest::name).containsExactly("day1.data", "day2.data");
    assertThat(l.files(InputFiles.Format.TEXT)).isEmpty();
  }

  @Test
  void aPathMatchingNothingFailsNamingIt() {
    assertThatThrownBy(() -> InputFiles.list(new Configuration(),
        List.of(tmp.resolve("missing.jsonl").toString()), "auto"))
        .isInstanceOf(InputException.class).hasMessageContaining("missing.jsonl");
    assertThatThrownBy(() -> InputFiles.list(new Configuration(),
        List.of(tmp.resolve("nothing-*.jsonl").toString()), "auto"))
        .isInstanceOf(InputException.class).hasMessageContaining("nothing-*");
  }

  private static String name(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
