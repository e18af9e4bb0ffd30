package io.immudb.server.consistency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.immudb.embedded.StoreStateException;
import io.immudb.embedded.database.Database;
import io.immudb.server.consistency.ConsistencyStatus.Corruption;
import io.immudb.server.db.DatabaseRegistry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConsistencyCheckerTest {
  @TempDir Path dir;

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static ConsistencyCheckOptions options(int txs, int samples) {
    return new ConsistencyCheckOptions(Duration.ofSeconds(1), txs, samples, 64L << 20);
  }

  private static void write(Database db, int from, int count) {
    for (int i = from; i < from + count; i++) {
      db.set(b("key" + i), b("value of key " + i));
    }
  }

  /** As {@link #write}, with values too long to be inline: each tx has a value record. */
  private static void writeLarge(Database db, int from, int count) {
    for (int i = from; i < from + count; i++) {
      db.set(b("key" + i), b(("value of key " + i + ";").repeat(400)));
    }
  }

  @Test
  void aCleanDatabasePassesAndNewTxsAreCheckedInOrderWithinTheBudget() throws IOException {
    try (DatabaseRegistry r = DatabaseRegistry.open(dir, false)) {
      ConsistencyChecker c = new ConsistencyChecker(r, options(10, 4), new SplittableRandom(1));
      assertThat(c.runRound()).isEmpty();
      Database db = r.get("defaultdb");
      long base = db.lastTxId();
      assertThat(c.status("defaultdb").orElseThrow().lastCheckedTx()).isEqualTo(base);
      write(db, 0, 25);
      assertThat(c.runRound()).isEmpty();
      assertThat(c.status("defaultdb").orElseThrow().lastCheckedTx()).isEqualTo(base + 10);
      c.runRound();
      c.runRound();
      ConsistencyStatus s = c.status("defaultdb").orElseThrow();
      assertThat(s.lastCheckedTx()).isEqualTo(base + 25);
      assertThat(s.txsChecked()).isEqualTo(25);
      assertThat(s.samplesChecked()).isEqualTo(4 * 4);
      assertThat(s.mismatches()).isZero();
      assertThat(s.corruption()).isEmpty();
      assertThat(c.status()).extracting(ConsistencyStatus::database).contains("systemdb");
      assertThat(c.txsChecked()).isGreaterThanOrEqualTo(25);
      assertThat(c.mismatches()).isZero();
      assertThat(r.readOnlyReason("defaultdb")).isEmpty();
      assertThat(db.isReadOnly()).isFalse();
    }
  }

  @Test
  void aValueDamagedOnDiskAfterItsCommitIsFoundInOrder() throws IOException {
    try (DatabaseRegistry r = DatabaseRegistry.open(dir, false)) {
      ConsistencyChecker c = new ConsistencyChecker(r, options(100, 0), new SplittableRandom(1));
      c.runRound();
      Database db = r.get("defaultdb");
      long base = db.lastTxId();
      writeLarge(db, 0, 10);
      long bad = base + 6;
      long valuesOff = LogOffsets.valuesOff(dir.resolve("defaultdb"), bad);
      flip(dir.resolve("defaultdb/val/00000000.seg"), valuesOff + 14);

      List<ConsistencyStatus> found = c.runRound();

      assertThat(found).hasSize(1);
      Corruption k = found.get(0).corruption().orElseThrow();
      assertThat(k.txId()).isEqualTo(bad);
      assertThat(k.location()).endsWith("val/00000000.seg at offset " + valuesOff);
      ConsistencyStatus s = c.status("defaultdb").orElseThrow();
      assertThat(s.lastCheckedTx()).isEqualTo(bad - 1);
      assertThat(s.mismatches()).isEqualTo(1);
      assertReadOnlyButReadable(r, bad);
      assertThat(c.runRound()).as("a corrupted database is not checked again").isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"val", "tx"})
  void theSampleFindsAnOldDamagedTxOfAReopenedStore(String log) throws IOException {
    long bad;
    long off;
    try (DatabaseRegistry r = DatabaseRegistry.open(dir, false)) {
      Database db = r.get("defaultdb");
      if (log.equals("val")) {
        writeLarge(db, 0, 40);
      } else {
        write(db, 0, 40);
      }
      bad = db.lastTxId() - 23;
      Path dbDir = dir.resolve("defaultdb");
      off = log.equals("val") ? LogOffsets.valuesOff(dbDir, bad) : LogOffsets.txOff(dbDir, bad);
    }
    flip(dir.resolve("defaultdb/" + log + "/00000000.seg"), off + 20);

    try (DatabaseRegistry r = DatabaseRegistry.open(dir, false)) {
      ConsistencyChecker c = new ConsistencyChecker(r, options(100, 3), new SplittableRandom(7));
      List<ConsistencyStatus> found = List.of();
      int rounds = 0;
      while (found.isEmpty() && rounds < 1000) {
        found = c.runRound();
        rounds++;
      }
      assertThat(found).as("found within %d rounds", rounds).hasSize(1);
      Corruption k = found.get(0).corruption().orElseThrow();
      assertThat(k.txId()).isEqualTo(bad);
      assertThat(k.location()).endsWith(log + "/00000000.seg at offset " + off);
      assertThat(c.status("defaultdb").orElseThrow().samplesChecked()).isPositive();
      assertReadOnlyButReadable(r, bad);
      assertThat(r.readOnlyReason("systemdb")).isEmpty();
    }
  }

  @Test
  void roundsTakeAtMostTwoPercentOfTheTime() {
    long second = 1_000_000_000L;
    assertThat(ConsistencyChecker.pauseAfter(second / 10, 5 * second)).isEqualTo(5 * second);
    assertThat(ConsistencyChecker.pauseAfter(second, 5 * second)).isEqualTo(49 * second);
    assertThat(ConsistencyChecker.pauseAfter(0, second)).isEqualTo(second);
  }

  @Test
  void closeDoesNotWaitForTheNextRound() throws Exception {
    try (DatabaseRegistry r = DatabaseRegistry.open(dir, false)) {
      ConsistencyChecker c =
          new ConsistencyChecker(
              r,
              new ConsistencyCheckOptions(Duration.ofHours(1), 100, 1, 1 << 20),
              new SplittableRandom(3));
      c.start();
      long started = System.nanoTime();
      c.close();
      // before the fix, close waited for the round an hour away (cut off at 30 s)
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void startAndCloseRunRoundsInTheBackground() throws Exception {
    try (DatabaseRegistry r = DatabaseRegistry.open(dir, false)) {
      ConsistencyChecker c =
          new ConsistencyChecker(
              r,
              new ConsistencyCheckOptions(Duration.ofMillis(10), 100, 1, 1 << 20),
              new SplittableRandom(3));
      c.start();
      Database db = r.get("defaultdb");
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (c.status("defaultdb").isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      write(db, 0, 5);
      long last = db.lastTxId();
      while (c.status("defaultdb").orElseThrow().lastCheckedTx() < last
          && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      c.close();
      c.close();
      assertThat(c.status("defaultdb").orElseThrow().lastCheckedTx()).isEqualTo(last);
      assertThat(c.runRound()).isEmpty();
      assertThatThrownBy(c::start).isInstanceOf(IllegalStateException.class);
    }
  }

  private static void assertReadOnlyButReadable(DatabaseRegistry r, long bad) {
    Database db = r.get("defaultdb");
    assertThat(r.readOnlyReason("defaultdb")).contains("corruption detected at tx " + bad);
    assertThat(db.isReadOnly()).isTrue();
    assertThatThrownBy(() -> db.set(b("after"), b("v"))).isInstanceOf(StoreStateException.class);
    assertThat(new String(db.get(b("key1")).value(), StandardCharsets.UTF_8))
        .isIn("value of key 1", "value of key 1;".repeat(400));
  }

  static void flip(Path file, long offset) throws IOException {
    try (FileChannel ch =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer one = ByteBuffer.allocate(1);
      ch.read(one, offset);
      one.put(0, (byte) (one.get(0) ^ 0x01));
      ch.write(one.rewind(), offset);
    }
  }
}
