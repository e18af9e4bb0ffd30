package io.immudb.bench.load;

import org.HdrHistogram.Histogram;

/**
 * The outcome of a {@link ServerLoad} run: successful and failed calls of the measured phase, and
 * the latency of each successful call (recorded in µs, reported in ms).
 *
 * <p>Thread-safe once built: the histogram is complete and never recorded into again.
 *
 * @param txs successful measured calls; each commits one tx of {@code batch} entries
 * @param errors failed calls that started in the measured phase
 * @param elapsedNanos the measured window, stretched to the end of the last measured call
 * @param lastTxId the latest tx id any client was answered with
 */
public record ServerResult(
    ServerLoadSpec spec,
    long txs,
    long errors,
    long elapsedNanos,
    Histogram latencyMicros,
    long lastTxId) {

  public double txPerSecond() {
    return txs / (elapsedNanos / 1e9);
  }

  /** Whether the run failed: no measured call succeeded. */
  public boolean failed() {
    return txs == 0;
  }

  private double ms(long micros) {
    return txs == 0 ? Double.NaN : micros / 1e3;
  }

  /** The one-line JSON object that {@code immudb-bench server} prints last (docs/benchmarks.md). */
  public String toJson() {
    return new JsonLine()
        .put("mode", "server")
        .put("clients", spec.clients())
        .put("batch", spec.batch())
        .put("verified", spec.verified())
        .put("seconds", spec.seconds())
        .put("tx_per_s", txPerSecond(), 1)
        .put("kv_per_s", txPerSecond() * spec.batch(), 1)
        .put("p50_ms", ms(latencyMicros.getValueAtPercentile(50)), 3)
        .put("p99_ms", ms(latencyMicros.getValueAtPercentile(99)), 3)
        .put("max_ms", ms(latencyMicros.getMaxValue()), 3)
        .put("errors", errors)
        .put("txs", txs)
        .put("elapsed_s", elapsedNanos / 1e9, 3)
        .put("channels", spec.channels())
        .put("warmup_seconds", spec.warmupSeconds())
        .put("key_len", spec.keyLen())
        .put("value_len", spec.valueLen())
        .put("database", spec.database())
        .put("api", spec.api())
        .put("last_tx_id", lastTxId)
        .toString();
  }
}
