package io.immudb.embedded.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk space (allocated blocks, as {@code du} counts them, not file lengths) of a small synced
 * store with default options stays within {@link #LIMIT_KIB}: preallocation ahead of the value and
 * tx logs starts small, and the key index reserves no megabytes for an empty database. Runs {@code
 * du -k}; skipped where there is no {@code du}.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class StoreFootprintIT {
  private static final long LIMIT_KIB = 4096;

  @TempDir Path tmp;

  @Test
  void aNewSyncedStoreTakesAtMostFourMiB() throws Exception {
    assertThat(StoreOptions.defaults().synced()).isTrue();
    Path dir = tmp.resolve("db");
    try (ImmuStore s = ImmuStore.open(dir, StoreOptions.defaults())) {
      assertWithinLimit(dir, "fresh");
    }
  }

  @Test
  void aSyncedStoreWithAHundredSmallTxsTakesAtMostFourMiB() throws Exception {
    Path dir = tmp.resolve("db");
    try (ImmuStore s = ImmuStore.open(dir, StoreOptions.defaults())) {
      for (int i = 0; i < 100; i++) {
        String k = "key-" + i;
        s.commit(List.of(new KeyValue(bytes(k), bytes("value of " + k))));
      }
      s.awaitIndexed(100);
      s.flushIndex();
      assertWithinLimit(dir, "after 100 txs");
    }
    try (ImmuStore s = ImmuStore.open(dir, StoreOptions.defaults())) {
      s.commit(List.of(new KeyValue(bytes("after reopen"), bytes("v"))));
      assertThat(s.lastTxId()).isEqualTo(101);
      assertWithinLimit(dir, "reopened, after 101 txs");
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static void assertWithinLimit(Path dir, String when) throws Exception {
    Map<String, Long> kib = duKib(dir);
    assertThat(kib.get(dir.toString()))
        .as("KiB allocated %s, per directory: %s", when, kib)
        .isNotNull()
        .isLessThanOrEqualTo(LIMIT_KIB);
  }

  /** {@code du -k dir}: KiB allocated under each directory, keyed by its path (dir itself last). */
  private static Map<String, Long> duKib(Path dir) throws Exception {
    Process p;
    try {
      p = new ProcessBuilder("du", "-k", dir.toString()).redirectErrorStream(true).start();
    } catch (IOException e) {
      Assumptions.abort("no du on this machine: " + e.getMessage());
      throw e;
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as("du -k %s: %s", dir, out).isZero();
    Map<String, Long> kib = new LinkedHashMap<>();
    for (String line : out.strip().split("\n")) {
      String[] f = line.split("\t", 2);
      kib.put(f[1], Long.parseLong(f[0].strip()));
    }
    return kib;
  }
}
