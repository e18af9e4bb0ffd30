package io.immudb.embedded.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.kv.ExportedTx;
import io.immudb.core.kv.StoredKeyValue;
import io.immudb.core.proof.DualProofVerifier;
import io.immudb.core.proof.VerificationException;
import io.immudb.embedded.internal.index.EntryRef;
import io.immudb.embedded.internal.index.IndexSnapshot;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/**
 * The checks {@link WritePathKillIT} runs on the store recovered after each kill, and what it
 * remembers across kills to run them: every acknowledged tx and the state the last check closed.
 * Uses only the public {@link ImmuStore} API.
 *
 * <p>Not thread-safe: one test drives it.
 */
final class WritePathChecker {
  private static final int PROOFS_PER_CYCLE = 20;
  private static final int OLDER_PROOFS_PER_CYCLE = 5;
  private static final int INDEX_READS_PER_CYCLE = 8;

  private final Random rnd;
  private final List<WritePathAck> history = new ArrayList<>();
  private final Map<Long, Long> seedOfAckedTx = new HashMap<>();
  private final Map<String, Long> newestAckedWrite = new HashMap<>();
  private long lastTxId;
  private Sha256Digest lastAlh;
  private volatile long verifyMillis;

  private long syncAcks;
  private long asyncAcks;
  private long largeValues;
  private long mediumValues;
  private int maxEntries;
  private int cyclesWithUnackedTxs;

  /** A checker whose sampling follows {@code rnd}. */
  WritePathChecker(Random rnd) {
    this.rnd = rnd;
  }

  /** Id of the last tx when the last check closed the store (0 before the first). */
  long lastTxId() {
    return lastTxId;
  }

  /** The {@code ready} line of a child that opens the store the last check closed. */
  String expectedReadyLine() {
    return "ready " + lastTxId + " " + (lastAlh == null ? "-" : lastAlh.toHex());
  }

  /** Milliseconds the last {@link ImmuStore#verify()} took. */
  long verifyMillis() {
    return verifyMillis;
  }

  /**
   * Checks {@code store}, recovered after the kill of a child that acknowledged {@code acks}
   * (sorted by tx id, not empty), and remembers them for the next checks.
   */
  VerificationReport check(ImmuStore store, List<WritePathAck> acks, String where)
      throws InterruptedException {
    // The full verification re-reads the whole store: run it beside the other checks.
    FutureTask<VerificationReport> verification =
        new FutureTask<>(
            () -> {
              long started = System.nanoTime();
              VerificationReport r = store.verify();
              verifyMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
              return r;
            });
    Thread verifier = new Thread(verification, "verify");
    verifier.start();
    try {
      return check(store, acks, verification, where);
    } finally {
      verifier.join();
    }
  }

  private VerificationReport check(
      ImmuStore store,
      List<WritePathAck> acks,
      FutureTask<VerificationReport> verification,
      String where)
      throws InterruptedException {
    long last = store.lastTxId();
    WritePathAck newest = acks.get(acks.size() - 1);
    assertThat(last)
        .as("%s: last tx after recovery vs the newest acknowledged tx", where)
        .isGreaterThanOrEqualTo(newest.txId());
    Sha256Digest alh = store.alh(last);
    // Txs past the newest ack were in flight at the kill (committed, not yet acknowledged).
    cyclesWithUnackedTxs += last > newest.txId() ? 1 : 0;
    if (lastTxId > 0) {
      assertThat(store.alh(lastTxId))
          .as("%s: Alh of tx %d, the last tx before this cycle", where, lastTxId)
          .isEqualTo(lastAlh);
    }
    for (WritePathAck a : acks) {
      assertThat(a.txId())
          .as("%s: acknowledged tx %d is newer than the state the child opened", where, a.txId())
          .isGreaterThan(lastTxId);
      seedOfAckedTx.put(a.txId(), a.seed());
      for (KeyValue kv : checkAckedTx(store, a, where)) {
        newestAckedWrite.merge(
            new String(kv.key(), StandardCharsets.US_ASCII), a.txId(), Math::max);
      }
    }

    List<WritePathAck> sources = sample(acks, PROOFS_PER_CYCLE);
    sources.add(newest);
    sources.addAll(sample(history, OLDER_PROOFS_PER_CYCLE));
    if (lastTxId > 0) {
      sources.add(new WritePathAck(lastTxId, lastAlh, 0, false));
    }
    for (WritePathAck a : sources) {
      try {
        DualProofVerifier.verify(store.dualProof(a.txId(), last), a.txId(), last, a.alh(), alh);
      } catch (VerificationException e) {
        throw new AssertionError(
            where + ": dual proof " + a.txId() + " -> " + last + " fails: " + e, e);
      }
    }

    history.addAll(acks);
    checkIndex(store, acks, where);

    VerificationReport report;
    try {
      report = verification.get();
    } catch (ExecutionException e) {
      throw new AssertionError(where + ": full verification failed: " + e.getCause(), e);
    }
    assertThat(report.ok()).as("%s: full verification: %s", where, report).isTrue();
    assertThat(report.txsChecked()).as("%s: %s", where, report).isEqualTo(last);
    lastTxId = last;
    lastAlh = alh;
    return report;
  }

  /** Checks that the tx of {@code a} is there with its Alh and exactly its entries. */
  private List<KeyValue> checkAckedTx(ImmuStore store, WritePathAck a, String where) {
    long id = a.txId();
    assertThat(store.alh(id)).as("%s: Alh of acknowledged tx %d", where, id).isEqualTo(a.alh());
    assertThat(store.header(id).alh()).as("%s: header of tx %d", where, id).isEqualTo(a.alh());
    List<KeyValue> want = WritePathWorkload.entries(a.seed());
    ExportedTx got = store.export(id);
    assertThat(got.header().alh()).as("%s: exported tx %d", where, id).isEqualTo(a.alh());
    assertThat(got.entries()).as("%s: entries of tx %d", where, id).hasSameSizeAs(want);
    for (int i = 0; i < want.size(); i++) {
      StoredKeyValue g = got.entries().get(i);
      byte[] wantValue = want.get(i).value();
      assertThat(g.key()).as("%s: key %d of tx %d", where, i, id).isEqualTo(want.get(i).key());
      if (!Arrays.equals(g.value(), wantValue)) {
        throw new AssertionError(
            String.format(
                "%s: value %d of tx %d (%d bytes) differs from the acknowledged one (%d bytes)",
                where, i, id, g.value().length, wantValue.length));
      }
      largeValues += wantValue.length == WritePathWorkload.LARGE_VALUE ? 1 : 0;
      mediumValues += wantValue.length == WritePathWorkload.MEDIUM_VALUE ? 1 : 0;
    }
    maxEntries = Math.max(maxEntries, want.size());
    if (a.async()) {
      asyncAcks++;
    } else {
      syncAcks++;
    }
    return want;
  }

  /**
   * Once the index caught up with the log: the unique key of sampled acknowledged txs (and of the
   * newest) reads back that tx's value; a sampled shared key reads back a version at least as new
   * as its newest acknowledged write, with the value that version's tx stored.
   */
  private void checkIndex(ImmuStore store, List<WritePathAck> acks, String where) {
    long last = store.lastTxId();
    store.awaitIndexed(last, Duration.ofSeconds(60));
    try (IndexSnapshot snap = store.indexSnapshot()) {
      assertThat(snap.txId()).as("%s: indexed tx", where).isGreaterThanOrEqualTo(last);
      List<WritePathAck> reads = sample(acks, INDEX_READS_PER_CYCLE);
      reads.add(acks.get(acks.size() - 1));
      for (WritePathAck a : reads) {
        List<KeyValue> want = WritePathWorkload.entries(a.seed());
        Optional<EntryRef> ref = snap.get(want.get(0).key());
        assertThat(ref).as("%s: unique key of tx %d", where, a.txId()).isPresent();
        assertThat(ref.get().txId())
            .as("%s: version of the unique key of tx %d", where, a.txId())
            .isEqualTo(a.txId());
        assertThat(store.readValue(ref.get()))
            .as("%s: value of the unique key of tx %d", where, a.txId())
            .isEqualTo(want.get(0).value());
        for (int i = 0; i < 2 && want.size() > 1; i++) {
          checkSharedKey(store, snap, want.get(1 + rnd.nextInt(want.size() - 1)).key(), where);
        }
      }
    }
  }

  private void checkSharedKey(ImmuStore store, IndexSnapshot snap, byte[] key, String where) {
    String name = new String(key, StandardCharsets.US_ASCII);
    Optional<EntryRef> ref = snap.get(key);
    assertThat(ref).as("%s: index entry of %s", where, name).isPresent();
    long version = ref.get().txId();
    assertThat(version)
        .as("%s: indexed version of %s vs its newest acknowledged write", where, name)
        .isGreaterThanOrEqualTo(newestAckedWrite.get(name))
        .isLessThanOrEqualTo(store.lastTxId());
    StoredKeyValue stored = store.export(version).entries().get(ref.get().entryIndex());
    assertThat(stored.key()).as("%s: key of the indexed entry of %s", where, name).isEqualTo(key);
    byte[] value = store.readValue(ref.get());
    assertThat(value).as("%s: value of %s (tx %d)", where, name, version).isEqualTo(stored.value());
    Long txSeed = seedOfAckedTx.get(version);
    if (txSeed != null) {
      KeyValue acked = WritePathWorkload.entries(txSeed).get(ref.get().entryIndex());
      assertThat(value)
          .as("%s: acknowledged value of %s (tx %d)", where, name, version)
          .isEqualTo(acked.value());
    }
  }

  /** Fails unless the acknowledged txs covered both commit paths, big txs and 200 KiB values. */
  void assertCoverage(String where) {
    assertThat(syncAcks).as("%s: acknowledged commits", where).isPositive();
    assertThat(asyncAcks).as("%s: acknowledged async commits", where).isPositive();
    assertThat(largeValues).as("%s: acknowledged 200 KiB values", where).isPositive();
    assertThat(maxEntries).as("%s: largest acknowledged tx", where).isGreaterThan(100);
  }

  String summary() {
    return String.format(
        "%d acknowledged txs (%d commit, %d commitAsync; up to %d entries; %d values of 200 KiB,"
            + " %d of 20 KiB), %d txs in the store; %d kills left committed txs unacknowledged",
        history.size(),
        syncAcks,
        asyncAcks,
        maxEntries,
        largeValues,
        mediumValues,
        lastTxId,
        cyclesWithUnackedTxs);
  }

  private <T> List<T> sample(List<T> from, int max) {
    if (from.size() <= max) {
      return new ArrayList<>(from);
    }
    List<T> out = new ArrayList<>(max);
    for (int i = 0; i < max; i++) {
      out.add(from.get(rnd.nextInt(from.size())));
    }
    return out;
  }
}
