package io.immudb.gw;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real {@code bin/immugw} as a child process (built by this module's {@code package} phase, so
 * {@code IMMUDB_NO_BUILD=1}), on free loopback ports, its output in {@code tmp/gw.out} and {@code
 * tmp/gw.err}; {@link #close} stops it with SIGTERM and waits.
 */
final class GatewayChild implements AutoCloseable {
  /** The checkout, whose {@code bin/} holds the launchers (tests run in the module directory). */
  static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  private static final Pattern REST =
      Pattern.compile("^REST API on http://127\\.0\\.0\\.1:(\\d+)/api/.*$", Pattern.MULTILINE);
  private static final Pattern METRICS =
      Pattern.compile("^metrics on http://127\\.0\\.0\\.1:(\\d+)/metrics$", Pattern.MULTILINE);

  private final Process process;
  private final Path out;
  private final int port;
  private final int metricsPort;

  /** Starts {@code bin/immugw} against {@code 127.0.0.1:immudbPort} with {@code more} flags. */
  GatewayChild(Path tmp, int immudbPort, List<String> more) throws IOException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                ROOT.resolve("bin/immugw").toString(),
                "--address",
                "127.0.0.1",
                "--port",
                "0",
                "--metrics-port",
                "0",
                "--immudb-port",
                Integer.toString(immudbPort),
                "--roots-filepath",
                tmp.resolve("roots").toString()));
    cmd.addAll(more);
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("IMMUDB_NO_BUILD", "1");
    pb.environment().put("IMMUDB_JAVA_OPTS", "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
    out = tmp.resolve("gw.out");
    pb.redirectOutput(out.toFile()).redirectError(tmp.resolve("gw.err").toFile());
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    process = pb.start();
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    Matcher rest = null;
    Matcher metrics = null;
    while (System.nanoTime() < until && process.isAlive()) {
      String text = Files.readString(out);
      rest = REST.matcher(text);
      metrics = METRICS.matcher(text);
      if (rest.find() && metrics.find()) {
        break;
      }
      rest = null;
      sleep(100);
    }
    if (rest == null) {
      close();
      throw new IllegalStateException(
          "bin/immugw did not start; output: "
              + Files.readString(out)
              + " errors: "
              + Files.readString(tmp.resolve("gw.err")));
    }
    this.port = Integer.parseInt(rest.group(1));
    this.metricsPort = Integer.parseInt(metrics.group(1));
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The REST API's base URL, {@code http://127.0.0.1:PORT/api}. */
  String api() {
    return "http://127.0.0.1:" + port + "/api";
  }

  int metricsPort() {
    return metricsPort;
  }

  /** What it printed so far. */
  String output() throws IOException {
    return Files.readString(out);
  }

  @Override
  public void close() {
    io.immudb.testkit.server.ImmudbChild.stop(process);
  }
}
