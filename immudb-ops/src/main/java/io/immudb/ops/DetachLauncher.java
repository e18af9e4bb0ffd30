package io.immudb.ops;

import java.io.File;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * Starts a server as a background process and waits until it accepts TCP connections: the engine of
 * {@code immudb -d}.
 *
 * <p>The child gets no standard input; its standard output and error are appended to one file. On
 * Linux it runs under {@code setsid} (when installed), so it has no controlling terminal and
 * survives the terminal being closed. {@link #launch} returns the child's process id once a TCP
 * connection to the probe address succeeds while the child is alive; if the child exits first, or
 * the timeout passes (the child is then stopped), it throws {@link DetachException} with the
 * child's last output lines.
 *
 * <p>Thread-safe (immutable); each {@link #launch} starts one process.
 */
public final class DetachLauncher {
  /** How many lines of the child's output a failure report carries. */
  public static final int TAIL_LINES = 20;

  private static final long POLL_MILLIS = 100;
  private static final int CONNECT_TIMEOUT_MILLIS = 500;
  private static final List<Path> SETSID =
      List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid"));

  private final Duration timeout;

  /** Requires timeout > 0: how long to wait for the child to accept connections. */
  public DetachLauncher(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be > 0, got " + timeout);
    }
    this.timeout = timeout;
  }

  /**
   * Starts {@code command} in the background and waits for it to accept connections on {@code
   * probe}.
   *
   * @param command the program and its arguments
   * @param env variables set (added or replaced) in the child's environment
   * @param output the file the child's standard output and error are appended to
   * @param probe the address the child listens on once it is ready
   * @return the child's process id
   * @throws DetachException if something already listens on {@code probe}, or the child exits or
   *     does not come up in time
   * @throws IOException if the child cannot be started or {@code output} cannot be created
   */
  public long launch(
      List<String> command, Map<String, String> env, Path output, InetSocketAddress probe)
      throws IOException {
    if (command.isEmpty()) {
      throw new IllegalArgumentException("command must not be empty");
    }
    if (accepts(probe)) {
      throw new DetachException(
          probe + " already accepts connections; is another server running there?",
          OptionalInt.empty(),
          List.of());
    }
    Path out = output.toAbsolutePath().normalize();
    if (out.getParent() != null) {
      Files.createDirectories(out.getParent());
    }
    long offset = Files.exists(out) ? Files.size(out) : 0;
    List<String> cmd = new ArrayList<>();
    SETSID.stream().filter(Files::isExecutable).findFirst().ifPresent(p -> cmd.add(p.toString()));
    cmd.addAll(command);
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().putAll(env);
    File devNull = new File("/dev/null");
    if (devNull.exists()) {
      pb.redirectInput(ProcessBuilder.Redirect.from(devNull));
    }
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile())).redirectErrorStream(true);
    Process child = pb.start();
    if (!devNull.exists()) {
      child.getOutputStream().close();
    }
    try {
      return awaitReady(child, probe, out, offset);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the server to start");
    }
  }

  private long awaitReady(Process child, InetSocketAddress probe, Path out, long offset)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!child.isAlive()) {
        throw exited(child, out, offset);
      }
      if (accepts(probe)) {
        if (!child.isAlive()) {
          throw exited(child, out, offset);
        }
        return child.pid();
      }
      Thread.sleep(POLL_MILLIS);
    }
    child.destroy();
    if (!child.waitFor(10, TimeUnit.SECONDS)) {
      child.destroyForcibly();
    }
    throw new DetachException(
        "the server did not accept connections on "
            + probe
            + " within "
            + timeout.toSeconds()
            + " s; stopped it (output in "
            + out
            + ")",
        OptionalInt.empty(),
        tail(out, offset));
  }

  private static DetachException exited(Process child, Path out, long offset) throws IOException {
    int status = child.exitValue();
    return new DetachException(
        "the server exited with status "
            + status
            + " before accepting connections (output in "
            + out
            + ")",
        OptionalInt.of(status),
        tail(out, offset));
  }

  /** Whether a TCP connection to {@code address} succeeds now. */
  static boolean accepts(InetSocketAddress address) {
    try (Socket s = new Socket()) {
      s.connect(address, CONNECT_TIMEOUT_MILLIS);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The last {@link #TAIL_LINES} lines written to {@code file} after byte {@code offset}. */
  static List<String> tail(Path file, long offset) throws IOException {
    if (!Files.exists(file)) {
      return List.of();
    }
    byte[] bytes;
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      long start = Math.max(offset, f.length() - 64 * 1024);
      bytes = new byte[(int) Math.max(0, f.length() - start)];
      f.seek(start);
      f.readFully(bytes);
    }
    List<String> lines = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\\R"));
    lines = lines.stream().filter(l -> !l.isBlank()).toList();
    return lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
  }

  /** Where to check that an endpoint bound to {@code host} listens: loopback for wildcards. */
  public static String probeHost(String host) {
    return switch (host) {
      case "0.0.0.0", "" -> "127.0.0.1";
      case "::", "[::]" -> "::1";
      default -> host;
    };
  }

  /**
   * The java command line that runs {@code mainClass} of this JVM's class path again, with this
   * JVM's options and {@code args}.
   */
  public static List<String> relaunch(Class<?> mainClass, List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(mainClass.getName());
    cmd.addAll(args);
    return cmd;
  }

  /**
   * Reports a failed background start on {@code err} as {@code tool: cannot start in the
   * background: ...}, with the child's last output lines when there are any; returns exit status 1.
   */
  public static int reportFailure(String tool, IOException e, java.io.PrintStream err) {
    err.println(tool + ": cannot start in the background: " + e.getMessage());
    if (e instanceof DetachException d && !d.outputTail().isEmpty()) {
      err.println(tool + ": last lines of its output:");
      d.outputTail().forEach(l -> err.println("  " + l));
    }
    return 1;
  }
}
