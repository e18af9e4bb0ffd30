package io.immudb.bench.load;

import java.util.Map;

/**
 * The outcome of a {@link StoreLoad} run. Latencies are per commit call, in milliseconds;
 * throughput counts measured txs only.
 *
 * <p>Thread-safe (immutable).
 *
 * @param elapsedNanos from the start of the measured commits to the end of the last one
 * @param indexCatchupNanos from the end of the last commit until the index reached {@code lastTxId}
 * @param cpuSeconds the process's CPU time by role ({@link ThreadCpu}), from the start of the
 *     measured commits until the index caught up; empty where it cannot be read
 */
public record StoreResult(
    StoreLoadSpec spec,
    long elapsedNanos,
    long indexCatchupNanos,
    double p50Ms,
    double p99Ms,
    double maxMs,
    long lastTxId,
    Map<ThreadCpu.Role, Double> cpuSeconds) {

  public StoreResult {
    cpuSeconds = Map.copyOf(cpuSeconds);
  }

  public double elapsedSeconds() {
    return elapsedNanos / 1e9;
  }

  public double txPerSecond() {
    return spec.totalTxs() / elapsedSeconds();
  }

  public double entriesPerSecond() {
    return txPerSecond() * spec.entriesPerTx();
  }

  /** The one-line JSON object that {@code immudb-bench store} prints last (docs/benchmarks.md). */
  public String toJson() {
    JsonLine json =
        new JsonLine()
            .put("mode", "store")
            .put("committers", spec.committers())
            .put("in_flight", spec.inFlight())
            .put("txs", spec.totalTxs())
            .put("entries_per_tx", spec.entriesPerTx())
            .put("synced", spec.synced())
            .put("tx_per_s", txPerSecond(), 1)
            .put("entries_per_s", entriesPerSecond(), 1)
            .put("p50_ms", p50Ms, 3)
            .put("p99_ms", p99Ms, 3)
            .put("max_ms", maxMs, 3)
            .put("elapsed_s", elapsedSeconds(), 3)
            .put("index_catchup_s", indexCatchupNanos / 1e9, 3)
            .put("txs_per_committer", spec.txs())
            .put("warmup_txs", spec.warmupTxs())
            .put("key_len", spec.keyLen())
            .put("value_len", spec.valueLen())
            .put("random_keys", spec.randomKeys())
            .put("data_model", spec.dataModel())
            .put("last_tx_id", lastTxId);
    if (!cpuSeconds.isEmpty()) {
      // Where the CPU went, measured commits plus the index catch-up (docs/benchmarks.md).
      json.put("cpu_s", cpuSeconds.values().stream().mapToDouble(Double::doubleValue).sum(), 2);
      for (ThreadCpu.Role r : ThreadCpu.Role.values()) {
        json.put("cpu_" + r.jsonName + "_s", cpuSeconds.getOrDefault(r, 0.0), 2);
      }
    }
    return json.toString();
  }
}
