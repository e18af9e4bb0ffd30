package io.immudb.testkit.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real {@code bin/immudb} as a child process, serving gRPC and metrics on free loopback ports,
 * with its data in a directory of the test's; {@link #close} stops it with SIGTERM and waits. For
 * the ITs of modules one level below the repository root (their working directory), which run the
 * launcher as a user would. Not thread-safe.
 */
public final class ImmudbChild implements AutoCloseable {
  /** The repository root: the parent of the module directory the tests run in. */
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  private static final Pattern GRPC = Pattern.compile("^listening on 127\\.0\\.0\\.1:(\\d+)$");
  private static final Pattern METRICS =
      Pattern.compile("^metrics on http://127\\.0\\.0\\.1:(\\d+)/metrics$");

  private final Process process;
  private final int grpcPort;
  private final int metricsPort;

  /**
   * Starts the server with its data in {@code tmp/data} and its errors in {@code tmp/server.err}.
   */
  public ImmudbChild(Path tmp) throws IOException {
    ProcessBuilder pb =
        new ProcessBuilder(
            ROOT.resolve("bin/immudb").toString(),
            "--dir",
            tmp.resolve("data").toString(),
            "--address",
            "127.0.0.1",
            "--port",
            "0",
            "--metrics-server-port",
            "0",
            "--web-server-port",
            "0");
    pb.environment().put("IMMUDB_NO_BUILD", "1");
    pb.environment().put("IMMUDB_JAVA_OPTS", "-Xmx256m");
    pb.redirectError(tmp.resolve("server.err").toFile());
    process = pb.start();
    BufferedReader r =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    int grpc = 0;
    int metrics = 0;
    String line;
    while ((grpc == 0 || metrics == 0) && (line = r.readLine()) != null) {
      Matcher g = GRPC.matcher(line);
      Matcher m = METRICS.matcher(line);
      if (g.matches()) {
        grpc = Integer.parseInt(g.group(1));
      } else if (m.matches()) {
        metrics = Integer.parseInt(m.group(1));
      }
    }
    if (grpc == 0 || metrics == 0) {
      close();
      throw new IllegalStateException(
          "bin/immudb did not start; stderr: " + Files.readString(tmp.resolve("server.err")));
    }
    this.grpcPort = grpc;
    this.metricsPort = metrics;
  }

  public int grpcPort() {
    return grpcPort;
  }

  public int metricsPort() {
    return metricsPort;
  }

  @Override
  public void close() {
    stop(process);
  }

  /** Stops a child process: SIGTERM, then SIGKILL if it has not exited within 30 s. */
  public static void stop(Process process) {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
