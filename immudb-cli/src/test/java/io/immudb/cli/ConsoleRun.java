package io.immudb.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One in-process run of {@code immuclient} or {@code immuadmin}: exit status and what it printed on
 * its {@link Console}'s output and error streams. No environment variables and no configuration
 * file are read, so a run depends only on its arguments.
 */
record ConsoleRun(int status, String out, String err) {
  static ConsoleRun immuclient(String... args) {
    return run("immuclient", args);
  }

  static ConsoleRun immuadmin(String... args) {
    return run("immuadmin", args);
  }

  private static ConsoleRun run(String tool, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Console console =
        new Console(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    Object command = tool.equals("immuclient") ? new Immuclient(console) : new Immuadmin(console);
    int status =
        Tools.run(command, tool, Tools.profile(tool).withSearchPath(List.of()), args, Map.of());
    return new ConsoleRun(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
