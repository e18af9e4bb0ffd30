package io.immudb.bench.load;

import org.HdrHistogram.Histogram;

/**
 * Throughput and latency of one measured read phase. Latencies are recorded in nanoseconds and
 * reported in microseconds.
 *
 * <p>Thread-safe once built: the histogram is complete and never recorded into again.
 */
public record ReadStats(long ops, long elapsedNanos, Histogram latencyNanos) {

  public double opsPerSecond() {
    return ops / (elapsedNanos / 1e9);
  }

  /** The latency at {@code percentile} (0..100), in microseconds. */
  public double percentileMicros(double percentile) {
    return latencyNanos.getValueAtPercentile(percentile) / 1e3;
  }

  public double maxMicros() {
    return latencyNanos.getMaxValue() / 1e3;
  }
}
