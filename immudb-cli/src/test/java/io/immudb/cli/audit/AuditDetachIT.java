package io.immudb.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.immudb.server.ImmudbServer;
import io.immudb.testkit.server.ImmudbServerExtension;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/immuclient audit-mode -d} against a real server: it returns once the background
 * auditor's metrics port answers, printing the pid of a live process that audits and serves
 * metrics; a child that cannot start makes it fail with the child's last output lines.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class AuditDetachIT {
  @TempDir Path tmp;

  @RegisterExtension final ImmudbServerExtension immudb = ImmudbServerExtension.builder().build();

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private CliRun detach(int serverPort, int metricsPort, String... more) throws Exception {
    String[] args = {
      "audit-mode",
      "-d",
      "--audit-password",
      "immudb",
      "--audit-interval",
      "300ms",
      "--audit-monitoring-host",
      "127.0.0.1",
      "--audit-monitoring-port",
      Integer.toString(metricsPort),
      "--roots-filepath",
      tmp.resolve("roots").toString(),
      "--audit-pidfile",
      tmp.resolve("audit.pid").toString()
    };
    String[] all = new String[args.length + more.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return CliRun.immuclient(serverPort, all);
  }

  @Test
  void detachedReturnsOnceTheMetricsPortAnswersAndLeavesTheAuditorRunning() throws Exception {
    ImmudbServer server = immudb.server();
    int metricsPort = freePort();
    CliRun run = detach(server.port(), metricsPort);
    assertThat(run.status()).as(run.err()).isZero();
    long pid = Long.parseLong(run.out().trim());
    ProcessHandle child = ProcessHandle.of(pid).orElseThrow();
    try {
      assertThat(child.isAlive()).isTrue();
      assertThat(run.err()).contains("running in the background as process " + pid);
      assertThat(Files.readString(tmp.resolve("audit.pid")).trim()).isEqualTo(Long.toString(pid));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      String metrics = Scrape.metrics(metricsPort);
      while (Double.isNaN(Scrape.value(metrics, "immuclient_audit_result_per_server", "defaultdb"))
          && System.nanoTime() < deadline) {
        Thread.sleep(200);
        metrics = Scrape.metrics(metricsPort);
      }
      assertThat(Scrape.value(metrics, "immuclient_audit_result_per_server", "defaultdb"))
          .as(metrics)
          .isEqualTo(1.0);
      assertThat(Files.readString(tmp.resolve("roots").resolve("audit.log")))
          .contains("immuclient audit-mode: auditing 127.0.0.1:" + server.port());
    } finally {
      child.destroy(); // SIGTERM, by the pid it printed
      child.onExit().get(30, TimeUnit.SECONDS);
    }
    assertThat(child.isAlive()).isFalse();
    assertThat(tmp.resolve("audit.pid")).doesNotExist();
  }

  @Test
  void aChildThatCannotStartFailsTheCommandWithItsLastLines() throws Exception {
    // A pid file naming a live process (this test) makes the child refuse to start.
    Files.writeString(tmp.resolve("audit.pid"), ProcessHandle.current().pid() + "\n");
    ImmudbServer server = immudb.server();
    int metricsPort = freePort();
    CliRun run =
        detach(server.port(), metricsPort, "--audit-logfile", tmp.resolve("a.log").toString());
    assertThat(run.status()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .contains("cannot start in the background: the server exited with status 1")
        .contains("last lines of its output:")
        .contains(tmp.resolve("audit.pid").toString());
    assertThat(tmp.resolve("a.log")).exists();
  }
}
