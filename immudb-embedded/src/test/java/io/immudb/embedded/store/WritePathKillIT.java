package io.immudb.embedded.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.proof.DualProofVerifier;
import io.immudb.embedded.testkit.ChildJvm;
import io.immudb.embedded.testkit.ChildRun;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.RocksDB;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * {@code kill -9} of the write path: a child JVM ({@link WritePathKillChildMain}) commits {@link
 * WritePathWorkload} transactions into a synced store from several threads, through {@code commit}
 * and {@code commitAsync}, with 1 to 200 entries and empty to 200 KiB values, and prints a line for
 * each acknowledged commit; once the first acknowledgement arrived, the child is killed with
 * SIGKILL after a seeded random 100–800 ms, while commits are in flight. The store is then reopened
 * here and checked ({@link WritePathChecker}), and the next child goes on writing into the same,
 * recovered, store.
 *
 * <p>After every kill: every acknowledged tx is present with its acknowledged Alh and exactly its
 * entries (values byte for byte); the full {@link ImmuStore#verify()} passes; the last tx is at
 * least the newest acknowledged one and the state before the kill is unchanged; dual proofs from a
 * sample of acknowledged states (always the newest one and the state before the kill) to the
 * recovered state verify with the client's {@link DualProofVerifier}; the index catches up and
 * reads back acknowledged values. The next child must open exactly the state the check closed.
 *
 * <p>Only the public {@link ImmuStore} API is used, so the test holds for any on-disk layout. The
 * seed is printed; replay with {@code -Dimmudb.killtest.seed=SEED} (the kill moments replay; how
 * far the children get depends on the machine).
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class WritePathKillIT {
  private static final int CYCLES = Integer.getInteger("immudb.killtest.cycles", 50);
  private static final int THREADS = 4;
  private static final int MIN_KILL_MILLIS = 100;
  private static final int MAX_KILL_MILLIS = 800;
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  @TempDir Path tmp;

  @Test
  void everyAcknowledgedCommitSurvivesKill9() throws Exception {
    long seed = Long.getLong("immudb.killtest.seed", System.nanoTime());
    System.out.println(
        "WritePathKillIT seed=" + seed + " (replay with -Dimmudb.killtest.seed=" + seed + ")");
    Random schedule = new Random(seed);
    WritePathChecker checker = new WritePathChecker(new Random(~seed));
    long started = System.nanoTime();
    ChildJvm jvm =
        ChildJvm.prepare(tmp.resolve("child"), WritePathKillChildMain.class, classpathOfChild());
    System.out.printf(
        "WritePathKillIT: child JVM prepared in %d ms%n",
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));

    Path dir = tmp.resolve("store");
    // Each child boots while the previous cycle is being checked, and waits for "go".
    ChildRun next = startChild(jvm, dir, schedule.nextLong(), 0);
    try {
      for (int cycle = 0; cycle < CYCLES; cycle++) {
        String where = "seed " + seed + ", cycle " + cycle;
        int killAfter = MIN_KILL_MILLIS + schedule.nextInt(MAX_KILL_MILLIS - MIN_KILL_MILLIS + 1);
        ChildRun child = next;
        next = null;
        long go = System.nanoTime();
        long readyMillis;
        long firstAckMillis;
        List<WritePathAck> acks;
        try (child) {
          child.send("go");
          String ready =
              child.awaitLine(where + ": ready", l -> l.startsWith("ready "), START_TIMEOUT);
          readyMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - go);
          assertThat(ready)
              .as("%s: the state the child opened is the one the last check closed", where)
              .isEqualTo(checker.expectedReadyLine());
          child.awaitLine(where + ": first ack", l -> l.startsWith("ack "), START_TIMEOUT);
          firstAckMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - go);
          Thread.sleep(killAfter);
          if (!child.isAlive()) {
            throw new AssertionError(
                where + ": the child died before the kill: " + child.describe());
          }
          int status = child.kill();
          if (System.getProperty("os.name").startsWith("Linux")) {
            assertThat(status).as("%s: exit status after SIGKILL", where).isEqualTo(137);
          }
          acks = parseAcks(child.lines(), where);
        }
        if (cycle + 1 < CYCLES) {
          next = startChild(jvm, dir, schedule.nextLong(), cycle + 1);
        }

        long killed = System.nanoTime();
        long prevLast = checker.lastTxId();
        VerificationReport report;
        try (ImmuStore store = ImmuStore.open(dir, WritePathWorkload.options())) {
          report = checker.check(store, acks, where);
        } catch (IOException | RuntimeException e) {
          throw new AssertionError(where + ": recovery or a read failed: " + e, e);
        }
        System.out.printf(
            "cycle %d: ready %d ms after go, first ack at %d ms, killed %d ms later; %d acks"
                + " (newest tx %d), last tx %d (was %d); checked in %d ms (verify %d ms): %s%n",
            cycle,
            readyMillis,
            firstAckMillis,
            killAfter,
            acks.size(),
            acks.get(acks.size() - 1).txId(),
            checker.lastTxId(),
            prevLast,
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed),
            checker.verifyMillis(),
            report);
      }
    } finally {
      if (next != null) {
        next.close();
      }
    }
    System.out.printf(
        "WritePathKillIT: %d cycles, %s, %d s%n",
        CYCLES, checker.summary(), TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
    checker.assertCoverage("seed " + seed);
  }

  private ChildRun startChild(ChildJvm jvm, Path dir, long childSeed, int cycle) throws Exception {
    return jvm.start(
        List.of(dir.toString(), Long.toString(childSeed), Integer.toString(THREADS)),
        tmp.resolve("child-" + cycle + ".err"));
  }

  /**
   * The child's ack lines (after its {@code ready} line), sorted by tx id: its threads print theirs
   * in any order. Fails on a malformed line, on a tx id acknowledged twice and if there is none.
   */
  private static List<WritePathAck> parseAcks(List<String> lines, String where) {
    List<WritePathAck> acks = new ArrayList<>();
    for (String line : lines) {
      if (!line.startsWith("ready ")) {
        try {
          acks.add(WritePathAck.parse(line));
        } catch (IllegalArgumentException e) {
          throw new AssertionError(where + ": malformed line from the child: " + e, e);
        }
      }
    }
    acks.sort(Comparator.comparingLong(WritePathAck::txId));
    for (int i = 1; i < acks.size(); i++) {
      assertThat(acks.get(i).txId())
          .as("%s: tx ids acknowledged to different commits", where)
          .isNotEqualTo(acks.get(i - 1).txId());
    }
    assertThat(acks).as("%s: the child acknowledged commits before the kill", where).isNotEmpty();
    return acks;
  }

  /** One class of each library the child uses: engine, core, RocksDB, SLF4J and its provider. */
  private static List<Class<?>> classpathOfChild() {
    List<Class<?>> classes =
        new ArrayList<>(
            List.of(ImmuStore.class, Sha256Digest.class, RocksDB.class, LoggerFactory.class));
    ServiceLoader.load(SLF4JServiceProvider.class)
        .findFirst()
        .ifPresent(p -> classes.add(p.getClass()));
    return classes;
  }
}
