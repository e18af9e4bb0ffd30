package io.immudb.cli.backup;

import java.io.PrintStream;
import java.time.Duration;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on standard error for a task that turns out to take more than a second: nothing is
 * shown for quick tasks, so scripts and short runs stay quiet. Not thread-safe.
 */
public final class Progress implements AutoCloseable {
  /** How long a task runs before its bar appears. */
  static final Duration DELAY = Duration.ofSeconds(1);

  private final String task;
  private final long total;
  private final String unit;
  private final long unitSize;
  private final boolean enabled;
  private final PrintStream err;
  private final long start = System.nanoTime();
  private ProgressBar bar;
  private long current;

  private Progress(
      String task, long total, String unit, long unitSize, boolean enabled, PrintStream err) {
    this.task = task;
    this.total = total;
    this.unit = unit;
    this.unitSize = unitSize;
    this.enabled = enabled;
    this.err = err;
  }

  /** Progress counted in transactions. */
  public static Progress txs(String task, long total, boolean enabled, PrintStream err) {
    return new Progress(task, total, " tx", 1, enabled, err);
  }

  /** Progress counted in bytes, shown in MiB. */
  public static Progress bytes(String task, long total, boolean enabled, PrintStream err) {
    return new Progress(task, total, " MiB", 1 << 20, enabled, err);
  }

  /** Whether progress bars are shown when not asked either way: when there is a terminal. */
  public static boolean auto(Boolean asked) {
    return asked != null ? asked : System.console() != null;
  }

  /** Sets the amount done so far. */
  public void stepTo(long done) {
    current = done;
    if (bar == null && enabled && System.nanoTime() - start >= DELAY.toNanos()) {
      bar =
          new ProgressBarBuilder()
              .setTaskName(task)
              .setInitialMax(total)
              .setStyle(ProgressBarStyle.ASCII)
              .setUnit(unit, unitSize)
              .setUpdateIntervalMillis(250)
              .showSpeed()
              .setConsumer(new ConsoleProgressBarConsumer(err))
              .build();
    }
    if (bar != null) {
      bar.stepTo(done);
    }
  }

  /** Whether the bar was shown. */
  public boolean shown() {
    return bar != null;
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.stepTo(current);
      bar.close();
    }
  }
}
