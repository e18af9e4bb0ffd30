package io.immudb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.immudb.client.ImmuClient;
import io.immudb.testkit.server.ImmudbChild;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code bin/immuadmin stats} dashboard, driven like a user would: in a detached tmux
 * session of 120x40 (its own tmux server on a socket in the test's directory), against the real
 * {@code bin/immudb}. The test reads the screen with {@code capture-pane}, quits with {@code q} and
 * checks that the process ended and left the terminal as it found it. tmux is required: without it
 * the test fails (CI installs it in {@code .ci/run}).
 */
class StatsDashboardIT {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path tmp;
  private ImmudbChild server;
  private Path socket;

  @BeforeEach
  void start() throws Exception {
    try {
      Process p = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
      assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).isZero();
    } catch (IOException e) {
      fail("tmux is needed to drive the dashboard (apt-get install tmux; .ci/run does)", e);
    }
    server = new ImmudbChild(tmp);
    socket = tmp.resolve("tmux.sock");
  }

  @AfterEach
  void stop() throws Exception {
    if (socket != null && Files.exists(socket)) {
      tmux("kill-server");
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void theDashboardShowsLiveValuesAndQRestoresTheTerminal() throws Exception {
    try (ImmuClient c = ImmuClient.builder().address("127.0.0.1").port(server.grpcPort()).build()) {
      c.login("immudb", "immudb");
      for (int i = 0; i < 5; i++) {
        c.set("key" + i, "value" + i);
      }
      c.createDatabase("sales");
      assertThat(c.get("key4").valueAsString()).isEqualTo("value4"); // the index caught up

      Path script = tmp.resolve("dashboard.sh");
      Files.writeString(
          script,
          String.join(
              "\n",
              "export IMMUDB_NO_BUILD=1 IMMUADMIN_IMMUDB_ADDRESS=127.0.0.1",
              "export IMMUADMIN_METRICS_PORT=" + server.metricsPort(),
              "export IMMUADMIN_TOKENFILE=" + tmp.resolve("token"),
              "'" + ToolRun.ROOT.resolve("bin/immuadmin") + "' stats --interval 0.5",
              "echo \"stats exited $?\"",
              "stty -a | tr ' ;' '\\n\\n' | grep -x -e icanon -e -icanon -e echo -e -echo",
              "echo 'terminal checked'",
              "sleep 600",
              ""),
          StandardCharsets.UTF_8);
      tmux(
          "new-session",
          "-d",
          "-x",
          "120",
          "-y",
          "40",
          "-s",
          "dash",
          "-c",
          tmp.toString(),
          "bash " + script);

      String first =
          screenUntil(s -> Pattern.compile("(?m)^ defaultdb\\s+5\\s+6\\s").matcher(s).find());
      assertThat(first)
          .contains(" immudb stats  http://127.0.0.1:" + server.metricsPort() + "/metrics")
          .contains("q: quit")
          .containsPattern("databases 2\\s+sessions 1\\s+clients 1")
          .containsPattern("(?m)^ DATABASE\\s+ENTRIES\\s+TXS\\s+TXS/S\\s+INDEX LAG\\s+SIZE$")
          .containsPattern("(?m)^ sales\\s+0\\s+1\\s")
          .containsPattern("(?m)^ Set\\s+[0-9.-]+\\s+5$")
          .containsPattern("heap \\d+\\.\\d MiB of \\d+\\.\\d MiB \\[#*\\.*\\]");
      assertThat(first.lines().count()).isLessThanOrEqualTo(40);
      assertThat(tmux("display", "-p", "-t", "dash", "#{alternate_on}").strip()).isEqualTo("1");

      // It refreshes by itself: three more writes show up without a key press.
      for (int i = 5; i < 8; i++) {
        c.set("key" + i, "value" + i);
      }
      assertThat(c.get("key7").valueAsString()).isEqualTo("value7");
      String later =
          screenUntil(s -> Pattern.compile("(?m)^ defaultdb\\s+8\\s+9\\s").matcher(s).find());
      assertThat(later).containsPattern("(?m)^ Set\\s+[0-9.]+\\s+8$");
    }

    tmux("send-keys", "-t", "dash", "q");
    String after = screenUntil(s -> s.contains("terminal checked"));
    assertThat(after).contains("stats exited 0").doesNotContain("immudb stats");
    List<String> modes = after.lines().map(String::strip).toList();
    assertThat(modes).contains("icanon", "echo").doesNotContain("-icanon", "-echo");
    assertThat(tmux("display", "-p", "-t", "dash", "#{alternate_on}").strip()).isEqualTo("0");
    assertThat(tmux("display", "-p", "-t", "dash", "#{cursor_flag}").strip()).isEqualTo("1");
  }

  /** The pane's text once {@code ready} holds for it; fails after {@link #WAIT}. */
  private String screenUntil(Predicate<String> ready) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    String screen = "";
    while (System.nanoTime() < deadline) {
      screen = tmux("capture-pane", "-p", "-t", "dash");
      if (ready.test(screen)) {
        return screen;
      }
      Thread.sleep(250);
    }
    return fail("the screen never got there; it shows:\n" + screen);
  }

  /** Runs {@code tmux -S <socket> -f /dev/null args}; returns its output, failing on an error. */
  private String tmux(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("tmux", "-S", socket.toString(), "-f", "/dev/null"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("tmux %s", cmd).isTrue();
    assertThat(p.exitValue()).as("tmux %s: %s", cmd, out).isZero();
    return out;
  }
}
