package io.immudb.sql.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.immudb.core.kv.SqlCatalog;
import io.immudb.core.kv.StoredKeyValue;
import io.immudb.embedded.database.Database;
import io.immudb.embedded.database.SqlView;
import io.immudb.embedded.store.StoreOptions;
import io.immudb.sql.SqlValue;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * DROP INDEX ON t(cols): the index is no longer read or written, its id is never given again (so a
 * new index never sees the old entries), and the table's history stays in the log.
 */
@Timeout(60)
class DropIndexTest {
  @TempDir Path dir;

  private Database open() throws Exception {
    return Database.open(
        "testdb",
        dir.resolve("testdb"),
        StoreOptions.builder()
            .synced(false)
            .firstTx(
                List.of(new StoredKeyValue(SqlCatalog.firstTxKey(), SqlCatalog.firstTxValue())))
            .build());
  }

  private static List<Long> ids(Executor x, String sql) {
    return x.query(sql, Map.of(), 1000).rows().stream().map(r -> r.get(0).asLong()).toList();
  }

  private static String plan(Executor x, String where) {
    TableDef t = x.catalog().table("t");
    Expr w = ((Stmt.Select) SqlParser.parse("SELECT id FROM t WHERE " + where).get(0)).where();
    return RowSource.plan(t, w, new Evaluator(new Scope(t, "t", false), Map.of(), 0));
  }

  @Test
  void aDroppedIndexIsGoneAndItsIdIsNeverReused() throws Exception {
    try (Database db = open()) {
      Executor x = new Executor("testdb", db.sql(), Clock.systemUTC());
      x.exec(
          "CREATE TABLE t (id INTEGER, v INTEGER, PRIMARY KEY id); CREATE INDEX ON t(v);"
              + " INSERT INTO t (id, v) VALUES (1, 5), (2, 6), (3, 5)",
          Map.of());
      assertThat(plan(x, "v = 5")).isEqualTo("index 1");
      x.exec("DROP INDEX ON t(v)", Map.of());
      assertThat(x.catalog().table("t").indexes()).isEmpty();
      assertThat(plan(x, "v = 5")).isEqualTo("scan");
      // rows changed while there is no index: the old entries of index 1 are stale now
      x.exec("UPDATE t SET v = 7 WHERE id = 1; INSERT INTO t (id, v) VALUES (4, 5)", Map.of());
      assertThat(ids(x, "SELECT id FROM t WHERE v = 5")).containsExactly(3L, 4L);
      assertThatThrownBy(() -> x.exec("DROP INDEX ON t(v)", Map.of()))
          .hasMessageContaining("index does not exist");
      x.exec("DROP INDEX IF EXISTS ON t(v)", Map.of());
    }
    try (Database db = open()) {
      // the catalog read back from the log remembers the dropped id
      Executor x = new Executor("testdb", db.sql(), Clock.systemUTC());
      assertThat(x.catalog().table("t").lastIndexId()).isEqualTo(1);
      x.exec("CREATE INDEX ON t(v)", Map.of());
      assertThat(x.catalog().table("t").indexes().get(0).id()).isEqualTo(2);
      assertThat(plan(x, "v = 5")).isEqualTo("index 2");
      assertThat(ids(x, "SELECT id FROM t WHERE v = 5")).containsExactly(3L, 4L);
      assertThat(ids(x, "SELECT id FROM t WHERE v = 7")).containsExactly(1L);
      // every version of the definition is still in the log: created, +index, dropped, +index
      try (SqlView v = db.sql().view()) {
        assertThat(v.history(KeyCodec.tableKey(x.catalog().table("t").id()), 0, 10)).hasSize(4);
      }
      assertThat(
              x.query("SELECT id FROM t WHERE v = @v", Map.of("v", SqlValue.ofInteger(6)), 10)
                  .rows())
          .hasSize(1);
    }
  }
}
