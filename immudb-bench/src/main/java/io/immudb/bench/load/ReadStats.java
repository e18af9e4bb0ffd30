package io.immudb.bench.load;

import org.HdrHistogram.Histogram;

/**
 * Throughput and latency of one measured read phase. Latencies are recorded in nanoseconds and
 * reported in microseconds. {@code cpuNanos} is the CPU time of all reader threads together (0
 * where the JVM can't measure thread CPU time).
 *
 * <p>Thread-safe once built: the histogram is complete and never recorded into again.
 */
public record ReadStats(long ops, long elapsedNanos, Histogram latencyNanos, long cpuNanos) {

  public double opsPerSecond() {
    return ops / (elapsedNanos / 1e9);
  }

  /** The latency at {@code percentile} (0..100), in microseconds. */
  public double percentileMicros(double percentile) {
    return latencyNanos.getValueAtPercentile(percentile) / 1e3;
  }

  /** Reader-thread CPU time per operation, in microseconds. */
  public double cpuMicrosPerOp() {
    return ops == 0 ? 0 : cpuNanos / 1e3 / ops;
  }

  public double maxMicros() {
    return latencyNanos.getMaxValue() / 1e3;
  }
}
