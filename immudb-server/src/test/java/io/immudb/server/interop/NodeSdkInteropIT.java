package io.immudb.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official immudb-node 1.1.1 SDK, installed from npm, drives the real server process (spec v1
 * §9): login, databases, set/get, every verified call with the SDK's own proof checks, history,
 * scan, zScan, setAll/getAll, users and permission refusals. The checks are in {@code
 * src/test/node/interop.js}.
 */
class NodeSdkInteropIT {
  private static final Path MODULE = Path.of("").toAbsolutePath();
  private static final Path NODE_DIR = MODULE.resolve("target/node-interop");
  private static final Pattern LISTENING = Pattern.compile("listening on .*:(\\d+)");

  @TempDir Path tmp;

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void immudbNodeSdkWorksAgainstOurServer() throws Exception {
    installSdk();
    Process server =
        new ProcessBuilder(
                javaBin(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                "io.immudb.server.ImmudbMain",
                "--port",
                "0",
                "--address",
                "127.0.0.1",
                "--dir",
                tmp.resolve("data").toString())
            .redirectErrorStream(true)
            .start();
    try {
      int port = awaitPort(server);
      Files.copy(
          MODULE.resolve("src/test/node/interop.js"),
          NODE_DIR.resolve("interop.js"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      ProcessBuilder node = new ProcessBuilder("node", "interop.js").directory(NODE_DIR.toFile());
      node.environment().put("IMMUDB_PORT", Integer.toString(port));
      node.environment().put("ROOT_PATH", tmp.resolve("sdk-state").toString());
      Process p = node.redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
      assertThat(p.exitValue()).as(out).isZero();
      assertThat(out).contains("interop OK");
    } finally {
      server.destroy();
      if (!server.waitFor(30, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  private static String javaBin() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  private static int awaitPort(Process server) throws IOException {
    BufferedReader r =
        new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    String line;
    while ((line = r.readLine()) != null) {
      seen.append(line).append('\n');
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        Thread drain = new Thread(() -> r.lines().forEach(l -> {}), "server-output");
        drain.setDaemon(true);
        drain.start();
        return Integer.parseInt(m.group(1));
      }
    }
    throw new AssertionError("the server exited before listening:\n" + seen);
  }

  /** {@code npm install immudb-node@1.1.1} into target/, once. */
  private static void installSdk() throws Exception {
    if (Files.isDirectory(NODE_DIR.resolve("node_modules/immudb-node"))) {
      return;
    }
    Files.createDirectories(NODE_DIR);
    Process p =
        new ProcessBuilder(
                List.of("npm", "install", "--no-audit", "--no-fund", "immudb-node@1.1.1"))
            .directory(NODE_DIR.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(4, TimeUnit.MINUTES)).as("npm install timed out").isTrue();
    assertThat(p.exitValue()).as("npm install failed:\n" + out).isZero();
  }
}
