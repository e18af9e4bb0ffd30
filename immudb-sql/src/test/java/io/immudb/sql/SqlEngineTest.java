package io.immudb.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.immudb.core.ErrorCode;
import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.crypto.Sha256Hasher;
import io.immudb.core.kv.SqlCatalog;
import io.immudb.core.kv.StoredKeyValue;
import io.immudb.core.proof.DualProofVerifier;
import io.immudb.core.tx.HTree;
import io.immudb.core.tx.Tx;
import io.immudb.core.tx.TxEntry;
import io.immudb.embedded.database.Database;
import io.immudb.embedded.database.ScanRequest;
import io.immudb.embedded.database.VerifiableSqlEntry;
import io.immudb.embedded.store.StoreOptions;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class SqlEngineTest {
  @TempDir Path dir;
  Database db;
  SqlEngine sql;

  @BeforeEach
  void open() throws Exception {
    db = open(dir);
    sql = SqlEngine.open(db);
  }

  static Database open(Path dir) throws Exception {
    StoreOptions options =
        StoreOptions.builder()
            .synced(false)
            .firstTx(
                List.of(new StoredKeyValue(SqlCatalog.firstTxKey(), SqlCatalog.firstTxValue())))
            .build();
    return Database.open("testdb", dir.resolve("testdb"), options);
  }

  @AfterEach
  void close() throws Exception {
    db.close();
  }

  private ExecResult exec(String s, Object... kv) {
    return sql.exec(s, params(kv));
  }

  private List<List<Object>> rows(String s, Object... kv) {
    QueryResult r = sql.query(s, params(kv));
    List<List<Object>> out = new ArrayList<>();
    for (List<SqlValue> row : r.rows()) {
      List<Object> o = new ArrayList<>();
      for (SqlValue v : row) {
        o.add(
            v.isNull()
                ? null
                : switch (v.type()) {
                  case INTEGER, TIMESTAMP -> v.asLong();
                  case VARCHAR -> v.asString();
                  case BOOLEAN -> v.asBoolean();
                  case BLOB -> List.of(v.asBytes().length);
                });
      }
      out.add(o);
    }
    return out;
  }

  static Map<String, SqlValue> params(Object... kv) {
    java.util.HashMap<String, SqlValue> m = new java.util.HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      Object v = kv[i + 1];
      m.put(
          (String) kv[i],
          v == null
              ? SqlValue.NULL
              : v instanceof Integer n
                  ? SqlValue.ofInteger(n)
                  : v instanceof Long n
                      ? SqlValue.ofInteger(n)
                      : v instanceof Boolean b
                          ? SqlValue.ofBoolean(b)
                          : SqlValue.ofVarchar((String) v));
    }
    return m;
  }

  @Test
  void nodeSdkFlow() {
    ExecResult c = exec("create table t1 (id integer, name varchar, primary key id)");
    assertThat(c.ctxs()).hasSize(1);
    assertThat(c.dtxs()).isEmpty();
    assertThat(c.ctxs().get(0).id()).isEqualTo(2); // tx 1 is the catalog entry of spec §10
    for (Object[] p : new Object[][] {{1, "Joe"}, {2, "Joe"}, {3, "Adam"}}) {
      ExecResult r =
          exec("insert into t1 (id, name) values (@id, @name)", "id", p[0], "name", p[1]);
      assertThat(r.dtxs()).hasSize(1);
      assertThat(r.updatedRows()).isEqualTo(1);
    }
    QueryResult q = sql.query("select id,name from t1 where name=@name", params("name", "Joe"));
    assertThat(q.columns())
        .containsExactly(
            new ResultColumn("(testdb.t1.id)", "INTEGER"),
            new ResultColumn("(testdb.t1.name)", "VARCHAR"));
    assertThat(rows("select id,name from t1 where name=@name", "name", "Joe"))
        .containsExactly(List.of(1L, "Joe"), List.of(2L, "Joe"));
    assertThat(sql.listTables()).containsExactly("t1");
    assertThat(sql.describeTable("t1"))
        .containsExactly(
            new ColumnDescription("id", "INTEGER", true, "PRIMARY KEY", false, true),
            new ColumnDescription("name", "VARCHAR", true, "NO", false, false));
  }

  @Test
  void immudbDialectAndAutoIncrement() {
    exec(
        "CREATE TABLE t (id INTEGER AUTO_INCREMENT, name VARCHAR[50] NOT NULL, ok BOOLEAN,"
            + " data BLOB[4], ts TIMESTAMP, PRIMARY KEY id)");
    ExecResult r =
        exec(
            "INSERT INTO t (name, ok, data, ts) VALUES ('a', true, x'0102', '2024-01-02 03:04:05'),"
                + " ('b', false, NULL, NULL)");
    assertThat(r.updatedRows()).isEqualTo(2);
    assertThat(r.lastInsertedPks()).containsEntry("t", 2L);
    assertThat(rows("SELECT id, name, ok, ts FROM t ORDER BY id DESC"))
        .containsExactly(
            java.util.Arrays.asList(2L, "b", false, null),
            List.of(1L, "a", true, 1704164645000000L));
    assertThat(sql.describeTable("t").get(1))
        .isEqualTo(new ColumnDescription("name", "VARCHAR[50]", false, "NO", false, false));
    assertThat(sql.describeTable("t").get(0).autoIncrement()).isTrue();
    exec("DELETE FROM t WHERE id = 2");
    assertThat(exec("INSERT INTO t (name) VALUES ('c')").lastInsertedPks()).containsEntry("t", 3L);
  }

  @Test
  void compositePrimaryKeyInPkOrder() {
    exec("CREATE TABLE p (a VARCHAR, b INTEGER, v INTEGER, PRIMARY KEY (a, b))");
    exec("INSERT INTO p (a, b, v) VALUES ('y', 1, 1), ('x', 2, 2), ('x', -5, 3), ('xa', 0, 4)");
    assertThat(rows("SELECT a, b FROM p"))
        .containsExactly(List.of("x", -5L), List.of("x", 2L), List.of("xa", 0L), List.of("y", 1L));
    assertThat(rows("SELECT v FROM p WHERE a = 'x' AND b = 2")).containsExactly(List.of(2L));
  }

  @Test
  void insertDuplicateUpsertUpdateDelete() {
    exec("CREATE TABLE t (id INTEGER, n INTEGER, PRIMARY KEY id)");
    exec("INSERT INTO t (id, n) VALUES (1, 10), (2, 20)");
    long before = db.lastTxId();
    assertThatThrownBy(() -> exec("INSERT INTO t (id, n) VALUES (3, 30), (1, 11)"))
        .isInstanceOf(SqlException.class)
        .hasMessageContaining("duplicate primary key");
    assertThat(db.lastTxId()).isEqualTo(before); // nothing written
    exec("UPSERT INTO t (id, n) VALUES (1, 11), (3, 30)");
    assertThat(exec("UPDATE t SET n = n + 1 WHERE n > 15").updatedRows()).isEqualTo(2);
    assertThat(rows("SELECT id, n FROM t"))
        .containsExactly(List.of(1L, 11L), List.of(2L, 21L), List.of(3L, 31L));
    assertThat(exec("DELETE FROM t WHERE id IN (1, 3)").updatedRows()).isEqualTo(2);
    assertThat(rows("SELECT id FROM t")).containsExactly(List.of(2L));
    assertThatThrownBy(() -> exec("UPDATE t SET id = 5"))
        .hasMessageContaining("primary key column t.id cannot be updated");
  }

  @Test
  void whereOperatorsOrderLimitAggregates() {
    exec("CREATE TABLE t (id INTEGER, name VARCHAR, age INTEGER, PRIMARY KEY id)");
    exec(
        "INSERT INTO t (id, name, age) VALUES (1, 'ann', 30), (2, 'bob', 20), (3, 'abe', NULL),"
            + " (4, 'cid', 40), (5, 'al', 20)");
    assertThat(rows("SELECT id FROM t WHERE name LIKE 'a%' AND NOT age IS NULL"))
        .containsExactly(List.of(1L), List.of(5L));
    assertThat(rows("SELECT id FROM t WHERE age IS NULL OR age BETWEEN 25 AND 35"))
        .containsExactly(List.of(1L), List.of(3L));
    assertThat(rows("SELECT id FROM t WHERE age < 30 ORDER BY name DESC LIMIT 1"))
        .containsExactly(List.of(2L));
    assertThat(rows("SELECT id FROM t ORDER BY age, id DESC LIMIT 2 OFFSET 1"))
        .containsExactly(List.of(2L), List.of(1L));
    assertThat(rows("SELECT COUNT(*), SUM(age), MIN(age), MAX(name), AVG(age) FROM t"))
        .containsExactly(List.of(5L, 110L, 20L, "cid", 27L));
    assertThat(rows("SELECT age, COUNT(*) AS c FROM t GROUP BY age HAVING COUNT(*) > 1"))
        .containsExactly(List.of(20L, 2L));
    assertThat(sql.query("SELECT COUNT(*) FROM t", Map.of()).columns().get(0).name())
        .isEqualTo("COUNT(testdb.t.*)");
    assertThat(rows("SELECT COUNT(*) FROM t WHERE id > 100")).containsExactly(List.of(0L));
    assertThat(rows("SELECT DISTINCT age FROM t WHERE age = 20")).containsExactly(List.of(20L));
  }

  @Test
  void beginCommitIsOneTxAndFailureWritesNothing() {
    ExecResult r =
        exec(
            "BEGIN; CREATE TABLE t (id INTEGER, PRIMARY KEY id); INSERT INTO t (id) VALUES (1);"
                + " INSERT INTO t (id) VALUES (2); COMMIT;");
    assertThat(r.dtxs()).hasSize(1);
    assertThat(r.ctxs()).isEmpty();
    Tx tx = db.txById(r.dtxs().get(0).id());
    assertThat(tx.entries()).hasSize(3);
    long last = db.lastTxId();
    assertThatThrownBy(
            () ->
                exec("BEGIN; INSERT INTO t (id) VALUES (3); INSERT INTO t (id) VALUES (1); COMMIT"))
        .hasMessageContaining("duplicate primary key");
    assertThat(db.lastTxId()).isEqualTo(last);
    assertThat(rows("SELECT id FROM t")).containsExactly(List.of(1L), List.of(2L));
  }

  @Test
  void timeTravelAndHistory() {
    exec("CREATE TABLE t (id INTEGER, v VARCHAR, PRIMARY KEY id)");
    long t1 = exec("INSERT INTO t (id, v) VALUES (1, 'a')").dtxs().get(0).id();
    long t2 = exec("UPDATE t SET v = 'b' WHERE id = 1").dtxs().get(0).id();
    long t3 = exec("INSERT INTO t (id, v) VALUES (2, 'c')").dtxs().get(0).id();
    exec("DELETE FROM t WHERE id = 1");
    assertThat(rows("SELECT id, v FROM t")).containsExactly(List.of(2L, "c"));
    assertThat(rows("SELECT id, v FROM t BEFORE TX @tx", "tx", t2))
        .containsExactly(List.of(1L, "a"));
    assertThat(rows("SELECT id, v FROM t UNTIL TX " + t3))
        .containsExactly(List.of(1L, "b"), List.of(2L, "c"));
    assertThat(rows("SELECT id, v FROM t SINCE TX " + t3 + " UNTIL TX " + t3))
        .containsExactly(List.of(2L, "c"));
    assertThat(rows("SELECT id, v FROM t BEFORE TX 1")).isEmpty();
    assertThat(rows("SELECT _tx, v FROM (HISTORY OF t) WHERE id = 1"))
        .containsExactly(List.of(t1, "a"), List.of(t2, "b"));
  }

  @Test
  void timeTravelReadsTheTableDefinitionOfThatTx() {
    exec("CREATE TABLE t (id INTEGER, a INTEGER, PRIMARY KEY id)");
    long t1 = exec("INSERT INTO t (id, a) VALUES (1, 5)").dtxs().get(0).id();
    exec("ALTER TABLE t ADD COLUMN b VARCHAR; CREATE INDEX ON t(a)");
    exec("INSERT INTO t (id, a, b) VALUES (2, 5, 'x')");
    assertThat(sql.query("SELECT * FROM t UNTIL TX " + t1, Map.of()).columns())
        .extracting(ResultColumn::name)
        .containsExactly("(testdb.t.id)", "(testdb.t.a)");
    assertThatThrownBy(() -> rows("SELECT b FROM t UNTIL TX " + t1)).hasMessageContaining("b");
    // the index created later has no entries as of t1: the lookup must not go through it
    assertThat(rows("SELECT id FROM t UNTIL TX " + t1 + " WHERE a = 5"))
        .containsExactly(List.of(1L));
    assertThat(rows("SELECT id, b FROM t WHERE a = 5"))
        .containsExactly(Arrays.asList(1L, null), List.of(2L, "x"));
  }

  @Test
  void sqlEntriesAreInvisibleToKeyValueReads() {
    exec("CREATE TABLE t (id INTEGER, PRIMARY KEY id)");
    exec("INSERT INTO t (id) VALUES (1)");
    db.set("k".getBytes(), "v".getBytes());
    assertThat(db.scan(ScanRequest.builder().build())).hasSize(1);
    assertThat(db.countAll()).isEqualTo(1);
  }

  @Test
  void verifiableGetProvesTheRowEntry() throws Exception {
    exec("CREATE TABLE t (id INTEGER, v VARCHAR, PRIMARY KEY id)");
    long tx = exec("INSERT INTO t (id, v) VALUES (7, 'x')").dtxs().get(0).id();
    VerifiableSqlEntry e = sql.verifiableGet("t", List.of(SqlValue.ofInteger(7)), 0, 1);
    assertThat(e.entry().txId()).isEqualTo(tx);
    Tx proven = e.verifiableTx().tx();
    assertThat(proven.header().id()).isEqualTo(tx);
    assertThat(proven.entries().get(e.inclusionProof().leaf()).key()).isEqualTo(e.entry().key());
    // what a client checks (spec v1 §7.4): the entry in its tx, the tx against its trusted state
    byte[] value = e.entry().value();
    Sha256Digest hValue = Sha256Digest.of(MessageDigest.getInstance("SHA-256").digest(value));
    Sha256Digest digest =
        new TxEntry(e.entry().key(), hValue, value.length).digest(Sha256Hasher.create());
    HTree.verifyInclusion(e.inclusionProof(), digest, proven.header().eh());
    DualProofVerifier.verify(
        e.verifiableTx().dualProof(), 1, tx, db.txById(1).header().alh(), proven.header().alh());
    assertThatThrownBy(() -> sql.verifiableGet("t", List.of(SqlValue.ofInteger(8)), 0, 1))
        .isInstanceOf(io.immudb.embedded.KeyNotFoundException.class);
  }

  @Test
  void catalogSurvivesReopen() throws Exception {
    exec("CREATE TABLE t (id INTEGER, v VARCHAR, PRIMARY KEY id)");
    exec("CREATE UNIQUE INDEX ON t(v)");
    exec("INSERT INTO t (id, v) VALUES (1, 'x')");
    db.close();
    db = open(dir);
    sql = SqlEngine.open(db);
    assertThat(rows("SELECT v FROM t")).containsExactly(List.of("x"));
    assertThat(sql.describeTable("t").get(1).unique()).isTrue();
    assertThatThrownBy(() -> exec("INSERT INTO t (id, v) VALUES (2, 'x')"))
        .hasMessageContaining("duplicate value in unique index");
    exec("UPDATE t SET v = 'y' WHERE id = 1");
    exec("INSERT INTO t (id, v) VALUES (2, 'x')");
  }

  @Test
  void createIndexOnTableWithRows() {
    exec("CREATE TABLE t (id INTEGER, v INTEGER, PRIMARY KEY id)");
    exec("INSERT INTO t (id, v) VALUES (1, 5), (2, 5)");
    assertThatThrownBy(() -> exec("CREATE UNIQUE INDEX ON t(v)"))
        .hasMessageContaining("duplicate value in unique index");
    exec("CREATE INDEX ON t(v)");
    assertThat(sql.describeTable("t").get(1).index()).isEqualTo("YES");
  }

  @Test
  void clearErrors() {
    exec("CREATE TABLE t (id INTEGER, s VARCHAR[3] NOT NULL, PRIMARY KEY id)");
    assertThatThrownBy(() -> exec("SELEC id FROM t"))
        .isInstanceOf(SqlException.class)
        .hasMessageContaining("syntax error at line 1, column 1");
    assertThatThrownBy(() -> sql.query("SELECT id FROM nope", Map.of()))
        .hasMessage("table does not exist")
        .satisfies(e -> assertThat(((SqlException) e).code()).isEqualTo(ErrorCode.NOT_FOUND));
    assertThatThrownBy(() -> sql.query("SELECT nope FROM t", Map.of()))
        .hasMessageContaining("column does not exist: t.nope");
    assertThatThrownBy(() -> sql.query("SELECT id FROM t ORDER BY nope", Map.of()))
        .hasMessageContaining("column does not exist: t.nope");
    assertThatThrownBy(() -> sql.query("SELECT COUNT(*) FROM t GROUP BY nope", Map.of()))
        .hasMessageContaining("column does not exist: t.nope");
    assertThatThrownBy(() -> sql.query("SELECT x.id FROM t", Map.of()))
        .hasMessageContaining("table x is not in the FROM clause");
    assertThatThrownBy(() -> exec("INSERT INTO t (id, s) VALUES ('a', 'b')"))
        .hasMessageContaining("type mismatch: column t.id is INTEGER, got VARCHAR");
    assertThatThrownBy(() -> exec("INSERT INTO t (id) VALUES (1)"))
        .hasMessageContaining("column t.s cannot be NULL");
    assertThatThrownBy(() -> exec("INSERT INTO t (id, s) VALUES (1, 'abcd')"))
        .hasMessageContaining("value too long for column t.s VARCHAR[3]");
    assertThatThrownBy(() -> exec("INSERT INTO t (id, s) VALUES (@id, 'a')"))
        .hasMessageContaining("missing parameter @id");
    assertThatThrownBy(() -> exec("CREATE DATABASE x"))
        .hasMessage("SQL statement not supported. Please use `CreateDatabase` operation instead");
    assertThatThrownBy(() -> exec("USE DATABASE x"))
        .hasMessage("SQL statement not supported. Please use `UseDatabase` operation instead");
    assertThatThrownBy(() -> sql.query("SELECT id FROM t WHERE id = 'x'", Map.of()))
        .hasMessageContaining("type mismatch");
    assertThatThrownBy(() -> exec("BEGIN; INSERT INTO t (id, s) VALUES (1, 'a')"))
        .hasMessageContaining("BEGIN without COMMIT");
    assertThat(rows("SELECT id FROM t")).isEmpty();
  }

  @Test
  void concurrentWritersLoseNothing() throws Exception {
    exec("CREATE TABLE c (id INTEGER AUTO_INCREMENT, v INTEGER, PRIMARY KEY id)");
    exec("INSERT INTO c (v) VALUES (0)");
    int threads = 4;
    int each = 25;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      List<java.util.concurrent.Future<?>> fs = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        fs.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < each; i++) {
                    retryOnConflict(() -> exec("UPDATE c SET v = v + 1 WHERE id = 1"));
                    retryOnConflict(() -> exec("INSERT INTO c (v) VALUES (-1)"));
                  }
                }));
      }
      for (var f : fs) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(rows("SELECT v FROM c WHERE id = 1"))
        .containsExactly(List.of((long) threads * each));
    assertThat(rows("SELECT COUNT(*), MAX(id) FROM c WHERE v = -1"))
        .containsExactly(List.of((long) threads * each, threads * each + 1L));
  }

  /** Runs {@code r} until it commits: a conflict writes nothing, so a retry is always safe. */
  private static void retryOnConflict(Runnable r) {
    while (true) {
      try {
        r.run();
        return;
      } catch (SqlException e) {
        if (e.code() != ErrorCode.CONFLICT) {
          throw e;
        }
      }
    }
  }

  @Test
  void scansPageThroughLargeTablesInBothDirections() {
    exec("CREATE TABLE big (id INTEGER, v VARCHAR, PRIMARY KEY id)");
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 700; i++) {
      if (i % 200 == 0) {
        if (b.length() > 0) {
          exec(b.toString());
        }
        b = new StringBuilder("INSERT INTO big (id, v) VALUES ");
      } else {
        b.append(", ");
      }
      b.append("(").append(i * 3 - 1000).append(", 'v").append(i).append("')");
    }
    exec(b.toString());
    exec("DELETE FROM big WHERE id < -900");
    List<List<Object>> asc = rows("SELECT id FROM big WHERE id < 1000 ORDER BY id");
    List<List<Object>> desc = rows("SELECT id FROM big WHERE id < 1000 ORDER BY id DESC");
    assertThat(asc).hasSize(633);
    assertThat(asc.get(0)).containsExactly(-898L);
    assertThat(asc.get(632)).containsExactly(998L);
    List<List<Object>> reversed = new ArrayList<>(desc);
    java.util.Collections.reverse(reversed);
    assertThat(reversed).isEqualTo(asc);
    assertThat(rows("SELECT COUNT(*) FROM big")).containsExactly(List.of(666L));
    assertThat(rows("SELECT id FROM big ORDER BY id DESC LIMIT 2 OFFSET 1"))
        .containsExactly(List.of(1094L), List.of(1091L));
    StringBuilder more = new StringBuilder("INSERT INTO big (id) VALUES (2000)");
    for (int i = 2001; i < 2400; i++) {
      more.append(", (").append(i).append(")");
    }
    exec(more.toString());
    assertThat(rows("SELECT COUNT(*) FROM big")).containsExactly(List.of(1066L));
    assertThatThrownBy(() -> rows("SELECT id FROM big"))
        .hasMessageContaining("more than 1000 rows");
    assertThat(rows("SELECT id FROM big LIMIT 1000")).hasSize(1000);
  }

  @Test
  void alterTableAddsAndRenamesWithoutRewritingRows() throws Exception {
    exec("CREATE TABLE a (id INTEGER, v VARCHAR, PRIMARY KEY id)");
    exec("INSERT INTO a (id, v) VALUES (1, 'x')");
    long rowTx = db.lastTxId();
    ExecResult r =
        exec(
            "ALTER TABLE a ADD COLUMN n INTEGER; ALTER TABLE a RENAME COLUMN v TO w;"
                + " ALTER TABLE a RENAME TO b");
    assertThat(r.ctxs()).hasSize(3);
    assertThat(db.txById(r.ctxs().get(2).id()).entries()).hasSize(1); // the definition only
    exec("INSERT INTO b (id, w, n) VALUES (2, 'y', 7)");
    assertThat(rows("SELECT id, w, n FROM b"))
        .containsExactly(java.util.Arrays.asList(1L, "x", null), List.of(2L, "y", 7L));
    assertThat(sql.listTables()).containsExactly("b");
    assertThatThrownBy(() -> rows("SELECT id FROM a")).hasMessage("table does not exist");
    assertThat(sql.verifiableGet("b", List.of(SqlValue.ofInteger(1)), 0, 0).entry().txId())
        .isEqualTo(rowTx);
    assertThatThrownBy(() -> exec("ALTER TABLE b ADD COLUMN m INTEGER NOT NULL"))
        .hasMessageContaining("can't be NOT NULL");
    assertThatThrownBy(() -> exec("ALTER TABLE b RENAME COLUMN w TO id"))
        .hasMessageContaining("column already exists: b.id");
    db.close();
    db = open(dir);
    sql = SqlEngine.open(db);
    assertThat(sql.describeTable("b"))
        .extracting(ColumnDescription::name)
        .containsExactly("id", "w", "n");
  }

  @Test
  void dropTableKeepsHistoryAndNeverReusesTheId() throws Exception {
    exec("CREATE TABLE d (id INTEGER, PRIMARY KEY id); INSERT INTO d (id) VALUES (1)");
    exec("DROP TABLE d");
    assertThat(sql.listTables()).isEmpty();
    assertThatThrownBy(() -> rows("SELECT id FROM d")).hasMessage("table does not exist");
    exec("DROP TABLE IF EXISTS d");
    assertThatThrownBy(() -> exec("DROP TABLE d")).hasMessage("table does not exist");
    exec("CREATE TABLE d (id INTEGER, PRIMARY KEY id)");
    assertThat(rows("SELECT id FROM d")).isEmpty(); // a new table: the old rows are not its own
    assertThat(sql.tableInfo("d").id()).isEqualTo(2);
    db.close();
    db = open(dir);
    sql = SqlEngine.open(db);
    assertThat(sql.tableInfo("d").id()).isEqualTo(2);
    exec("DROP TABLE d");
    db.close();
    db = open(dir);
    sql = SqlEngine.open(db);
    exec("CREATE TABLE e (id INTEGER, PRIMARY KEY id)");
    assertThat(sql.tableInfo("e").id()).isEqualTo(3);
  }
}
