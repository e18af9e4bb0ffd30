package io.immudb.bench.compare;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Our server as a user runs it: {@code bin/immudb} of the checkout (or the launcher given) as a
 * child process, with its data in a directory of its own, listening on 127.0.0.1 on the given gRPC
 * and metrics ports, with every other setting at its default (so commits are synced). Its output
 * goes to a log file.
 *
 * <p>Not thread-safe, except {@link #close()}, which may be called from a shutdown hook while the
 * owner runs; it is idempotent.
 */
final class ImmudbServerProcess implements AutoCloseable {
  private final Process process;
  private final Path logFile;
  private final PrintStream log;
  private boolean closed;

  private ImmudbServerProcess(Process process, Path logFile, PrintStream log) {
    this.process = process;
    this.logFile = logFile;
    this.log = log;
  }

  /**
   * {@code option} if given, else {@code bin/immudb} in {@code cwd} or its nearest parent that has
   * one, else in the checkout that holds {@code codeLocation} (this tool's jar or classes).
   *
   * @throws MissingPrerequisiteException if there is none, or it is not executable
   */
  static Path locateLauncher(Path option, Path cwd, Path codeLocation) {
    if (option != null) {
      if (!Files.isRegularFile(option) || !Files.isExecutable(option)) {
        throw new MissingPrerequisiteException("--immudb " + option + " is not an executable file");
      }
      return option;
    }
    List<Path> starts = new ArrayList<>();
    starts.add(cwd.toAbsolutePath());
    if (codeLocation != null) {
      starts.add(codeLocation.toAbsolutePath());
    }
    for (Path start : starts) {
      for (Path d = start; d != null; d = d.getParent()) {
        Path launcher = d.resolve("bin").resolve("immudb");
        if (Files.isRegularFile(launcher) && Files.isExecutable(launcher)) {
          return launcher;
        }
      }
    }
    throw new MissingPrerequisiteException(
        "no bin/immudb in "
            + cwd.toAbsolutePath()
            + " or its parents: run from the immudb checkout, or pass --immudb PATH");
  }

  /**
   * Starts {@code launcher} and waits until it accepts connections on {@code port}.
   *
   * @param javaOpts the server's JVM options ({@code IMMUDB_JAVA_OPTS}), or null for the launcher's
   *     default
   * @throws IllegalStateException if it exits or doesn't listen within {@code startSeconds}; the
   *     message holds the end of its log
   */
  static ImmudbServerProcess start(
      Path launcher,
      Path dataDir,
      int port,
      int metricsPort,
      String javaOpts,
      Path logFile,
      int startSeconds,
      PrintStream log)
      throws IOException {
    List<String> cmd =
        List.of(
            launcher.toString(),
            "--dir",
            dataDir.toString(),
            "--port",
            Integer.toString(port),
            "--address",
            "127.0.0.1",
            "--metrics-server-port",
            Integer.toString(metricsPort),
            "--web-server=false");
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .directory(dataDir.getParent().toFile())
            .redirectErrorStream(true)
            .redirectOutput(logFile.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    if (javaOpts != null) {
      pb.environment().put("IMMUDB_JAVA_OPTS", javaOpts);
    }
    log.println("vs-postgres: starting " + String.join(" ", cmd));
    ImmudbServerProcess p = new ImmudbServerProcess(pb.start(), logFile, log);
    try {
      p.awaitListening(port, startSeconds);
    } catch (RuntimeException e) {
      p.close();
      throw e;
    }
    return p;
  }

  private void awaitListening(int port, int seconds) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (true) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "bin/immudb exited with status " + process.exitValue() + ":\n" + logTail());
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 500);
        return;
      } catch (IOException e) {
        // not listening yet
      }
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException(
            "bin/immudb did not listen on 127.0.0.1:"
                + port
                + " within "
                + seconds
                + " s:\n"
                + logTail());
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for bin/immudb", e);
      }
    }
  }

  long pid() {
    return process.pid();
  }

  /** The last 30 lines of the server's output. */
  String logTail() {
    try {
      List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /**
   * Stops the server: SIGTERM (it shuts down cleanly), and SIGKILL if it hasn't exited after 30 s.
   * Children of the launcher (a build it started) go the same way.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    children.forEach(ProcessHandle::destroy);
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        log.println("vs-postgres: bin/immudb did not stop within 30 s; killing it");
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
