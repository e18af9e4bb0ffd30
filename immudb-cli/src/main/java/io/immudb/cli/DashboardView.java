package io.immudb.cli;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The text of one {@code immuadmin stats} dashboard frame: a {@link DashboardModel} laid out as at
 * most {@code height} lines of at most {@code width} characters (ASCII only). Server-wide numbers
 * and memory first, then a table of databases, the RPC rates and latency, a table of RPC methods
 * (busiest first) and a status line; when the screen is too small the tables are cut, ending with
 * {@code ... N more}. A rate that cannot be known yet (first frame) shows as {@code -}. Stateless.
 */
final class DashboardView {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);
  private static final String DB_ROW = " %-20s %12s %12s %9s %10s %12s";
  private static final String METHOD_ROW = " %-32s %9s %12s";

  private DashboardView() {}

  /**
   * The frame's lines.
   *
   * @param source where the metrics come from, shown in the title
   * @param now the time shown in the title
   * @param status the bottom line: an error, or empty
   */
  static List<String> render(
      DashboardModel m, String source, Instant now, String status, int width, int height) {
    StatsScrape s = m.current();
    ServerStats st = s.stats();
    List<String> top = new ArrayList<>();
    top.add(" immudb stats  " + source + "  " + TIME.format(now) + "  q: quit");
    top.add(
        String.format(
            Locale.ROOT,
            " uptime %s   databases %s   sessions %s   clients %d   threads %s   CPU %s",
            st.uptimeHours().isEmpty()
                ? "-"
                : StatsCommand.duration(Math.round(st.uptimeHours().getAsDouble() * 3600)),
            count(st.loadedDatabases()),
            count(st.activeSessions()),
            st.clients().size(),
            count(s.threads()),
            m.cpuPercent().isEmpty() ? "-" : fixed(m.cpuPercent().getAsDouble()) + "%"));
    top.add(
        " heap "
            + size(s.heapUsedBytes())
            + " of "
            + size(s.heapMaxBytes())
            + " "
            + bar(s.heapUsedBytes(), s.heapMaxBytes(), 20)
            + "   resident "
            + size(s.residentBytes()));
    top.add("");
    top.add(
        String.format(
            Locale.ROOT, DB_ROW, "DATABASE", "ENTRIES", "TXS", "TXS/S", "INDEX LAG", "SIZE"));
    List<String> dbs = new ArrayList<>();
    for (DashboardModel.DbRow d : m.databases()) {
      dbs.add(
          String.format(
              Locale.ROOT,
              DB_ROW,
              d.name(),
              d.entries(),
              d.txs(),
              rate(d.txsPerSecond()),
              d.indexLag(),
              StatsCommand.bytes(d.sizeBytes())));
    }
    if (dbs.isEmpty()) {
      dbs.add(" (no databases)");
    }
    List<String> mid = new ArrayList<>();
    mid.add("");
    LatencyBuckets l = m.latency();
    mid.add(
        " RPCS/S "
            + rate(m.rpcsPerSecond())
            + "   NOT OK/S "
            + rate(m.notOkPerSecond())
            + "   latency p50 "
            + bound(l, 0.5)
            + "  p99 "
            + bound(l, 0.99)
            + "  mean "
            + millis(l.meanSeconds()));
    mid.add(String.format(Locale.ROOT, METHOD_ROW, "METHOD", "RPCS/S", "TOTAL"));
    List<String> methods = new ArrayList<>();
    for (DashboardModel.MethodRow r : m.methods()) {
      methods.add(
          String.format(Locale.ROOT, METHOD_ROW, r.method(), rate(r.perSecond()), r.total()));
    }
    if (methods.isEmpty()) {
      methods.add(" (no calls yet)");
    }
    int free = Math.max(0, height - top.size() - mid.size() - 1);
    int dbLines = Math.min(dbs.size(), Math.max(1, free - Math.min(methods.size(), 5)));
    int methodLines = Math.max(0, free - dbLines);
    List<String> lines = new ArrayList<>(top);
    lines.addAll(cut(dbs, dbLines));
    lines.addAll(mid);
    lines.addAll(cut(methods, methodLines));
    while (lines.size() < height - 1) {
      lines.add("");
    }
    lines.add(status.isEmpty() ? "" : " " + status);
    List<String> out = new ArrayList<>();
    for (String line : lines.subList(0, Math.min(lines.size(), height))) {
      out.add(line.length() > width ? line.substring(0, width) : line);
    }
    return out;
  }

  /** The first {@code n} of {@code rows}; if some are left out, the last shown says how many. */
  private static List<String> cut(List<String> rows, int n) {
    if (rows.size() <= n) {
      return rows;
    }
    if (n <= 0) {
      return List.of();
    }
    List<String> out = new ArrayList<>(rows.subList(0, n - 1));
    out.add(" ... " + (rows.size() - n + 1) + " more");
    return out;
  }

  /** {@code [#####.....]}: {@code used} of {@code max}, or empty if either is unknown. */
  static String bar(OptionalDouble used, OptionalDouble max, int slots) {
    if (used.isEmpty() || max.isEmpty() || max.getAsDouble() <= 0) {
      return "";
    }
    double share = Math.min(1, Math.max(0, used.getAsDouble() / max.getAsDouble()));
    int full = (int) Math.round(share * slots);
    return "[" + "#".repeat(full) + ".".repeat(slots - full) + "]";
  }

  private static String count(OptionalDouble v) {
    return v.isEmpty() ? "-" : Long.toString(Math.round(v.getAsDouble()));
  }

  private static String size(OptionalDouble v) {
    return v.isEmpty() ? "-" : StatsCommand.bytes(Math.round(v.getAsDouble()));
  }

  private static String rate(OptionalDouble v) {
    return v.isEmpty() ? "-" : fixed(v.getAsDouble());
  }

  private static String fixed(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  /**
   * The {@code q}-quantile's bucket bound as {@code <=5ms} or {@code <=2.5s}, or {@code >10s} past
   * the largest finite bound.
   */
  private static String bound(LatencyBuckets l, double q) {
    OptionalDouble b = l.quantileBound(q);
    if (b.isEmpty()) {
      return "-";
    }
    if (b.getAsDouble() != Double.POSITIVE_INFINITY) {
      return "<=" + shortDuration(b.getAsDouble());
    }
    Double last = l.cumulative().lowerKey(Double.POSITIVE_INFINITY);
    return last == null ? "-" : ">" + shortDuration(last);
  }

  private static String millis(OptionalDouble seconds) {
    return seconds.isEmpty() ? "-" : shortDuration(seconds.getAsDouble());
  }

  private static String shortDuration(double s) {
    if (s < 1) {
      double ms = s * 1000;
      return (ms == Math.rint(ms) ? Long.toString((long) ms) : fixed(ms)) + "ms";
    }
    return (s == Math.rint(s) ? Long.toString((long) s) : fixed(s)) + "s";
  }
}
