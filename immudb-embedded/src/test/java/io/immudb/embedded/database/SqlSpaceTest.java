package io.immudb.embedded.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.immudb.core.kv.StoredKeyValue;
import io.immudb.embedded.TxConflictException;
import io.immudb.embedded.store.StoreOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The conflict check of {@link SqlSpace#commit(List, long, java.util.function.Predicate)}. */
@Timeout(60)
class SqlSpaceTest {
  @TempDir Path dir;
  private Database db;
  private SqlSpace sql;

  @BeforeEach
  void open() throws Exception {
    db = Database.open(dir.resolve("testdb"), StoreOptions.builder().synced(false).build());
    sql = db.sql();
  }

  @AfterEach
  void close() throws Exception {
    db.close();
  }

  private static byte[] k(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[b.length + 1];
    out[0] = SqlSpace.PREFIX;
    System.arraycopy(b, 0, out, 1, b.length);
    return out;
  }

  private static List<StoredKeyValue> put(String... keys) {
    List<StoredKeyValue> out = new ArrayList<>();
    for (String key : keys) {
      out.add(new StoredKeyValue(k(key), new byte[] {1}));
    }
    return out;
  }

  private long snapshot() {
    try (SqlView v = sql.view()) {
      return v.txId();
    }
  }

  @Test
  void aKeyWrittenSinceTheSnapshotConflictsAndNothingIsWritten() {
    sql.commit(put("seed"));
    long s = snapshot();
    long theirs = sql.commit(put("a", "b")).id();
    long before = sql.lastTxId();
    // a key both write
    assertThatThrownBy(() -> sql.commit(put("b", "c"), s, key -> false))
        .isInstanceOfSatisfying(
            TxConflictException.class,
            e -> {
              assertThat(e.snapshotTxId()).isEqualTo(s);
              assertThat(e.conflictingTxId()).isEqualTo(theirs);
              assertThat(e).hasMessage("tx read conflict");
            });
    // a key it depends on (read), though it writes another one
    assertThatThrownBy(() -> sql.commit(put("c"), s, key -> Arrays.equals(key, k("a"))))
        .isInstanceOf(TxConflictException.class);
    assertThat(sql.lastTxId()).isEqualTo(before);
    // disjoint: commits
    assertThat(sql.commit(put("c"), s, key -> Arrays.equals(key, k("z"))).id())
        .isEqualTo(before + 1);
  }

  @Test
  void withoutACommitSinceTheSnapshotNoKeyIsLookedAt() {
    sql.commit(put("seed"));
    long s = snapshot();
    db.set("kv".getBytes(StandardCharsets.UTF_8), new byte[] {1}); // KV txs never conflict
    sql.commit(
        put("seed"),
        s,
        key -> {
          throw new AssertionError("no SQL tx committed since the snapshot");
        });
    assertThat(sql.lastSqlTxId()).isEqualTo(sql.lastTxId());
  }

  @Test
  void aSnapshotOlderThanTheKeptKeysAlwaysConflicts() {
    sql.commit(put("seed"));
    long s = snapshot();
    int perTx = 1024;
    for (int t = 0; t * perTx <= SqlSpace.RECENT_KEYS; t++) {
      String[] keys = new String[perTx];
      for (int i = 0; i < perTx; i++) {
        keys[i] = "bulk." + t + "." + i;
      }
      sql.commit(put(keys));
    }
    assertThatThrownBy(() -> sql.commit(put("unrelated"), s, key -> false))
        .isInstanceOfSatisfying(
            TxConflictException.class, e -> assertThat(e.conflictingTxId()).isZero());
    // a fresh snapshot commits
    sql.commit(put("unrelated"), snapshot(), key -> false);
  }
}
