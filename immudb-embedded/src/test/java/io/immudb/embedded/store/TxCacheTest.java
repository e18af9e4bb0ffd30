package io.immudb.embedded.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.immudb.embedded.internal.txlog.TxRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TxCacheTest {
  @TempDir Path dir;

  @Test
  void putsRacingWithCloseLeaveNothingBehind() throws Exception {
    StoreOptions own = StoreOptions.builder().synced(false).txCacheBytes(0).build();
    try (ImmuStore s = ImmuStore.open(dir.resolve("race"), own)) {
      s.commit(List.of(new KeyValue(new byte[] {1}, new byte[] {1})));
      TxCache.Cached c = new TxCache.Cached(s.txRecord(1));
      for (int round = 0; round < 200; round++) {
        TxCache cache = new TxCache(1 << 20);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        Thread[] putters = new Thread[2];
        for (int t = 0; t < putters.length; t++) {
          int base = t * 1000;
          putters[t] =
              new Thread(
                  () -> {
                    try {
                      go.await();
                    } catch (InterruptedException e) {
                      return;
                    }
                    for (int i = 1; i <= 200; i++) {
                      cache.put(base + i, c);
                    }
                  });
          putters[t].start();
        }
        go.countDown();
        cache.close();
        for (Thread t : putters) {
          t.join();
        }
        for (int t = 0; t < putters.length; t++) {
          for (int i = 1; i <= 200; i++) {
            assertThat(cache.get(t * 1000 + i)).as("round %d, tx %d", round, t * 1000 + i).isNull();
          }
        }
      }
    }
  }

  @Test
  void staysWithinItsBudgetAndGivesATxReadSinceItWasCachedASecondChance() throws IOException {
    try (ImmuStore s = ImmuStore.open(dir, StoreOptions.builder().synced(false).build())) {
      for (int i = 1; i <= 5; i++) {
        byte[] k = ("key-" + i).getBytes(StandardCharsets.UTF_8);
        s.commit(List.of(new KeyValue(k, k)));
      }
      long one = new TxCache.Cached(s.txRecord(1)).size;
      // records get 7/8 of the budget: room for 3.5 txs of this size
      TxCache cache = new TxCache(4 * one);
      TxCache.Cached[] c = new TxCache.Cached[6];
      for (int i = 1; i <= 3; i++) {
        c[i] = new TxCache.Cached(s.txRecord(i));
        assertThat(cache.put(i, c[i])).isSameAs(c[i]);
      }
      assertThat(cache.put(2, new TxCache.Cached(s.txRecord(2))))
          .as("first one wins")
          .isSameAs(c[2]);
      assertThat(cache.get(1)).isSameAs(c[1]); // read: tx 1 gets a second chance
      cache.put(4, new TxCache.Cached(s.txRecord(4)));
      assertThat(cache.get(1)).isSameAs(c[1]);
      assertThat(cache.get(2)).as("the oldest tx not read since").isNull();
      assertThat(cache.get(3)).isSameAs(c[3]);
      assertThat(cache.get(4)).isNotNull();
      cache.put(5, new TxCache.Cached(s.txRecord(5)));
      int kept = 0;
      for (int i = 1; i <= 5; i++) {
        kept += cache.get(i) == null ? 0 : 1;
      }
      assertThat(kept).as("never more than fits").isEqualTo(3);
      assertThat(cache.get(5)).as("the newest stays").isNotNull();
    }
  }

  @Test
  void entriesThatDoNotHashToTheTxsEhGetTheirOwnProofAndAreNotCached() throws IOException {
    try (ImmuStore s = ImmuStore.open(dir, StoreOptions.builder().synced(false).build())) {
      for (int i = 1; i <= 2; i++) {
        byte[] k = ("key-" + i).getBytes(StandardCharsets.UTF_8);
        s.commit(
            List.of(
                new KeyValue(k, k),
                new KeyValue(("other-" + i).getBytes(StandardCharsets.UTF_8), k),
                new KeyValue(new byte[] {(byte) i}, k)));
      }
      TxRecord one = s.txRecord(1);
      TxRecord two = s.txRecord(2);
      TxCache cache = new TxCache(1 << 20);
      // tx 2's entries presented as tx 1's (what a tampered disk looks like): no exception, and
      // a proof that leads to tx 2's eH, not tx 1's
      var forged = cache.inclusionProof(1, one.header().eh(), two.entries(), 0);
      var honest = cache.inclusionProof(1, one.header().eh(), one.entries(), 0);
      assertThat(forged).isNotEqualTo(honest);
      assertThat(cache.inclusionProof(1, one.header().eh(), one.entries(), 0))
          .as("the honest tree was cached, not the forged one")
          .isEqualTo(honest);
    }
  }

  @Test
  void storesSharingAPoolSeeOnlyTheirOwnTxsAndAClosedStoreLeavesNothingBehind() throws IOException {
    StoreOptions own = StoreOptions.builder().synced(false).txCacheBytes(0).build();
    try (ImmuStore a = ImmuStore.open(dir.resolve("a"), own);
        ImmuStore b = ImmuStore.open(dir.resolve("b"), own)) {
      for (ImmuStore s : List.of(a, b)) {
        for (int i = 1; i <= 3; i++) {
          byte[] k = (s == a ? "a-" + i : "b-" + i).getBytes(StandardCharsets.UTF_8);
          s.commit(List.of(new KeyValue(k, k)));
        }
      }
      TxCache.Cached a1 = new TxCache.Cached(a.txRecord(1));
      TxCache.Cached b1 = new TxCache.Cached(b.txRecord(1));
      TxCache.Cached b2 = new TxCache.Cached(b.txRecord(2));
      TxCache.Cached a2 = new TxCache.Cached(a.txRecord(2));
      // a pool with room for three of these records, as two stores' views of it
      TxCache ca = new TxCache(4 * a1.size);
      TxCache cb = ca.forAnotherStore();
      assertThat(ca.put(1, a1)).isSameAs(a1);
      assertThat(cb.get(1)).as("tx 1 of the other store").isNull();
      assertThat(cb.put(1, b1)).isSameAs(b1);
      assertThat(ca.get(1)).isSameAs(a1);
      assertThat(cb.get(1)).isSameAs(b1);
      cb.put(2, b2);
      ca.put(2, a2); // one budget for both stores: the oldest record not read since goes
      assertThat(cb.get(2)).isNull();
      assertThat(ca.get(1)).isSameAs(a1);
      assertThat(cb.get(1)).isSameAs(b1);
      assertThat(ca.get(2)).isSameAs(a2);

      ca.close();
      assertThat(ca.get(1)).isNull();
      assertThat(ca.get(2)).isNull();
      // a reader of the closed store that puts late (it raced with close) caches nothing
      assertThat(ca.put(1, a1)).isSameAs(a1);
      assertThat(ca.get(1)).isNull();
      TxCache.Cached b3 = new TxCache.Cached(b.txRecord(3));
      cb.put(2, b2);
      cb.put(3, b3);
      assertThat(cb.get(1)).as("the closed store's space went to the other").isSameAs(b1);
      assertThat(cb.get(2)).isSameAs(b2);
      assertThat(cb.get(3)).isSameAs(b3);
    }
  }

  @Test
  void theSharedPoolIsAQuarterOfTheHeapBetween64MiBAnd1GiBUnlessTheSystemPropertySaysOtherwise() {
    assertThat(TxCache.sharedBytes(null, 2L << 30)).isEqualTo(512L << 20);
    assertThat(TxCache.sharedBytes(null, 128L << 20)).isEqualTo(64L << 20);
    assertThat(TxCache.sharedBytes(null, Long.MAX_VALUE)).isEqualTo(1L << 30);
    assertThat(TxCache.sharedBytes(" 1048576 ", 2L << 30)).isEqualTo(1L << 20);
    assertThat(TxCache.sharedBytes("0", 2L << 30)).isZero();
    for (String bad : new String[] {"-5", "1g", "x"}) {
      assertThatThrownBy(() -> TxCache.sharedBytes(bad, 2L << 30))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("immudb.txCacheBytes must be a number of bytes >= 0, got \"" + bad + "\"");
    }
  }

  @Test
  void storesUseTheSharedPoolByDefault() throws IOException {
    try (ImmuStore a = ImmuStore.open(dir.resolve("a"), StoreOptions.builder().build());
        ImmuStore b = ImmuStore.open(dir.resolve("b"), StoreOptions.builder().build())) {
      assertThat(StoreOptions.builder().build().txCacheBytes())
          .isEqualTo(StoreOptions.SHARED_TX_CACHE);
      assertThat(a.txCache().sharesPoolWith(b.txCache())).isTrue();
    }
  }
}
