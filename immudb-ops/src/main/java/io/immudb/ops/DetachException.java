package io.immudb.ops;

import java.io.IOException;
import java.util.List;
import java.util.OptionalInt;

/**
 * A background server did not come up: it exited, timed out, or its port was already taken. Carries
 * the last lines the child wrote, for the operator.
 */
public final class DetachException extends IOException {
  private static final long serialVersionUID = 1L;
  private final transient OptionalInt exitStatus;
  private final transient List<String> outputTail;

  /**
   * @param message what went wrong, for a human
   * @param exitStatus the child's exit status, if it exited
   * @param outputTail the child's last output lines, oldest first
   */
  public DetachException(String message, OptionalInt exitStatus, List<String> outputTail) {
    super(message);
    this.exitStatus = exitStatus;
    this.outputTail = List.copyOf(outputTail);
  }

  /** The child's exit status, if it exited. */
  public OptionalInt exitStatus() {
    return exitStatus;
  }

  /** The child's last output lines, oldest first. */
  public List<String> outputTail() {
    return outputTail;
  }
}
