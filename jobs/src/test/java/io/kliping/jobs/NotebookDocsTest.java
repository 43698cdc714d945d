package io.kliping.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/notebooks.md cannot rot: every fenced block is marked as run (DuckDB or Spark SQL) or
 * not run (with a reason), and every run block is executed against a pipeline run of the bundled
 * sample, with the row count and value its marker promises.
 */
class NotebookDocsTest {
  private static final Path DOC = Path.of("..", "docs", "notebooks.md");
  private static final Pattern MARKER = Pattern.compile("<!--\\s*(run|not run):\\s*(.*?)\\s*-->");
  private static final Pattern WAREHOUSE_PATH = Pattern.compile("(['`])warehouse/");

  /** A fenced block and what its marker says: engine ("duckdb", "spark-sql", or null). */
  record Block(int line, String engine, int minRows, String expect, String code) {}

  private static SparkSession spark;
  private static String warehouse;
  private static List<Block> blocks;

  @BeforeAll
  static void setUp() throws IOException {
    spark = SparkSession.builder().master("local[2]").appName("kliping-notebook-docs-test")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
        .config("spark.driver.host", "127.0.0.1").getOrCreate();
    warehouse = SampleRun.warehouse().toString();
    blocks = parse(Files.readAllLines(DOC));
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /** Fenced blocks with their markers; a block without a marker fails the test. */
  static List<Block> parse(List<String> lines) {
    List<Block> out = new ArrayList<>();
    String pending = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      Matcher m = MARKER.matcher(line);
      if (m.find()) {
        pending = m.group(1).equals("run") ? m.group(2) : "";
        continue;
      }
      if (!line.startsWith("```")) {
        continue;
      }
      int start = i + 1;
      StringBuilder code = new StringBuilder();
      for (i = start; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
        code.append(lines.get(i)).append('\n');
      }
      assertThat(pending).as("block at line %d of %s has no <!-- run: … --> or <!-- not run: "
          + "… --> marker", start, DOC).isNotNull();
      String engine = null;
      int minRows = 0;
      String expect = null;
      if (!pending.isEmpty()) {
        String[] parts = pending.split(";");
        engine = parts[0].trim();
        for (int p = 1; p < parts.length; p++) {
          String opt = parts[p].trim();
          if (opt.startsWith("rows>=")) {
            minRows = Integer.parseInt(opt.substring(6));
          } else if (opt.startsWith("expect:")) {
            expect = opt.substring(7).trim();
          } else {
            throw new IllegalArgumentException("unknown marker option '" + opt + "' at line " + i);
          }
        }
        assertThat(engine).isIn("duckdb", "spark-sql");
      }
      out.add(new Block(start, engine, minRows, expect, code.toString()));
      pending = null;
    }
    return out;
  }

  private String localised(String code) {
    return WAREHOUSE_PATH.matcher(code).replaceAll("$1" + Matcher.quoteReplacement(warehouse)
        + "/");
  }

  @Test
  void docsHaveQueriesForEachEngineAndSayWhatIsNotRun() {
    assertThat(blocks).filteredOn(b -> "duckdb".equals(b.engine())).hasSizeGreaterThanOrEqualTo(3);
    assertThat(blocks).filteredOn(b -> "spark-sql".equals(b.engine()))
        .hasSizeGreaterThanOrEqualTo(3);
    // the pandas snippets exist and are honestly marked as not run
    assertThat(blocks).filteredOn(b -> b.engine() == null)
        .anyMatch(b -> b.code().contains("pd.read_parquet"));
  }

  @Test
  void everyDuckDbQueryRunsOnPipelineOutput() throws Exception {
    Class.forName("org.duckdb.DuckDBDriver");
    List<Block> duck = blocks.stream().filter(b -> "duckdb".equals(b.engine())).toList();
    assertThat(duck).isNotEmpty();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
         Statement s = c.createStatement()) {
      for (Block b : duck) {
        List<List<String>> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(localised(b.code()))) {
          int columns = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            List<String> row = new ArrayList<>();
            for (int i = 1; i <= columns; i++) {
              row.add(rs.getString(i));
            }
            rows.add(row);
          }
        }
        check(b, rows);
      }
    }
  }

  @Test
  void everySparkSqlStatementRunsOnPipelineOutput() {
    List<Block> sql = blocks.stream().filter(b -> "spark-sql".equals(b.engine())).toList();
    assertThat(sql).isNotEmpty();
    for (Block b : sql) {
      List<List<String>> rows = List.of();
      for (String statement : localised(b.code()).split(";\\s*(\\n|$)")) {
        if (statement.isBlank()) {
          continue;
        }
        rows = new ArrayList<>();
        for (Row r : spark.sql(statement).limit(1000).collectAsList()) {
          List<String> row = new ArrayList<>();
          for (int i = 0; i < r.size(); i++) {
            row.add(r.isNullAt(i) ? null : String.valueOf(r.get(i)));
          }
          rows.add(row);
        }
      }
      check(b, rows);
    }
  }

  private static void check(Block b, List<List<String>> rows) {
    String where = b.engine() + " block at line " + b.line() + " of " + DOC;
    assertThat(rows).as(where + ": rows").hasSizeGreaterThanOrEqualTo(b.minRows());
    if (b.expect() != null) {
      assertThat(rows).as(where + ": some cell equals '" + b.expect() + "'")
          .anyMatch(r -> r.contains(b.expect()));
    }
  }
}
