package io.immudb.embedded.internal.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.immudb.core.ImmuException;
import io.immudb.embedded.testkit.ChildJvm;
import io.immudb.embedded.testkit.ChildRun;
import java.nio.file.Path;
import java.time.Duration;
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
import org.rocksdb.RocksDB;
import org.slf4j.LoggerFactory;

/**
 * Kills a child JVM ({@link KeyIndexCrashWriterMain}) that applies transactions and compacts
 * concurrently, at a seeded random moment, several times on the same directory, and checks after
 * each kill that the persisted index is exactly the transactions {@code 1..indexedTx}: nothing
 * missing, nothing newer (the WAL is off; only atomic flushes persist), and nothing less than what
 * the child reported persisted before the kill.
 *
 * <p>The kill moment is a seeded random delay after the child's first report that a flush
 * completed, not after its start: on a loaded machine a child may take seconds to get there, and a
 * fixed delay would then often kill it before it wrote anything.
 *
 * <p>The seed is printed; replay a failure with {@code -Dimmudb.indexcrash.seed=SEED}.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class KeyIndexCrashIT {
  private static final int CYCLES = 6;
  private static final int MAX_RUN_MILLIS = 500;

  @TempDir Path tmp;

  @Test
  void afterAKillTheIndexIsAWholePrefixOfTheAppliedTxs() throws Exception {
    long seed = Long.getLong("immudb.indexcrash.seed", System.nanoTime());
    System.out.println("KeyIndexCrashIT seed=" + seed);
    Random schedule = new Random(seed);
    Path dir = tmp.resolve("index");
    ChildJvm jvm =
        ChildJvm.prepare(
            tmp.resolve("child"),
            KeyIndexCrashWriterMain.class,
            List.of(KeyIndex.class, ImmuException.class, RocksDB.class, LoggerFactory.class));
    long last = 0;
    for (int cycle = 0; cycle < CYCLES; cycle++) {
      String where = "seed " + seed + ", cycle " + cycle;
      long started = System.nanoTime();
      long persisted =
          runAndKill(
              jvm, dir, seed, schedule.nextLong(), schedule.nextInt(MAX_RUN_MILLIS + 1), where);
      try (KeyIndex index = KeyIndex.open(dir)) {
        long m = index.indexedTx();
        System.out.printf(
            "KeyIndexCrashIT %s: indexedTx %d, reported persisted %d; child ran %d ms%n",
            where, m, persisted, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        assertThat(m).as(where).isGreaterThanOrEqualTo(last);
        assertThat(m)
            .as("%s: vs the last tx reported persisted", where)
            .isGreaterThanOrEqualTo(persisted);
        last = m;
        try (IndexSnapshot s = index.snapshot()) {
          verify(s, seed, m, where);
        }
        System.out.printf(
            "KeyIndexCrashIT %s: checked after %d ms%n",
            where, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
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

  /**
   * Runs a child until it reports a completed flush, then for {@code millis} more, kills it and
   * returns the last tx it reported persisted.
   */
  private long runAndKill(
      ChildJvm jvm, Path dir, long seed, long childSeed, int millis, String where)
      throws Exception {
    try (ChildRun child =
        jvm.start(
            List.of(dir.toString(), Long.toString(seed), Long.toString(childSeed)),
            tmp.resolve("child.err"))) {
      child.awaitLine(
          where + ": first flush", l -> l.startsWith("persisted "), Duration.ofSeconds(60));
      Thread.sleep(millis);
      if (!child.isAlive()) {
        throw new AssertionError(where + ": the child died early: " + child.describe());
      }
      child.kill();
      long persisted = 0;
      for (String line : child.lines()) {
        if (line.startsWith("persisted ")) {
          persisted = Math.max(persisted, Long.parseLong(line.substring("persisted ".length())));
        }
      }
      return persisted;
    }
  }
}
