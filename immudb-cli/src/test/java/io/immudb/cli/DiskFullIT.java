package io.immudb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.grpc.Status;
import io.immudb.client.ImmuClient;
import io.immudb.client.ImmuClientException;
import io.immudb.testkit.server.ImmudbChild;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real disk that fills up (issue 16, part 2): the data directory of a real {@code bin/immudb} is
 * a small tmpfs, written until it is full. Needs root to mount (CI runs as root); without it the
 * test fails and says so, it does not skip.
 */
class DiskFullIT {
  private static final int VALUE = 64 << 10;

  @TempDir Path tmp;

  @Test
  void aFullDiskRefusesCommitsClearlyLosesNothingAndWritesResumeWithoutARestart() throws Exception {
    Path data = Files.createDirectories(tmp.resolve("data"));
    mount(data, "-t", "tmpfs", "-o", "size=4m", "tmpfs");
    try {
      Map<String, byte[]> acknowledged = new LinkedHashMap<>();
      try (ImmudbChild server = new ImmudbChild(tmp);
          ImmuClient c = client(server)) {
        c.login("immudb", "immudb");
        ImmuClientException full = null;
        for (int i = 0; full == null; i++) {
          assertThat(i).as("4 MiB cannot hold 200 values of 64 KiB").isLessThan(200);
          String key = "k" + i;
          byte[] value = value(i);
          try {
            c.set(key.getBytes(StandardCharsets.UTF_8), value);
            acknowledged.put(key, value);
          } catch (ImmuClientException e) {
            full = e;
          }
        }
        assertThat(full.code()).as(full.toString()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        assertThat(full.getMessage()).startsWith("no space left on device");
        assertThat(acknowledged).hasSizeGreaterThan(10);
        long lastTx = c.currentState().txId();

        // Still full: refused the same way; nothing of the refused writes appears.
        ImmuClientException again =
            (ImmuClientException)
                catchThrowable(() -> c.set("again".getBytes(StandardCharsets.UTF_8), value(-1)));
        assertThat(again.code()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        assertThat(c.currentState().txId()).isEqualTo(lastTx);

        // Reads keep working while full, verified against the client's trusted state.
        everyAcknowledgedWriteReadsBackVerified(c, acknowledged);

        // Space freed: the same server takes writes again.
        mount(data, "-o", "remount,size=16m");
        byte[] v = value(1000);
        assertThat(c.verifiedSet("after".getBytes(StandardCharsets.UTF_8), v).id())
            .isEqualTo(lastTx + 1);
        acknowledged.put("after", v);
        everyAcknowledgedWriteReadsBackVerified(c, acknowledged);
      }
      ToolRun verify = verifyOffline(data);
      assertThat(verify.status()).as(verify.out() + verify.err()).isZero();
      assertThat(verify.out()).contains("OK");

      // And across a restart.
      try (ImmudbChild server = new ImmudbChild(tmp);
          ImmuClient c = client(server)) {
        c.login("immudb", "immudb");
        everyAcknowledgedWriteReadsBackVerified(c, acknowledged);
      }
    } finally {
      umount(data);
    }
  }

  @Test
  void aReadOnlyRemountUnderARunningServerIsRefusedByTheKernelAndChangesNothing() throws Exception {
    Path data = Files.createDirectories(tmp.resolve("data"));
    mount(data, "-t", "tmpfs", "-o", "size=16m", "tmpfs");
    try {
      Map<String, byte[]> acknowledged = new LinkedHashMap<>();
      try (ImmudbChild server = new ImmudbChild(tmp);
          ImmuClient c = client(server)) {
        c.login("immudb", "immudb");
        for (int i = 0; i < 5; i++) {
          c.set(("k" + i).getBytes(StandardCharsets.UTF_8), value(i));
          acknowledged.put("k" + i, value(i));
        }
        // The server holds its logs open for writing: Linux refuses to make the mount read-only
        // (EBUSY) rather than pull the disk from under it.
        Run ro = sh("mount", "-o", "remount,ro", data.toString());
        assertThat(ro.status()).as(ro.err()).isNotZero();
        assertThat(ro.err()).contains("busy");
        c.set("k5".getBytes(StandardCharsets.UTF_8), value(5));
        acknowledged.put("k5", value(5));
        everyAcknowledgedWriteReadsBackVerified(c, acknowledged);
      }
      ToolRun verify = verifyOffline(data);
      assertThat(verify.status()).as(verify.out() + verify.err()).isZero();
    } finally {
      umount(data);
    }
  }

  private static void everyAcknowledgedWriteReadsBackVerified(
      ImmuClient c, Map<String, byte[]> acknowledged) throws Exception {
    for (Map.Entry<String, byte[]> e : acknowledged.entrySet()) {
      byte[] got = c.verifiedGet(e.getKey().getBytes(StandardCharsets.UTF_8)).value();
      assertThat(Arrays.equals(got, e.getValue())).as("value of %s", e.getKey()).isTrue();
    }
  }

  private ToolRun verifyOffline(Path data) throws Exception {
    Path out = Files.createDirectories(tmp.resolve("verify-" + System.nanoTime()));
    return ToolRun.run(
        ToolRun.launcher("immuadmin", List.of("verify", data.toString())),
        out,
        null,
        Duration.ofMinutes(2));
  }

  private static ImmuClient client(ImmudbChild server) {
    return ImmuClient.builder().address("127.0.0.1").port(server.grpcPort()).build();
  }

  /** A value of {@link #VALUE} bytes that differs per {@code i}. */
  private static byte[] value(int i) {
    byte[] v = new byte[VALUE];
    long x = 0x9E3779B97F4A7C15L * (i + 7);
    for (int j = 0; j < v.length; j++) {
      x ^= x << 13;
      x ^= x >>> 7;
      x ^= x << 17;
      v[j] = (byte) x;
    }
    return v;
  }

  private static Throwable catchThrowable(ThrowingRunnable r) {
    try {
      r.run();
    } catch (Throwable t) {
      return t;
    }
    return fail("expected a failure");
  }

  private interface ThrowingRunnable {
    void run() throws Exception;
  }

  private record Run(int status, String err) {}

  private static Run sh(String... cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), err);
  }

  /**
   * {@code mount ARGS DIR}; fails the test, saying why, if mounting is not permitted (the test
   * needs root, as CI has).
   */
  private static void mount(Path dir, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("mount"));
    cmd.addAll(List.of(args));
    cmd.add(dir.toString());
    Run r = sh(cmd.toArray(String[]::new));
    if (r.status() != 0) {
      fail(
          "DiskFullIT needs to mount a tmpfs (it runs as root in CI), but `"
              + String.join(" ", cmd)
              + "` failed: "
              + r.err());
    }
  }

  private static void umount(Path dir) throws Exception {
    Run r = sh("umount", dir.toString());
    if (r.status() != 0) {
      // A server that did not stop yet still holds the mount; try once more, lazily.
      sh("umount", "-l", dir.toString());
    }
  }
}
