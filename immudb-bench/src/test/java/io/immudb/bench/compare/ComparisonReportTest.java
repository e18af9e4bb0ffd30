package io.immudb.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.immudb.bench.report.SvgDom;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

class ComparisonReportTest {
  @Test
  void writesTheHtmlAndBothCharts(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("report");
    List<Path> files = ComparisonReport.write(Fixtures.RESULT, out);
    assertThat(files)
        .containsExactly(
            out.resolve("report.html"), out.resolve("throughput.svg"), out.resolve("latency.svg"));
    String throughput = Files.readString(out.resolve("throughput.svg"), StandardCharsets.UTF_8);
    String latency = Files.readString(out.resolve("latency.svg"), StandardCharsets.UTF_8);
    assertThat(throughput).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg ");
    assertThat(latency).startsWith("<?xml");

    SvgDom t = SvgDom.parse(throughput);
    assertThat(SvgDom.elements(t.series("immudb Set"), "circle")).hasSize(3);
    assertThat(SvgDom.elements(t.series("PostgreSQL INSERT"), "circle")).hasSize(3);
    assertThat(SvgDom.elements(t.series("immudb VerifiableSet"), "rect")).hasSize(1);
    assertThat(SvgDom.elements(t.series("PostgreSQL chained INSERT"), "rect")).hasSize(1);
    // 14k is the largest: the axis goes to 15k, so PostgreSQL's 10k at 100 clients is 2/3 up.
    Element pg100 = SvgDom.elements(t.series("PostgreSQL INSERT"), "circle").get(2);
    assertThat(Double.parseDouble(pg100.getAttribute("cy")))
        .isCloseTo(360 - 310 * 2 / 3.0, within(0.05));
    assertThat(t.texts())
        .contains("15k", "concurrent clients (log scale)", "transactions per second");

    SvgDom l = SvgDom.parse(latency);
    for (String s :
        List.of("immudb Set p50", "immudb Set p99", "PostgreSQL p50", "PostgreSQL p99")) {
      assertThat(SvgDom.elements(l.series(s), "circle")).as(s).hasSize(3);
    }

    String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains(
            "AMD EPYC &lt;7B13&gt; &amp; co",
            "24.0 GiB",
            "Linux 6.1.0",
            "OpenJDK 64-Bit Server VM 17.0.15+6",
            "PostgreSQL 15.18 (Debian 15.18-0+deb12u1)",
            "2026-12-06 07:41 UTC",
            "<th>Load average at start (1, 5, 15 min)</th><td>1.52 0.90 0.61</td>",
            "--clients 1,10,100 --seconds 10 --warmup-seconds 20 --point-warmup-seconds 3",
            "<td>postgresql</td><td>hash-chained</td><td class=\"n\">100</td><td class=\"n\">1</td>"
                + "<td class=\"n\">2000</td>",
            "<th>VerifiableSet / hash-chained INSERT, 100 clients</th><td class=\"n\">4.00</td>",
            "Only the ratios of one run count")
        .doesNotContain("<7B13>");
    // Both charts inline, without their XML declarations.
    assertThat(html.split("<svg ", -1)).hasSize(3);
    assertThat(html).doesNotContain("<?xml");
    assertThat(html).contains(throughput.substring(throughput.indexOf("<svg ")));
  }

  @Test
  void aPointWithoutLatencyIsLeftOutOfTheChartAndShownAsNa() throws Exception {
    List<Measurement> ms =
        List.of(
            Fixtures.m(Measurement.POSTGRESQL, Measurement.PLAIN, 1, 800, 1.1, 3.2),
            new Measurement(
                Measurement.IMMUDB, Measurement.SET, 1, 10, 0, Double.NaN, Double.NaN, 0, 5, 1),
            Fixtures.m(Measurement.POSTGRESQL, Measurement.PLAIN, 2, 900, 1.2, 3.3),
            Fixtures.m(Measurement.IMMUDB, Measurement.SET, 2, 1000, 1, 2));
    ComparisonSpec spec =
        new ComparisonSpec(List.of(1, 2), 10, 0, 0, 1, null, "postgres", null, null);
    ComparisonResult r =
        new ComparisonResult(spec, Fixtures.MACHINE, ms, Ratios.of(List.of(1, 2), ms));
    SvgDom l = SvgDom.parse(ComparisonReport.latencyChart(r).svg());
    assertThat(SvgDom.elements(l.series("immudb Set p50"), "circle")).hasSize(1);
    assertThat(ComparisonReport.figuresTable(ms)).contains("<td class=\"n\">n/a</td>");
  }
}
