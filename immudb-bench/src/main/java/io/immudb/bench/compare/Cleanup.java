package io.immudb.bench.compare;

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What to undo at the end of a comparison, last added first: servers to stop, the work directory to
 * delete. Closed once by the owner, or by the shutdown hook on Ctrl-C, whichever comes first.
 *
 * <p>Thread-safe: {@link #add} and {@link #close} are synchronized, and close is idempotent.
 */
final class Cleanup implements AutoCloseable {
  private final Deque<AutoCloseable> steps = new ArrayDeque<>();
  private final PrintStream log;
  private boolean closed;

  Cleanup(PrintStream log) {
    this.log = log;
  }

  /** Adds a step, to be run before all the earlier ones; returns {@code step}. */
  synchronized <T extends AutoCloseable> T add(T step) {
    steps.push(step);
    return step;
  }

  /** Whether {@link #close} has started: the run is over, or being stopped. */
  synchronized boolean closed() {
    return closed;
  }

  /** Runs every step; a failing one is logged and the rest still run. */
  @Override
  public synchronized void close() {
    closed = true;
    while (!steps.isEmpty()) {
      AutoCloseable step = steps.pop();
      try {
        step.close();
      } catch (Exception e) {
        log.println("vs-postgres: cleaning up failed: " + e);
      }
    }
  }
}
