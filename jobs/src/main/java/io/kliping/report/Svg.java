package io.kliping.report;

import java.util.List;
import java.util.Locale;

/**
 * Plots as inline SVG, generated here so the report needs no script and no network to view:
 * horizontal bar charts (one labelled bar per category) and a column histogram.
 */
final class Svg {
  /** Categorical colours (Tableau 10), cycled. */
  static final String[] PALETTE = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
      "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"};

  /** One bar: a label, its value and the text shown after the bar. */
  record Bar(String label, double value, String text) {}

  private static final int WIDTH = 640;
  private static final int BAR = 18;
  private static final int GAP = 6;
  private static final int LABEL = 190;

  private Svg() {}

  /** Horizontal bars scaled to the largest value, each in its own palette colour. */
  static String bars(String id, String title, List<Bar> bars) {
    double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
    int height = 24 + bars.size() * (BAR + GAP) + 8;
    int plot = WIDTH - LABEL - 90;
    StringBuilder sb = open(id, title, WIDTH, height);
    for (int i = 0; i < bars.size(); i++) {
      Bar b = bars.get(i);
      int y = 24 + i * (BAR + GAP);
      double w = max > 0 ? Math.max(1, plot * b.value() / max) : 1;
      sb.append(String.format(Locale.ROOT,
          "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" class=\"lbl\">%s</text>"
              + "<rect class=\"bar\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\">"
              + "<title>%s: %s</title></rect>"
              + "<text x=\"%.1f\" y=\"%d\" class=\"val\">%s</text>%n",
          LABEL - 6, y + BAR - 5, Html.esc(shorten(b.label(), 30)), LABEL, y, w, BAR,
          PALETTE[i % PALETTE.length], Html.esc(b.label()), Html.esc(b.text()),
          LABEL + w + 4, y + BAR - 5, Html.esc(b.text())));
    }
    return sb.append("</svg>\n").toString();
  }

  /** Vertical columns, one per category in the given order (e.g. cluster sizes). */
  static String columns(String id, String title, String xLabel, List<Bar> columns) {
    double max = columns.stream().mapToDouble(Bar::value).max().orElse(0);
    int height = 240;
    int left = 50;
    int bottom = height - 40;
    int top = 28;
    int n = Math.max(1, columns.size());
    double step = (double) (WIDTH - left - 10) / n;
    StringBuilder sb = open(id, title, WIDTH, height);
    sb.append(String.format(Locale.ROOT,
        "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#555\"/>", left, bottom,
        WIDTH - 10, bottom));
    for (int i = 0; i < columns.size(); i++) {
      Bar c = columns.get(i);
      double h = max > 0 ? Math.max(1, (bottom - top) * c.value() / max) : 1;
      double x = left + i * step + step * 0.1;
      sb.append(String.format(Locale.ROOT,
          "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">"
              + "<title>%s %s: %s</title></rect>"
              + "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" class=\"val\">%s</text>"
              + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" class=\"lbl\">%s</text>%n",
          x, bottom - h, step * 0.8, h, PALETTE[i % PALETTE.length], Html.esc(xLabel),
          Html.esc(c.label()), Html.esc(c.text()), x + step * 0.4, bottom - h - 4,
          Html.esc(c.text()), x + step * 0.4, bottom + 16, Html.esc(c.label())));
    }
    sb.append(String.format(Locale.ROOT,
        "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" class=\"lbl\">%s</text>",
        left + (WIDTH - left) / 2, height - 6, Html.esc(xLabel)));
    return sb.append("</svg>\n").toString();
  }

  static StringBuilder open(String id, String title, int width, int height) {
    return new StringBuilder(String.format(Locale.ROOT,
        "<svg id=\"%s\" class=\"plot\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" "
            + "height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">"
            + "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>"
            + "<text x=\"8\" y=\"16\" class=\"ttl\">%s</text>%n",
        Html.esc(id), width, height, width, height, Html.esc(title), width, height,
        Html.esc(title)));
  }

  static String shorten(String s, int max) {
    if (s == null) {
      return "(none)";
    }
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
