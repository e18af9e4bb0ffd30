package io.immudb.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What one frame of the {@code immuadmin stats} dashboard shows, computed from the latest reading
 * of the metrics and the one before it: gauges as read, and rates (per second) from the growth of
 * counters between the two readings. Without an earlier reading, or across a server restart (a
 * counter that went down), rates are empty. Immutable.
 *
 * @param current the latest reading
 * @param databases one row per database, in the server's order
 * @param rpcsPerSecond RPCs started per second, all methods
 * @param notOkPerSecond RPCs completed with a status other than OK, per second
 * @param methods one row per RPC method seen, busiest first (by rate, then by total)
 * @param latency the calls completed between the two readings (or, without an earlier reading,
 *     since the server started)
 * @param cpuPercent the server process's CPU use between the two readings, in percent of one core
 */
record DashboardModel(
    StatsScrape current,
    List<DbRow> databases,
    OptionalDouble rpcsPerSecond,
    OptionalDouble notOkPerSecond,
    List<MethodRow> methods,
    LatencyBuckets latency,
    OptionalDouble cpuPercent) {
  DashboardModel {
    databases = List.copyOf(databases);
    methods = List.copyOf(methods);
  }

  /**
   * One database: its gauges, and transactions per second.
   *
   * @param indexLag committed tx id minus indexed tx id: txs the index has not applied yet
   */
  record DbRow(
      String name,
      long entries,
      long txs,
      OptionalDouble txsPerSecond,
      long indexLag,
      long sizeBytes) {}

  /** One RPC method: calls started per second, and since the server started. */
  record MethodRow(String method, OptionalDouble perSecond, long total) {}

  /** The frame for {@code current}, with rates from {@code previous} (null: no rates yet). */
  static DashboardModel of(StatsScrape previous, StatsScrape current) {
    double seconds =
        previous == null ? 0 : (current.atNanos() - previous.atNanos()) / 1_000_000_000.0;
    boolean rates = seconds > 0;
    Map<String, Long> txsBefore = new HashMap<>();
    if (rates) {
      previous.stats().databases().forEach(d -> txsBefore.put(d.name(), d.committedTxId()));
    }
    List<DbRow> dbs = new ArrayList<>();
    for (ServerStats.Db d : current.stats().databases()) {
      Long before = txsBefore.get(d.name());
      dbs.add(
          new DbRow(
              d.name(),
              d.entries(),
              d.committedTxId(),
              before == null ? OptionalDouble.empty() : rate(d.committedTxId() - before, seconds),
              Math.max(0, d.committedTxId() - d.indexedTxId()),
              d.sizeBytes()));
    }
    List<MethodRow> methods = new ArrayList<>();
    double allBefore = 0;
    double allNow = 0;
    for (Map.Entry<String, Double> e : current.rpcsByMethod().entrySet()) {
      Double before = rates ? previous.rpcsByMethod().getOrDefault(e.getKey(), 0.0) : null;
      allNow += e.getValue();
      allBefore += before == null ? 0 : before;
      methods.add(
          new MethodRow(
              e.getKey(),
              before == null ? OptionalDouble.empty() : rate(e.getValue() - before, seconds),
              Math.round(e.getValue())));
    }
    methods.sort(
        Comparator.comparingDouble((MethodRow m) -> m.perSecond().orElse(0))
            .reversed()
            .thenComparing(Comparator.comparingLong(MethodRow::total).reversed())
            .thenComparing(MethodRow::method));
    OptionalDouble cpu = OptionalDouble.empty();
    if (rates && previous.cpuSeconds().isPresent() && current.cpuSeconds().isPresent()) {
      OptionalDouble r =
          rate(current.cpuSeconds().getAsDouble() - previous.cpuSeconds().getAsDouble(), seconds);
      cpu = r.isPresent() ? OptionalDouble.of(r.getAsDouble() * 100) : r;
    }
    return new DashboardModel(
        current,
        dbs,
        rates ? rate(allNow - allBefore, seconds) : OptionalDouble.empty(),
        rates ? rate(current.rpcsNotOk() - previous.rpcsNotOk(), seconds) : OptionalDouble.empty(),
        methods,
        rates ? current.latency().since(previous.latency()) : current.latency(),
        cpu);
  }

  /** {@code delta / seconds}; empty when the counter went down (a restart). */
  private static OptionalDouble rate(double delta, double seconds) {
    return delta < 0 ? OptionalDouble.empty() : OptionalDouble.of(delta / seconds);
  }
}
