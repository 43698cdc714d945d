package io.kliping.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.kliping.testing.SparkTestBase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * Small hand-made batches: each article gets a body paragraph of its own, and lines are placed in
 * a chosen number of articles of a source, so each count and share is known.
 */
class RepeatedLineRemoverTest extends SparkTestBase {
  /** Columns in an order of their own plus one extra, to check the schema is kept as given. */
  private static final StructType ARTICLES = new StructType()
      .add("title", DataTypes.StringType)
      .add("text", DataTypes.StringType)
      .add("source", DataTypes.StringType)
      .add("position", DataTypes.StringType)
      .add("input_file", DataTypes.StringType);

  /**
   * At least 3 articles and at least half of the source; paragraphs up to 30 characters; articles
   * count when at most half of their paragraphs are frequent.
   */
  private static final RepeatedLineSettings SETTINGS =
      new RepeatedLineSettings(true, 3, 0.5, 30, 0.5);

  private final List<Row> rows = new ArrayList<>();

  /** Adds an article; its key is "f-{source}" and a running position. */
  private String article(String source, String text) {
    String position = String.valueOf(rows.size());
    rows.add(RowFactory.create("title " + position, text, source, position, "f-" + source));
    return position;
  }

  /**
   * {@code count} articles of {@code source}: a body of their own (two paragraphs, {@link #body}),
   * then {@code extra}.
   */
  private void articles(String source, int count, String extra) {
    for (int i = 0; i < count; i++) {
      article(source, body(source, i) + (extra == null ? "" : "\n\n" + extra));
    }
  }

  /** The body {@link #articles} gives the {@code i}-th article of a call. */
  private static String body(String source, int i) {
    return "Berita " + source + " nomor " + i + ".\n\nLanjutan " + source + " " + i + ".";
  }

  private Dataset<Row> input() {
    return spark.createDataFrame(rows, ARTICLES);
  }

  private static Map<String, String> textByPosition(Dataset<Row> articles) {
    Map<String, String> out = new HashMap<>();
    for (Row r : articles.collectAsList()) {
      out.put(r.getAs("position"), r.getAs("text"));
    }
    return out;
  }

  private static RepeatedLineRemover.Result apply(RepeatedLineSettings settings, Dataset<Row> in) {
    return RepeatedLineRemover.create(settings).apply(in);
  }

  @Test
  void removesLinesOnlyAtOrAboveBothThresholds() {
    articles("s", 3, "Footer situs\n\nPromo langganan"); // 3 of 6 articles: both at threshold
    articles("s", 3, null);
    articles("big", 4, "Banner iklan");                  // 4 of 8: 0.5
    articles("big", 3, "Footer situs");                  // 3 of 8: enough articles, share 0.375
    articles("big", 1, null);
    String twice = article("s2", "Baca lainnya\n\nIsi berita.");
    article("s2", "Isi lain.\n\nBaca lainnya");          // 2 of 2 articles: share 1, too few

    RepeatedLineRemover.Result result = apply(SETTINGS, input());

    assertThat(result.debrisLines().collectAsList())
        .extracting(r -> r.getAs("source"), r -> r.getAs("line"), r -> r.getAs("articles"))
        .containsExactlyInAnyOrder(
            tuple("s", "Footer situs", 3L), tuple("s", "Promo langganan", 3L),
            tuple("big", "Banner iklan", 4L));
    Map<String, String> texts = textByPosition(result.articles());
    assertThat(texts.get("0")).isEqualTo(body("s", 0));
    assertThat(texts.get("3")).isEqualTo(body("s", 0));
    assertThat(texts.get("6")).isEqualTo(body("big", 0));
    assertThat(texts.get("10")).isEqualTo(body("big", 0) + "\n\nFooter situs");
    assertThat(texts.get(twice)).isEqualTo("Baca lainnya\n\nIsi berita.");
  }

  @Test
  void countsPerSourceSoALineSharedBySourcesBelowThresholdStays() {
    articles("a", 2, "Ikuti kami di media sosial");
    articles("a", 2, null);
    articles("b", 2, "Ikuti kami di media sosial"); // 4 articles in all, but 2 in each source
    articles("b", 2, null);

    RepeatedLineRemover.Result result = apply(SETTINGS, input());

    assertThat(result.debrisLines().count()).isZero();
    assertThat(result.articles().collectAsList()).containsExactlyInAnyOrderElementsOf(rows);
  }

  @Test
  void neverRemovesParagraphsLongerThanMaxChars() {
    String exactly30 = "Tiga puluh karakter persis ya.";
    String longer = "Paragraf ini lebih panjang dari tiga puluh karakter.";
    assertThat(exactly30).hasSize(30);
    articles("s", 4, exactly30 + "\n\n" + longer);

    RepeatedLineRemover.Result result = apply(SETTINGS, input());

    assertThat(result.debrisLines().collectAsList())
        .extracting(r -> r.getAs("line")).containsExactly(exactly30);
    assertThat(textByPosition(result.articles()).values())
        .allSatisfy(text -> assertThat(text).endsWith("\n\n" + longer).doesNotContain(exactly30));
  }

  @Test
  void aShareExactlyAtTheThresholdCounts() {
    articles("s", 3, "Footer");
    articles("s", 27, null); // 3 of 30 is 0.1 exactly, whereas 30 * 0.1 > 3 in doubles

    RepeatedLineRemover.Result result =
        apply(new RepeatedLineSettings(true, 3, 0.1, 30, 0.5), input());

    assertThat(result.debrisLines().collectAsList())
        .extracting(r -> r.getAs("line")).containsExactly("Footer");
  }

  @Test
  void keepsTheOrderOfTheOtherParagraphs() {
    String a = article("s", "Pembuka\n\nPertama.\n\nFooter\n\nKedua.\n\nPromo\n\nKetiga.\n\nPenutup");
    String b = article("s", "Footer\n\nSatu.\n\nDua.\n\nTiga.\n\nEmpat.\n\nLima.\n\nEnam.\n\nPromo");
    String c = article("s", "Promo\n\nPenutup\n\nPembuka\n\nFooter\n\nX.\n\nY.\n\nZ.\n\nW.\n\nV.\n\nU.\n\nT.");

    Map<String, String> texts = textByPosition(apply(SETTINGS, input()).articles());

    assertThat(texts.get(a)).isEqualTo("Pembuka\n\nPertama.\n\nKedua.\n\nKetiga.\n\nPenutup");
    assertThat(texts.get(b)).isEqualTo("Satu.\n\nDua.\n\nTiga.\n\nEmpat.\n\nLima.\n\nEnam.");
    assertThat(texts.get(c)).isEqualTo("Penutup\n\nPembuka\n\nX.\n\nY.\n\nZ.\n\nW.\n\nV.\n\nU.\n\nT.");
  }

  @Test
  void anArticleOfDebrisOnlyBecomesEmptyAndRowsAreKept() {
    articles("s", 3, "Footer");
    String onlyDebris = article("s", "Footer\n\nFooter");
    articles("s", 2, null);

    Dataset<Row> out = apply(SETTINGS, input()).articles();

    assertThat(out.count()).isEqualTo(rows.size());
    assertThat(out.select("position").distinct().count()).isEqualTo(rows.size());
    assertThat(textByPosition(out).get(onlyDebris)).isEmpty();
  }

  @Test
  void nullSourcesFormOneGroupAndNullOrEmptyTextsPassThrough() {
    articles(null, 3, "Tanpa sumber");
    String nullText = article(null, null);
    String emptyText = article(null, "");
    articles("x", 3, null);
    articles("x", 1, "Tanpa sumber");

    // 3 of the 3 null-source articles with text (but only 3 of 5 articles): null and empty
    // texts do not count in the source's size.
    RepeatedLineRemover.Result result =
        apply(new RepeatedLineSettings(true, 3, 0.7, 30, 0.5), input());

    assertThat(result.debrisLines().collectAsList())
        .extracting(r -> r.getAs("source"), r -> r.getAs("line"), r -> r.getAs("articles"))
        .containsExactly(tuple(null, "Tanpa sumber", 3L));
    Map<String, String> texts = textByPosition(result.articles());
    assertThat(texts.get("0")).isEqualTo(body(null, 0));
    assertThat(texts).containsEntry(nullText, null).containsEntry(emptyText, "");
    assertThat(texts.get("8")).isEqualTo(body("x", 0) + "\n\nTanpa sumber");
  }

  @Test
  void aLineRepeatedWithinOneArticleCountsOnceAndGoesEverywhere() {
    article("s", "Satu.\n\nFooter\n\nDua.\n\nFooter");
    article("s", "Tiga.\n\nFooter\n\nFooter\n\nFooter");
    article("s", "Empat.");
    article("s", "Lima.\n\nFooter");

    RepeatedLineRemover.Result result = apply(SETTINGS, input());

    assertThat(result.debrisLines().collectAsList())
        .extracting(r -> r.getAs("articles")).containsExactly(3L);
    assertThat(textByPosition(result.articles()))
        .containsEntry("0", "Satu.\n\nDua.").containsEntry("1", "Tiga.")
        .containsEntry("2", "Empat.").containsEntry("3", "Lima.");
  }

  @Test
  void leavesArticlesWithoutDebrisExactlyAsTheyWere() {
    articles("s", 3, "Footer");
    // not what TextCleaner writes, but kept as is: the text of an untouched article is not rebuilt
    article("s", "Awal\n\n\n\nakhir\n\n");
    article("s", "  spasi  ");

    Dataset<Row> in = input();
    RepeatedLineRemover.Result result = apply(SETTINGS, in);

    assertThat(result.articles().schema()).isEqualTo(in.schema());
    assertThat(result.articles().collectAsList())
        .contains(rows.get(3), rows.get(4))
        .extracting(r -> r.getAs("title")).containsExactlyInAnyOrder(
            "title 0", "title 1", "title 2", "title 3", "title 4");
  }

  @Test
  void disabledReturnsTheInputAndNoLines() {
    articles("s", 5, "Footer");
    Dataset<Row> in = input();

    RepeatedLineRemover.Result result =
        apply(new RepeatedLineSettings(false, 3, 0.5, 30, 0.5), in);

    assertThat(result.articles()).isSameAs(in);
    assertThat(result.debrisLines().count()).isZero();
    assertThat(result.debrisLines().schema().fieldNames())
        .containsExactly("source", "line", "articles");
  }

  @Test
  void resultDoesNotDependOnPartitioning() {
    String[] lines = {"Footer", "Promo", "Ikuti kami", "Baca juga"};
    for (int i = 0; i < 90; i++) {
      String source = i % 3 == 0 ? null : "s" + (i % 3);
      StringBuilder text = new StringBuilder("Isi " + i + ".");
      for (int l = 0; l < lines.length; l++) {
        if ((i * 7 + l * 5) % (l + 2) == 0) {
          text.append("\n\n").append(lines[l]).append(i % 2 == 0 ? "\n\nLanjut " + i : "");
        }
      }
      article(source, text.toString());
    }
    RepeatedLineSettings settings = new RepeatedLineSettings(true, 3, 0.3, 30, 0.5);

    RepeatedLineRemover.Result one = apply(settings, input().repartition(1));
    RepeatedLineRemover.Result seven = apply(settings, input().repartition(7));

    assertThat(seven.debrisLines().collectAsList()).isNotEmpty()
        .containsExactlyInAnyOrderElementsOf(one.debrisLines().collectAsList());
    assertThat(seven.articles().collectAsList())
        .containsExactlyInAnyOrderElementsOf(one.articles().collectAsList())
        .extracting(r -> r.<String>getAs("text")).noneMatch(text -> text.contains("Footer"));
  }

  @Test
  void templateVariantsOfOneLineCountTogetherAndAreAllRemoved() {
    article("f", "Isi satu.\n\n#GrowFearless with FIMELA");
    article("f", "Isi dua.\n\n#growfearless with Fimela!");
    article("f", "Isi tiga.\n\n#GrowFearless With FIMELA");
    article("f", "Isi empat.");

    RepeatedLineRemover.Result result = apply(SETTINGS, input());

    assertThat(result.debrisLines().collectAsList())
        .extracting(r -> r.getAs("source"), r -> r.getAs("line"), r -> r.getAs("articles"))
        .containsExactly(tuple("f", "#GrowFearless With FIMELA", 3L));
    assertThat(textByPosition(result.articles()).values())
        .containsExactlyInAnyOrder("Isi satu.", "Isi dua.", "Isi tiga.", "Isi empat.");
  }

  @Test
  void aStoryTheSourceRanManyTimesIsNotDebrisButItsChromeIs() {
    // 30 pages of their own and 12 copies of one wire story (one paragraph changed per copy),
    // all closing with the site's footer. Every story paragraph is short and in 12 of 42
    // articles: frequent enough to be debris, were the copies counted.
    List<String> story = List.of("Menlu bertemu mitra.", "Kedua pihak sepakat.",
        "Pertemuan di Jakarta.", "Rincian belum diumumkan.", "Kata juru bicara.");
    articles("s", 30, "Footer situs");
    List<String> copies = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      List<String> paragraphs = new ArrayList<>(story);
      paragraphs.set(i % story.size(), story.get(i % story.size()) + " Salinan " + i + ".");
      paragraphs.add("Footer situs");
      copies.add(article("s", String.join("\n\n", paragraphs)));
    }
    RepeatedLineSettings settings = new RepeatedLineSettings(true, 3, 0.1, 30, 0.5);

    RepeatedLineRemover.Result result = apply(settings, input());

    assertThat(result.debrisLines().collectAsList())
        .extracting(r -> r.getAs("line"), r -> r.getAs("articles"))
        .containsExactly(tuple("Footer situs", 30L));
    Map<String, String> texts = textByPosition(result.articles());
    assertThat(copies).allSatisfy(position -> assertThat(texts.get(position))
        .doesNotContain("Footer situs")
        .contains("Kedua pihak sepakat.", "Pertemuan di Jakarta.", "Kata juru bicara."));
    // the same batch with every article counted learns the story as debris: the rule matters
    assertThat(apply(new RepeatedLineSettings(true, 3, 0.1, 30, 1.0), input())
        .debrisLines().collectAsList())
        .extracting(r -> r.<String>getAs("line")).contains("Kedua pihak sepakat.");
  }

  /**
   * Removing learned lines streams the articles past the (broadcast) keys of their source: the
   * only shuffle is the grouping of the learned lines by source, never one of the texts.
   */
  @Test
  void removingLearnedLinesDoesNotShuffleTheArticles() {
    articles("s", 4, "Footer situs");
    articles("t", 2, null);
    Dataset<Row> debris = spark.createDataFrame(List.of(
        RowFactory.create("s", "footersitus", "Footer situs", 4L)),
        new StructType().add("source", DataTypes.StringType).add("key", DataTypes.StringType)
            .add("line", DataTypes.StringType).add("articles", DataTypes.LongType));
    // Tiny inputs would be broadcast anyway: only what the code asks for may be.
    String threshold = spark.conf().get("spark.sql.autoBroadcastJoinThreshold");
    spark.conf().set("spark.sql.autoBroadcastJoinThreshold", "-1");
    Dataset<Row> removed = RepeatedLineRemover.create(SETTINGS).remove(input(), debris);
    String plan;
    try {
      assertThat(textByPosition(removed).values()).hasSize(6)
          .noneMatch(t -> t.contains("Footer"));
      plan = removed.queryExecution().executedPlan().toString();
    } finally {
      spark.conf().set("spark.sql.autoBroadcastJoinThreshold", threshold);
    }
    String finalPlan = plan.contains("Final Plan")
        ? plan.substring(plan.indexOf("Final Plan"), plan.indexOf("Initial Plan")) : plan;
    assertThat(finalPlan).as(plan).contains("BroadcastHashJoin");
    assertThat(finalPlan.split("Exchange hashpartitioning\\(", -1)).as(plan).hasSize(2);
  }
}
