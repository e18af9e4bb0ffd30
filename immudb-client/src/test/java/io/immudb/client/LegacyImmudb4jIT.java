package io.immudb.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.immudb.core.kv.Entry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed-era Java SDK immudb4j 0.1.8, from Maven Central, against the real server process with
 * {@code --legacy-port} (spec v0.8): each client step ({@link Immudb4jScenario}) is its own JVM
 * with the SDK's own {@code FileRootHolder}, so the second one reuses the root the first persisted.
 * Then a value flipped on disk makes {@code safeGet} fail, and a server restarted on an older copy
 * of the data is rejected by the client. The same keys read through the v1.1 API verify with this
 * project's SDK.
 */
class LegacyImmudb4jIT {
  private static final Pattern MAIN = Pattern.compile("^listening on .*:(\\d+)$");
  private static final Pattern LEGACY = Pattern.compile("v0.8 API .*listening on .*:(\\d+)$");

  private static final Path MODULE = Path.of("").toAbsolutePath();

  @TempDir Path tmp;

  /** A server child process and its two ports. */
  private record Server(Process process, int port, int legacyPort) {
    void stop() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void immudb4jWorksAgainstTheLegacyPort() throws Exception {
    Path data = tmp.resolve("data");
    Path roots = tmp.resolve("roots");
    Path old = tmp.resolve("old-data");

    Server s = start(data);
    try {
      assertThat(client("setup", s.legacyPort(), roots)).contains("OK");
      // The same keys through the v1.1 API, verified by this project's SDK; and a v1.1 write.
      try (ImmuClient v1 = v1Client(s.port())) {
        v1.login("immudb", "immudb");
        v1.useDatabase(Immudb4jScenario.DB);
        Entry flip = v1.verifiedGet("flip");
        assertThat(flip.valueAsString()).isEqualTo(Immudb4jScenario.FLIP_VALUE);
        assertThat(v1.verifiedGet("r2").valueAsString()).isEqualTo("w2");
        v1.verifiedSet("v1key", "written-by-v1.1");
      }
    } finally {
      s.stop();
    }
    copyTree(data, old); // an older copy, for the rollback below

    s = start(data);
    try {
      // A second client process: the persisted root, consistency-checked by the SDK.
      assertThat(client("reuse", s.legacyPort(), roots)).contains("OK");
    } finally {
      s.stop();
    }

    // Rolled back: the older copy, grown past the client's root with a different history.
    Path oldRun = tmp.resolve("old-run");
    copyTree(old, oldRun);
    s = start(oldRun);
    try {
      assertThat(client("pad", s.legacyPort(), tmp.resolve("other-roots"), "60")).contains("OK");
      String out = client("expect-fail", s.legacyPort(), roots, "flip");
      assertThat(out).contains("REJECTED").contains("VerificationException");
    } finally {
      s.stop();
    }

    // A value flipped on disk (server stopped): safeGet fails after the restart.
    flip(data.resolve(Immudb4jScenario.DB), Immudb4jScenario.FLIP_VALUE);
    s = start(data);
    try {
      String out = client("expect-fail", s.legacyPort(), roots, "flip");
      assertThat(out).contains("REJECTED");
    } finally {
      s.stop();
    }
  }

  private static ImmuClient v1Client(int port) {
    return ImmuClient.builder().address("127.0.0.1").port(port).build();
  }

  /** Flips one byte of {@code value} wherever a file of {@code db} holds it; fails if none does. */
  private static void flip(Path db, String value) throws IOException {
    byte[] needle = value.getBytes(StandardCharsets.UTF_8);
    int flipped = 0;
    try (Stream<Path> files = Files.walk(db)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String rel = db.relativize(f).toString();
        if (rel.startsWith("index") || rel.startsWith("legacy")) {
          continue;
        }
        byte[] bytes = Files.readAllBytes(f);
        for (int i = 0; i + needle.length <= bytes.length; i++) {
          if (java.util.Arrays.equals(bytes, i, i + needle.length, needle, 0, needle.length)) {
            bytes[i + needle.length - 1] ^= 0x01;
            flipped++;
          }
        }
        Files.write(f, bytes);
      }
    }
    assertThat(flipped).as("copies of the value found on disk").isPositive();
  }

  private Server start(Path dir) throws IOException {
    Process p =
        new ProcessBuilder(
                javaBin(),
                "-Xmx384m",
                "-cp",
                System.getProperty("java.class.path"),
                "io.immudb.server.ImmudbMain",
                "--port=0",
                "--legacy-port=0",
                "--metrics-server=false",
                "--web-server=false",
                "--consistency-check=false",
                "--address=127.0.0.1",
                "--dir=" + dir)
            .redirectErrorStream(true)
            .start();
    BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    int port = -1;
    String line;
    while ((line = r.readLine()) != null) {
      seen.append(line).append('\n');
      Matcher m = MAIN.matcher(line);
      if (m.find()) {
        port = Integer.parseInt(m.group(1));
      }
      Matcher l = LEGACY.matcher(line);
      if (l.find() && port > 0) {
        Thread drain = new Thread(() -> drain(r), "server-output");
        drain.setDaemon(true);
        drain.start();
        return new Server(p, port, Integer.parseInt(l.group(1)));
      }
    }
    throw new AssertionError("the server exited before listening:\n" + seen);
  }

  /**
   * The classpath immudb4j 0.1.8 needs (grpc 1.26, protobuf 3.11, netty), resolved by Maven from
   * {@code src/test/immudb4j/pom.xml}, once per build; this build's grpc lacks APIs the SDK calls.
   */
  private static synchronized String immudb4jClasspath() throws Exception {
    Path out = MODULE.resolve("target/immudb4j.classpath");
    if (!Files.exists(out)) {
      String mvn = System.getProperty("os.name").startsWith("Windows") ? "mvn.cmd" : "mvn";
      Process p =
          new ProcessBuilder(
                  mvn,
                  "-q",
                  "-B",
                  "-f",
                  MODULE.resolve("src/test/immudb4j/pom.xml").toString(),
                  "dependency:build-classpath",
                  "-Dmdep.outputFile=" + out)
              .redirectErrorStream(true)
              .start();
      String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
      assertThat(p.exitValue()).as(log).isZero();
    }
    return MODULE.resolve("target/test-classes")
        + java.io.File.pathSeparator
        + Files.readString(out).trim();
  }

  /** Runs one {@link Immudb4jScenario} step in its own JVM; its output, which must exit 0. */
  private static String client(String step, int port, Path roots, String... more) throws Exception {
    Files.createDirectories(roots);
    List<String> cmd =
        new java.util.ArrayList<>(
            List.of(
                javaBin(),
                "-Xmx256m",
                "-cp",
                immudb4jClasspath(),
                Immudb4jScenario.class.getName(),
                step,
                Integer.toString(port),
                roots.toString()));
    cmd.addAll(List.of(more));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path f : paths.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  private static void drain(BufferedReader r) {
    try {
      while (r.readLine() != null) {
        // the server's log is not checked past its start
      }
    } catch (IOException e) {
      // the process was stopped
    }
  }

  private static String javaBin() {
    return ProcessHandle.current().info().command().orElse("java");
  }
}
