package io.immudb.cli;

import java.io.PrintStream;
import java.util.Objects;

/**
 * Where a command-line tool prints: {@code out} for results, {@code err} for warnings, errors and
 * progress. A tool's {@code main} creates one ({@link #system}) and hands it to the root command;
 * every subcommand, and picocli's own help, usage and error messages, print through it, so a test
 * can run a tool in-process and capture both streams. Immutable; the streams themselves are as
 * thread-safe as {@link PrintStream}.
 *
 * @param out standard output
 * @param err standard error
 */
public record Console(PrintStream out, PrintStream err) {
  public Console {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
  }

  /** The process's standard output and error. */
  public static Console system() {
    return new Console(System.out, System.err);
  }
}
