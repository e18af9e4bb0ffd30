package io.immudb.sql.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.immudb.core.ErrorCode;
import io.immudb.core.kv.SqlCatalog;
import io.immudb.core.kv.StoredKeyValue;
import io.immudb.embedded.database.Database;
import io.immudb.embedded.database.SqlView;
import io.immudb.embedded.store.StoreOptions;
import io.immudb.sql.SqlException;
import io.immudb.sql.SqlValue;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commit's conflict check, with a tx committed between a transaction's snapshot and its commit
 * ({@link Executor#prepare}): what it read, the ranges it scanned, the auto-increment id and the
 * unique index entries it relied on; and no false conflict on disjoint rows.
 */
@Timeout(60)
class ConflictCheckTest {
  @TempDir Path dir;
  Database db;
  Executor ex;

  @BeforeEach
  void open() throws Exception {
    StoreOptions options =
        StoreOptions.builder()
            .synced(false)
            .firstTx(
                List.of(new StoredKeyValue(SqlCatalog.firstTxKey(), SqlCatalog.firstTxValue())))
            .build();
    db = Database.open("testdb", dir.resolve("testdb"), options);
    ex = new Executor("testdb", db.sql(), Clock.systemUTC());
    ex.exec(
        "CREATE TABLE c (id INTEGER AUTO_INCREMENT, n INTEGER, email VARCHAR[20], PRIMARY KEY id);"
            + " CREATE UNIQUE INDEX ON c(email);"
            + " INSERT INTO c (n, email) VALUES (0, 'a'), (0, 'b'), (5, 'c')",
        Map.of());
  }

  @AfterEach
  void close() throws Exception {
    db.close();
  }

  /** Prepares {@code mine}, commits {@code theirs}, then commits {@code mine}. */
  private void interleave(String mine, String theirs) {
    WriteTx tx;
    try (SqlView v = db.sql().view()) {
      tx = ex.prepare(v, mine, Map.of());
    }
    ex.exec(theirs, Map.of());
    ex.commitPrepared(tx);
  }

  private void assertConflict(String mine, String theirs) {
    long before = db.sql().lastTxId();
    assertThatThrownBy(() -> interleave(mine, theirs))
        .isInstanceOf(SqlException.class)
        .hasMessage("tx read conflict")
        .satisfies(e -> assertThat(((SqlException) e).code()).isEqualTo(ErrorCode.CONFLICT));
    assertThat(db.sql().lastTxId()).as("only theirs committed").isEqualTo(before + 1);
  }

  private long count(String where) {
    return ex.query("SELECT COUNT(*) FROM c WHERE " + where, Map.of(), 1000)
        .rows()
        .get(0)
        .get(0)
        .asLong();
  }

  @Test
  void aRowReadByAnUpdateAndChangedMeanwhileConflicts() {
    assertConflict("UPDATE c SET n = n + 1 WHERE id = 1", "UPDATE c SET n = 7 WHERE id = 1");
    assertThat(count("n = 7")).isEqualTo(1);
  }

  @Test
  void aRowReadBySelectOnlyConflictsToo() {
    assertConflict(
        "SELECT n FROM c WHERE id = 3; UPDATE c SET n = 1 WHERE id = 1",
        "UPDATE c SET n = 9 WHERE id = 3");
  }

  @Test
  void aRowInsertedIntoAScannedRangeConflicts() {
    assertConflict(
        "UPDATE c SET n = 1 WHERE n = 0", "INSERT INTO c (id, n, email) VALUES (10, 0, 'z')");
    assertThat(count("n = 1")).isZero();
  }

  @Test
  void twoInsertsTakingTheSameAutoIncrementIdConflict() {
    assertConflict(
        "INSERT INTO c (n, email) VALUES (1, 'x')", "INSERT INTO c (n, email) VALUES (1, 'y')");
    assertThat(count("email = 'x'")).isZero();
  }

  @Test
  void aUniqueValueTakenMeanwhileConflicts() {
    assertConflict(
        "INSERT INTO c (id, n, email) VALUES (20, 1, 'u')",
        "INSERT INTO c (id, n, email) VALUES (21, 1, 'u')");
  }

  @Test
  void aPrimaryKeyTakenMeanwhileConflictsInsteadOfOverwriting() {
    assertConflict(
        "INSERT INTO c (id, n, email) VALUES (30, 1, 'p')",
        "INSERT INTO c (id, n, email) VALUES (30, 2, 'q')");
    assertThat(count("id = 30 AND n = 2")).isEqualTo(1);
  }

  @Test
  void disjointRowsDoNotConflict() {
    interleave("UPDATE c SET n = 1 WHERE id = 1", "UPDATE c SET n = 2 WHERE id = 2");
    assertThat(count("n = 1 AND id = 1")).isEqualTo(1);
    assertThat(count("n = 2 AND id = 2")).isEqualTo(1);
  }

  @Test
  void noConflictCheckWithoutAConcurrentCommit() {
    WriteTx tx;
    try (SqlView v = db.sql().view()) {
      tx = ex.prepare(v, "UPDATE c SET n = 3 WHERE n = 0", Map.of("unused", SqlValue.NULL));
    }
    ex.commitPrepared(tx);
    assertThat(count("n = 3")).isEqualTo(2);
  }
}
