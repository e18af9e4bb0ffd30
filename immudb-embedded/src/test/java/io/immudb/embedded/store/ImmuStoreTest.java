package io.immudb.embedded.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.immudb.core.ahtree.AhtProofs;
import io.immudb.core.ahtree.InMemoryAhTree;
import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.crypto.Sha256Hasher;
import io.immudb.core.kv.StoredKeyValue;
import io.immudb.core.proof.DualProofVerifier;
import io.immudb.core.proof.VerificationException;
import io.immudb.core.tx.HTree;
import io.immudb.core.tx.Tx;
import io.immudb.core.tx.TxHeader;
import io.immudb.embedded.InvalidRequestException;
import io.immudb.embedded.LimitExceededException;
import io.immudb.embedded.StoreStateException;
import io.immudb.embedded.TxNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImmuStoreTest {
  @TempDir Path dir;

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] hex(String s) {
    return HexFormat.of().parseHex(s);
  }

  private static KeyValue kv(String k, String v) {
    return new KeyValue(b(k), b(v));
  }

  private static StoreOptions unsynced() {
    return StoreOptions.builder().synced(false).build();
  }

  @Test
  void closingFromAnInterruptedThreadFinishesAndKeepsTheFlag() throws Exception {
    CompletableFuture<Boolean> closed = new CompletableFuture<>();
    Thread t =
        new Thread(
            () -> {
              try {
                ImmuStore s = ImmuStore.open(dir, unsynced());
                Thread.currentThread().interrupt(); // e.g. a JUnit @Timeout that fired
                s.close();
                closed.complete(Thread.currentThread().isInterrupted());
              } catch (Throwable e) {
                closed.completeExceptionally(e);
              }
            });
    t.setDaemon(true); // before the fix, the close spun forever at 100% CPU
    t.start();
    assertThat(closed.get(30, TimeUnit.SECONDS)).as("the interrupt flag is restored").isTrue();
  }

  @Test
  void commitsArriveWhileTheIdleWriterPollsAndAfterItParked() throws Exception {
    long spinMillis = TimeUnit.NANOSECONDS.toMillis(CommitWriter.IDLE_SPIN_NANOS);
    try (ImmuStore s = ImmuStore.open(dir, unsynced())) {
      long last = 0;
      for (int i = 0; i < 20; i++) {
        // Back to back (the writer is still polling after the last lone commit), then after a
        // pause longer than its polling window (it has parked and must be woken).
        TxHeader h = s.commit(List.of(kv("k" + i, "v" + i)));
        assertThat(h.id()).isEqualTo(last + 1);
        last = h.id();
        if (i % 2 == 1) {
          Thread.sleep(spinMillis + 5);
        }
      }
      // Several commits at once (usually one larger group, after which the writer parks without
      // polling); the next lone commit, after a pause, still gets in.
      List<CompletableFuture<TxHeader>> many = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        many.add(s.commitAsync(List.of(kv("g" + i, "v"))));
      }
      for (CompletableFuture<TxHeader> f : many) {
        f.get(30, TimeUnit.SECONDS);
      }
      Thread.sleep(spinMillis + 5);
      assertThat(s.commit(List.of(kv("after", "v"))).id()).isEqualTo(last + 9);
    }
  }

  @Test
  void aSmallCommitIsIndexedWhenItReturns() throws IOException {
    try (ImmuStore s = ImmuStore.open(dir, unsynced())) {
      int indexedAtOnce = 0;
      for (int i = 0; i < 100; i++) {
        TxHeader h = s.commit(List.of(kv("k" + i, "v" + i)));
        if (s.indexedTxId() >= h.id()) {
          indexedAtOnce++;
        }
      }
      // The writer indexes a small group itself before answering; only a race with the index
      // thread (which then indexes it instead) can leave a tx for later.
      assertThat(indexedAtOnce).isGreaterThanOrEqualTo(95);
      try (var snap = s.indexSnapshot()) {
        assertThat(snap.txId()).isEqualTo(s.lastTxId());
        for (int i = 0; i < 100; i += 7) {
          // the rows the writer indexed point at the values where they were stored
          assertThat(s.readValue(snap.get(b("k" + i)).orElseThrow())).isEqualTo(b("v" + i));
        }
      }
    }
  }

  @Test
  void groupsTooLargeToIndexInlineAreIndexedByTheIndexThread() throws Exception {
    try (ImmuStore s = ImmuStore.open(dir, unsynced())) {
      List<java.util.concurrent.CompletableFuture<TxHeader>> fs = new java.util.ArrayList<>();
      for (int t = 0; t < 20; t++) {
        List<KeyValue> tx = new java.util.ArrayList<>();
        for (int i = 0; i < 1000; i++) {
          tx.add(kv("t" + t + "/" + i, "v" + i));
        }
        fs.add(s.commitAsync(tx));
      }
      long last = 0;
      for (var f : fs) {
        last = Math.max(last, f.get().id());
      }
      TxHeader small = s.commit(List.of(kv("after", "v")));
      s.awaitIndexed(small.id());
      try (var snap = s.indexSnapshot()) {
        assertThat(snap.txId()).isEqualTo(small.id());
        assertThat(snap.get(new byte[] {'t', '7', '/', '9', '9', '9'})).isPresent();
        assertThat(snap.get(b("after"))).isPresent();
      }
      assertThat(last).isLessThan(small.id());
    }
  }

  @Test
  void reproducesTheSpecChainOfSection13_3() throws IOException {
    AtomicLong clock = new AtomicLong(1632000000L);
    StoreOptions o =
        StoreOptions.builder()
            .clockSeconds(clock::getAndIncrement)
            .firstTx(
                List.of(
                    new StoredKeyValue(
                        hex("0243544c2e44415441424153452e00000001"), b("dbinstance"))))
            .build();
    try (ImmuStore s = ImmuStore.open(dir, o)) {
      assertThat(s.lastTxId()).isEqualTo(1);
      assertThat(s.alh(1).toHex())
          .isEqualTo("d7b53b8e31e865a50be38d02dd5c81d512b6c885dc98c16b0f68ec488aea5355");
      TxHeader h2 = s.commit(List.of(new KeyValue(hex("006b657931"), hex("0076616c756531"))));
      assertThat(h2.id()).isEqualTo(2);
      assertThat(h2.blTxId()).isEqualTo(1);
      assertThat(h2.blRoot().toHex())
          .isEqualTo("d304bead52389daa8fc5348d290745b83dd9b14b6943b079f80fb2ad094e5fae");
      assertThat(h2.alh().toHex())
          .isEqualTo("e07c1e7de016ba4e1e6e070bb105c94acb5cb72403179b6c7898bf81c1399ca8");
      s.commit(List.of(new KeyValue(hex("006b657932"), hex("0076616c756532"))));
      TxHeader h4 = s.commit(List.of(new KeyValue(hex("006b657933"), hex("0076616c756533"))));
      assertThat(h4.alh().toHex())
          .isEqualTo("d669ebdfb2ac2a77f1c45798d571025c830648dbd53e083f0e8c67a405fb06e6");
      assertThat(s.currentState("db").txHash()).isEqualTo(h4.alh());
      assertThat(s.header(3).blRoot().toHex())
          .isEqualTo("fcd9e55444b71891ad8577f46e9d44c9fc26490690d61aa6248b2c1d0f18da12");
      // The proof of spec 13.5, source 1 -> target 4.
      var p = s.dualProof(1, 4);
      assertThat(p.inclusionProof())
          .extracting(Sha256Digest::toHex)
          .containsExactly(
              "1cd950a1c1005ee5bd76a90001491f3a6728d9edccc7bdd0a2d17973c2237d87",
              "eb21b3150c86941a35a441dd0bfb5bee7d0eb4e3100171eef2a1a0b432a6192e");
      assertThat(s.verify().ok()).isTrue();
    }
  }

  @Test
  void firstTransactionLinksToTheEmptyHash() throws IOException {
    try (ImmuStore s = ImmuStore.open(dir, unsynced())) {
      assertThat(s.lastTxId()).isZero();
      TxHeader h = s.commit(List.of(kv("a", "1")));
      assertThat(h.id()).isEqualTo(1);
      assertThat(h.prevAlh()).isEqualTo(Sha256Digest.EMPTY);
      assertThat(h.blTxId()).isZero();
      assertThat(h.blRoot()).isEqualTo(Sha256Digest.ZERO);
      TxHeader h2 = s.commit(List.of(kv("a", "2"), kv("b", "3")));
      assertThat(h2.prevAlh()).isEqualTo(h.alh());
      assertThat(h2.blRoot()).isEqualTo(Sha256Hasher.create().leaf(h.alh()));
      assertThat(h2.ts()).isGreaterThanOrEqualTo(h.ts());
      Tx tx = s.tx(2);
      assertThat(tx.header()).isEqualTo(h2);
      assertThat(tx.entries()).hasSize(2);
      assertThat(tx.entries().get(1).key()).isEqualTo(b("b"));
      assertThat(s.readValue(s.txRecord(2), 1)).isEqualTo(b("3"));
    }
  }

  @Test
  void limitsAreEnforcedAndNamed() throws IOException {
    StoreOptions o =
        StoreOptions.builder().synced(false).maxTxEntries(2).maxKeyLen(4).maxValueLen(8).build();
    try (ImmuStore s = ImmuStore.open(dir, o)) {
      assertThatThrownBy(() -> s.commit(List.of(kv("a", "1"), kv("b", "2"), kv("c", "3"))))
          .isInstanceOfSatisfying(
              LimitExceededException.class,
              e -> {
                assertThat(e.limit()).isEqualTo(LimitExceededException.Limit.MAX_TX_ENTRIES);
                assertThat(e.getMessage()).contains("maxTxEntries=2");
              });
      assertThatThrownBy(() -> s.commit(List.of(kv("a", "1"), kv("toolong", "2"))))
          .isInstanceOfSatisfying(
              LimitExceededException.class,
              e -> {
                assertThat(e.entryIndex()).isEqualTo(1);
                assertThat(e.getMessage())
                    .contains("max key length exceeded", "entry 1", "maxKeyLen=4");
              });
      assertThatThrownBy(() -> s.commit(List.of(kv("a", "123456789"))))
          .hasMessageContaining("maxValueLen=8");
      assertThatThrownBy(() -> s.commit(List.of(kv("a", "1"), kv("a", "2"))))
          .isInstanceOfSatisfying(
              InvalidRequestException.class,
              e -> assertThat(e.kind()).isEqualTo(InvalidRequestException.Kind.DUPLICATE_KEY));
      assertThatThrownBy(() -> s.commit(List.of()))
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("no entries provided");
      assertThatThrownBy(() -> s.commit(List.of(kv("", "1"))))
          .isInstanceOf(InvalidRequestException.class);
      assertThat(s.lastTxId()).isZero();
    }
    // Limits are fixed at creation: reopening with other options keeps them.
    try (ImmuStore s = ImmuStore.open(dir, StoreOptions.defaults())) {
      assertThat(s.maxTxEntries()).isEqualTo(2);
      assertThat(s.maxKeyLen()).isEqualTo(4);
      assertThat(s.maxValueLen()).isEqualTo(8);
    }
  }

  @Test
  void reopensWhereItLeftOff() throws IOException {
    Sha256Digest alh;
    try (ImmuStore s = ImmuStore.open(dir, StoreOptions.defaults())) {
      for (int i = 0; i < 20; i++) {
        s.commit(List.of(kv("k" + i, "v" + i)));
      }
      alh = s.alh(20);
    }
    try (ImmuStore s = ImmuStore.open(dir, StoreOptions.defaults())) {
      assertThat(s.lastTxId()).isEqualTo(20);
      assertThat(s.alh(20)).isEqualTo(alh);
      TxHeader h = s.commit(List.of(kv("x", "y")));
      assertThat(h.prevAlh()).isEqualTo(alh);
      assertThat(s.verify().ok()).isTrue();
      s.awaitIndexed(21, Duration.ofSeconds(10));
      try (var snap = s.indexSnapshot()) {
        assertThat(snap.get(b("k7"))).get().extracting(r -> r.txId()).isEqualTo(8L);
      }
    }
  }

  @Test
  void secondOpenOfTheSameDirectoryIsRefused() throws IOException {
    try (ImmuStore s = ImmuStore.open(dir, unsynced())) {
      assertThatThrownBy(() -> ImmuStore.open(dir, unsynced()))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("already open");
    }
  }

  @Test
  void closedStoreRefusesCalls() throws IOException {
    ImmuStore s = ImmuStore.open(dir, unsynced());
    s.close();
    s.close();
    assertThatThrownBy(() -> s.commit(List.of(kv("a", "b"))))
        .isInstanceOf(StoreStateException.class);
    assertThatThrownBy(() -> s.header(1)).isInstanceOf(StoreStateException.class);
  }

  @Test
  void unknownTxIsNotFound() throws IOException {
    try (ImmuStore s = ImmuStore.open(dir, unsynced())) {
      s.commit(List.of(kv("a", "b")));
      assertThatThrownBy(() -> s.tx(2)).isInstanceOf(TxNotFoundException.class);
      assertThatThrownBy(() -> s.tx(0)).isInstanceOf(TxNotFoundException.class);
    }
  }

  @Test
  void concurrentCommitsGetDenseIdsAndVerify() throws Exception {
    try (ImmuStore s = ImmuStore.open(dir, StoreOptions.defaults())) {
      int threads = 8;
      int perThread = 50;
      List<CompletableFuture<List<Long>>> fs = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int tt = t;
        fs.add(
            CompletableFuture.supplyAsync(
                () -> {
                  List<Long> ids = new ArrayList<>();
                  for (int i = 0; i < perThread; i++) {
                    ids.add(s.commit(List.of(kv("t" + tt + "-" + i, "v"))).id());
                  }
                  return ids;
                }));
      }
      List<Long> all = new ArrayList<>();
      for (var f : fs) {
        all.addAll(f.get());
      }
      assertThat(all).doesNotHaveDuplicates().hasSize(threads * perThread);
      assertThat(all).allMatch(id -> id >= 1 && id <= threads * perThread);
      assertThat(s.lastTxId()).isEqualTo(threads * perThread);
      assertThat(s.verify().ok()).isTrue();
    }
  }

  @Test
  void largeValuesSpanSegments() throws IOException {
    StoreOptions o = StoreOptions.builder().synced(false).segmentSize(4096).build();
    Random r = new Random(7);
    byte[] big = new byte[50_000];
    r.nextBytes(big);
    try (ImmuStore s = ImmuStore.open(dir, o)) {
      for (int i = 0; i < 10; i++) {
        s.commit(List.of(new KeyValue(b("big" + i), big), kv("small" + i, "x")));
      }
    }
    try (ImmuStore s = ImmuStore.open(dir, o)) {
      assertThat(s.readValue(s.txRecord(7), 0)).isEqualTo(big);
      assertThat(s.verify().ok()).isTrue();
    }
  }

  @Test
  void anInclusionProofOfATxAtHandRefusesAnotherHeaderAndNeverVouchesForOtherEntries()
      throws Exception {
    try (ImmuStore s = ImmuStore.open(dir, unsynced())) {
      s.commit(List.of(kv("a", "1")));
      s.commit(List.of(kv("b", "2")));
      Tx one = s.tx(1);
      Tx two = s.tx(2);
      // Entries that are not the tx's (as a tampered disk would give) get the proof of what was
      // given, which does not lead to the tx's eH: the client's check fails.
      Tx forgedEntries = new Tx(one.header(), two.entries());
      assertThatThrownBy(
              () ->
                  HTree.verifyInclusion(
                      s.inclusionProof(forgedEntries, 0),
                      two.entries().get(0).digest(Sha256Hasher.create()),
                      one.header().eh()))
          .isInstanceOf(VerificationException.class);
      TxHeader h = two.header();
      TxHeader otherHeader =
          new TxHeader(
              h.id(), h.prevAlh(), h.ts() + 1, h.nEntries(), h.eh(), h.blTxId(), h.blRoot());
      assertThatThrownBy(() -> s.inclusionProof(new Tx(otherHeader, two.entries()), 0))
          .isInstanceOf(IllegalArgumentException.class);
      // the refused entries left no tree behind: the real proof still verifies
      HTree.verifyInclusion(
          s.inclusionProof(one, 0),
          one.entries().get(0).digest(Sha256Hasher.create()),
          one.header().eh());
      assertThat(s.inclusionProof(one, 0)).isEqualTo(s.inclusionProof(1, 0));
    }
  }

  @Test
  void hashTreeRangesRememberedWhileTheTreeGrowsStayRight() throws Exception {
    try (ImmuStore s = ImmuStore.open(dir, unsynced())) {
      InMemoryAhTree fresh = new InMemoryAhTree();
      for (int n = 1; n <= 40; n++) {
        s.commit(List.of(kv("k" + n, "v" + n)));
        fresh.append(s.alh(n));
        // twice: the second pass is served from the ranges the first one remembered
        for (int pass = 0; pass < 2; pass++) {
          for (long i = 1; i <= n; i++) {
            assertThat(AhtProofs.inclusion(s.aht(), i, n))
                .isEqualTo(AhtProofs.inclusion(fresh, i, n));
            assertThat(AhtProofs.consistency(s.aht(), i, n))
                .isEqualTo(AhtProofs.consistency(fresh, i, n));
          }
          assertThat(AhtProofs.root(s.aht(), n)).isEqualTo(fresh.root());
        }
      }
    }
  }

  @Test
  void proofsBetweenEveryPairVerifyAndInclusionProofsToo() throws Exception {
    try (ImmuStore s = ImmuStore.open(dir, unsynced())) {
      for (int i = 0; i < 17; i++) {
        List<KeyValue> kvs = new ArrayList<>();
        for (int j = 0; j <= i % 5; j++) {
          kvs.add(kv("k" + i + "." + j, "v" + i));
        }
        s.commit(kvs);
      }
      Sha256Hasher h = Sha256Hasher.create();
      for (long a = 1; a <= 17; a++) {
        for (long t = a; t <= 17; t++) {
          DualProofVerifier.verify(s.dualProof(a, t), a, t, s.alh(a), s.alh(t));
        }
        Tx tx = s.tx(a);
        for (int e = 0; e < tx.entries().size(); e++) {
          HTree.verifyInclusion(
              s.inclusionProof(a, e), tx.entries().get(e).digest(h), tx.header().eh());
        }
      }
    }
  }

  @Test
  void deferredEntriesSeeTheirOwnTxId() throws IOException {
    try (ImmuStore s = ImmuStore.open(dir, unsynced())) {
      s.commit(List.of(kv("a", "1")));
      TxHeader h = s.commitWith(id -> List.of(kv("self", Long.toString(id))));
      assertThat(h.id()).isEqualTo(2);
      assertThat(s.readValue(s.txRecord(2), 0)).isEqualTo(b("2"));
      assertThatThrownBy(() -> s.commitWith(id -> List.of()))
          .isInstanceOf(InvalidRequestException.class);
      assertThat(s.commit(List.of(kv("b", "2"))).id()).isEqualTo(3);
    }
  }

  @Test
  void manyReadersWaitingForTheIndexEachSeeTheirTx() throws Exception {
    try (ImmuStore s = ImmuStore.open(dir, unsynced())) {
      int n = 40;
      List<CompletableFuture<Long>> waits = new ArrayList<>();
      for (int i = 1; i <= n; i++) {
        long tx = i;
        waits.add(
            CompletableFuture.supplyAsync(
                () -> {
                  s.awaitIndexed(tx, Duration.ofSeconds(30));
                  return s.indexedTxId();
                }));
      }
      for (int i = 0; i < n; i++) {
        s.commit(List.of(kv("w" + i, "v")));
      }
      for (int i = 0; i < n; i++) {
        assertThat(waits.get(i).get()).isGreaterThanOrEqualTo(i + 1L);
      }
      assertThatThrownBy(() -> s.awaitIndexed(n + 5, Duration.ofMillis(50)))
          .isInstanceOf(io.immudb.embedded.IndexTimeoutException.class);
    }
  }

  @Test
  @org.junit.jupiter.api.Timeout(60)
  void committersThatWaitForTheirOwnTxNeverMissTheWakeUp() throws Exception {
    try (ImmuStore s = ImmuStore.open(dir, unsynced())) {
      List<CompletableFuture<Void>> fs = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int tt = t;
        fs.add(
            CompletableFuture.runAsync(
                () -> {
                  for (int i = 0; i < 300; i++) {
                    TxHeader h = s.commit(List.of(kv("c" + tt + "-" + i, "v")));
                    s.awaitIndexed(h.id(), Duration.ofSeconds(20));
                    assertThat(s.indexedTxId()).isGreaterThanOrEqualTo(h.id());
                  }
                }));
      }
      for (var f : fs) {
        f.get();
      }
      assertThat(s.lastTxId()).isEqualTo(2400);
    }
  }

  @Test
  void indexedAsyncCompletesOnceTheIndexReachesTheTx() throws Exception {
    StoreOptions o = unsynced().toBuilder().indexWaitTimeout(Duration.ofMillis(200)).build();
    try (ImmuStore s = ImmuStore.open(dir, o)) {
      TxHeader h = s.commit(List.of(kv("a", "1")));
      s.awaitIndexed(h.id());
      assertThat(s.indexedAsync(h.id())).isCompleted();

      // Two callers wait for the same future tx; the first one's timeout must not end the other.
      CompletableFuture<Void> shortWait = s.indexedAsync(h.id() + 1);
      assertThatThrownBy(shortWait::join)
          .hasCauseInstanceOf(io.immudb.embedded.IndexTimeoutException.class)
          .hasMessageContaining("tx " + (h.id() + 1));
      CompletableFuture<Void> second = s.indexedAsync(h.id() + 1);
      TxHeader next = s.commit(List.of(kv("b", "2")));
      second.get(10, TimeUnit.SECONDS);
      assertThat(s.indexedTxId()).isGreaterThanOrEqualTo(next.id());
    }
  }

  @Test
  void commitsAwaitedAsynchronouslyAreAllIndexedInOrder() throws Exception {
    try (ImmuStore s = ImmuStore.open(dir, unsynced())) {
      List<CompletableFuture<Long>> fs = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        fs.add(
            s.commitAsync(List.of(kv("k" + i, "v")))
                .thenCompose(h -> s.indexedAsync(h.id()).thenApply(x -> h.id()))
                .thenApply(id -> s.indexedTxId() >= id ? id : -id));
      }
      for (int i = 0; i < fs.size(); i++) {
        assertThat(fs.get(i).get(30, TimeUnit.SECONDS)).isEqualTo(i + 1L);
      }
    }
  }

  @Test
  void largeGroupsHandedToTheIndexThreadAreIndexedCompletelyAndInOrder() throws Exception {
    try (ImmuStore s = ImmuStore.open(dir, unsynced())) {
      // Many commits in flight make groups of >= Indexer.HAND_OVER_MIN_TXS txs; 50 keys, 40
      // versions each.
      List<CompletableFuture<TxHeader>> fs = new ArrayList<>();
      for (int i = 0; i < 2000; i++) {
        fs.add(s.commitAsync(List.of(kv("k" + (i % 50), "v" + i))));
      }
      long last = 0;
      for (CompletableFuture<TxHeader> f : fs) {
        last = Math.max(last, f.get(30, TimeUnit.SECONDS).id());
      }
      s.awaitIndexed(last);
      assertThat(s.handedOverGroups()).isPositive();
      try (var snap = s.indexSnapshot()) {
        for (int k = 0; k < 50; k++) {
          byte[] key = b("k" + k);
          assertThat(snap.versionCount(key)).isEqualTo(40);
          List<io.immudb.embedded.internal.index.EntryRef> versions =
              snap.history(key, 0, 100, false);
          for (int v = 1; v < versions.size(); v++) {
            assertThat(versions.get(v).txId()).isGreaterThan(versions.get(v - 1).txId());
          }
          // The newest version is the tx that committed "v" + (1950 + k).
          assertThat(snap.get(key).orElseThrow().txId())
              .isEqualTo(fs.get(1950 + k).get().id())
              .isEqualTo(versions.get(versions.size() - 1).txId());
        }
      }
    }
  }

  @Test
  void handedOverGroupsBehindATxTooLargeToHandOverWaitForItToBeReadBack() throws Exception {
    StoreOptions o =
        unsynced().toBuilder().maxTxEntries(2 * CommitWriter.INLINE_INDEX_ENTRIES).build();
    try (ImmuStore s = ImmuStore.open(dir, o)) {
      List<CompletableFuture<TxHeader>> small = new ArrayList<>();
      List<CompletableFuture<TxHeader>> big = new ArrayList<>();
      for (int round = 0; round < 10; round++) {
        // More entries than a group hands over: the index thread reads this one from the log.
        List<KeyValue> many = new ArrayList<>();
        for (int e = 0; e < CommitWriter.INLINE_INDEX_ENTRIES + 1; e++) {
          many.add(kv("big" + round + "-" + e, "x"));
        }
        big.add(s.commitAsync(many));
        for (int i = 0; i < 64; i++) {
          small.add(s.commitAsync(List.of(kv("s" + (i % 8), "r" + round + "i" + i))));
        }
      }
      long last = 0;
      for (CompletableFuture<TxHeader> f : small) {
        last = Math.max(last, f.get(30, TimeUnit.SECONDS).id());
      }
      for (CompletableFuture<TxHeader> f : big) {
        last = Math.max(last, f.get(30, TimeUnit.SECONDS).id());
      }
      s.awaitIndexed(last);
      try (var snap = s.indexSnapshot()) {
        for (int round = 0; round < 10; round++) {
          long id = big.get(round).get().id();
          assertThat(snap.get(b("big" + round + "-0")).orElseThrow().txId()).isEqualTo(id);
          assertThat(snap.get(b("big" + round + "-" + CommitWriter.INLINE_INDEX_ENTRIES)))
              .hasValueSatisfying(r -> assertThat(r.txId()).isEqualTo(id));
        }
        for (int k = 0; k < 8; k++) {
          assertThat(snap.versionCount(b("s" + k))).isEqualTo(80);
          assertThat(snap.get(b("s" + k)).orElseThrow().txId())
              .isEqualTo(small.get(small.size() - 8 + k).get().id());
        }
      }
    }
  }
}
