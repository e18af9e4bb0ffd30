package io.immudb.cli.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real {@code bin/immudb} server process (built by this build's package phase, so {@code
 * IMMUDB_NO_BUILD=1}) on loopback; {@link #close} stops it with SIGTERM and waits for it.
 */
final class ImmudbProcess implements AutoCloseable {
  static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static final Pattern LISTENING = Pattern.compile("listening on [^:]+:(\\d+)");

  private final Process process;
  private final int port;
  private final StringBuilder output = new StringBuilder();

  /** Starts the server on {@code port} (0: any free port) with its data in {@code dir}. */
  ImmudbProcess(Path dir, int port) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(ROOT.resolve("bin/immudb").toString());
    cmd.addAll(
        List.of(
            "--dir", dir.toString(), "--address", "127.0.0.1", "--port", Integer.toString(port)));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("IMMUDB_NO_BUILD", "1");
    pb.environment().put("IMMUDB_JAVA_OPTS", "-Xmx256m");
    pb.environment().put("IMMUDB_METRICS_SERVER_PORT", "0"); // never the fixed 9497
    pb.environment().put("IMMUDB_WEB_SERVER_PORT", "0"); // never the fixed 8080
    process = pb.start();
    BufferedReader r =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    int found = -1;
    String line;
    while (found < 0 && (line = r.readLine()) != null) {
      output.append(line).append('\n');
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        found = Integer.parseInt(m.group(1));
      }
    }
    if (found < 0) {
      process.waitFor(10, TimeUnit.SECONDS);
      throw new IllegalStateException("bin/immudb did not start:\n" + output);
    }
    this.port = found;
    Thread drain =
        new Thread(
            () -> {
              try {
                r.transferTo(java.io.Writer.nullWriter());
              } catch (IOException e) {
                // the process ended
              }
            },
            "immudb-output");
    drain.setDaemon(true);
    drain.start();
  }

  int port() {
    return port;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
