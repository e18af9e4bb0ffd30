package io.immudb.bench.compare;

import io.immudb.bench.report.ChartSeries;
import io.immudb.bench.report.Markup;
import io.immudb.bench.report.SvgLineChart;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The report of a comparison: {@code report.html} (self-contained: the machine, the setup, the
 * figures, the ratios and both charts inline) and the charts alone as {@code throughput.svg} and
 * {@code latency.svg}, for docs to embed.
 *
 * <p>Thread-safe (stateless).
 */
public final class ComparisonReport {
  public static final String HTML = "report.html";
  public static final String THROUGHPUT_SVG = "throughput.svg";
  public static final String LATENCY_SVG = "latency.svg";

  static final String OURS_COLOR = "#d95f02";
  static final String PG_COLOR = "#336791";

  private ComparisonReport() {}

  /**
   * Writes the three files into {@code dir} (created if missing), replacing earlier ones; returns
   * their paths.
   */
  public static List<Path> write(ComparisonResult r, Path dir) throws IOException {
    Files.createDirectories(dir);
    String throughput = throughputChart(r).svg();
    String latency = latencyChart(r).svg();
    String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    Path t =
        Files.writeString(dir.resolve(THROUGHPUT_SVG), xml + throughput, StandardCharsets.UTF_8);
    Path l = Files.writeString(dir.resolve(LATENCY_SVG), xml + latency, StandardCharsets.UTF_8);
    Path h =
        Files.writeString(dir.resolve(HTML), html(r, throughput, latency), StandardCharsets.UTF_8);
    return List.of(h, t, l);
  }

  /** Transactions per second against clients: both systems' plain writes, and the verified ones. */
  static SvgLineChart throughputChart(ComparisonResult r) {
    List<ChartSeries> s = new ArrayList<>();
    addSeries(
        s,
        r,
        Measurement.IMMUDB,
        Measurement.SET,
        "immudb Set",
        OURS_COLOR,
        false,
        true,
        Measurement::txPerSecond);
    addSeries(
        s,
        r,
        Measurement.POSTGRESQL,
        Measurement.PLAIN,
        "PostgreSQL INSERT",
        PG_COLOR,
        false,
        true,
        Measurement::txPerSecond);
    addSeries(
        s,
        r,
        Measurement.IMMUDB,
        Measurement.VERIFIABLE_SET,
        "immudb VerifiableSet",
        OURS_COLOR,
        false,
        false,
        Measurement::txPerSecond);
    addSeries(
        s,
        r,
        Measurement.POSTGRESQL,
        Measurement.HASH_CHAINED,
        "PostgreSQL chained INSERT",
        PG_COLOR,
        false,
        false,
        Measurement::txPerSecond);
    return new SvgLineChart(
        "Durable single-entry writes: throughput (higher is better)",
        "concurrent clients (log scale)",
        "transactions per second",
        false,
        s);
  }

  /** p50 and p99 latency against clients, both systems' plain writes; log scale. */
  static SvgLineChart latencyChart(ComparisonResult r) {
    List<ChartSeries> s = new ArrayList<>();
    addSeries(
        s,
        r,
        Measurement.IMMUDB,
        Measurement.SET,
        "immudb Set p50",
        OURS_COLOR,
        false,
        true,
        Measurement::p50Ms);
    addSeries(
        s,
        r,
        Measurement.IMMUDB,
        Measurement.SET,
        "immudb Set p99",
        OURS_COLOR,
        true,
        true,
        Measurement::p99Ms);
    addSeries(
        s,
        r,
        Measurement.POSTGRESQL,
        Measurement.PLAIN,
        "PostgreSQL p50",
        PG_COLOR,
        false,
        true,
        Measurement::p50Ms);
    addSeries(
        s,
        r,
        Measurement.POSTGRESQL,
        Measurement.PLAIN,
        "PostgreSQL p99",
        PG_COLOR,
        true,
        true,
        Measurement::p99Ms);
    return new SvgLineChart(
        "Durable single-entry writes: latency (lower is better)",
        "concurrent clients (log scale)",
        "latency per write, ms (log scale)",
        true,
        s);
  }

  /** Adds the series of {@code system} / {@code variant} if it has points with a positive y. */
  private static void addSeries(
      List<ChartSeries> into,
      ComparisonResult r,
      String system,
      String variant,
      String name,
      String color,
      boolean dashed,
      boolean filled,
      ToDoubleFunction<Measurement> y) {
    List<ChartSeries.Point> pts = new ArrayList<>();
    for (Measurement m : r.series(system, variant)) {
      double v = y.applyAsDouble(m);
      if (Double.isFinite(v) && v > 0) {
        pts.add(new ChartSeries.Point(m.clients(), v));
      }
    }
    if (!pts.isEmpty()) {
      into.add(new ChartSeries(name, color, dashed, !filled, pts));
    }
  }

  /** The HTML page, with the two SVG documents inline. */
  static String html(ComparisonResult r, String throughputSvg, String latencySvg) {
    StringBuilder sb = new StringBuilder(32768);
    sb.append(
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>immudb vs PostgreSQL</title>
        <style>
        body { font-family: sans-serif; max-width: 860px; margin: 2em auto; color: #222; }
        table { border-collapse: collapse; margin: 1em 0; }
        th, td { border: 1px solid #ccc; padding: 3px 10px; }
        td.n { text-align: right; font-variant-numeric: tabular-nums; }
        th { background: #f2f2f2; text-align: left; }
        </style>
        </head>
        <body>
        <h1>immudb vs PostgreSQL: durable single-entry writes</h1>
        """);
    sb.append("<p>Measured with <code>bin/immudb-bench vs-postgres")
        .append(Markup.escape(commandOptions(r.spec())))
        .append("</code> on ")
        .append(Markup.escape(r.machine().dateUtc()))
        .append(". Only the ratios of one run count: the absolute figures of a shared machine")
        .append(" drift by 2&#8211;3&#215; between days.</p>\n");
    sb.append("<h2>Machine</h2>\n<table>\n");
    for (Map.Entry<String, String> e : r.machine().rows()) {
      sb.append("<tr><th>")
          .append(Markup.escape(e.getKey()))
          .append("</th><td>")
          .append(Markup.escape(e.getValue()))
          .append("</td></tr>\n");
    }
    sb.append("</table>\n<h2>Setup</h2>\n<p>")
        .append(Markup.escape(setup(r.spec())))
        .append("</p>\n");
    sb.append("<h2>Ratios (immudb / PostgreSQL, throughput)</h2>\n<table>\n");
    for (Map.Entry<String, Double> e : r.ratios().labelled()) {
      sb.append("<tr><th>")
          .append(Markup.escape(e.getKey()))
          .append("</th><td class=\"n\">")
          .append(num("%.2f", e.getValue()))
          .append("</td></tr>\n");
    }
    sb.append("</table>\n<h2>Figures</h2>\n").append(figuresTable(r.measurements()));
    sb.append("<h2>Charts</h2>\n").append(throughputSvg).append(latencySvg);
    sb.append("</body>\n</html>\n");
    return sb.toString();
  }

  /** The figures as an HTML table, one row per measurement. */
  static String figuresTable(List<Measurement> ms) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        "<table>\n<tr><th>system</th><th>write</th><th>clients</th><th>round</th><th>tx/s</th>"
            + "<th>p50 ms</th><th>p99 ms</th><th>txs</th><th>errors</th></tr>\n");
    for (Measurement m : ms) {
      sb.append("<tr><td>")
          .append(Markup.escape(m.system()))
          .append("</td><td>")
          .append(Markup.escape(m.variant()))
          .append("</td><td class=\"n\">")
          .append(m.clients())
          .append("</td><td class=\"n\">")
          .append(m.round())
          .append("</td><td class=\"n\">")
          .append(num("%.0f", m.txPerSecond()))
          .append("</td><td class=\"n\">")
          .append(num("%.2f", m.p50Ms()))
          .append("</td><td class=\"n\">")
          .append(num("%.2f", m.p99Ms()))
          .append("</td><td class=\"n\">")
          .append(m.txs())
          .append("</td><td class=\"n\">")
          .append(m.errors())
          .append("</td></tr>\n");
    }
    return sb.append("</table>\n").toString();
  }

  /** The options of the run, as they would be typed ({@code " --clients 1,10,100 ..."}). */
  static String commandOptions(ComparisonSpec s) {
    return fmt(
            " --clients %s --seconds %d --warmup-seconds %d --point-warmup-seconds %d",
            String.join(",", s.clients().stream().map(String::valueOf).toList()),
            s.seconds(),
            s.warmupSeconds(),
            s.pointWarmupSeconds())
        + (s.rounds() > 1 ? " --rounds " + s.rounds() : "");
  }

  /** One paragraph on what was measured and how. */
  static String setup(ComparisonSpec s) {
    return fmt(
            "Each write is one transaction of one 32-byte key and one 64-byte value, acknowledged once"
                + " durable. immudb: bin/immudb of this checkout with default settings (synced commits),"
                + " driven over gRPC on loopback by closed-loop asynchronous clients (Set, or"
                + " VerifiableSet with the proof built by the server); warmed up for %d s first."
                + " PostgreSQL: a fresh cluster with fsync and synchronous_commit on, shared_buffers ="
                + " 1GB, driven by pgbench over TCP on loopback (simple query protocol, one pgbench"
                + " thread per core), one INSERT per transaction into audit(id bigserial primary key,"
                + " k bytea, v bytea); \"chained\" inserts into a table whose trigger keeps a SHA-256"
                + " hash chain over all rows (pgcrypto). Each point: %d s unmeasured, then %d s"
                + " measured; the systems alternate, point by point, on the same cores."
                + " Latency is per write as the client sees it; p50/p99 are nearest-rank.",
            s.warmupSeconds(), s.pointWarmupSeconds(), s.seconds())
        + (s.rounds() > 1
            ? fmt(
                " All of it was measured %d times, round after round; each ratio is the median"
                    + " of the rounds' ratios, and the charts show, at each point, the round of"
                    + " median throughput.",
                s.rounds())
            : "");
  }

  /** {@code v} formatted, or {@code n/a} if it is not finite. */
  private static String num(String f, double v) {
    return Double.isFinite(v) ? fmt(f, v) : "n/a";
  }

  private static String fmt(String f, Object... args) {
    return String.format(Locale.ROOT, f, args);
  }
}
