package io.kliping.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline on HDFS (an in-process MiniDFSCluster: a name node and a data node): the dump is
 * read from and the warehouse written to {@code hdfs://} paths, the run manifest uses HDFS's
 * own file checksums, and a re-run of the unchanged date is skipped.
 */
class HdfsTest {
  private static final String D = "2024-10-25";
  private static final Path SAMPLE = Path.of("..", "sample", "news").toAbsolutePath().normalize();

  @TempDir
  static Path tmp;

  private static MiniDFSCluster hdfs;
  private static SparkSession spark;

  @BeforeAll
  static void start() throws Exception {
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, tmp.resolve("dfs").toString());
    hdfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
    hdfs.waitActive();
    FileSystem fs = hdfs.getFileSystem();
    fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(SAMPLE.toUri()),
        new org.apache.hadoop.fs.Path("/dumps/" + D));
    spark = SparkSession.builder().master("local[2]").appName("kliping-hdfs-test")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "3")
        .config("spark.driver.host", "127.0.0.1").getOrCreate();
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
    if (hdfs != null) {
      hdfs.shutdown();
    }
  }

  @Test
  void thePipelineReadsAndWritesHdfs() throws Exception {
    String uri = hdfs.getURI().toString(); // hdfs://localhost:PORT
    String input = uri + "/dumps/" + D;
    String warehouse = uri + "/kliping";
    assertThat(Main.execute("pipeline", "--input", input, "--warehouse", warehouse, "--date", D))
        .isEqualTo(ExitCodes.OK);

    Map<String, String> tables = TableChecksums.of(spark, warehouse);
    assertThat(tables).containsKeys("articles/dt=" + D, "rejects/dt=" + D,
        "cooccurrence/dt=" + D);
    assertThat(tables.get("articles/dt=" + D)).startsWith("31:");
    assertThat(tables.get("rejects/dt=" + D)).startsWith("3:");

    JsonNode m;
    FileSystem fs = hdfs.getFileSystem();
    try (InputStream in = fs.open(
        new org.apache.hadoop.fs.Path("/kliping/_runs/dt=" + D + "/manifest.json"))) {
      m = new ObjectMapper().readTree(in);
    }
    assertThat(m.path("status").asText()).isEqualTo("done");
    assertThat(m.path("inputs")).hasSize(5);
    for (JsonNode f : m.path("inputs")) {
      assertThat(f.path("path").asText()).startsWith(uri + "/dumps/" + D + "/");
      assertThat(f.path("checksum").asText()).startsWith("MD5-of-").contains("CRC32");
    }

    assertThat(Main.execute("pipeline", "--input", input, "--warehouse", warehouse, "--date", D,
        "--skip-if-done")).isEqualTo(ExitCodes.OK);
    assertThat(TableChecksums.of(spark, warehouse)).isEqualTo(tables);
  }
}
