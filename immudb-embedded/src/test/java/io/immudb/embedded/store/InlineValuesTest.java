package io.immudb.embedded.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.immudb.core.kv.ExportedTx;
import io.immudb.embedded.internal.index.EntryRef;
import io.immudb.embedded.internal.index.IndexSnapshot;
import io.immudb.embedded.internal.txlog.TxRecord;
import io.immudb.embedded.internal.txlog.TxRecordCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Format 2: values of at most {@code inlineValueMaxLen} bytes are stored in the tx record, larger
 * ones in the value log; a synced commit syncs only the logs it wrote; every read path returns the
 * values either way.
 */
class InlineValuesTest {
  @TempDir Path dir;

  /** Each log, wrapped to count its syncs. */
  private final Map<String, FaultyAppendable> logs = new ConcurrentHashMap<>();

  private StoreOptions counting(StoreOptions.Builder b) {
    return b.logWrapper(
            (name, log) -> {
              FaultyAppendable f = new FaultyAppendable(log);
              logs.put(name, f);
              return f;
            })
        .build();
  }

  private int syncsOf(String log) {
    FaultyAppendable f = logs.get(log);
    return f == null ? 0 : f.syncs();
  }

  private static byte[] key(String k) {
    return k.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] value(int len, int seed) {
    byte[] v = new byte[len];
    for (int i = 0; i < len; i++) {
      v[i] = (byte) (seed * 31 + i);
    }
    return v;
  }

  @Test
  void aSyncedGroupOfSmallValuesSyncsTheTxLogOnly() throws IOException {
    try (ImmuStore s = ImmuStore.open(dir, counting(StoreOptions.builder().synced(true)))) {
      int valSyncs = syncsOf("val");
      int txSyncs = syncsOf("tx");
      for (int i = 0; i < 10; i++) {
        s.commit(List.of(KeyValue.ofOwned(key("k" + i), value(100, i))));
      }
      assertThat(syncsOf("tx") - txSyncs).as("one tx-log sync per commit").isEqualTo(10);
      assertThat(syncsOf("val") - valSyncs).as("no value-log sync").isZero();
      assertThat(s.txRecord(10).valuesOff()).as("nothing written to the value log").isZero();

      s.commit(List.of(KeyValue.ofOwned(key("big"), value(5000, 1))));
      assertThat(syncsOf("val") - valSyncs).as("a value-log value is synced").isEqualTo(1);
      assertThat(syncsOf("tx") - txSyncs).isEqualTo(11);
      assertThat(s.verify().ok()).isTrue();
    }
  }

  @Test
  void valuesAtTheLimitAreInlineAndOneByteMoreGoesToTheValueLog() throws IOException {
    StoreOptions o = StoreOptions.builder().synced(false).inlineValueMaxLen(100).build();
    byte[][] values = {value(100, 1), value(101, 2), new byte[0], value(1, 3), value(4097, 4)};
    try (ImmuStore s = ImmuStore.open(dir, o)) {
      List<KeyValue> kvs = new ArrayList<>();
      for (int i = 0; i < values.length; i++) {
        kvs.add(KeyValue.ofOwned(key("k" + i), values[i]));
      }
      s.commit(kvs);
      TxRecord rec = s.txRecord(1);
      boolean[] inline = new boolean[values.length];
      for (int i = 0; i < values.length; i++) {
        inline[i] = TxRecordCodec.isInline(rec.vOff(i));
        assertThat(s.readValue(rec, i)).isEqualTo(values[i]);
      }
      assertThat(inline).containsExactly(true, false, true, true, false);
      assertThat(rec.valuesLen()).isEqualTo(12 + 101 + 4097 + 4);
      assertThat(s.verify().ok()).isTrue();
    }
    try (ImmuStore s = ImmuStore.open(dir, StoreOptions.builder().synced(false).build())) {
      // The limit is not saved: the reopened store reads the old layout and writes the default.
      TxRecord rec = s.txRecord(1);
      for (int i = 0; i < values.length; i++) {
        assertThat(s.readValue(rec, i)).isEqualTo(values[i]);
      }
      s.commit(List.of(KeyValue.ofOwned(key("x"), value(101, 5))));
      assertThat(TxRecordCodec.isInline(s.txRecord(2).vOff(0))).isTrue();
      assertThat(s.verify().ok()).isTrue();
    }
  }

  @Test
  void theDefaultLimitIs4096() throws IOException {
    try (ImmuStore s = ImmuStore.open(dir, StoreOptions.builder().synced(false).build())) {
      s.commit(
          List.of(
              KeyValue.ofOwned(key("a"), value(4096, 1)),
              KeyValue.ofOwned(key("b"), value(4097, 2))));
      TxRecord rec = s.txRecord(1);
      assertThat(TxRecordCodec.isInline(rec.vOff(0))).isTrue();
      assertThat(TxRecordCodec.isInline(rec.vOff(1))).isFalse();
    }
  }

  @Test
  void inlineValuesOfOneTxStayWithinTheirBudget() throws IOException {
    int n = 300; // 300 × 4096 bytes > 1 MiB
    List<KeyValue> kvs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      kvs.add(KeyValue.ofOwned(key("k" + i), value(4096, i)));
    }
    try (ImmuStore s = ImmuStore.open(dir, StoreOptions.builder().synced(false).build())) {
      s.commit(kvs);
      TxRecord rec = s.txRecord(1);
      int inline = 0;
      for (int i = 0; i < n; i++) {
        if (TxRecordCodec.isInline(rec.vOff(i))) {
          inline++;
        }
        assertThat(s.readValue(rec, i)).isEqualTo(value(4096, i));
      }
      assertThat(inline).isEqualTo(StoreOptions.MAX_INLINE_BYTES_PER_TX / 4096);
      assertThat(TxRecordCodec.isInline(rec.vOff(n - 1))).isFalse();
      assertThat(s.verify().ok()).isTrue();
    }
  }

  @Test
  void aZeroLimitWritesTheFormat1Layout() throws IOException {
    StoreOptions o = StoreOptions.builder().synced(false).inlineValueMaxLen(0).build();
    try (ImmuStore s = ImmuStore.open(dir, o)) {
      s.commit(List.of(KeyValue.ofOwned(key("e"), new byte[0])));
      s.commit(List.of(KeyValue.ofOwned(key("s"), value(3, 1))));
      for (long id = 1; id <= 2; id++) {
        TxRecord rec = s.txRecord(id);
        assertThat(TxRecordCodec.isInline(rec.vOff(0))).isFalse();
        assertThat(rec.valuesLen()).isEqualTo(16 + rec.entries().get(0).vLen());
      }
      assertThat(s.verify().ok()).isTrue();
    }
    assertThatThrownBy(() -> StoreOptions.builder().inlineValueMaxLen(-1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> StoreOptions.builder().inlineValueMaxLen(StoreOptions.MAX_INLINE_VALUE_LEN + 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void indexedReadsExportAndReplicationSeeInlineValues() throws IOException {
    StoreOptions o = StoreOptions.builder().synced(false).build();
    List<List<KeyValue>> txs = new ArrayList<>();
    for (int t = 0; t < 20; t++) {
      List<KeyValue> kvs = new ArrayList<>();
      for (int j = 0; j <= t % 3; j++) {
        int len = (t + j) % 4 == 0 ? 6000 : t * 10 + j;
        kvs.add(KeyValue.ofOwned(key("k" + (t % 5) + "." + j), value(len, t * 7 + j)));
      }
      txs.add(kvs);
    }
    try (ImmuStore src = ImmuStore.open(dir.resolve("src"), o);
        ImmuStore dst =
            ImmuStore.open(dir.resolve("dst"), o.toBuilder().inlineValueMaxLen(0).build())) {
      for (List<KeyValue> kvs : txs) {
        src.commit(kvs);
      }
      src.awaitIndexed(src.lastTxId());
      try (IndexSnapshot snap = src.indexSnapshot()) {
        for (int t = 15; t < 20; t++) {
          for (KeyValue kv : txs.get(t)) {
            EntryRef ref = snap.get(kv.key()).orElseThrow();
            assertThat(ref.txId()).isEqualTo(t + 1);
            assertThat(src.readValue(ref)).isEqualTo(kv.value());
          }
        }
      }
      for (long id = 1; id <= src.lastTxId(); id++) {
        ExportedTx tx = src.export(id);
        for (int j = 0; j < tx.entries().size(); j++) {
          assertThat(tx.entries().get(j).value()).isEqualTo(txs.get((int) id - 1).get(j).value());
        }
        dst.replicateAsync(tx).join();
      }
      // The replica stores every value in its value log, yet has the same history.
      assertThat(dst.currentState("db")).isEqualTo(src.currentState("db"));
      assertThat(TxRecordCodec.isInline(dst.txRecord(2).vOff(0))).isFalse();
      assertThat(TxRecordCodec.isInline(src.txRecord(2).vOff(0))).isTrue();
      assertThat(dst.verify().ok()).isTrue();
    }
  }
}
