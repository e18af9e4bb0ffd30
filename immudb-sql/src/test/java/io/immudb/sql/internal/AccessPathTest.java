package io.immudb.sql.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.immudb.core.kv.SqlCatalog;
import io.immudb.core.kv.StoredKeyValue;
import io.immudb.embedded.database.Database;
import io.immudb.embedded.store.StoreOptions;
import io.immudb.sql.SqlValue;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Key ranges, IN lists and ORDER BY through the primary key or an index, and LIMIT stopping the
 * read early, shown by the number of stored keys a query reads ({@link Executor#keysRead}) in a
 * table of {@value #N} rows: a bounded query reads about what it returns, not the table.
 */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessPathTest {
  static final int N = 3000;
  Database db;
  Executor x;

  @BeforeAll
  void fill(@TempDir Path dir) throws Exception {
    db =
        Database.open(
            "testdb",
            dir.resolve("testdb"),
            StoreOptions.builder()
                .synced(false)
                .firstTx(
                    List.of(new StoredKeyValue(SqlCatalog.firstTxKey(), SqlCatalog.firstTxValue())))
                .build());
    x = new Executor("testdb", db.sql(), Clock.systemUTC());
    x.exec(
        "CREATE TABLE t (id INTEGER, v INTEGER NOT NULL, u VARCHAR[10], w INTEGER,"
            + " PRIMARY KEY id); CREATE INDEX ON t(v); CREATE UNIQUE INDEX ON t(u)",
        Map.of());
    // v = id % 100 (30 rows each), u = 'u' + id, w = N - id
    for (int from = 1; from <= N; from += 300) {
      StringBuilder b = new StringBuilder("INSERT INTO t (id, v, u, w) VALUES ");
      for (int id = from; id < from + 300; id++) {
        b.append(id == from ? "" : ", ")
            .append("(" + id + ", " + id % 100 + ", 'u" + id + "', " + (N - id) + ")");
      }
      x.exec(b.toString(), Map.of());
    }
  }

  @AfterAll
  void close() throws Exception {
    db.close();
  }

  /** The ids the query returns, and how many keys it read. */
  private record Run(List<Long> ids, long keysRead) {}

  private Run run(String sql) {
    long before = x.keysRead();
    List<Long> ids = new ArrayList<>();
    for (List<SqlValue> r : x.query(sql, Map.of(), 1000).rows()) {
      ids.add(r.get(0).asLong());
    }
    return new Run(ids, x.keysRead() - before);
  }

  private String plan(String select) {
    Stmt.Select s = (Stmt.Select) SqlParser.parse(select).get(0);
    TableDef t = x.catalog().table("t");
    return RowSource.plan(t, s.where(), new Evaluator(new Scope(t, "t", false), Map.of(), 0));
  }

  @Test
  void limitStopsTheScanEarly() {
    Run r = run("SELECT id FROM t LIMIT 5");
    assertThat(r.ids()).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(r.keysRead()).isLessThanOrEqualTo(ViewReader.FIRST_PAGE);
    Run d = run("SELECT id FROM t ORDER BY id DESC LIMIT 3 OFFSET 2");
    assertThat(d.ids()).containsExactly(2998L, 2997L, 2996L);
    assertThat(d.keysRead()).isLessThanOrEqualTo(ViewReader.FIRST_PAGE);
  }

  @Test
  void aTooLargeResultFailsAfterReadingOnlyWhatItNeededToTell() {
    long before = x.keysRead();
    assertThatThrownBy(() -> x.query("SELECT id FROM t", Map.of(), 1000))
        .hasMessageContaining("more than 1000 rows");
    // the scan streams in pages: it stopped at row 1001, far from the 3000 rows
    assertThat(x.keysRead() - before).isBetween(1001L, 1001L + ViewReader.PAGE);
  }

  @Test
  void primaryKeyRangesReadOnlyTheirKeys() {
    assertThat(plan("SELECT id FROM t WHERE id > 2990")).isEqualTo("primary key range");
    Run r = run("SELECT id FROM t WHERE id > 2990");
    assertThat(r.ids()).hasSize(10).startsWith(2991L).endsWith(3000L);
    assertThat(r.keysRead()).isLessThanOrEqualTo(ViewReader.FIRST_PAGE);
    Run b = run("SELECT id FROM t WHERE id BETWEEN 100 AND 104 ORDER BY id DESC");
    assertThat(b.ids()).containsExactly(104L, 103L, 102L, 101L, 100L);
    assertThat(b.keysRead()).isEqualTo(5);
    Run lt = run("SELECT id FROM t WHERE id <= 3 AND id >= 2");
    assertThat(lt.ids()).containsExactly(2L, 3L);
    assertThat(lt.keysRead()).isEqualTo(2);
  }

  @Test
  void inListsArePointLookupsInKeyOrder() {
    assertThat(plan("SELECT id FROM t WHERE id IN (2500, 5, 700)")).isEqualTo("primary key in");
    Run r = run("SELECT id FROM t WHERE id IN (2500, 5, 700, 99999)");
    assertThat(r.ids()).containsExactly(5L, 700L, 2500L);
    assertThat(r.keysRead()).isEqualTo(4);
    Run d = run("SELECT id FROM t WHERE id IN (2500, 5, 700) ORDER BY id DESC");
    assertThat(d.ids()).containsExactly(2500L, 700L, 5L);
    Run u = run("SELECT id FROM t WHERE u IN ('u7', 'u8')");
    assertThat(u.ids()).containsExactly(7L, 8L);
    assertThat(u.keysRead()).isEqualTo(4); // an entry and a row each
  }

  @Test
  void pointLookupsAreOneKeyWhateverTheTableSize() {
    Run r = run("SELECT id FROM t WHERE id = 1234");
    assertThat(r.ids()).containsExactly(1234L);
    assertThat(r.keysRead()).isEqualTo(1);
    assertThat(plan("SELECT id FROM t WHERE u = 'u1234'")).isEqualTo("index 2");
    Run u = run("SELECT id FROM t WHERE u = 'u1234'");
    assertThat(u.ids()).containsExactly(1234L);
    assertThat(u.keysRead()).isEqualTo(2);
  }

  @Test
  void secondaryIndexRangesReadOnlyMatchingEntries() {
    assertThat(plan("SELECT id FROM t WHERE v BETWEEN 98 AND 99")).isEqualTo("index 1 range");
    Run r = run("SELECT id FROM t WHERE v BETWEEN 98 AND 99");
    assertThat(r.ids()).hasSize(60);
    // read in index order (v, then the primary key), answered in primary-key order (spec v1 §11)
    assertThat(r.ids().subList(0, 3)).containsExactly(98L, 99L, 198L);
    assertThat(r.keysRead()).isLessThanOrEqualTo(60 * 2 + ViewReader.FIRST_PAGE);
    Run gt = run("SELECT id FROM t WHERE v > 98 AND id < 500");
    assertThat(gt.ids()).containsExactly(99L, 199L, 299L, 399L, 499L);
  }

  @Test
  void orderByAnIndexUsesItsOrderAndStopsAtTheLimit() {
    Run asc = run("SELECT id FROM t ORDER BY v, id LIMIT 3");
    assertThat(asc.ids()).containsExactly(100L, 200L, 300L);
    assertThat(asc.keysRead()).isLessThanOrEqualTo(ViewReader.FIRST_PAGE * 2);
    Run desc = run("SELECT id FROM t ORDER BY v DESC LIMIT 2");
    assertThat(desc.ids()).containsExactly(2999L, 2899L);
    assertThat(desc.keysRead()).isLessThanOrEqualTo(ViewReader.FIRST_PAGE * 2);
    Run u = run("SELECT id FROM t WHERE u > 'u2' ORDER BY u LIMIT 2");
    assertThat(u.ids()).containsExactly(20L, 200L);
    // a column without an index is sorted in memory: every row is read
    Run w = run("SELECT id FROM t ORDER BY w LIMIT 2");
    assertThat(w.ids()).containsExactly(3000L, 2999L);
    assertThat(w.keysRead()).isGreaterThanOrEqualTo(N);
  }
}
