package io.kliping.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.spark.sql.SparkSession;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sample's run report as a real browser shows it: headless Chromium renders the file
 * (offline, from disk), and the test checks the rendered DOM and a screenshot. Skipped when no
 * Chromium is installed, unless {@code -Dkliping.require.browser=true} (CI sets it).
 */
class ReportBrowserTest {
  private static final int WIDTH = 1280;
  private static final int HEIGHT = 2400;
  /** Colours the report paints: header band, and the first bar colours of the plots. */
  private static final int HEADER = 0x1f3a5f;
  private static final int[] BAR_COLOURS = {0x4e79a7, 0xf28e2b, 0xe15759, 0x76b7b2, 0xedc948};

  private static SparkSession spark;
  private static String browser;
  private static Path report;

  @BeforeAll
  static void setUp() throws IOException {
    browser = findBrowser().orElse(null);
    if (browser == null) {
      if (Boolean.getBoolean("kliping.require.browser")) {
        fail("no chromium on PATH and -Dkliping.require.browser=true");
      }
      assumeTrue(false, "no chromium on PATH: browser check skipped");
    }
    spark = SparkSession.builder().master("local[2]").appName("kliping-report-browser-test")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
        .config("spark.driver.host", "127.0.0.1").getOrCreate();
    SampleRun.warehouse();
    report = SampleRun.runFolder(SampleRun.DAY).resolve("report.html");
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
  }

  @Test
  void renderedDomHasEverySectionAndPlotsWithContent() throws Exception {
    String dom = chromium("--dump-dom", report.toUri().toString());
    Document doc = Jsoup.parse(dom);
    assertThat(doc.getElementById("report-title").text())
        .isEqualTo("kliping run report, dt=2024-10-25");
    assertThat(doc.select("nav a").eachText()).contains("Input and rejects", "Entity network",
        "Stage timings");
    for (String plot : List.of("plot-rejects", "plot-cleaning", "plot-languages",
        "plot-duplicates", "plot-entities", "plot-timings")) {
      Element svg = doc.getElementById(plot);
      assertThat(svg).as(plot).isNotNull();
      assertThat(svg.select("rect.bar")).as(plot + " bars").isNotEmpty();
      assertThat(svg.select("text").eachText()).as(plot + " labels").hasSizeGreaterThan(2);
    }
    assertThat(doc.select("#plot-cluster-sizes rect.bar")).isNotEmpty();
    assertThat(doc.select("#plot-network circle.node")).hasSizeGreaterThanOrEqualTo(10);
    assertThat(doc.select("#plot-network line.edge")).hasSizeGreaterThanOrEqualTo(10);
    assertThat(doc.select("#plot-network text.nlbl").eachText()).contains("Korea Utara");
    assertThat(doc.getElementById("total-rejects").text()).isEqualTo("3");
  }

  @Test
  void screenshotShowsHeaderAndColouredPlots() throws Exception {
    Path png = SampleRun.ROOT.resolve("report.png");
    Files.deleteIfExists(png);
    chromium("--hide-scrollbars", "--window-size=" + WIDTH + "," + HEIGHT,
        "--screenshot=" + png, report.toUri().toString());
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image).as("a PNG image").isNotNull();
    assertThat(image.getWidth()).isEqualTo(WIDTH);
    assertThat(image.getHeight()).isEqualTo(HEIGHT);
    // the header band across the top
    for (int x = 5; x < WIDTH; x += 100) {
      assertThat(image.getRGB(x, 5) & 0xffffff).as("header at x=" + x).isEqualTo(HEADER);
    }
    // bars of the plots, drawn in their palette colours, below the header
    int[] hits = new int[BAR_COLOURS.length];
    Set<Integer> colours = new HashSet<>();
    for (int y = 100; y < HEIGHT; y++) {
      for (int x = 0; x < WIDTH; x++) {
        int rgb = image.getRGB(x, y) & 0xffffff;
        colours.add(rgb);
        for (int i = 0; i < BAR_COLOURS.length; i++) {
          if (rgb == BAR_COLOURS[i]) {
            hits[i]++;
          }
        }
      }
    }
    for (int i = 0; i < BAR_COLOURS.length; i++) {
      assertThat(hits[i]).as("pixels of bar colour %06x", BAR_COLOURS[i]).isGreaterThan(300);
    }
    assertThat(colours).as("text, tables and plots, not a blank page").hasSizeGreaterThan(100);
  }

  /** Runs headless Chromium on the file and returns what it printed on standard output. */
  private static String chromium(String... args) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("kliping-chromium");
    List<String> cmd = new ArrayList<>(List.of(browser, "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--mute-audio",
        "--user-data-dir=" + profile));
    cmd.addAll(List.of(args));
    Path stdout = profile.resolve("stdout.txt");
    Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("chromium did not finish: " + cmd);
    }
    assertThat(p.exitValue()).as("chromium exit code").isZero();
    String out = Files.readString(stdout, StandardCharsets.UTF_8);
    SampleRun.deleteRecursively(profile);
    return out;
  }

  private static Optional<String> findBrowser() {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
      for (String dir : path.split(File.pathSeparator)) {
        File f = new File(dir, name);
        if (f.isFile() && f.canExecute()) {
          return Optional.of(f.getPath());
        }
      }
    }
    return Optional.empty();
  }
}
