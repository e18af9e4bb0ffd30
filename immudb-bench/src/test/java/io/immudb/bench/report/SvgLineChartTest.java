package io.immudb.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class SvgLineChartTest {
  private static final double LEFT = SvgLineChart.PLOT_LEFT + SvgLineChart.INSET;
  private static final double RIGHT = SvgLineChart.PLOT_RIGHT - SvgLineChart.INSET;
  private static final double MID_Y = (SvgLineChart.PLOT_TOP + SvgLineChart.PLOT_BOTTOM) / 2.0;

  private static ChartSeries.Point p(double x, double y) {
    return new ChartSeries.Point(x, y);
  }

  private static double attr(Element e, String name) {
    return Double.parseDouble(e.getAttribute(name));
  }

  @Test
  void placesPointsOnLogXAndLinearY() throws Exception {
    // y up to 1000: the axis ends at a round 1500 (5% headroom, ticks every 500), so 750 is
    // half-way up; x is logarithmic, so 10 lies half-way between 1 and 100.
    ChartSeries a =
        new ChartSeries("A", "#111111", false, false, List.of(p(1, 0), p(10, 750), p(100, 1000)));
    SvgLineChart chart = new SvgLineChart("T", "clients", "tx/s", false, List.of(a));
    SvgDom dom = SvgDom.parse(chart.svg());
    List<Element> circles = SvgDom.elements(dom.series("A"), "circle");
    assertThat(circles).hasSize(3);
    assertThat(attr(circles.get(0), "cx")).isCloseTo(LEFT, within(0.05));
    assertThat(attr(circles.get(0), "cy")).isCloseTo(SvgLineChart.PLOT_BOTTOM, within(0.05));
    assertThat(attr(circles.get(1), "cx")).isCloseTo((LEFT + RIGHT) / 2, within(0.05));
    assertThat(attr(circles.get(1), "cy")).isCloseTo(MID_Y, within(0.05));
    assertThat(attr(circles.get(2), "cx")).isCloseTo(RIGHT, within(0.05));
    assertThat(attr(circles.get(2), "cy"))
        .isCloseTo(
            SvgLineChart.PLOT_BOTTOM - (SvgLineChart.PLOT_BOTTOM - SvgLineChart.PLOT_TOP) / 1.5,
            within(0.05));
    // The line joins the same points, in order of x.
    String polyline = SvgDom.elements(dom.series("A"), "polyline").get(0).getAttribute("points");
    assertThat(polyline.split(" ")).hasSize(3);
    assertThat(polyline).startsWith(Markup.coord(LEFT) + "," + SvgLineChart.PLOT_BOTTOM + ".0 ");
    assertThat(dom.texts())
        .contains("0", "500", "1k", "1.5k", "1", "10", "100", "clients", "tx/s", "T");
  }

  @Test
  void overTimeHasALinearXAxisFromZero() throws Exception {
    // x up to 100 s: the axis ends at a round 150 (5% headroom, ticks every 50), so 75 s is
    // half-way across the frame, and 0 s is on its left edge.
    ChartSeries a =
        new ChartSeries("A", "#111111", false, false, List.of(p(0, 10), p(75, 10), p(100, 5)));
    SvgDom dom = SvgDom.parse(SvgLineChart.overTime("T", "seconds", "calls/s", List.of(a)).svg());
    List<Element> circles = SvgDom.elements(dom.series("A"), "circle");
    assertThat(attr(circles.get(0), "cx")).isCloseTo(SvgLineChart.PLOT_LEFT, within(0.05));
    assertThat(attr(circles.get(1), "cx"))
        .isCloseTo((SvgLineChart.PLOT_LEFT + SvgLineChart.PLOT_RIGHT) / 2.0, within(0.05));
    assertThat(dom.texts()).contains("0", "50", "100", "150", "seconds");
  }

  @Test
  void logYPutsTheGeometricMeanHalfWay() throws Exception {
    ChartSeries p50 = new ChartSeries("p50", "#111111", false, false, List.of(p(1, 1), p(2, 10)));
    ChartSeries p99 = new ChartSeries("p99", "#111111", true, false, List.of(p(1, 3), p(2, 100)));
    SvgLineChart chart = new SvgLineChart("L", "clients", "ms", true, List.of(p50, p99));
    assertThat(chart.yPixel(1)).isCloseTo(SvgLineChart.PLOT_BOTTOM, within(1e-9));
    assertThat(chart.yPixel(100)).isCloseTo(SvgLineChart.PLOT_TOP, within(1e-9));
    SvgDom dom = SvgDom.parse(chart.svg());
    Element second = SvgDom.elements(dom.series("p50"), "circle").get(1);
    assertThat(attr(second, "cy")).isCloseTo(MID_Y, within(0.05));
    assertThat(attr(second, "cx")).isCloseTo(RIGHT, within(0.05));
    assertThat(
            SvgDom.elements(dom.series("p99"), "polyline").get(0).getAttribute("stroke-dasharray"))
        .isNotEmpty();
    assertThat(dom.texts()).contains("1", "2", "5", "10", "20", "50", "100");
  }

  @Test
  void legendNamesEverySeriesAndSinglePointsAreMarkersOnly() throws Exception {
    ChartSeries line = new ChartSeries("Set", "#d95f02", false, false, List.of(p(1, 5), p(10, 50)));
    ChartSeries dot = new ChartSeries("VerifiableSet", "#d95f02", false, true, List.of(p(10, 20)));
    SvgDom dom = SvgDom.parse(new SvgLineChart("T", "x", "y", false, List.of(line, dot)).svg());
    assertThat(SvgDom.elements(dom.series("VerifiableSet"), "polyline")).isEmpty();
    List<Element> rects = SvgDom.elements(dom.series("VerifiableSet"), "rect");
    assertThat(rects).hasSize(1);
    assertThat(attr(rects.get(0), "x") + 5).isCloseTo(RIGHT, within(0.05));
    Element legend =
        SvgDom.elements(dom.root(), "g").stream()
            .filter(g -> "legend".equals(g.getAttribute("class")))
            .findFirst()
            .orElseThrow();
    assertThat(SvgDom.elements(legend, "text").stream().map(Element::getTextContent))
        .containsExactly("Set", "VerifiableSet");
  }

  @Test
  void escapesText() throws Exception {
    String name = "a<b & \"c\" 'd'";
    ChartSeries s = new ChartSeries(name, "#000", false, false, List.of(p(1, 1), p(2, 2)));
    String svg = new SvgLineChart("<T&>", "x<", "y>", false, List.of(s)).svg();
    assertThat(svg)
        .doesNotContain(name)
        .doesNotContain("<T&>")
        .contains("a&lt;b &amp; &quot;c&quot; &#39;d&#39;", "&lt;T&amp;&gt;");
    SvgDom dom = SvgDom.parse(svg); // well-formed
    assertThat(dom.series(name)).isNotNull();
    assertThat(dom.texts()).contains("<T&>", "x<", "y>", name);
  }

  @Test
  void badInputIsRejected() {
    assertThatThrownBy(() -> new SvgLineChart("T", "x", "y", false, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    ChartSeries zeroX = new ChartSeries("s", "#000", false, false, List.of(p(0, 1)));
    assertThatThrownBy(() -> new SvgLineChart("T", "x", "y", false, List.of(zeroX)))
        .hasMessageContaining("log axis");
    ChartSeries zeroY = new ChartSeries("s", "#000", false, false, List.of(p(1, 0)));
    assertThatThrownBy(() -> new SvgLineChart("T", "x", "y", true, List.of(zeroY)))
        .hasMessageContaining("log axis");
    ChartSeries negY = new ChartSeries("s", "#000", false, false, List.of(p(1, -1)));
    assertThatThrownBy(() -> new SvgLineChart("T", "x", "y", false, List.of(negY)))
        .hasMessageContaining(">= 0");
    assertThatThrownBy(() -> new ChartSeries("s", "#000", false, false, List.of(p(1, Double.NaN))))
        .hasMessageContaining("non-finite");
    assertThatThrownBy(() -> new ChartSeries("s", "#000", false, false, List.of()))
        .hasMessageContaining("no points");
  }
}
