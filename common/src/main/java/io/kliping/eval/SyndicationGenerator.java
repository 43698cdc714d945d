package io.kliping.eval;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

/**
 * Makes a syndicated news corpus with ground truth from real articles, to measure how well dedup
 * finds what it should. Every base article becomes one story: its original (published by the
 * base's outlet), {@code 0..maxCopies} copies republished by other outlets with the edits desks
 * really make, and, for a share of stories, a hard negative: a different story on the same topic
 * that shares some text with the original but must not be clustered with it.
 *
 * <p>A story is edited in paragraphs ({@link TextEdits#storyParagraphs}): long one-line bodies,
 * as in dumps that lost their line breaks, are cut at sentence ends, and the original is
 * published with those breaks.
 *
 * <h2>Copies</h2>
 * Each copy applies, each with its own probability: a reworded headline (synonym, dropped word,
 * "VIDEO:" prefix, outlet suffix); a new lead (the outlet's dateline such as "JAKARTA, KOMPAS.com -
 * ", a one-sentence summary paragraph above the story, or the lead cut to its first sentence); the
 * original outlet's boilerplate removed; the republisher's boilerplate added ("Baca juga: ...",
 * "Editor: ...", "(ant/dil)"); one or two paragraphs dropped; two adjacent paragraphs swapped; the
 * tail cut (60-90% kept); a few typos; spacing and punctuation noise. About 9% of copies carry the
 * text verbatim (exact syndication). The edits that remove words share a budget of 40% of the
 * original's words.
 *
 * <p>Intended similarity: word 5-gram Jaccard ({@link WordShingles}, the shingles dedup uses) of
 * a copy against its original of at least {@link #MIN_COPY_JACCARD} (0.5), spread over 0.5-1.0 so
 * that a dedup threshold of 0.7 meets copies on both sides. The floor is enforced: a draft under
 * it is redrawn, and after {@value #COPY_ATTEMPTS} drafts the copy keeps the text and only gets a
 * new headline and punctuation noise. Two copies of one story may be less similar to each other
 * than to the original; the truth is the story, not the pair.
 *
 * <h2>Hard negatives</h2>
 * The original's lead paragraph (or only its first sentence, or only the first 12 words of that:
 * whichever is the longest that keeps the limits below) followed by runs of sentences from up
 * to three other bases of the same source and category (falling back to the category, then to any
 * base), each run at most 20% of its donor's words. It is kept only if its Jaccard with the
 * original and with every donor is below {@link #MAX_HARD_NEGATIVE_JACCARD} (0.25) and it shares
 * at least one shingle with the original; otherwise new donors are drawn, and after {@value
 * #HARD_NEGATIVE_ATTEMPTS} tries the story gets none. Its story id is its own.
 *
 * <h2>Determinism</h2>
 * Story {@code i} draws from a random source seeded by {@code (seed, i)}, so output depends only on
 * the settings and the base list, whatever the thread that makes it: {@link #generate} makes
 * batches of {@value #BATCH_STORIES} stories in parallel and holds one batch in memory, not the
 * corpus.
 *
 * <h2>Scale</h2>
 * A corpus may have more stories than bases (1M articles from click-id's 21,000): the others get
 * composite originals ({@link CompositeBases}). {@link CopyCounts} sets the duplicate share and the
 * cluster-size distribution, and one story can be a giant cluster whose copies are made in
 * independent chunks, so it neither runs on one thread nor sits in memory at once.
 *
 * <p>Bases should be distinct stories: filter them with {@link DistinctBases} first.
 */
public final class SyndicationGenerator {

  /** Lowest word 5-gram Jaccard of a copy against its original. */
  public static final double MIN_COPY_JACCARD = 0.5;

  /** A hard negative's Jaccard with its original and with each donor stays below this. */
  public static final double MAX_HARD_NEGATIVE_JACCARD = 0.25;

  /** Share of the original's words that edits may remove (drops, truncation, shorter lead). */
  static final double MAX_REMOVED_SHARE = 0.4;

  static final int COPY_ATTEMPTS = 4;

  /** Stories made in parallel at a time: bounds memory, keeps all cores busy. */
  static final int BATCH_STORIES = 512;

  static final int HARD_NEGATIVE_ATTEMPTS = 3;

  /** Copies of the giant cluster made per parallel unit. */
  static final int GIANT_CHUNK = 2048;

  private static final long COMPOSITE_SALT = 0x5DEECE66DL;
  private static final long GIANT_SALT = 0x2545F4914F6CDD1DL;
  /** URL numbers of giant-cluster copies: far above those of ordinary stories. */
  private static final long GIANT_FIRST_NUMBER = 900_000_000_000L;
  static final int MIN_SHARED_WORDS = 12;
  private static final String[] SHARED_TEXT_KINDS = {"shared_lead", "shared_sentence", "shared_clause"};
  private static final double DONOR_SHARE = 0.2;
  private static final int MAX_DONORS = 3;
  private static final long FIRST_ARTICLE_NUMBER = 100_000;
  private static final OffsetDateTime START = OffsetDateTime.of(2024, 10, 1, 6, 0, 0, 0,
      ZoneOffset.ofHours(7));
  private static final int SPREAD_MINUTES = 30 * 24 * 60;
  private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern(
      "yyyy-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);
  private static final DateTimeFormatter URL_DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd",
      Locale.ROOT);

  /**
   * @param seed seed of every random choice
   * @param maxCopies copies per story, drawn uniformly from {@code [0, maxCopies]} unless a {@link
   *     CopyCounts} says otherwise
   * @param hardNegativeShare share of stories that also get a hard negative
   * @param outlets outlets (domains or names) copies are republished under
   */
  public record Settings(long seed, int maxCopies, double hardNegativeShare, List<String> outlets) {
    public Settings {
      if (maxCopies < 0 || maxCopies > 1000) {
        throw new IllegalArgumentException("maxCopies must be in [0, 1000], got " + maxCopies);
      }
      if (!(hardNegativeShare >= 0.0 && hardNegativeShare <= 1.0)) {
        throw new IllegalArgumentException(
            "hardNegativeShare must be in [0, 1], got " + hardNegativeShare);
      }
      Objects.requireNonNull(outlets, "outlets");
      if (outlets.isEmpty()) {
        throw new IllegalArgumentException("outlets must not be empty");
      }
      outlets = List.copyOf(outlets);
    }

    /** Seed 1, up to 8 copies (4 on average), a hard negative for 25% of stories, 20 outlets. */
    public static Settings defaults() {
      return new Settings(1L, 8, 0.25, Outlets.DEFAULTS);
    }
  }

  private final Settings settings;
  private final CopyCounts copyCounts;
  private final List<String> outletDomains;

  /** Copies per story uniform on {@code [0, maxCopies]}: {@link CopyCounts#legacy}. */
  public SyndicationGenerator(Settings settings) {
    this(settings, CopyCounts.legacy(settings.maxCopies()));
  }

  /**
   * @param copyCounts copies per story; its maximum replaces {@code settings.maxCopies()} as the
   *     bound (URL numbers leave room for it)
   */
  public SyndicationGenerator(Settings settings, CopyCounts copyCounts) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.copyCounts = Objects.requireNonNull(copyCounts, "copyCounts");
    this.outletDomains = List.copyOf(settings.outlets().stream().map(Outlets::domain)
        .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
  }

  public Settings settings() {
    return settings;
  }

  /**
   * All articles of the stories made from {@code bases}, story by story (original, copies, hard
   * negative), made lazily as the iterator advances. The list must not change while iterating.
   */
  public Iterator<GeneratedArticle> generate(List<BaseArticle> bases) {
    return generate(bases, bases.size(), 0);
  }

  /**
   * The articles of {@code stories} stories (more than there are bases: the rest get composite
   * originals, see {@link CompositeBases}), made lazily. With {@code giantCopies > 0}, story 0 is
   * one giant cluster: its original and exactly {@code giantCopies} copies, made in chunks of
   * {@value #GIANT_CHUNK} in parallel, and no hard negative; the other stories follow from 1.
   */
  public Iterator<GeneratedArticle> generate(List<BaseArticle> bases, long stories,
      int giantCopies) {
    if (bases.isEmpty() && stories > 0) {
      throw new IllegalArgumentException("no bases to make stories from");
    }
    if (giantCopies < 0) {
      throw new IllegalArgumentException("giant cluster copies must be >= 0, got " + giantCopies);
    }
    StoryMaker maker = new StoryMaker(List.copyOf(bases));
    long giantUnits = giantCopies == 0 ? 0 : (giantCopies + GIANT_CHUNK - 1) / GIANT_CHUNK;
    long units = giantCopies == 0 ? stories : giantUnits + Math.max(0, stories - 1);
    return new Iterator<>() {
      private final ArrayDeque<GeneratedArticle> pending = new ArrayDeque<>();
      private long nextUnit;

      @Override
      public boolean hasNext() {
        while (pending.isEmpty() && nextUnit < units) {
          // Units are independent, so a batch is made in parallel and emitted in order.
          long from = nextUnit;
          nextUnit = Math.min(units, from + BATCH_STORIES);
          LongStream.range(from, nextUnit).parallel()
              .mapToObj(u -> u < giantUnits
                  ? maker.giantChunk(u, giantCopies)
                  : maker.story(u - giantUnits + (giantCopies == 0 ? 0 : 1)))
              .toList()
              .forEach(pending::addAll);
        }
        return !pending.isEmpty();
      }

      @Override
      public GeneratedArticle next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return pending.poll();
      }
    };
  }

  /** Makes the articles of one story; thread-safe (shingling buffers are per thread). */
  private final class StoryMaker {
    private final List<BaseArticle> bases;
    private final CompositeBases composites;
    private final Map<String, int[]> bySourceAndCategory;
    private final Map<String, int[]> byCategory;
    private final ThreadLocal<WordShingles> shingles = ThreadLocal.withInitial(WordShingles::new);

    StoryMaker(List<BaseArticle> bases) {
      this.bases = bases;
      this.composites = new CompositeBases(bases);
      this.bySourceAndCategory = index(bases, true);
      this.byCategory = index(bases, false);
    }

    /** What every article of a story shares: made from the story's own random source. */
    private final class Head {
      final long index;
      final int baseIndex;
      final List<String> paragraphs;
      final String text;
      final String title;
      final String domain;
      final String storyId;
      final long number;
      final OffsetDateTime published;

      Head(long index, SplittableRandom rng) {
        this.index = index;
        this.baseIndex = (int) (index % bases.size());
        BaseArticle base = index < bases.size() ? bases.get(baseIndex)
            : composites.base(index, new SplittableRandom(mix(settings.seed() ^ COMPOSITE_SALT,
                index)));
        this.paragraphs = TextEdits.storyParagraphs(base.text());
        this.text = String.join("\n", paragraphs);
        this.title = headline(base);
        this.domain = Outlets.domain(base.source() != null ? base.source()
            : outletDomains.get(baseIndex % outletDomains.size()));
        this.storyId = String.format(Locale.ROOT, "story-%06d", index);
        this.number = FIRST_ARTICLE_NUMBER + index * (copyCounts.max() + 2);
        this.published = START.plusMinutes(rng.nextInt(SPREAD_MINUTES));
      }

      GeneratedArticle original() {
        return new GeneratedArticle(url(domain, published, number, title), domain, title, text,
            ISO.format(published), storyId, GeneratedArticle.ORIGINAL, "");
      }
    }

    List<GeneratedArticle> story(long index) {
      SplittableRandom rng = new SplittableRandom(mix(settings.seed(), index));
      Head head = new Head(index, rng);
      int baseIndex = head.baseIndex;
      List<String> paragraphs = head.paragraphs;
      String title = head.title;
      String domain = head.domain;
      String storyId = head.storyId;
      long number = head.number;
      OffsetDateTime published = head.published;

      List<GeneratedArticle> out = new ArrayList<>();
      out.add(head.original());
      if (paragraphs.isEmpty()) {
        return out; // nothing to republish
      }
      long[] original = shingles.get().of(head.text);
      int copies = copyCounts.draw(rng);
      List<String> republishers = republishers(domain, copies, rng);
      for (int c = 0; c < copies; c++) {
        String outlet = republishers.get(c);
        Draft draft = copy(baseIndex, paragraphs, title, original, outlet, rng);
        OffsetDateTime at = published.plusMinutes(delayMinutes(5, 2 * 24 * 60, rng));
        out.add(new GeneratedArticle(url(outlet, at, number + 1 + c, draft.title), outlet,
            draft.title, draft.text, ISO.format(at), storyId, GeneratedArticle.COPY,
            draft.edits));
      }
      if (rng.nextDouble() < settings.hardNegativeShare()) {
        Draft negative = hardNegative(baseIndex, paragraphs, original, rng);
        if (negative != null) {
          String outlet = rng.nextBoolean() ? domain
              : outletDomains.get(rng.nextInt(outletDomains.size()));
          OffsetDateTime at = published.plusMinutes(delayMinutes(30, 3 * 24 * 60, rng));
          out.add(new GeneratedArticle(url(outlet, at, number + copyCounts.max() + 1,
              negative.title), outlet, negative.title, negative.text, ISO.format(at),
              storyId + "-hn", GeneratedArticle.HARD_NEGATIVE, negative.edits));
        }
      }
      return out;
    }

    /**
     * Chunk {@code chunk} of the giant story 0: copies {@code [chunk·GIANT_CHUNK, ...)}, each from
     * its own random source (so chunks are independent), preceded by the original in chunk 0.
     */
    List<GeneratedArticle> giantChunk(long chunk, int giantCopies) {
      Head head = new Head(0, new SplittableRandom(mix(settings.seed(), 0)));
      List<GeneratedArticle> out = new ArrayList<>();
      if (chunk == 0) {
        out.add(head.original());
      }
      if (head.paragraphs.isEmpty()) {
        return out;
      }
      long[] original = shingles.get().of(head.text);
      List<String> pool = new ArrayList<>(outletDomains);
      if (pool.size() > 1) {
        pool.remove(head.domain);
      }
      long from = chunk * GIANT_CHUNK;
      long to = Math.min(giantCopies, from + GIANT_CHUNK);
      for (long c = from; c < to; c++) {
        SplittableRandom rng = new SplittableRandom(mix(settings.seed() ^ GIANT_SALT, c));
        String outlet = pool.get(rng.nextInt(pool.size()));
        Draft draft = copy(head.baseIndex, head.paragraphs, head.title, original, outlet, rng);
        OffsetDateTime at = head.published.plusMinutes(delayMinutes(5, 2 * 24 * 60, rng));
        out.add(new GeneratedArticle(url(outlet, at, GIANT_FIRST_NUMBER + c, draft.title), outlet,
            draft.title, draft.text, ISO.format(at), head.storyId, GeneratedArticle.COPY,
            draft.edits));
      }
      return out;
    }

    private Draft copy(int index, List<String> paragraphs, String title, long[] original,
        String outlet, SplittableRandom rng) {
      for (int attempt = 0; attempt < COPY_ATTEMPTS; attempt++) {
        Draft draft = draftCopy(index, paragraphs, title, outlet, rng);
        if (WordShingles.jaccard(original, shingles.get().of(draft.text)) >= MIN_COPY_JACCARD) {
          return draft;
        }
      }
      // Light copy: same words, so Jaccard 1.
      List<String> edits = List.of("headline", "noise", "fallback");
      List<String> noisy = new ArrayList<>(paragraphs.size());
      for (String p : paragraphs) {
        noisy.add(TextEdits.punctuationNoise(p, rng));
      }
      return new Draft(TextEdits.rewordHeadline(title, Outlets.brand(outlet), rng),
          String.join("\n", noisy), String.join(",", edits));
    }

    private Draft draftCopy(int index, List<String> source, String title, String outlet,
        SplittableRandom rng) {
      String brand = Outlets.brand(outlet);
      List<String> edits = new ArrayList<>();
      String newTitle = title;
      if (rng.nextDouble() < 0.7) {
        newTitle = TextEdits.rewordHeadline(title, brand, rng);
        edits.add("headline");
      }
      if (rng.nextDouble() < 0.08) {
        edits.add("verbatim");
        return new Draft(newTitle, String.join("\n", source), String.join(",", edits));
      }
      List<String> p = new ArrayList<>(source);
      int totalWords = 0;
      for (String s : p) {
        totalWords += TextEdits.words(s);
      }
      int budget = (int) (MAX_REMOVED_SHARE * totalWords);

      if (rng.nextDouble() < 0.7 && TextEdits.removeBoilerplate(p) > 0) {
        edits.add("boilerplate_removed");
      }
      if (p.isEmpty()) {
        p.addAll(source); // the text was all boilerplate: keep it
      }
      if (rng.nextDouble() < 0.6) {
        double variant = rng.nextDouble();
        if (variant < 0.6) {
          String city = TextEdits.datelineCity(p.get(0), "Jakarta");
          p.set(0, Outlets.dateline(outlet, city) + TextEdits.stripDateline(p.get(0)));
          edits.add("dateline");
        } else if (variant < 0.8) {
          p.add(0, TextEdits.summaryLead(newTitle, brand, rng));
          edits.add("lead_summary");
        } else {
          int removed = TextEdits.shortenLead(p, budget);
          if (removed > 0) {
            budget -= removed;
            edits.add("lead_shortened");
          }
        }
      }
      if (rng.nextDouble() < 0.25) {
        int removed = TextEdits.dropParagraphs(p, budget, rng);
        if (removed > 0) {
          budget -= removed;
          edits.add("paragraphs_dropped");
        }
      }
      if (rng.nextDouble() < 0.2 && TextEdits.swapAdjacent(p, rng)) {
        edits.add("paragraphs_swapped");
      }
      if (rng.nextDouble() < 0.25) {
        int removed = TextEdits.truncateTail(p, 0.6 + 0.3 * rng.nextDouble(), budget);
        if (removed > 0) {
          edits.add("truncated");
        }
      }
      if (rng.nextDouble() < 0.6) {
        TextEdits.addBoilerplate(p, brand, otherHeadlines(index, rng), rng);
        edits.add("boilerplate_added");
      }
      if (rng.nextDouble() < 0.35) {
        int wanted = 1 + rng.nextInt(Math.min(4, 1 + totalWords / 200));
        if (TextEdits.addTypos(p, wanted, rng) > 0) {
          edits.add("typos");
        }
      }
      if (rng.nextDouble() < 0.5) {
        p.replaceAll(s -> TextEdits.punctuationNoise(s, rng));
        edits.add("noise");
      }
      String text = String.join("\n", p);
      if (text.equals(String.join("\n", source))) {
        edits.add("verbatim"); // no edit drawn touched the text
      }
      return new Draft(newTitle, text, String.join(",", edits));
    }

    private Draft hardNegative(int index, List<String> paragraphs, long[] original,
        SplittableRandom rng) {
      for (int attempt = 0; attempt < HARD_NEGATIVE_ATTEMPTS; attempt++) {
        Draft negative = draftHardNegative(index, paragraphs, original, rng);
        if (negative != null) {
          return negative;
        }
      }
      return null;
    }

    /** A hard negative from freshly drawn donors, or null if it fails the similarity limits. */
    private Draft draftHardNegative(int index, List<String> paragraphs, long[] original,
        SplittableRandom rng) {
      int[] donors = donors(index, rng);
      if (donors.length == 0 || paragraphs.isEmpty()) {
        return null;
      }
      List<String> body = new ArrayList<>();
      List<long[]> donorShingles = new ArrayList<>();
      for (int donor : donors) {
        List<String> donorParagraphs = TextEdits.storyParagraphs(bases.get(donor).text());
        body.addAll(sentenceRun(donorParagraphs, rng));
        donorShingles.add(shingles.get().of(String.join("\n", donorParagraphs)));
      }
      List<String> sharedOptions = sharedText(paragraphs);
      for (int option = 0; option < sharedOptions.size(); option++) {
        List<String> p = new ArrayList<>();
        p.add(sharedOptions.get(option));
        p.addAll(body);
        String text = String.join("\n", p);
        long[] negative = shingles.get().of(text);
        if (acceptable(negative, original, donorShingles)) {
          String title = TextEdits.rewordHeadline(headline(bases.get(donors[0])),
              Outlets.brand(Outlets.domain(bases.get(donors[0]).source())), rng);
          String edits = SHARED_TEXT_KINDS[option] + ",donors:" + donors.length;
          return new Draft(title, text, edits);
        }
      }
      return null;
    }

    private boolean acceptable(long[] negative, long[] original, List<long[]> donors) {
      if (WordShingles.intersectionSize(negative, original) == 0
          || WordShingles.jaccard(negative, original) >= MAX_HARD_NEGATIVE_JACCARD) {
        return false;
      }
      for (long[] donor : donors) {
        if (WordShingles.jaccard(negative, donor) >= MAX_HARD_NEGATIVE_JACCARD) {
          return false;
        }
      }
      return true;
    }

    /** Consecutive sentences from a random place, at most {@link #DONOR_SHARE} of the words. */
    private List<String> sentenceRun(List<String> paragraphs, SplittableRandom rng) {
      List<String> sentences = new ArrayList<>();
      List<Integer> paragraphOf = new ArrayList<>();
      int totalWords = 0;
      for (int i = 0; i < paragraphs.size(); i++) {
        if (TextEdits.isBoilerplate(paragraphs.get(i))) {
          continue;
        }
        for (String s : TextEdits.sentences(paragraphs.get(i))) {
          sentences.add(s);
          paragraphOf.add(i);
          totalWords += TextEdits.words(s);
        }
      }
      List<String> out = new ArrayList<>();
      if (sentences.isEmpty()) {
        return out;
      }
      int limit = (int) (DONOR_SHARE * totalWords);
      int from = sentences.size() > 1 ? 1 + rng.nextInt(sentences.size() - 1) : 0;
      StringBuilder paragraph = new StringBuilder();
      int words = 0;
      for (int i = from; i < sentences.size(); i++) {
        int w = TextEdits.words(sentences.get(i));
        if (words > 0 && words + w > limit) {
          break;
        }
        if (paragraph.length() > 0 && !paragraphOf.get(i).equals(paragraphOf.get(i - 1))) {
          out.add(paragraph.toString());
          paragraph.setLength(0);
        }
        paragraph.append(paragraph.length() == 0 ? "" : " ").append(sentences.get(i));
        words += w;
      }
      if (paragraph.length() > 0) {
        out.add(paragraph.toString());
      }
      return out;
    }

    /** Up to three other bases on the same topic: same source and category, else category. */
    private int[] donors(int index, SplittableRandom rng) {
      BaseArticle base = bases.get(index);
      int[] group = bySourceAndCategory.get(sourceAndCategory(base));
      if (group == null || group.length < 3) {
        group = byCategory.get(category(base));
      }
      int others = group == null ? 0 : group.length - 1;
      if (others < 2) {
        return pick(index, null, Math.min(MAX_DONORS, bases.size() - 1), rng);
      }
      return pick(index, group, Math.min(MAX_DONORS, others), rng);
    }

    private int[] pick(int index, int[] group, int wanted, SplittableRandom rng) {
      int size = group == null ? bases.size() : group.length;
      LinkedHashSet<Integer> chosen = new LinkedHashSet<>();
      for (int tries = 0; chosen.size() < wanted && tries < wanted * 10; tries++) {
        int candidate = group == null ? rng.nextInt(size) : group[rng.nextInt(size)];
        if (candidate != index) {
          chosen.add(candidate);
        }
      }
      return chosen.stream().mapToInt(Integer::intValue).toArray();
    }

    private List<String> otherHeadlines(int index, SplittableRandom rng) {
      List<String> out = new ArrayList<>(2);
      for (int i = 0; i < 2 && bases.size() > 1; i++) {
        int other = rng.nextInt(bases.size() - 1);
        out.add(headline(bases.get(other >= index ? other + 1 : other)));
      }
      return out;
    }

    /** The outlets that republish: others than the original's, without repeats while they last. */
    private List<String> republishers(String originalDomain, int copies, SplittableRandom rng) {
      List<String> pool = new ArrayList<>(outletDomains);
      pool.remove(originalDomain);
      if (pool.isEmpty()) {
        pool.add(originalDomain);
      }
      List<String> out = new ArrayList<>(copies);
      while (out.size() < copies) {
        List<String> round = new ArrayList<>(pool);
        for (int i = round.size() - 1; i > 0; i--) { // Fisher-Yates
          int j = rng.nextInt(i + 1);
          round.set(i, round.set(j, round.get(i)));
        }
        out.addAll(round.subList(0, Math.min(round.size(), copies - out.size())));
      }
      return out;
    }
  }

  private record Draft(String title, String text, String edits) {}

  /**
   * What a hard negative may share with the original, longest first: the lead (the first story
   * paragraph of at least {@value #MIN_SHARED_WORDS} words), its first sentence of that length,
   * and that sentence's first {@value #MIN_SHARED_WORDS} words.
   */
  private static List<String> sharedText(List<String> paragraphs) {
    for (String p : paragraphs) {
      if (TextEdits.isBoilerplate(p) || TextEdits.words(p) < MIN_SHARED_WORDS) {
        continue;
      }
      String sentence = p;
      for (String s : TextEdits.sentences(p)) {
        if (TextEdits.words(s) >= MIN_SHARED_WORDS) {
          sentence = s;
          break;
        }
      }
      String[] words = sentence.split("\\s+");
      String clause = String.join(" ", List.of(words).subList(0, MIN_SHARED_WORDS));
      return List.of(p, sentence, clause);
    }
    return List.of();
  }

  private static String headline(BaseArticle base) {
    return base.title() == null || base.title().isBlank()
        ? TextEdits.headlineFrom(base.text()) : base.title().strip();
  }

  private static String url(String domain, OffsetDateTime at, long number, String title) {
    return "https://" + domain + "/read/" + URL_DATE.format(at) + "/" + number + "/"
        + TextEdits.slug(title);
  }

  /** A delay in [min, max] minutes, log-uniform: most copies come soon, some a day later. */
  private static long delayMinutes(int min, int max, SplittableRandom rng) {
    return Math.round(Math.exp(Math.log(min) + rng.nextDouble() * (Math.log(max) - Math.log(min))));
  }

  private static Map<String, int[]> index(List<BaseArticle> bases, boolean withSource) {
    Map<String, List<Integer>> groups = new HashMap<>();
    for (int i = 0; i < bases.size(); i++) {
      BaseArticle b = bases.get(i);
      groups.computeIfAbsent(withSource ? sourceAndCategory(b) : category(b), k -> new ArrayList<>())
          .add(i);
    }
    Map<String, int[]> out = new HashMap<>();
    groups.forEach((k, v) -> out.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
    return out;
  }

  private static String category(BaseArticle b) {
    return b.category() == null ? "" : b.category().strip().toLowerCase(Locale.ROOT);
  }

  private static String sourceAndCategory(BaseArticle b) {
    return Outlets.domain(b.source()) + "|" + category(b);
  }

  /** SplitMix64 finaliser of (seed, story index): independent streams per story. */
  static long mix(long seed, long index) {
    long z = seed * 0x9E3779B97F4A7C15L + index + 0x632BE59BD9B4E019L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
