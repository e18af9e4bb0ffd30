package io.immudb.ops;

import java.io.PrintStream;
import java.util.List;
import java.util.Objects;

/**
 * Prints each command as {@code would run: ...} instead of running it. Used when the installer
 * writes into a staging root ({@code --root}), where running useradd, systemctl, launchctl or
 * service on this host would be wrong. Every command succeeds, except that {@code getent} lookups
 * report "not found" (exit status 2): a dry run plans for a fresh system, so the printed plan
 * includes creating the account. On launchd, where the installer does not create accounts, the
 * lookup ({@code id -u}) succeeds, so the plan reads as if the account had been made beforehand.
 * Not thread-safe (shares a stream).
 */
public final class DryRunCommandRunner implements CommandRunner {
  private final PrintStream out;

  public DryRunCommandRunner(PrintStream out) {
    this.out = Objects.requireNonNull(out, "out");
  }

  @Override
  public Result run(List<String> command) {
    out.println("would run: " + String.join(" ", command));
    return new Result(command.get(0).equals("getent") ? 2 : 0, "");
  }
}
