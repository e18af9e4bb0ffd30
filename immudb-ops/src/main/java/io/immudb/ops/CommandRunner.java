package io.immudb.ops;

import java.io.IOException;
import java.util.List;

/**
 * Runs an external command (useradd, chown, systemctl) for the service installer. Two
 * implementations: {@link ProcessCommandRunner} runs it; {@link DryRunCommandRunner} only prints
 * it. Tests substitute a recording fake.
 *
 * <p>Implementations MUST be safe to call from one thread at a time; they need not be thread-safe.
 */
public interface CommandRunner {
  /** The outcome of a command: its exit status and its standard output and error, merged. */
  record Result(int exitCode, String output) {
    /** Whether the command exited with status 0. */
    public boolean ok() {
      return exitCode == 0;
    }
  }

  /**
   * Runs {@code command} (program and arguments, no shell) to completion.
   *
   * @throws IOException if the program cannot be started or waiting is interrupted
   */
  Result run(List<String> command) throws IOException;
}
