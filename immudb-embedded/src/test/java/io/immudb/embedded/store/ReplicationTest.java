package io.immudb.embedded.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.kv.ExportedTx;
import io.immudb.core.kv.StoredKeyValue;
import io.immudb.core.tx.TxHeader;
import io.immudb.embedded.ReplicationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplicationTest {
  @TempDir Path dir;

  private static KeyValue kv(String k, String v) {
    return new KeyValue(k.getBytes(StandardCharsets.UTF_8), v.getBytes(StandardCharsets.UTF_8));
  }

  private static StoredKeyValue stored(String k, String v) {
    return new StoredKeyValue(
        k.getBytes(StandardCharsets.UTF_8), v.getBytes(StandardCharsets.UTF_8));
  }

  private static StoreOptions options(long startTs) {
    AtomicLong clock = new AtomicLong(startTs);
    return StoreOptions.builder()
        .synced(false)
        .clockSeconds(clock::getAndIncrement)
        .firstTx(List.of(stored("first", "tx")))
        .build();
  }

  private static StoreOptions empty(long startTs) {
    return options(startTs).toBuilder().firstTx(List.of()).build();
  }

  private static ImmuStore filled(Path d) throws IOException {
    ImmuStore s = ImmuStore.open(d, options(1_600_000_000L));
    for (int i = 0; i < 20; i++) {
      List<KeyValue> kvs = new ArrayList<>();
      for (int j = 0; j <= i % 4; j++) {
        kvs.add(kv("k" + i + "." + j, "v".repeat(i * 50 + j)));
      }
      s.commit(kvs);
    }
    return s;
  }

  @Test
  void replayingEveryExportedTxReproducesTheStateAndTimestamps() throws IOException {
    try (ImmuStore src = filled(dir.resolve("src"));
        ImmuStore dst = ImmuStore.open(dir.resolve("dst"), empty(1_700_000_000L))) {
      assertThat(dst.lastTxId()).isZero();
      List<CompletableFuture<TxHeader>> pending = new ArrayList<>();
      for (long id = 1; id <= src.lastTxId(); id++) {
        ExportedTx tx = src.export(id);
        pending.add(dst.replicateAsync(tx));
      }
      CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
      assertThat(dst.currentState("db")).isEqualTo(src.currentState("db"));
      for (long id = 1; id <= src.lastTxId(); id++) {
        assertThat(dst.header(id)).isEqualTo(src.header(id));
        assertThat(render(dst.export(id))).isEqualTo(render(src.export(id)));
      }
      assertThat(dst.verify().ok()).isTrue();
    }
  }

  @Test
  void aTxThatDoesNotFollowIsRefusedAndNothingIsWritten() throws IOException {
    try (ImmuStore src = filled(dir.resolve("src"));
        ImmuStore dst = ImmuStore.open(dir.resolve("dst"), empty(1_700_000_000L))) {
      ExportedTx t1 = src.export(1);
      ExportedTx t2 = src.export(2);
      ExportedTx t3 = src.export(3);
      // a gap: tx 2 before tx 1
      assertRefused(dst.replicateAsync(t2), "the next tx id is 1");
      dst.replicateAsync(t1).join();
      // entries that hash differently than the header says
      assertRefused(
          dst.replicateAsync(new ExportedTx(t2.header(), t3.entries())), "entries hash to eH");
      // a forged chain link
      TxHeader h = t2.header();
      TxHeader forged =
          new TxHeader(
              h.id(), Sha256Digest.ZERO, h.ts(), h.nEntries(), h.eh(), h.blTxId(), h.blRoot());
      assertRefused(
          dst.replicateAsync(new ExportedTx(forged, t2.entries())), "is not the last Alh");
      assertThat(dst.lastTxId()).isEqualTo(1);
      // the store goes on: the genuine tx 2 still fits
      assertThat(dst.replicateAsync(t2).join()).isEqualTo(t2.header());
      assertThat(dst.verify().ok()).isTrue();
    }
  }

  @Test
  void aReplicatedStoreKeepsGrowingNormallyAfterReopen() throws IOException {
    Sha256Digest alh;
    try (ImmuStore src = filled(dir.resolve("src"));
        ImmuStore dst = ImmuStore.open(dir.resolve("dst"), empty(1_700_000_000L))) {
      for (long id = 1; id <= src.lastTxId(); id++) {
        ExportedTx tx = src.export(id);
        dst.replicateAsync(tx).join();
      }
      alh = src.currentState("db").txHash();
    }
    try (ImmuStore dst = ImmuStore.open(dir.resolve("dst"), options(1_800_000_000L))) {
      assertThat(dst.currentState("db").txHash()).isEqualTo(alh);
      TxHeader next = dst.commit(List.of(kv("after", "restore")));
      assertThat(next.prevAlh()).isEqualTo(alh);
      dst.flushIndex();
      assertThat(dst.indexedTxId()).isEqualTo(next.id());
      assertThat(dst.verify().ok()).isTrue();
    }
  }

  private static List<String> render(ExportedTx tx) {
    return tx.entries().stream()
        .map(
            e ->
                new String(e.key(), StandardCharsets.UTF_8)
                    + "="
                    + new String(e.value(), StandardCharsets.UTF_8))
        .toList();
  }

  private static void assertRefused(CompletableFuture<TxHeader> f, String text) {
    assertThatThrownBy(f::join)
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOf(ReplicationException.class)
        .hasMessageContaining(text);
  }
}
