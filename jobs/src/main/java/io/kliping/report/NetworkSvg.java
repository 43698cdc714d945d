package io.kliping.report;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The day's entity network as inline SVG: the most mentioned entities as circles (area by
 * documents, colour by type) and their strongest document-level links as lines (width by G2).
 * Laid out by a fixed number of Fruchterman–Reingold steps from a circle, so the same tables
 * give the same picture.
 */
final class NetworkSvg {
  record Node(String id, String name, String type, long docs) {}

  record Edge(String a, String b, long nab, double npmi, double g2) {}

  static final int WIDTH = 760;
  static final int HEIGHT = 520;
  private static final int ITERATIONS = 300;
  /** Pull to the centre per pixel of distance (chosen on graphs of one and of two groups). */
  private static final double GRAVITY = 2.0;

  private NetworkSvg() {}

  static String draw(String id, String title, List<Node> nodes, List<Edge> edges) {
    int n = nodes.size();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < n; i++) {
      index.put(nodes.get(i).id(), i);
    }
    double[][] pos = layout(n, edges, index);
    long maxDocs = nodes.stream().mapToLong(Node::docs).max().orElse(1);
    double maxG2 = edges.stream().mapToDouble(Edge::g2).max().orElse(1);
    StringBuilder sb = Svg.open(id, title, WIDTH, HEIGHT);
    for (Edge e : edges) {
      Integer a = index.get(e.a());
      Integer b = index.get(e.b());
      if (a == null || b == null) {
        continue;
      }
      double w = 0.8 + 5.0 * (maxG2 > 0 ? Math.max(0, e.g2()) / maxG2 : 0);
      sb.append(String.format(Locale.ROOT,
          "<line class=\"edge\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#8a8a8a\" "
              + "stroke-opacity=\"0.7\" stroke-width=\"%.2f\"><title>%s – %s: n_ab=%d npmi=%.3f "
              + "g2=%.1f</title></line>%n",
          pos[a][0], pos[a][1], pos[b][0], pos[b][1], w, Html.esc(nodes.get(a).name()),
          Html.esc(nodes.get(b).name()), e.nab(), e.npmi(), e.g2()));
    }
    for (int i = 0; i < n; i++) {
      Node v = nodes.get(i);
      double r = 5 + 17 * Math.sqrt((double) v.docs() / Math.max(1, maxDocs));
      sb.append(String.format(Locale.ROOT,
          "<circle class=\"node\" cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\" stroke=\"#333\">"
              + "<title>%s (%s): %d documents</title></circle>"
              + "<text class=\"nlbl\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>%n",
          pos[i][0], pos[i][1], r, colour(v.type()), Html.esc(v.name()), Html.esc(v.type()),
          v.docs(), pos[i][0], pos[i][1] - r - 3, Html.esc(Svg.shorten(v.name(), 22))));
    }
    legend(sb);
    return sb.append("</svg>\n").toString();
  }

  /**
   * The {@code max} strongest links (input ordered by G2, strongest first) plus each entity's
   * own strongest link, so no drawn entity that has a link floats alone.
   */
  static List<Edge> strongest(List<Edge> byG2, int max) {
    java.util.LinkedHashSet<Edge> kept = new java.util.LinkedHashSet<>(
        byG2.subList(0, Math.min(max, byG2.size())));
    java.util.Set<String> linked = new java.util.HashSet<>();
    kept.forEach(e -> {
      linked.add(e.a());
      linked.add(e.b());
    });
    for (Edge e : byG2) {
      if (!linked.contains(e.a()) || !linked.contains(e.b())) {
        kept.add(e);
        linked.add(e.a());
        linked.add(e.b());
      }
    }
    return List.copyOf(kept);
  }

  static String colour(String type) {
    return switch (type == null ? "" : type) {
      case "PERSON" -> Svg.PALETTE[0];
      case "ORGANIZATION" -> Svg.PALETTE[1];
      case "LOCATION" -> Svg.PALETTE[4];
      default -> Svg.PALETTE[9];
    };
  }

  private static void legend(StringBuilder sb) {
    String[] types = {"PERSON", "ORGANIZATION", "LOCATION"};
    for (int i = 0; i < types.length; i++) {
      int x = WIDTH - 150;
      int y = 20 + i * 18;
      sb.append(String.format(Locale.ROOT,
          "<circle cx=\"%d\" cy=\"%d\" r=\"6\" fill=\"%s\"/><text x=\"%d\" y=\"%d\" "
              + "class=\"lbl\">%s</text>", x, y, colour(types[i]), x + 12, y + 4, types[i]));
    }
  }

  /** Fruchterman–Reingold with a linearly cooling step, kept inside the drawing margins. */
  static double[][] layout(int n, List<Edge> edges, Map<String, Integer> index) {
    double cx = WIDTH / 2.0;
    double cy = HEIGHT / 2.0 + 10;
    double[][] p = new double[n][2];
    for (int i = 0; i < n; i++) {
      double angle = 2 * Math.PI * i / Math.max(1, n);
      p[i][0] = cx + 200 * Math.cos(angle);
      p[i][1] = cy + 180 * Math.sin(angle);
    }
    if (n < 2) {
      return p;
    }
    double k = 0.65 * Math.sqrt((WIDTH - 120.0) * (HEIGHT - 100.0) / n);
    for (int it = 0; it < ITERATIONS; it++) {
      double temp = 40.0 * (1 - (double) it / ITERATIONS) + 0.5;
      double[][] d = new double[n][2];
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
          double dx = p[i][0] - p[j][0];
          double dy = p[i][1] - p[j][1];
          double dist = Math.max(0.01, Math.hypot(dx, dy));
          double f = k * k / dist;
          d[i][0] += dx / dist * f;
          d[i][1] += dy / dist * f;
          d[j][0] -= dx / dist * f;
          d[j][1] -= dy / dist * f;
        }
      }
      for (Edge e : edges) {
        Integer a = index.get(e.a());
        Integer b = index.get(e.b());
        if (a == null || b == null) {
          continue;
        }
        double dx = p[a][0] - p[b][0];
        double dy = p[a][1] - p[b][1];
        double dist = Math.max(0.01, Math.hypot(dx, dy));
        double f = dist * dist / k;
        d[a][0] -= dx / dist * f;
        d[a][1] -= dy / dist * f;
        d[b][0] += dx / dist * f;
        d[b][1] += dy / dist * f;
      }
      for (int i = 0; i < n; i++) {
        // a pull to the centre keeps separate groups (and unlinked entities) from being pushed
        // against the border by the others' repulsion
        d[i][0] += (cx - p[i][0]) * GRAVITY;
        d[i][1] += (cy - p[i][1]) * GRAVITY;
        double len = Math.max(0.01, Math.hypot(d[i][0], d[i][1]));
        p[i][0] = clamp(p[i][0] + d[i][0] / len * Math.min(len, temp), 60, WIDTH - 60);
        p[i][1] = clamp(p[i][1] + d[i][1] / len * Math.min(len, temp), 70, HEIGHT - 30);
      }
    }
    fit(p, 0, 80, WIDTH - 80);
    fit(p, 1, 80, HEIGHT - 35);
    return p;
  }

  /** Stretches one coordinate of the layout linearly onto [lo, hi], to use the whole picture. */
  private static void fit(double[][] p, int axis, double lo, double hi) {
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    for (double[] q : p) {
      min = Math.min(min, q[axis]);
      max = Math.max(max, q[axis]);
    }
    if (max - min < 1) {
      return;
    }
    for (double[] q : p) {
      q[axis] = lo + (q[axis] - min) * (hi - lo) / (max - min);
    }
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
