package io.immudb.sql.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.immudb.core.kv.SqlCatalog;
import io.immudb.core.kv.StoredKeyValue;
import io.immudb.embedded.database.Database;
import io.immudb.embedded.store.StoreOptions;
import io.immudb.sql.SqlValue;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Queries that fix an indexed column read through the index, with the same answers as a scan. */
@Timeout(60)
class IndexLookupTest {
  @TempDir Path dir;

  private static List<List<SqlValue>> rows(Executor x, String sql) {
    return x.query(sql, Map.of(), 1000).rows();
  }

  private static SqlValue i(long v) {
    return SqlValue.ofInteger(v);
  }

  @Test
  void equalityOnIndexedColumnsUsesTheIndexAndAgreesWithAScan() throws Exception {
    try (Database db =
        Database.open(
            "testdb",
            dir.resolve("testdb"),
            StoreOptions.builder()
                .synced(false)
                .firstTx(
                    List.of(new StoredKeyValue(SqlCatalog.firstTxKey(), SqlCatalog.firstTxValue())))
                .build())) {
      Executor x = new Executor("testdb", db.sql(), Clock.systemUTC());
      x.exec(
          "CREATE TABLE t (id INTEGER, v INTEGER, s VARCHAR, PRIMARY KEY id);"
              + "CREATE INDEX ON t(v); CREATE UNIQUE INDEX ON t(s);"
              + "INSERT INTO t (id, v, s) VALUES (1, 5, 'a'), (2, 7, 'b'), (3, 5, 'c'), (4, 5, NULL)",
          Map.of());
      TableDef t = x.catalog().table("t");
      Evaluator ev = new Evaluator(new Scope(t, "t", false), Map.of(), 0);
      Expr byV = SqlParserWhere.where("SELECT id FROM t WHERE v = 5 AND id > 1");
      Expr byS = SqlParserWhere.where("SELECT id FROM t WHERE s = 'c'");
      Expr byId = SqlParserWhere.where("SELECT id FROM t WHERE id = 3 AND v = 5");
      Expr byOr = SqlParserWhere.where("SELECT id FROM t WHERE v = 5 OR id = 2");
      assertThat(RowSource.plan(t, byV, ev)).isEqualTo("index 1");
      assertThat(RowSource.plan(t, byS, ev)).isEqualTo("index 2");
      assertThat(RowSource.plan(t, byId, ev)).isEqualTo("primary key");
      assertThat(RowSource.plan(t, byOr, ev)).isEqualTo("scan");

      assertThat(rows(x, "SELECT id FROM t WHERE v = 5 AND id > 1"))
          .containsExactly(List.of(i(3)), List.of(i(4)));
      assertThat(rows(x, "SELECT id FROM t WHERE v = 5 ORDER BY id DESC"))
          .containsExactly(List.of(i(4)), List.of(i(3)), List.of(i(1)));
      assertThat(rows(x, "SELECT id FROM t WHERE s = 'c'")).containsExactly(List.of(i(3)));
      long before = db.lastTxId();
      x.exec("UPDATE t SET v = 9, s = 'z' WHERE id = 3; DELETE FROM t WHERE id = 1", Map.of());
      assertThat(rows(x, "SELECT id FROM t WHERE v = 5")).containsExactly(List.of(i(4)));
      assertThat(rows(x, "SELECT id FROM t WHERE v = 9")).containsExactly(List.of(i(3)));
      assertThat(rows(x, "SELECT id FROM t WHERE s = 'c'")).isEmpty();
      assertThat(rows(x, "SELECT id FROM t WHERE s = 'z'")).containsExactly(List.of(i(3)));
      assertThat(rows(x, "SELECT id FROM t UNTIL TX " + before + " WHERE v = 5"))
          .containsExactly(List.of(i(1)), List.of(i(3)), List.of(i(4)));
      assertThat(rows(x, "SELECT id FROM t UNTIL TX " + before + " WHERE s = 'c'"))
          .containsExactly(List.of(i(3)));
      // inside a transaction, the lookup sees the transaction's own writes
      x.exec(
          "BEGIN; INSERT INTO t (id, v, s) VALUES (8, 5, 'q'); DELETE FROM t WHERE v = 5;"
              + " COMMIT",
          Map.of());
      assertThat(rows(x, "SELECT id FROM t")).containsExactly(List.of(i(2)), List.of(i(3)));
    }
  }

  /** The WHERE of a SELECT, as parsed. */
  private static final class SqlParserWhere {
    static Expr where(String select) {
      return ((Stmt.Select) SqlParser.parse(select).get(0)).where();
    }
  }
}
