package io.immudb.embedded.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.immudb.core.ErrorCode;
import io.immudb.core.ImmuException;
import io.immudb.core.kv.KeyValue;
import io.immudb.embedded.IndexTimeoutException;
import io.immudb.embedded.store.StoreOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index directory filling up (issue 16, part 2): the key index (RocksDB, under the database
 * directory) meets a full disk when it flushes, on a real tmpfs. Indexing pauses and retries, and
 * resumes by itself once space is freed, without a restart; nothing acknowledged is lost. Needs
 * root to mount (CI runs as root); without it the test fails and says so, it does not skip.
 */
class IndexDiskFullIT {
  private static final int KEYS = 20_000;

  @TempDir Path tmp;

  @Test
  void indexingPausesOnAFullDiskAndResumesByItselfOnceSpaceIsFreed() throws Exception {
    Path mnt = Files.createDirectories(tmp.resolve("mnt"));
    mount(mnt, "-t", "tmpfs", "-o", "size=32m", "tmpfs");
    try {
      Path filler = mnt.resolve("filler");
      long lastTx;
      try (Database db = Database.open(mnt.resolve("db"), StoreOptions.defaults())) {
        // Index rows in the memtable only (no WAL): what a flush must write is a few MiB of SSTs.
        for (int b = 0; b < KEYS / 1000; b++) {
          List<KeyValue> kvs = new ArrayList<>();
          for (int i = b * 1000; i < (b + 1) * 1000; i++) {
            kvs.add(new KeyValue(key(i), value(i)));
          }
          db.setAll(kvs, false);
        }
        fill(filler);
        assertThatThrownBy(db::flushIndex)
            .as("the index flush meets the full disk")
            .isInstanceOfSatisfying(
                ImmuException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_EXHAUSTED));

        // Room for a small commit (the logs), not for the index's flush.
        try (RandomAccessFile f = new RandomAccessFile(filler.toFile(), "rw")) {
          f.setLength(f.length() - (256 << 10));
        }
        byte[] late = "late".getBytes(StandardCharsets.UTF_8);
        lastTx = db.setAll(List.of(new KeyValue(late, value(-1))), true).id();
        assertThatThrownBy(() -> db.awaitIndexed(lastTx, Duration.ofSeconds(2)))
            .as("the index cannot take tx %d while the disk is full", lastTx)
            .isInstanceOf(IndexTimeoutException.class);
        assertThat(db.indexNoSpaceRetries()).as("retries, for the metric").isPositive();

        // Space freed: the same database indexes again, by itself.
        Files.delete(filler);
        db.awaitIndexed(lastTx, Duration.ofSeconds(60));
        assertThat(db.get(late).value()).isEqualTo(value(-1));
        assertThat(db.get(key(KEYS - 1)).value()).isEqualTo(value(KEYS - 1));
        db.flushIndex();
      }
      // And across a restart: every acknowledged write, verified.
      try (Database db = Database.open(mnt.resolve("db"), StoreOptions.defaults())) {
        assertThat(db.lastTxId()).isEqualTo(lastTx);
        db.awaitIndexed(lastTx, Duration.ofSeconds(60));
        for (int i = 0; i < KEYS; i += 997) {
          assertThat(db.get(key(i)).value()).isEqualTo(value(i));
        }
        var report = db.verify();
        assertThat(report.ok()).as(report.toString()).isTrue();
      }
    } finally {
      umount(mnt);
    }
  }

  private static byte[] key(int i) {
    return ("key-" + i).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] value(int i) {
    return ("value-" + i + "-0123456789abcdef").getBytes(StandardCharsets.UTF_8);
  }

  /** Writes {@code file} until the file system is full. */
  private static void fill(Path file) throws IOException {
    byte[] block = new byte[64 << 10];
    try (OutputStream out = Files.newOutputStream(file)) {
      while (true) {
        out.write(block);
      }
    } catch (IOException e) {
      if (e.getMessage() == null || !e.getMessage().contains("No space left")) {
        throw e;
      }
    }
  }

  private static int sh(String... cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    if (p.exitValue() != 0) {
      System.err.println(String.join(" ", cmd) + ": " + out);
    }
    return p.exitValue();
  }

  /** {@code mount ARGS DIR}; fails the test if mounting is not permitted (it needs root). */
  private static void mount(Path dir, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("mount"));
    cmd.addAll(List.of(args));
    cmd.add(dir.toString());
    if (sh(cmd.toArray(String[]::new)) != 0) {
      fail(
          "IndexDiskFullIT needs to mount a tmpfs (it runs as root in CI), but `"
              + String.join(" ", cmd)
              + "` failed");
    }
  }

  private static void umount(Path dir) throws Exception {
    if (sh("umount", dir.toString()) != 0) {
      sh("umount", "-l", dir.toString());
    }
  }
}
