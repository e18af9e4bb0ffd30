package io.immudb.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.immudb.ops.PidFile;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code bin/immudb -d} (IMMUDB_NO_BUILD=1: this build just packaged the module): it
 * returns once the background server accepts connections, the pid file names that live process, the
 * log file fills, and SIGTERM stops it and removes the pid file.
 */
class DetachedServerIT {
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  @TempDir Path tmp;
  private final List<ProcessHandle> started = new ArrayList<>();

  /** The outcome of one run of the launcher. */
  record Run(int status, String out, String err) {}

  @AfterEach
  void killLeftovers() {
    for (ProcessHandle p : started) {
      p.destroyForcibly();
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private Run immudb(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(ROOT.resolve("bin/immudb").toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile());
    pb.environment().put("IMMUDB_NO_BUILD", "1");
    pb.environment().put("IMMUDB_JAVA_OPTS", "-Xmx256m -XX:+UseSerialGC");
    pb.environment().put("IMMUDB_METRICS_SERVER_PORT", "0"); // never the fixed 9497
    pb.environment().put("IMMUDB_WEB_SERVER_PORT", "0"); // never the fixed 8080
    Path out = Files.createTempFile(tmp, "out", ".txt");
    Path err = Files.createTempFile(tmp, "err", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process p = pb.start();
    assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("bin/immudb -d returned").isTrue();
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  private static boolean accepts(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  @Test
  void detachedServerRunsUntilSigterm() throws Exception {
    int port = freePort();
    Path pidfile = tmp.resolve("run/immudb.pid");
    Path logfile = tmp.resolve("log/immudb.log");
    Run run =
        immudb(
            "-d",
            "--dir",
            tmp.resolve("data").toString(),
            "--address",
            "127.0.0.1",
            "--port",
            Integer.toString(port),
            "--pidfile",
            pidfile.toString(),
            "--logfile",
            logfile.toString(),
            "--logformat",
            "json");
    assertThat(run.status()).as(run.err()).isZero();
    long pid = Long.parseLong(run.out().trim());
    Optional<ProcessHandle> child = ProcessHandle.of(pid);
    assertThat(child).isPresent();
    started.add(child.get());
    assertThat(child.get().isAlive()).isTrue();
    assertThat(accepts(port)).isTrue();
    assertThat(PidFile.read(pidfile)).hasValue(pid);
    assertThat(Files.readAllLines(logfile))
        .anySatisfy(l -> assertThat(l).startsWith("{\"time\":").contains("listening on"));

    // A second -d on the same port is refused up front; the first keeps running.
    Run second =
        immudb(
            "-d",
            "--dir",
            tmp.resolve("data2").toString(),
            "--address",
            "127.0.0.1",
            "--port",
            Integer.toString(port));
    assertThat(second.status()).isEqualTo(1);
    assertThat(second.err()).contains("already accepts connections");
    assertThat(child.get().isAlive()).isTrue();

    child.get().destroy(); // SIGTERM
    child.get().onExit().get(60, TimeUnit.SECONDS);
    assertThat(pidfile).doesNotExist();
    assertThat(accepts(port)).isFalse();
    assertThat(Files.readString(logfile)).contains("\"message\":\"stopped\"");
  }

  @Test
  void aServerThatCannotStartReportsItsLastLines() throws Exception {
    Path data = tmp.resolve("data");
    Files.createDirectories(data);
    Files.writeString(data.resolve("immudb.identifier"), "short"); // not 12 bytes: start fails
    Run run =
        immudb(
            "-d",
            "--dir",
            data.toString(),
            "--address",
            "127.0.0.1",
            "--port",
            Integer.toString(freePort()));
    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err())
        .contains("the server exited with status 1 before accepting connections")
        .contains("last lines of its output")
        .contains("immudb.identifier");
    assertThat(data.resolve("immudb.log")).exists();
  }
}
