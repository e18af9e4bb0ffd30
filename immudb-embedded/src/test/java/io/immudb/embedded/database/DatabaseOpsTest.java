package io.immudb.embedded.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.immudb.core.kv.ExportedTx;
import io.immudb.core.kv.KeyValue;
import io.immudb.core.kv.StoredKeys;
import io.immudb.core.kv.StoredValues;
import io.immudb.core.tx.TxHeader;
import io.immudb.embedded.TxNotFoundException;
import io.immudb.embedded.store.StoreOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link Database} offers besides the data model: limits, tx ids, export and replay, checks.
 */
class DatabaseOpsTest {
  @TempDir Path dir;

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static StoreOptions options(int maxKeyLen) {
    return StoreOptions.builder().synced(false).maxKeyLen(maxKeyLen).build();
  }

  @Test
  void theLimitsAreThoseOfTheDatabasesCreation() throws IOException {
    Path d = dir.resolve("files");
    try (Database db = Database.open("named", d, options(100))) {
      assertThat(db.name()).isEqualTo("named");
      assertThat(db.dir()).isEqualTo(d);
      assertThat(db.limits()).isEqualTo(new Limits(1024, 100, 32 << 20));
    }
    try (Database db = Database.open(d, options(200))) {
      assertThat(db.name()).isEqualTo("files");
      assertThat(db.limits().maxKeyLen()).isEqualTo(100);
    }
  }

  @Test
  void txIdsAndTheIndexFollowTheWrites() throws IOException {
    try (Database db = Database.open(dir, options(1024))) {
      assertThat(db.lastTxId()).isZero();
      TxHeader h = db.setAll(List.of(KeyValue.of("a", "1")), true);
      db.set(b("b"), b("2"));
      assertThat(db.lastTxId()).isEqualTo(h.id() + 1);
      db.awaitIndexed(db.lastTxId(), Duration.ofSeconds(30));
      assertThat(db.indexedTxId()).isEqualTo(db.lastTxId());
      db.flushIndex();
      assertThat(db.countAll()).isEqualTo(2);
    }
  }

  @Test
  void anExportReplayedIntoAnotherDatabaseReproducesItsState() throws IOException {
    try (Database src = Database.open(dir.resolve("src"), options(1024));
        Database dst = Database.open(dir.resolve("dst"), options(1024))) {
      src.set(b("a"), b("1"));
      src.setReference(b("r"), b("a"), 0, false, false);
      src.zAdd(b("set"), 1.5, b("a"), 0, false, false);
      ExportedTx first = src.export(1);
      assertThat(first.entries()).hasSize(1);
      assertThat(first.entries().get(0).key()).isEqualTo(StoredKeys.plain(b("a")));
      assertThat(first.entries().get(0).value()).isEqualTo(StoredValues.plain(b("1")));
      for (long id = 1; id <= src.lastTxId(); id++) {
        assertThat(dst.replicateAsync(src.export(id)).join()).isEqualTo(src.export(id).header());
      }
      assertThat(dst.currentState().txHash()).isEqualTo(src.currentState().txHash());
      dst.awaitIndexed(dst.lastTxId(), Duration.ofSeconds(30));
      assertThat(dst.get(b("r")).value()).isEqualTo(b("1"));
      assertThatThrownBy(() -> src.export(src.lastTxId() + 1))
          .isInstanceOf(TxNotFoundException.class);
    }
  }

  @Test
  void eachTxVerifiesOnItsOwnAndInSequence() throws IOException {
    try (Database db = Database.open(dir, options(1024))) {
      for (int i = 0; i < 5; i++) {
        db.set(b("k" + i), b("v" + i));
      }
      for (long id = 1; id <= db.lastTxId(); id++) {
        assertThat(db.verifyTxInSequence(id)).isPositive();
        assertThat(db.verifyTx(id)).isPositive();
      }
      assertThat(db.verify().ok()).isTrue();
      assertThat(db.isReadOnly()).isFalse();
    }
  }
}
