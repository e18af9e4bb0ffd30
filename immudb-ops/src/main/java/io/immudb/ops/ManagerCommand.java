package io.immudb.ops;

import java.util.List;

/**
 * One command a service manager runs for a step of an install, uninstall or control action. A
 * best-effort command may fail without failing the action: stopping a service that is not running
 * fails under launchctl and rc.d, and that is the expected case, not an error. Immutable.
 *
 * @param argv the program and its arguments (no shell)
 * @param bestEffort whether a non-zero exit status is reported and ignored rather than thrown
 */
record ManagerCommand(List<String> argv, boolean bestEffort) {
  ManagerCommand {
    argv = List.copyOf(argv);
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("a command needs a program");
    }
  }

  /** A command whose failure fails the action. */
  static ManagerCommand required(String... argv) {
    return new ManagerCommand(List.of(argv), false);
  }

  /** A command whose failure is reported and ignored. */
  static ManagerCommand bestEffort(String... argv) {
    return new ManagerCommand(List.of(argv), true);
  }

  @Override
  public String toString() {
    return String.join(" ", argv);
  }
}
