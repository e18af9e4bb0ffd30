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
 * src/test/node/interop.js}. The SDK's own published tests run too.
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
    Process server = startServer(tmp.resolve("data"));
    try {
      int port = awaitPort(server);
      Files.copy(
          MODULE.resolve("src/test/node/interop.js"),
          NODE_DIR.resolve("interop.js"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      ProcessBuilder node = new ProcessBuilder("node", "interop.js").directory(NODE_DIR.toFile());
      node.environment().put("IMMUDB_PORT", Integer.toString(port));
      node.environment().put("ROOT_PATH", tmp.resolve("sdk-state").toString());
      String out = run(node);
      assertThat(out).contains("interop OK");
    } finally {
      stop(server);
    }
  }

  /**
   * The SDK's own published tests ({@code tests/tap-parallel-not-ok/*.ts} in the npm package, run
   * with the tap 15.0.9 its package.json names), the SQL one included, against a fresh server. The
   * package's sources and tests are copied out of node_modules because ts-node skips files there;
   * they are run as published, with types not checked (the SDK's dev type packages aren't
   * installed).
   */
  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void immudbNodeSdkPublishedTestsPass() throws Exception {
    installSdk();
    Path sdk = NODE_DIR.resolve("node_modules/immudb-node");
    Path work = NODE_DIR.resolve("published-tests");
    deleteTree(work);
    for (String part : List.of("src", "types", "tests", "tsconfig.json", "package.json")) {
      copyTree(sdk.resolve(part), work.resolve(part));
    }
    List<String> cmd =
        new java.util.ArrayList<>(
            List.of(
                "node",
                NODE_DIR.resolve("node_modules/tap/bin/run.js").toString(),
                "--ts",
                "--no-coverage",
                "--reporter=tap"));
    try (var files = Files.list(work.resolve("tests/tap-parallel-not-ok"))) {
      files
          .map(f -> "tests/tap-parallel-not-ok/" + f.getFileName())
          .filter(f -> f.endsWith(".ts"))
          .sorted()
          .forEach(cmd::add);
    }
    assertThat(cmd).hasSizeGreaterThan(7);
    Process server = startServer(tmp.resolve("data"));
    try {
      int port = awaitPort(server);
      ProcessBuilder tap = new ProcessBuilder(cmd).directory(work.toFile());
      tap.environment().put("IMMUDB_HOST", "127.0.0.1");
      tap.environment().put("IMMUDB_TEST_PORT", Integer.toString(port));
      tap.environment().put("TS_NODE_TRANSPILE_ONLY", "true");
      String out = run(tap);
      assertThat(out).doesNotContain("not ok").doesNotContain("# SKIP");
      for (String test :
          List.of(
              "[DATABASE MANAGEMENT]",
              "[USER MANAGEMENT]",
              "[OPERATIONS]: Regular",
              "[OPERATIONS]: SQL",
              "[BATCHES]",
              "state persistence",
              "tx-related functions")) {
        assertThat(out).contains("ok ").contains(" - " + test + " # time=");
      }
    } finally {
      stop(server);
    }
  }

  private Process startServer(Path dir) throws IOException {
    return new ProcessBuilder(
            javaBin(),
            "-Xmx512m",
            "-cp",
            System.getProperty("java.class.path"),
            "io.immudb.server.ImmudbMain",
            "--port",
            "0",
            "--metrics-server-port=0",
            "--web-server=false",
            "--address",
            "127.0.0.1",
            "--dir",
            dir.toString())
        .redirectErrorStream(true)
        .start();
  }

  private static void stop(Process server) throws InterruptedException {
    server.destroy();
    if (!server.waitFor(30, TimeUnit.SECONDS)) {
      server.destroyForcibly();
    }
  }

  /** Runs {@code pb} to completion; its output, after asserting that it exited with 0. */
  private static String run(ProcessBuilder pb) throws Exception {
    Process p = pb.redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (var paths = Files.walk(from)) {
      for (Path f : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(f, target);
        }
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path f : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(f);
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

  /**
   * {@code npm install} of immudb-node 1.1.1, and of what its published tests need (tap 15.0.9 and
   * TypeScript for ts-node, the versions its package.json names), into target/, once per build.
   * Synchronized: both tests install into the same directory.
   */
  private static synchronized void installSdk() throws Exception {
    if (Files.isDirectory(NODE_DIR.resolve("node_modules/immudb-node"))
        && Files.isDirectory(NODE_DIR.resolve("node_modules/tap"))) {
      return;
    }
    Files.createDirectories(NODE_DIR);
    Process p =
        new ProcessBuilder(
                List.of(
                    "npm",
                    "install",
                    "--no-audit",
                    "--no-fund",
                    "--save-exact",
                    "immudb-node@1.1.1",
                    "tap@15.0.9",
                    "typescript@3.9.7"))
            .directory(NODE_DIR.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(4, TimeUnit.MINUTES)).as("npm install timed out").isTrue();
    assertThat(p.exitValue()).as("npm install failed:\n" + out).isZero();
  }
}
