package io.immudb.embedded.internal.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM ({@link KeyIndexCrashWriterMain}) that applies transactions and compacts
 * concurrently, at a seeded random moment, several times on the same directory, and checks after
 * each kill that the persisted index is exactly the transactions {@code 1..indexedTx}: nothing
 * missing, nothing newer (the WAL is off; only atomic flushes persist).
 *
 * <p>The seed is printed; replay a failure with {@code -Dimmudb.indexcrash.seed=SEED}.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class KeyIndexCrashIT {
  private static final int CYCLES = 6;
  private static final int MIN_RUN_MILLIS = 300;
  private static final int MAX_RUN_MILLIS = 1500;

  @TempDir Path tmp;

  @Test
  void afterAKillTheIndexIsAWholePrefixOfTheAppliedTxs() throws Exception {
    long seed = Long.getLong("immudb.indexcrash.seed", System.nanoTime());
    System.out.println("KeyIndexCrashIT seed=" + seed);
    Random schedule = new Random(seed);
    Path dir = tmp.resolve("index");
    long last = 0;
    for (int cycle = 0; cycle < CYCLES; cycle++) {
      String where = "seed " + seed + ", cycle " + cycle;
      runAndKill(
          dir,
          seed,
          schedule.nextLong(),
          MIN_RUN_MILLIS + schedule.nextInt(MAX_RUN_MILLIS - MIN_RUN_MILLIS + 1),
          where);
      try (KeyIndex index = KeyIndex.open(dir)) {
        long m = index.indexedTx();
        System.out.println("KeyIndexCrashIT " + where + ": indexedTx " + m);
        assertThat(m).as(where).isGreaterThanOrEqualTo(last);
        last = m;
        try (IndexSnapshot s = index.snapshot()) {
          verify(s, seed, m, where);
        }
      }
    }
    assertThat(last).as("no cycle persisted anything (seed %d)", seed).isPositive();
  }

  /** Checks that {@code s} holds exactly the versions of txs 1..m of the workload. */
  private static void verify(IndexSnapshot s, long seed, long m, String where) {
    Map<Integer, List<EntryRef>> model = new HashMap<>();
    for (long t = 1; t <= m; t++) {
      TxIndexBatch tx = KeyIndexCrashWriterMain.tx(seed, t);
      for (int i = 0; i < tx.size(); i++) {
        byte[] k = tx.storedKeys().get(i);
        int id = ((k[1] & 0xff) << 8) | (k[3] & 0xff);
        model.computeIfAbsent(id, x -> new ArrayList<>()).add(tx.refs().get(i));
      }
    }
    for (int id = 0; id < KeyIndexCrashWriterMain.KEYS; id++) {
      byte[] k = KeyIndexCrashWriterMain.key(id);
      List<EntryRef> versions = model.getOrDefault(id, List.of());
      Optional<EntryRef> latest =
          versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
      assertThat(s.get(k)).as("%s: key %d at indexedTx %d", where, id, m).isEqualTo(latest);
      assertThat(s.history(k, 0, Integer.MAX_VALUE, false))
          .as("%s: history of key %d", where, id)
          .isEqualTo(versions);
    }
    assertThat(s.count(new byte[0], 0)).as(where).isEqualTo(model.size());
  }

  private static void runAndKill(Path dir, long seed, long childSeed, int millis, String where)
      throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                java,
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                KeyIndexCrashWriterMain.class.getName(),
                dir.toString(),
                Long.toString(seed),
                Long.toString(childSeed))
            .redirectErrorStream(true)
            .redirectOutput(new File(dir.getParent().toFile(), "child.log"))
            .start();
    boolean exited = p.waitFor(millis, TimeUnit.MILLISECONDS);
    assertThat(exited).as("%s: the child died early, see child.log", where).isFalse();
    p.destroyForcibly();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("%s: the killed child lingers", where).isTrue();
  }
}
