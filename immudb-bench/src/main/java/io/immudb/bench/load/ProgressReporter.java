package io.immudb.bench.load;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Prints a progress line about once a second while a phase runs: operations done so far (out of the
 * total when known) and the rate over the last interval.
 *
 * <p>Thread-safe: owns one named daemon thread, stopped by {@link #close()}.
 */
final class ProgressReporter implements AutoCloseable {
  private final ScheduledExecutorService timer;
  private final PrintStream out;
  private final String label;
  private final String unit;
  private final long total;
  private final LongSupplier done;
  private long lastDone;
  private long lastNanos;

  /**
   * Starts reporting {@code done} to {@code out}.
   *
   * @param total the operations the phase will do, or 0 if not known in advance
   */
  ProgressReporter(PrintStream out, String label, String unit, long total, LongSupplier done) {
    this.out = out;
    this.label = label;
    this.unit = unit;
    this.total = total;
    this.done = done;
    this.lastDone = done.getAsLong();
    this.lastNanos = System.nanoTime();
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "bench-progress-" + label);
              t.setDaemon(true);
              return t;
            });
    timer.scheduleAtFixedRate(this::report, 1, 1, TimeUnit.SECONDS);
  }

  private synchronized void report() {
    long now = System.nanoTime();
    long d = done.getAsLong();
    double rate = (d - lastDone) / ((now - lastNanos) / 1e9);
    lastDone = d;
    lastNanos = now;
    String of = total > 0 ? "/" + total : "";
    out.printf(Locale.ROOT, "%s: %d%s %s, %.0f %s/s%n", label, d, of, unit, rate, unit);
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
