package io.immudb.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The outcome of one child process run to its end: its command line, exit status, standard output
 * and standard error. The static methods start processes the way a user's shell would.
 */
record ProcessRun(List<String> command, int status, String out, String err) {

  /**
   * Runs {@code command} in {@code dir} with {@code env} added to this process's environment (a
   * {@code null} value removes the variable), no standard input, and waits at most {@code timeout}.
   * Output goes through files in {@code scratch} (a pipe could fill and block the child).
   */
  static ProcessRun run(
      Path dir, Map<String, String> env, Path scratch, Duration timeout, String... command)
      throws IOException, InterruptedException {
    return run(dir, env, null, scratch, timeout, command);
  }

  /** As {@link #run(Path, Map, Path, Duration, String...)}, with {@code stdin} as the input. */
  static ProcessRun run(
      Path dir,
      Map<String, String> env,
      String stdin,
      Path scratch,
      Duration timeout,
      String... command)
      throws IOException, InterruptedException {
    ProcessBuilder pb = builder(dir, env, command);
    if (stdin != null) {
      Path in = Files.createTempFile(scratch, "in", ".txt");
      Files.writeString(in, stdin);
      pb.redirectInput(in.toFile());
    }
    Path out = Files.createTempFile(scratch, "out", ".txt");
    Path err = Files.createTempFile(scratch, "err", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(
          String.join(" ", command)
              + " did not end within "
              + timeout
              + "; stderr:\n"
              + Files.readString(err));
    }
    return new ProcessRun(
        List.of(command), p.exitValue(), Files.readString(out), Files.readString(err));
  }

  /** A builder for {@code command} in {@code dir} with {@code env} applied and no input. */
  static ProcessBuilder builder(Path dir, Map<String, String> env, String... command) {
    ProcessBuilder pb = new ProcessBuilder(List.of(command)).directory(dir.toFile());
    env.forEach(
        (k, v) -> {
          if (v == null) {
            pb.environment().remove(k);
          } else {
            pb.environment().put(k, v);
          }
        });
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    return pb;
  }

  /** Asserts the run exited 0, showing its output if not; returns it for further checks. */
  ProcessRun succeeded() {
    assertThat(status)
        .as("exit status of %s; stdout:%n%s%nstderr:%n%s", String.join(" ", command), out, err)
        .isZero();
    return this;
  }

  /** A TCP port that was free on the loopback interface a moment ago. */
  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** {@code args} as a list, for building command lines. */
  static List<String> list(String... args) {
    return new ArrayList<>(List.of(args));
  }
}
