package io.immudb.ops;

import java.io.PrintStream;
import java.util.List;
import java.util.Objects;

/**
 * Prints each command as {@code would run: ...} instead of running it, and reports success. Used
 * when the installer writes into a staging root ({@code --root}), where running useradd or
 * systemctl on this host would be wrong. Not thread-safe (shares a stream).
 */
public final class DryRunCommandRunner implements CommandRunner {
  private final PrintStream out;

  public DryRunCommandRunner(PrintStream out) {
    this.out = Objects.requireNonNull(out, "out");
  }

  @Override
  public Result run(List<String> command) {
    out.println("would run: " + String.join(" ", command));
    return new Result(0, "");
  }
}
