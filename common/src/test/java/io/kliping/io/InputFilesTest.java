package io.kliping.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    assertThat(l.jsonl()).extracting(InputFilesTest::name).containsExactly("a.jsonl", "b.jsonl.gz");
    assertThat(l.text()).extracting(InputFilesTest::name).containsExactly("1.txt", "2.txt");
    assertThat(l.skipped()).extracting(InputFilesTest::name).containsExactly("notes.md");
  }

  @Test
  void globsAndExplicitFormatsWork() throws IOException {
    touch("in/day1.data");
    touch("in/day2.data");
    touch("in/other.txt");
    InputFiles.Listing l = InputFiles.list(new Configuration(),
        List.of(tmp.resolve("in").toString() + "/day*.data"), "jsonl");
    assertThat(l.jsonl()).extracting(InputFilesTest::name).containsExactly("day1.data", "day2.data");
    assertThat(l.text()).isEmpty();
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
