package io.immudb.embedded.internal.appendable;

import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * How much room a preallocating {@link SegmentedAppendable} adds beyond its end each time its
 * writes reach the end of the room it has: a step that follows the write rate, so an idle log holds
 * little unused space and a busy one changes its file size (a metadata update, paid by the next
 * sync) only about once a second.
 *
 * <p>The first step is {@link #MIN_STEP} (or the cap, if smaller). Each later step depends on how
 * long the previous one lasted, that is the time between two extensions:
 *
 * <ul>
 *   <li>under {@link #GROW_BELOW_NANOS} (1 s): twice the previous step, up to the cap;
 *   <li>over {@link #SHRINK_ABOVE_NANOS} (4 s): the least {@code MIN_STEP·2^k} that would have
 *       lasted at least 1 s at the rate just observed;
 *   <li>in between: the previous step.
 * </ul>
 *
 * <p>At a steady rate of {@code r} bytes/s this settles on a step of about {@code r} to {@code 4r}
 * (an extension every 1 to 4 s); the gap between the two thresholds keeps it from oscillating.
 * Growth is by doubling, so one short burst cannot buy a cap-sized step at once. See
 * docs/design/storage.md, "Commit protocol".
 *
 * <p>Not thread-safe: used by the log's one appending thread.
 */
final class PreallocationPolicy {
  /** The first step, and the least one. */
  static final long MIN_STEP = 128L << 10;

  /** A step that lasted less than this is doubled. */
  static final long GROW_BELOW_NANOS = 1_000_000_000L;

  /** A step that lasted more than this is shrunk to what the observed rate needs. */
  static final long SHRINK_ABOVE_NANOS = 4_000_000_000L;

  private final long min;
  private final long max;
  private final LongSupplier nanoClock;

  /** The last step handed out; 0 before the first. */
  private long step;

  private long lastNanos;

  /**
   * A policy whose steps never exceed {@code max}. Requires {@code max ≥ 1}.
   *
   * @param nanoClock monotonic time in nanoseconds, such as {@code System::nanoTime}
   */
  PreallocationPolicy(long max, LongSupplier nanoClock) {
    if (max < 1) {
      throw new IllegalArgumentException("max preallocation step must be >= 1, got " + max);
    }
    this.max = max;
    this.min = Math.min(MIN_STEP, max);
    this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
  }

  /** The number of bytes to add now; the caller extends its file once by this much. */
  long nextStep() {
    long now = nanoClock.getAsLong();
    if (step == 0) {
      step = min;
    } else {
      long lasted = now - lastNanos;
      if (lasted < GROW_BELOW_NANOS) {
        step = step > max / 2 ? max : step * 2;
      } else if (lasted > SHRINK_ABOVE_NANOS) {
        step = shrunk(step, lasted);
      }
    }
    lastNanos = now;
    return step;
  }

  /** The last step handed out, or 0 before the first. */
  long currentStep() {
    return step;
  }

  /**
   * The least {@code min·2^k} that lasts ≥ 1 s at the rate of {@code prev} bytes per {@code
   * lasted}.
   */
  private long shrunk(long prev, long lasted) {
    double needed = (double) prev * GROW_BELOW_NANOS / lasted;
    long s = min;
    while (s < needed && s < prev) {
      s *= 2;
    }
    return Math.min(s, prev);
  }
}
