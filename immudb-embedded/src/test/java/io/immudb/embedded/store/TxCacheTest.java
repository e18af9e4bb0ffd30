package io.immudb.embedded.store;

import static org.assertj.core.api.Assertions.assertThat;

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
}
