package io.immudb.bench.load;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the failed calls of a {@code server} run and prints the first failure, whenever it
 * happens, to the log.
 *
 * <p>Thread-safe.
 */
final class ServerErrors {
  private final PrintStream log;
  private final LongAdder measured = new LongAdder();
  private final AtomicBoolean printed = new AtomicBoolean();

  ServerErrors(PrintStream log) {
    this.log = log;
  }

  /** Records a failed call; {@code inMeasuredPhase} says whether it counts in the result. */
  void record(RuntimeException e, boolean inMeasuredPhase) {
    if (inMeasuredPhase) {
      measured.increment();
    }
    if (printed.compareAndSet(false, true)) {
      log.println("first error: " + e);
    }
  }

  /** Failed calls that started in the measured phase. */
  long measured() {
    return measured.sum();
  }
}
