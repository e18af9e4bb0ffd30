package io.immudb.bench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A line chart as one self-contained SVG document: a title, a plot area with both axes labelled and
 * ticked, one polyline with point markers per {@link ChartSeries}, and a legend to the right of the
 * plot. The x axis is logarithmic (client counts: 1, 10, 100 fall equally apart) with a tick at
 * each distinct x of the data, or, for time series ({@link #overTime}), linear from 0 with round
 * ticks; the y axis is linear from 0 or logarithmic. Each marker carries a {@code <title>} with its
 * exact values, which browsers show on hover.
 *
 * <p>Geometry: the document is {@link #WIDTH} × {@link #HEIGHT}; the plot area's frame is {@code
 * [PLOT_LEFT, PLOT_RIGHT] × [PLOT_TOP, PLOT_BOTTOM]}. The x data range is inset by {@link #INSET}
 * pixels on both sides of the frame so that end points are not drawn on it; the y range fills it.
 *
 * <pre>
 *   PLOT_TOP    +------------------------------+  legend
 *               |  *                    *      |  -- series 1
 *               |            *                 |  -- series 2
 *   PLOT_BOTTOM +------------------------------+
 *            PLOT_LEFT + INSET        PLOT_RIGHT - INSET
 * </pre>
 *
 * <p>Thread-safe (immutable).
 */
public final class SvgLineChart {
  static final int WIDTH = 820;
  static final int HEIGHT = 420;
  static final int PLOT_LEFT = 80;
  static final int PLOT_RIGHT = 540;
  static final int PLOT_TOP = 50;
  static final int PLOT_BOTTOM = 360;
  static final int INSET = 24;

  private final String title;
  private final String xLabel;
  private final String yLabel;
  private final List<ChartSeries> series;
  private final Scale x;
  private final Scale y;

  /**
   * A chart of {@code series}.
   *
   * @param logY a log y axis (for values spanning decades, like latencies) instead of linear from 0
   * @throws IllegalArgumentException if there is no series, an x is not positive, a y is negative
   *     (or not positive with {@code logY})
   */
  public SvgLineChart(
      String title, String xLabel, String yLabel, boolean logY, List<ChartSeries> series) {
    this(title, xLabel, yLabel, true, logY, series);
  }

  /**
   * A chart of {@code series} against time: both axes linear from 0 (x values must be >= 0, y
   * values >= 0).
   *
   * @throws IllegalArgumentException if there is no series or a value is negative
   */
  public static SvgLineChart overTime(
      String title, String xLabel, String yLabel, List<ChartSeries> series) {
    return new SvgLineChart(title, xLabel, yLabel, false, false, series);
  }

  private SvgLineChart(
      String title,
      String xLabel,
      String yLabel,
      boolean logX,
      boolean logY,
      List<ChartSeries> series) {
    this.title = Objects.requireNonNull(title, "title");
    this.xLabel = Objects.requireNonNull(xLabel, "xLabel");
    this.yLabel = Objects.requireNonNull(yLabel, "yLabel");
    this.series = List.copyOf(series);
    if (this.series.isEmpty()) {
      throw new IllegalArgumentException("a chart needs at least one series");
    }
    List<Double> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    for (ChartSeries s : this.series) {
      for (ChartSeries.Point p : s.points()) {
        xs.add(p.x());
        ys.add(p.y());
      }
    }
    this.x =
        logX
            ? Scale.log(
                xs, xs.stream().distinct().sorted().toList(), PLOT_LEFT + INSET, PLOT_RIGHT - INSET)
            : Scale.linearFromZero(xs, PLOT_LEFT, PLOT_RIGHT);
    this.y =
        logY
            ? Scale.log(ys, List.of(), PLOT_BOTTOM, PLOT_TOP)
            : Scale.linearFromZero(ys, PLOT_BOTTOM, PLOT_TOP);
  }

  /** The horizontal pixel of data value {@code v}. */
  double xPixel(double v) {
    return x.toPixel(v);
  }

  /** The vertical pixel of data value {@code v} (larger values are higher up: smaller pixels). */
  double yPixel(double v) {
    return y.toPixel(v);
  }

  /** The chart as an SVG document (no XML declaration, so it can also be inlined in HTML). */
  public String svg() {
    StringBuilder sb = new StringBuilder(8192);
    sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(WIDTH)
        .append("\" height=\"")
        .append(HEIGHT)
        .append("\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(HEIGHT)
        .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
    sb.append("<title>").append(Markup.escape(title)).append("</title>\n");
    sb.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    text(sb, (PLOT_LEFT + PLOT_RIGHT) / 2.0, 28, "middle", 15, title, "");
    axes(sb);
    for (ChartSeries s : series) {
      line(sb, s);
    }
    legend(sb);
    sb.append("</svg>\n");
    return sb.toString();
  }

  private void axes(StringBuilder sb) {
    sb.append("<g class=\"grid\" stroke=\"#e0e0e0\">\n");
    for (double t : y.ticks()) {
      String py = Markup.coord(yPixel(t));
      sb.append("<line x1=\"" + PLOT_LEFT + "\" x2=\"" + PLOT_RIGHT + "\" y1=\"")
          .append(py)
          .append("\" y2=\"")
          .append(py)
          .append("\"/>\n");
    }
    for (double t : x.ticks()) {
      String px = Markup.coord(xPixel(t));
      sb.append("<line y1=\"" + PLOT_TOP + "\" y2=\"" + PLOT_BOTTOM + "\" x1=\"")
          .append(px)
          .append("\" x2=\"")
          .append(px)
          .append("\"/>\n");
    }
    sb.append("</g>\n");
    sb.append(
        "<rect class=\"frame\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#444\"/>\n"
            .formatted(PLOT_LEFT, PLOT_TOP, PLOT_RIGHT - PLOT_LEFT, PLOT_BOTTOM - PLOT_TOP));
    for (double t : y.ticks()) {
      text(sb, PLOT_LEFT - 6, yPixel(t) + 4, "end", 11, Markup.number(t), "");
    }
    for (double t : x.ticks()) {
      text(sb, xPixel(t), PLOT_BOTTOM + 16, "middle", 11, Markup.number(t), "");
    }
    text(sb, (PLOT_LEFT + PLOT_RIGHT) / 2.0, PLOT_BOTTOM + 40, "middle", 13, xLabel, "");
    double cy = (PLOT_TOP + PLOT_BOTTOM) / 2.0;
    text(
        sb, 22, cy, "middle", 13, yLabel, " transform=\"rotate(-90 22 " + Markup.coord(cy) + ")\"");
  }

  private void line(StringBuilder sb, ChartSeries s) {
    List<ChartSeries.Point> pts =
        s.points().stream().sorted(Comparator.comparingDouble(ChartSeries.Point::x)).toList();
    sb.append("<g class=\"series\" data-name=\"").append(Markup.escape(s.name())).append("\">\n");
    if (pts.size() > 1) {
      sb.append("<polyline fill=\"none\" stroke=\"")
          .append(Markup.escape(s.color()))
          .append("\" stroke-width=\"2\"")
          .append(s.dashed() ? " stroke-dasharray=\"6 4\"" : "")
          .append(" points=\"");
      for (int i = 0; i < pts.size(); i++) {
        sb.append(i == 0 ? "" : " ")
            .append(Markup.coord(xPixel(pts.get(i).x())))
            .append(',')
            .append(Markup.coord(yPixel(pts.get(i).y())));
      }
      sb.append("\"/>\n");
    }
    for (ChartSeries.Point p : pts) {
      marker(sb, s, xPixel(p.x()), yPixel(p.y()));
      sb.append("<title>")
          .append(Markup.escape(s.name()))
          .append(": x=")
          .append(Markup.number(p.x()))
          .append(", y=")
          .append(Markup.escape(Markup.number(p.y())))
          .append("</title></")
          .append(s.hollow() ? "rect" : "circle")
          .append(">\n");
    }
    sb.append("</g>\n");
  }

  /** Opens the marker element at ({@code px}, {@code py}); the caller closes it. */
  private static void marker(StringBuilder sb, ChartSeries s, double px, double py) {
    String color = Markup.escape(s.color());
    if (s.hollow()) {
      sb.append("<rect x=\"")
          .append(Markup.coord(px - 5))
          .append("\" y=\"")
          .append(Markup.coord(py - 5))
          .append("\" width=\"10\" height=\"10\" fill=\"white\" stroke=\"")
          .append(color)
          .append("\" stroke-width=\"2\">");
    } else {
      sb.append("<circle cx=\"")
          .append(Markup.coord(px))
          .append("\" cy=\"")
          .append(Markup.coord(py))
          .append("\" r=\"")
          .append(s.points().size() > 60 ? "1.5" : "4")
          .append("\" fill=\"")
          .append(color)
          .append("\">");
    }
  }

  private void legend(StringBuilder sb) {
    int lx = PLOT_RIGHT + 20;
    int ly = PLOT_TOP + 10;
    sb.append("<g class=\"legend\">\n");
    for (ChartSeries s : series) {
      String color = Markup.escape(s.color());
      sb.append("<line x1=\"")
          .append(lx)
          .append("\" x2=\"")
          .append(lx + 28)
          .append("\" y1=\"")
          .append(ly)
          .append("\" y2=\"")
          .append(ly)
          .append("\" stroke=\"")
          .append(color)
          .append("\" stroke-width=\"2\"")
          .append(s.dashed() ? " stroke-dasharray=\"6 4\"" : "")
          .append(s.points().size() == 1 ? " stroke-opacity=\"0\"" : "")
          .append("/>\n");
      marker(sb, s, lx + 14, ly);
      sb.append("</").append(s.hollow() ? "rect" : "circle").append(">\n");
      text(sb, lx + 36, ly + 4, "start", 12, s.name(), "");
      ly += 22;
    }
    sb.append("</g>\n");
  }

  private static void text(
      StringBuilder sb, double x, double y, String anchor, int size, String s, String extra) {
    sb.append("<text x=\"")
        .append(Markup.coord(x))
        .append("\" y=\"")
        .append(Markup.coord(y))
        .append("\" text-anchor=\"")
        .append(anchor)
        .append("\" font-size=\"")
        .append(size)
        .append('"')
        .append(extra)
        .append('>')
        .append(Markup.escape(s))
        .append("</text>\n");
  }
}
