package io.immudb.embedded.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.immudb.core.crypto.Sha256Digest;
import io.immudb.embedded.StorageFullException;
import io.immudb.embedded.StoreStateException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An I/O failure on the commit path fails that commit, turns the store read-only, loses nothing.
 */
class WriteFailureTest {
  @TempDir Path dir;

  private static KeyValue kv(String k) {
    return KeyValue.ofOwned(k.getBytes(StandardCharsets.UTF_8), new byte[] {1, 2, 3});
  }

  @ParameterizedTest
  @CsvSource({
    "val, FAIL_APPEND",
    "val, SHORT_WRITE",
    "val, FAIL_SYNC",
    "tx, FAIL_APPEND",
    "tx, SHORT_WRITE",
    "tx, FAIL_SYNC",
    "commit, FAIL_APPEND",
    "commit, SHORT_WRITE",
    "aht, SHORT_WRITE"
  })
  void aFailedWriteLosesNoAcknowledgedTx(String log, FaultyAppendable.Mode mode)
      throws IOException {
    Map<String, FaultyAppendable> logs = new HashMap<>();
    StoreOptions o =
        StoreOptions.builder()
            .logWrapper(
                (name, real) -> {
                  FaultyAppendable f = new FaultyAppendable(real);
                  logs.put(name, f);
                  return f;
                })
            .build();
    Sha256Digest alh3;
    try (ImmuStore s = ImmuStore.open(dir, o)) {
      for (int i = 1; i <= 3; i++) {
        s.commit(List.of(kv("k" + i)));
      }
      alh3 = s.alh(3);
      logs.get(log).mode = mode;
      // One value inline in the tx record, one in the value log: the commit writes to both.
      List<KeyValue> bad =
          List.of(
              kv("bad"),
              KeyValue.ofOwned("bad-big".getBytes(StandardCharsets.UTF_8), new byte[5000]));
      assertThatThrownBy(() -> s.commit(bad)).isInstanceOf(StoreStateException.class);
      logs.get(log).mode = FaultyAppendable.Mode.OK;
      assertThat(s.isReadOnly()).isTrue();
      assertThatThrownBy(() -> s.commit(List.of(kv("after"))))
          .isInstanceOf(StoreStateException.class);
      // Reads of what was committed still work.
      assertThat(s.readValue(s.txRecord(2), 0)).containsExactly(1, 2, 3);
      assertThat(s.lastTxId()).isEqualTo(3);
    }
    try (ImmuStore s = ImmuStore.open(dir, StoreOptions.defaults())) {
      // The failed tx may have become durable (its records were complete) but never half of it.
      assertThat(s.lastTxId()).isBetween(3L, 4L);
      assertThat(s.alh(3)).isEqualTo(alh3);
      assertThat(s.verify().ok()).isTrue();
      long next = s.commit(List.of(kv("k5"))).id();
      assertThat(next).isEqualTo(s.lastTxId());
      assertThat(s.verify().ok()).isTrue();
    }
  }

  @ParameterizedTest
  @CsvSource({"val", "tx", "commit", "aht"})
  void aFullDiskRefusesTheCommitRollsBackAndLaterCommitsWork(String log) throws IOException {
    Map<String, FaultyAppendable> logs = new HashMap<>();
    StoreOptions o =
        StoreOptions.builder()
            .logWrapper(
                (name, real) -> {
                  FaultyAppendable f = new FaultyAppendable(real);
                  logs.put(name, f);
                  return f;
                })
            .build();
    Sha256Digest alh4;
    try (ImmuStore s = ImmuStore.open(dir, o)) {
      for (int i = 1; i <= 3; i++) {
        s.commit(List.of(kv("k" + i)));
      }
      long[] sizes = logs.values().stream().mapToLong(FaultyAppendable::size).toArray();
      logs.get(log).mode = FaultyAppendable.Mode.DISK_FULL;
      List<KeyValue> bad =
          List.of(
              kv("bad"),
              KeyValue.ofOwned("bad-big".getBytes(StandardCharsets.UTF_8), new byte[5000]));
      assertThatThrownBy(() -> s.commit(bad))
          .isInstanceOf(StorageFullException.class)
          .hasMessageStartingWith("no space left on device");
      // Rolled back: every log as before the refused commit, the store still writable.
      assertThat(logs.values().stream().mapToLong(FaultyAppendable::size).toArray())
          .containsExactly(sizes);
      assertThat(s.isReadOnly()).isFalse();
      assertThat(s.lastTxId()).isEqualTo(3);
      // Still full: refused again, the same way.
      assertThatThrownBy(() -> s.commit(bad)).isInstanceOf(StorageFullException.class);
      logs.get(log).mode = FaultyAppendable.Mode.OK;
      assertThat(s.commit(bad).id()).isEqualTo(4);
      alh4 = s.alh(4);
      assertThat(s.readValue(s.txRecord(4), 1)).hasSize(5000);
      assertThat(s.verify().ok()).isTrue();
    }
    try (ImmuStore s = ImmuStore.open(dir, StoreOptions.defaults())) {
      assertThat(s.lastTxId()).isEqualTo(4);
      assertThat(s.alh(4)).isEqualTo(alh4);
      assertThat(s.verify().ok()).isTrue();
    }
  }
}
