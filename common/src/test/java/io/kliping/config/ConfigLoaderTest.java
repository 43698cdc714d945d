package io.kliping.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir
  Path tmp;

  @Test
  void defaultsLoadFromTheBundledReference() {
    KlipingConfig c = ConfigLoader.load(Optional.empty(), List.of("kliping.date=2024-10-25"));
    assertThat(c.warehouse()).isEqualTo("./warehouse");
    assertThat(c.date()).isEqualTo(LocalDate.of(2024, 10, 25));
    assertThat(c.timeZone()).isEqualTo(ZoneId.of("Asia/Jakarta"));
    assertThat(c.input().fields().text()).startsWith("text", "content", "body", "isi");
    assertThat(c.dedup().numPerm()).isEqualTo(128);
    assertThat(c.language().languages()).containsExactly("id", "ms", "en");
    assertThat(c.spark().broadcastJoinThreshold()).isEqualTo(64L << 20);
    assertThat(c.entities().lowercaseWords()).isEqualTo("kliping/ner/lowercase-words.txt.gz");
  }

  @Test
  void broadcastThresholdTakesSizesAndMinusOne() {
    assertThat(ConfigLoader.load(Optional.empty(),
        List.of("kliping.spark.broadcast-join-threshold=10m")).spark().broadcastJoinThreshold())
        .isEqualTo(10L << 20);
    assertThat(ConfigLoader.load(Optional.empty(),
        List.of("kliping.spark.broadcast-join-threshold=-1")).spark().broadcastJoinThreshold())
        .isEqualTo(-1);
    assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(),
        List.of("kliping.spark.broadcast-join-threshold=-2")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("broadcast-join-threshold");
    assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(),
        List.of("kliping.spark.broadcast-join-threshold=huge")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("broadcast-join-threshold");
  }

  @Test
  void rowGroupsAndReadSplitsTakeSizesOfAtLeastOneMebibyte() {
    KlipingConfig defaults = ConfigLoader.load(Optional.empty(), List.of());
    assertThat(defaults.output().articlesRowGroupBytes()).isEqualTo(16L << 20);
    assertThat(defaults.spark().maxSplitBytes()).isEqualTo(32L << 20);
    KlipingConfig set = ConfigLoader.load(Optional.empty(),
        List.of("kliping.output.articles-row-group-bytes=1m", "kliping.spark.max-split-bytes=\"2 MiB\""));
    assertThat(set.output().articlesRowGroupBytes()).isEqualTo(1L << 20);
    assertThat(set.spark().maxSplitBytes()).isEqualTo(2L << 20);
    for (String bad : List.of("kliping.output.articles-row-group-bytes=512k",
        "kliping.output.articles-row-group-bytes=-1", "kliping.spark.max-split-bytes=0",
        "kliping.spark.max-split-bytes=big")) {
      String key = bad.substring("kliping.".length(), bad.indexOf('='));
      assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), List.of(bad)))
          .as(bad).isInstanceOf(ConfigException.class).hasMessageContaining(key);
    }
  }

  @Test
  void blankDateIsTodayInTheConfiguredZone() {
    KlipingConfig c = ConfigLoader.load(Optional.empty(), List.of());
    assertThat(c.date()).isEqualTo(LocalDate.now(ZoneId.of("Asia/Jakarta")));
  }

  @Test
  void overridesWinOverTheUserFileWhichWinsOverDefaults() throws Exception {
    File f = tmp.resolve("my.conf").toFile();
    Files.writeString(f.toPath(), "kliping { dedup.threshold = 0.9\n warehouse = \"/data/w\" }\n");
    KlipingConfig c = ConfigLoader.load(Optional.of(f), List.of("kliping.dedup.threshold=0.75",
        "kliping.input.paths=[\"a.jsonl\", \"b/\"]", "kliping.date=2024-01-31"));
    assertThat(c.dedup().threshold()).isEqualTo(0.75);
    assertThat(c.warehouse()).isEqualTo("/data/w");
    assertThat(c.input().paths()).containsExactly("a.jsonl", "b/");
  }

  @Test
  void plainStringOverridesNeedNoQuotes() {
    KlipingConfig c = ConfigLoader.load(Optional.empty(),
        List.of("kliping.warehouse=hdfs://nn:8020/kliping/warehouse", "kliping.date=2024-01-31"));
    assertThat(c.warehouse()).isEqualTo("hdfs://nn:8020/kliping/warehouse");
    KlipingConfig d = ConfigLoader.load(Optional.empty(),
        List.of("kliping.warehouse=/data//kliping # nightly", "kliping.date=2024-01-31"));
    assertThat(d.warehouse()).isEqualTo("/data//kliping # nightly");
  }

  @Test
  void unknownKeysFailNamingTheKey() {
    assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(),
        List.of("kliping.dedup.treshold=0.8")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown configuration key")
        .hasMessageContaining("kliping.dedup.treshold");
  }

  @Test
  void unknownKeysInTheUserFileFailToo() throws Exception {
    File f = tmp.resolve("bad.conf").toFile();
    Files.writeString(f.toPath(), "kliping.output.files = 3\n");
    assertThatThrownBy(() -> ConfigLoader.load(Optional.of(f), List.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("kliping.output.files");
  }

  @Test
  void cooccurrenceDefaultsAndTheirChecks() {
    KlipingConfig.Cooccurrence c = ConfigLoader.load(Optional.empty(),
        List.of("kliping.date=2024-10-25")).cooccurrence();
    assertThat(c.levels()).containsExactly("document", "sentence", "window");
    assertThat(c.rollingDays()).containsExactly(7, 30);
    assertThat(c.windowTokens()).isEqualTo(10);
    assertThat(List.of(c.topK(), c.topMinCount())).containsExactly(10, 3);
    assertThat(c.topMeasure()).isEqualTo("npmi");
    assertThat(ConfigLoader.load(Optional.empty(), List.of("kliping.date=2024-10-25",
        "kliping.cooccurrence.rolling-days=[30, 7, 14]")).cooccurrence().rollingDays())
        .containsExactly(7, 14, 30);
    for (String[] bad : new String[][] {
        {"kliping.cooccurrence.levels=[document, paragraph]", "levels"},
        {"kliping.cooccurrence.levels=[]", "levels"},
        {"kliping.cooccurrence.levels=[document, document]", "twice"},
        {"kliping.cooccurrence.rolling-days=[1]", "rolling-days"},
        {"kliping.cooccurrence.rolling-days=[7, 7]", "twice"},
        {"kliping.cooccurrence.top-k.measure=lift", "top-k.measure"},
        {"kliping.cooccurrence.window-tokens=1", "window-tokens"},
        {"kliping.cooccurrence.max-entities-per-doc=20000", "max-entities-per-doc"}}) {
      assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), List.of(bad[0])))
          .as(bad[0]).isInstanceOf(ConfigException.class).hasMessageContaining(bad[1]);
    }
  }

  @Test
  void wrongTypesFailWithTheKey() {
    assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(),
        List.of("kliping.dedup.num-perm=many")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("num-perm");
  }

  @Test
  void outOfRangeValuesFail() {
    assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(),
        List.of("kliping.dedup.threshold=1.5")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("kliping.dedup.threshold");
    assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(),
        List.of("kliping.input.format=xml")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("kliping.input.format");
    assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(),
        List.of("kliping.clean.extra-debris-line-patterns=[\"(unclosed\"]")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("invalid regex");
  }

  @Test
  void badDatesFailWithTheExpectedFormat() {
    for (String bad : List.of("25-10-2024", "2024-02-30", "2024/10/25", "yesterday")) {
      assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), List.of("kliping.date=" + bad)))
          .isInstanceOf(ConfigException.class).hasMessageContaining("yyyy-MM-dd");
    }
  }

  @Test
  void missingConfigFileFails() {
    assertThatThrownBy(() -> ConfigLoader.load(Optional.of(tmp.resolve("nope.conf").toFile()),
        List.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("config file not found");
  }

  @Test
  void malformedOverrideFails() {
    assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), List.of("kliping.date")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("key=value");
  }
}
