package io.immudb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.grpc.Status;
import io.immudb.client.ImmuClient;
import io.immudb.client.ImmuClientException;
import io.immudb.testkit.server.ImmudbChild;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data directory's file system turning read-only under a running server (issue 16): the data
 * directory of a real {@code bin/immudb} is an ext4 image on a loop device, mounted with {@code
 * errors=remount-ro}.
 *
 * <p>An operator's {@code mount -o remount,ro} is refused by Linux (EBUSY) while the server holds
 * its logs open for writing, on ext4 as on tmpfs; {@code blockdev --setro} on the loop device only
 * makes the kernel warn, writes still go through. What does make the file system read-only under
 * open files is ext4's own error handling: an ext4 error on a file system mounted {@code
 * errors=remount-ro} aborts the journal and turns it read-only at once (every write then fails with
 * EROFS), as after a failing disk. The test raises that error through ext4's {@code
 * /sys/fs/ext4/<dev>/trigger_fs_error}, which takes the kernel's real error path without a
 * device-mapper error target (device-mapper is not in every kernel). Such a file system stays
 * read-only until it is unmounted and checked, so the server has to stop: the test stops it,
 * unmounts, runs {@code e2fsck}, mounts again and restarts it.
 *
 * <p>Needs root to set up loop devices and mount (CI runs as root); without it the test fails and
 * says so, it does not skip.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ReadOnlyRemountIT {
  private static final int VALUE = 4 << 10;

  @TempDir Path tmp;

  @Test
  void aFileSystemTurnedReadOnlyRefusesCommitsClearlyKeepsReadsAndLosesNothing() throws Exception {
    Path data = Files.createDirectories(tmp.resolve("data"));
    Path image = tmp.resolve("data.ext4");
    must("truncate", "-s", "64M", image.toString());
    must(sbin("mkfs.ext4"), "-q", "-F", image.toString());
    mountImage(image, data);
    try {
      Map<String, byte[]> acknowledged = new LinkedHashMap<>();
      long lastTx;
      try (ImmudbChild server = new ImmudbChild(tmp);
          ImmuClient c = client(server)) {
        c.login("immudb", "immudb");
        for (int i = 0; i < 20; i++) {
          c.set(key("k" + i), value(i));
          acknowledged.put("k" + i, value(i));
        }
        lastTx = c.verifiedSet(key("k20"), value(20)).id();
        acknowledged.put("k20", value(20));

        // An operator cannot take the disk from under the server: Linux refuses (EBUSY).
        Run ro = sh("mount", "-o", "remount,ro", data.toString());
        assertThat(ro.status()).as(ro.err()).isNotZero();
        assertThat(ro.err()).contains("busy");
        lastTx = c.set(key("k21"), value(21)).id();
        acknowledged.put("k21", value(21));

        // The kernel can: an ext4 error turns the file system read-only under the open files.
        Path trigger = Path.of("/sys/fs/ext4", loopDevice(data), "trigger_fs_error");
        assertThat(trigger).as("ext4's error trigger").exists();
        Files.writeString(trigger, "ReadOnlyRemountIT");
        assertThatThrownBy(() -> Files.writeString(data.resolve("probe"), "x"))
            .as("the file system is read-only now")
            .isInstanceOf(FileSystemException.class)
            .hasMessageContaining("Read-only file system");

        // The next commit fails with a clear error, neither hangs nor takes the server down.
        ImmuClientException failed = catchClientException(() -> c.set(key("lost"), value(-1)));
        assertThat(failed.code()).as(failed.toString()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(failed.getMessage())
            .startsWith("commit failed")
            .contains("Read-only file system");
        // The store stays read-only (the state of its files is not known after a write error).
        ImmuClientException again = catchClientException(() -> c.set(key("lost2"), value(-2)));
        assertThat(again.code()).as(again.toString()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(again.getMessage())
            .isEqualTo("the store accepts no commits after an error: Read-only file system");
        assertThat(c.currentState().txId()).isEqualTo(lastTx);

        // Reads keep working, verified against the client's trusted state.
        everyAcknowledgedWriteReadsBackVerified(c, acknowledged);
      }

      // It stopped cleanly: the index's last flush fails on the read-only disk, which is said
      // once, and the rest (other databases, logs, locks) is closed all the same.
      String log = Files.readString(tmp.resolve("server.err"));
      assertThat(log).doesNotContain("Exception in thread").contains("error while closing: ");

      // Recovery: stop the server (done), unmount, check, mount again, start it.
      must("umount", data.toString());
      Run fsck = sh(sbin("e2fsck"), "-f", "-y", image.toString());
      assertThat(fsck.status()).as("e2fsck: " + fsck.err()).isLessThanOrEqualTo(1);
      mountImage(image, data);
      try (ImmudbChild server = new ImmudbChild(tmp);
          ImmuClient c = client(server)) {
        c.login("immudb", "immudb");
        assertThat(c.currentState().txId()).isEqualTo(lastTx);
        everyAcknowledgedWriteReadsBackVerified(c, acknowledged);
        assertThat(catchClientException(() -> c.get(key("lost"))).code())
            .isEqualTo(Status.Code.NOT_FOUND);
        byte[] v = value(1000);
        assertThat(c.verifiedSet(key("after"), v).id()).isEqualTo(lastTx + 1);
        acknowledged.put("after", v);
        everyAcknowledgedWriteReadsBackVerified(c, acknowledged);
      }
      ToolRun verify = verifyOffline(data);
      assertThat(verify.status()).as(verify.out() + verify.err()).isZero();
      assertThat(verify.out()).contains("OK");
    } finally {
      umount(data);
    }
  }

  private static void everyAcknowledgedWriteReadsBackVerified(
      ImmuClient c, Map<String, byte[]> acknowledged) throws Exception {
    for (Map.Entry<String, byte[]> e : acknowledged.entrySet()) {
      byte[] got = c.verifiedGet(key(e.getKey())).value();
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

  /** A client whose calls give up after 20 s, so that a hang fails as DEADLINE_EXCEEDED. */
  private static ImmuClient client(ImmudbChild server) {
    return ImmuClient.builder()
        .address("127.0.0.1")
        .port(server.grpcPort())
        .deadline(Duration.ofSeconds(20))
        .build();
  }

  private static byte[] key(String k) {
    return k.getBytes(StandardCharsets.UTF_8);
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

  private static ImmuClientException catchClientException(ThrowingRunnable r) {
    try {
      r.run();
    } catch (ImmuClientException e) {
      return e;
    } catch (Exception e) {
      return fail("expected an ImmuClientException", e);
    }
    return fail("expected a failure");
  }

  private interface ThrowingRunnable {
    void run() throws Exception;
  }

  /**
   * Mounts the ext4 {@code image} on {@code dir} through a loop device, read-write, turning
   * read-only on an error.
   */
  private static void mountImage(Path image, Path dir) throws Exception {
    must("mount", "-o", "loop,errors=remount-ro", image.toString(), dir.toString());
    // mount falls back to read-only on a loop device someone left read-only (blockdev --setro).
    assertThat(findmnt(dir, "OPTIONS")).as("mount options of %s", dir).startsWith("rw,");
  }

  /** The loop device's name ({@code loop3}) under the mount point {@code dir}. */
  private static String loopDevice(Path dir) throws Exception {
    String source = findmnt(dir, "SOURCE");
    assertThat(source).as("the source of %s", dir).startsWith("/dev/loop");
    return source.substring("/dev/".length());
  }

  /** The {@code column} of {@code findmnt} for the mount point {@code dir}. */
  private static String findmnt(Path dir, String column) throws Exception {
    Process p = new ProcessBuilder("findmnt", "-n", "-o", column, dir.toString()).start();
    String value = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return value;
  }

  /**
   * {@code tool} in {@code /usr/sbin} or {@code /sbin} if it is there: a root shell's {@code PATH}
   * has them, the test's may not.
   */
  private static String sbin(String tool) {
    for (String dir : List.of("/usr/sbin", "/sbin")) {
      Path p = Path.of(dir, tool);
      if (Files.isExecutable(p)) {
        return p.toString();
      }
    }
    return tool;
  }

  private record Run(int status, String err) {}

  private static Run sh(String... cmd) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(cmd)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), err);
  }

  /**
   * Runs {@code cmd}; fails the test, saying why, if it fails (the test needs root, loop devices
   * and e2fsprogs, as CI has).
   */
  private static void must(String... cmd) throws Exception {
    Run r = sh(cmd);
    if (r.status() != 0) {
      fail(
          "ReadOnlyRemountIT needs root to make an ext4 image and loop-mount it (as in CI), but `"
              + String.join(" ", cmd)
              + "` failed: "
              + r.err());
    }
  }

  /** Unmounts {@code dir} if it is mounted; {@code umount} frees the loop device too. */
  private static void umount(Path dir) throws Exception {
    if (sh("mountpoint", "-q", dir.toString()).status() != 0) {
      return;
    }
    if (sh("umount", dir.toString()).status() != 0) {
      // A server that did not stop yet still holds the mount; detach it lazily.
      sh("umount", "-l", dir.toString());
    }
  }
}
