package io.kliping.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The entity network's layout and link choice. */
class NetworkSvgTest {
  /** Two groups of 10 entities, each linked inside (a ring plus chords), none across. */
  private static List<NetworkSvg.Edge> twoGroups() {
    List<NetworkSvg.Edge> edges = new ArrayList<>();
    for (int g = 0; g < 2; g++) {
      for (int i = 0; i < 10; i++) {
        int a = g * 10 + i;
        edges.add(new NetworkSvg.Edge("e" + a, "e" + (g * 10 + (i + 1) % 10), 3, 0.5, 10));
        edges.add(new NetworkSvg.Edge("e" + a, "e" + (g * 10 + (i + 3) % 10), 2, 0.4, 5));
      }
    }
    return edges;
  }

  private static Map<String, Integer> index(int n) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < n; i++) {
      index.put("e" + i, i);
    }
    return index;
  }

  @Test
  void layoutKeepsGroupsApartInsideThePictureAndIsRepeatable() {
    double[][] p = NetworkSvg.layout(20, twoGroups(), index(20));
    for (double[] q : p) {
      assertThat(q[0]).isBetween(60.0, NetworkSvg.WIDTH - 60.0);
      assertThat(q[1]).isBetween(60.0, NetworkSvg.HEIGHT - 30.0);
    }
    double within = 0;
    double across = 0;
    int nWithin = 0;
    int nAcross = 0;
    for (int i = 0; i < 20; i++) {
      for (int j = i + 1; j < 20; j++) {
        double d = Math.hypot(p[i][0] - p[j][0], p[i][1] - p[j][1]);
        if (i / 10 == j / 10) {
          within += d;
          nWithin++;
        } else {
          across += d;
          nAcross++;
        }
      }
    }
    assertThat(within / nWithin).isLessThan(across / nAcross);
    assertThat(NetworkSvg.layout(20, twoGroups(), index(20))).isDeepEqualTo(p);
  }

  @Test
  void everyLinkedEntityKeepsItsStrongestLink() {
    List<NetworkSvg.Edge> byG2 = List.of(
        new NetworkSvg.Edge("a", "b", 5, 0.9, 50),
        new NetworkSvg.Edge("a", "c", 4, 0.8, 40),
        new NetworkSvg.Edge("b", "c", 3, 0.7, 30),
        new NetworkSvg.Edge("d", "e", 1, 0.2, 2),
        new NetworkSvg.Edge("c", "d", 1, 0.1, 1));
    List<NetworkSvg.Edge> kept = NetworkSvg.strongest(byG2, 2);
    assertThat(kept).extracting(NetworkSvg.Edge::g2).containsExactly(50.0, 40.0, 2.0);
  }

  @Test
  void drawingHasOneCirclePerEntityAndOneLinePerLink() {
    List<NetworkSvg.Node> nodes = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      nodes.add(new NetworkSvg.Node("e" + i, "Entity <" + i + ">", i % 2 == 0 ? "PERSON"
          : "LOCATION", 20 - i));
    }
    String svg = NetworkSvg.draw("net", "t", nodes, twoGroups());
    assertThat(svg.split("<circle class=\"node\"", -1)).hasSize(21);
    assertThat(svg.split("<line class=\"edge\"", -1)).hasSize(41);
    assertThat(svg).contains("Entity &lt;3&gt;").doesNotContain("Entity <3>");
  }

  @Test
  void clusterSizesAreBucketedAboveTen() {
    assertThat(ReportSections.sizeBucket(2)).isEqualTo("2");
    assertThat(ReportSections.sizeBucket(10)).isEqualTo("10");
    assertThat(ReportSections.sizeBucket(11)).isEqualTo("11–20");
    assertThat(ReportSections.sizeBucket(51)).isEqualTo("51–100");
    assertThat(ReportSections.sizeBucket(5000)).isEqualTo("1001+");
  }
}
