package io.immudb.ops;

import java.io.IOException;
import java.util.List;

/** An external command run by the service installer exited with a non-zero status. */
public final class CommandFailedException extends IOException {
  private static final long serialVersionUID = 1L;
  private final transient List<String> command;
  private final int exitCode;

  /**
   * @param command the program and its arguments
   * @param exitCode its exit status
   * @param output what it printed
   */
  public CommandFailedException(List<String> command, int exitCode, String output) {
    super(
        "'"
            + String.join(" ", command)
            + "' failed with exit status "
            + exitCode
            + (output.isBlank() ? "" : ": " + output.strip()));
    this.command = List.copyOf(command);
    this.exitCode = exitCode;
  }

  /** The program and its arguments. */
  public List<String> command() {
    return command;
  }

  /** Its exit status. */
  public int exitCode() {
    return exitCode;
  }
}
