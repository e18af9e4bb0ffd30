package io.immudb.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.immudb.core.ErrorCode;
import io.immudb.embedded.database.Database;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SqlEngine#tryExecAsync}: a lone INSERT or UPSERT runs without blocking and answers as
 * {@link SqlEngine#exec} would; every other script is left to {@code exec}.
 */
@Timeout(120)
class SqlAsyncInsertTest {
  @TempDir Path dir;
  Database db;
  SqlEngine sql;

  @BeforeEach
  void open() throws Exception {
    db = SqlEngineTest.open(dir);
    sql = SqlEngine.open(db);
    sql.exec("CREATE TABLE t (id INTEGER, v VARCHAR[8], PRIMARY KEY id)", Map.of());
    sql.exec("CREATE TABLE a (id INTEGER AUTO_INCREMENT, v VARCHAR[8], PRIMARY KEY id)", Map.of());
  }

  @AfterEach
  void close() throws Exception {
    db.close();
  }

  private static Map<String, SqlValue> p(long id, String v) {
    return Map.of("id", SqlValue.ofInteger(id), "v", SqlValue.ofVarchar(v));
  }

  @Test
  void aLoneInsertCommitsOneTxAndIsVisibleOnceAnswered() {
    long before = db.sql().lastTxId();
    ExecResult r = sql.tryExecAsync("INSERT INTO t (id, v) VALUES (@id, @v)", p(7, "seven")).join();
    assertThat(r.ctxs()).isEmpty();
    assertThat(r.dtxs()).hasSize(1);
    assertThat(r.dtxs().get(0).id()).isEqualTo(before + 1);
    assertThat(r.updatedRows()).isEqualTo(1);
    QueryResult q = sql.query("SELECT v FROM t WHERE id = 7", Map.of());
    assertThat(q.rows()).hasSize(1);
    assertThat(q.rows().get(0).get(0).asString()).isEqualTo("seven");
  }

  @Test
  void answersAsExecDoes() {
    ExecResult async = sql.tryExecAsync("INSERT INTO a (v) VALUES ('x'), ('y')", Map.of()).join();
    ExecResult sync = sql.exec("INSERT INTO a (v) VALUES ('z'), ('w')", Map.of());
    assertThat(async.updatedRows()).isEqualTo(sync.updatedRows()).isEqualTo(2);
    assertThat(async.lastInsertedPks()).isEqualTo(Map.of("a", 2L));
    assertThat(sync.lastInsertedPks()).isEqualTo(Map.of("a", 4L));
    assertThat(async.dtxs()).hasSize(1);
    assertThat(sync.dtxs()).hasSize(1);
    ExecResult upsert =
        sql.tryExecAsync("UPSERT INTO a (id, v) VALUES (1, 'again')", Map.of()).join();
    assertThat(upsert.updatedRows()).isEqualTo(1);
    assertThat(sql.query("SELECT v FROM a WHERE id = 1", Map.of()).rows().get(0).get(0).asString())
        .isEqualTo("again");
  }

  @Test
  void everyOtherScriptIsLeftToExecAndWritesNothing() {
    long before = db.sql().lastTxId();
    for (String script :
        List.of(
            "SELECT * FROM t",
            "UPDATE t SET v = 'x' WHERE id = 1",
            "DELETE FROM t WHERE id = 1",
            "CREATE TABLE u (id INTEGER, PRIMARY KEY id)",
            "INSERT INTO t (id, v) VALUES (1, 'a'); INSERT INTO t (id, v) VALUES (2, 'b')",
            "BEGIN; INSERT INTO t (id, v) VALUES (1, 'a'); COMMIT",
            "INSERT INTO t (id, v) VALUES ((SELECT COUNT(*) FROM a), 'a')")) {
      assertThat(sql.tryExecAsync(script, Map.of())).as(script).isNull();
    }
    assertThat(db.sql().lastTxId()).isEqualTo(before);
  }

  @Test
  void errorsFoundBeforeTheCommitAreThrownAndWriteNothing() {
    sql.exec("INSERT INTO t (id, v) VALUES (1, 'one')", Map.of());
    long before = db.sql().lastTxId();
    assertThatThrownBy(() -> sql.tryExecAsync("INSERT INTO t (id, v) VALUES (1, 'dup')", Map.of()))
        .isInstanceOf(SqlException.class)
        .hasMessageContaining("duplicate primary key in table t");
    assertThatThrownBy(
            () -> sql.tryExecAsync("INSERT INTO t (id, v) VALUES (2, 'too long!')", Map.of()))
        .isInstanceOf(SqlException.class)
        .hasMessageContaining("t.v");
    assertThatThrownBy(() -> sql.tryExecAsync("INSERT INTO nope (id) VALUES (1)", Map.of()))
        .isInstanceOf(SqlException.class)
        .hasMessageContaining("table does not exist");
    assertThat(db.sql().lastTxId()).isEqualTo(before);
    // the schema lock was released each time: DDL still runs
    sql.exec("CREATE TABLE after_errors (id INTEGER, PRIMARY KEY id)", Map.of());
  }

  /**
   * Threads racing to insert the same keys through the asynchronous path: each key is written once;
   * every other attempt fails with a duplicate key (it saw the row) or a conflict (it did not yet).
   */
  @Test
  void racingInsertsOfOneKeyWriteItOnce() throws Exception {
    int threads = 4;
    int keys = 100;
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> fs = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String v = "t" + t;
        fs.add(
            pool.submit(
                () -> {
                  start.await();
                  List<CompletableFuture<ExecResult>> pending = new ArrayList<>();
                  for (int k = 0; k < keys; k++) {
                    try {
                      pending.add(
                          sql.tryExecAsync("INSERT INTO t (id, v) VALUES (@id, @v)", p(k, v)));
                    } catch (SqlException e) {
                      assertThat(e.getMessage()).startsWith("duplicate primary key");
                      refused.incrementAndGet();
                    }
                  }
                  for (CompletableFuture<ExecResult> f : pending) {
                    try {
                      f.join();
                      ok.incrementAndGet();
                    } catch (CompletionException e) {
                      assertThat(e.getCause()).isInstanceOf(SqlException.class);
                      assertThat(((SqlException) e.getCause()).code())
                          .isEqualTo(ErrorCode.CONFLICT);
                      refused.incrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : fs) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(ok.get()).isEqualTo(keys);
    assertThat(ok.get() + refused.get()).isEqualTo(threads * keys);
    QueryResult r = sql.query("SELECT COUNT(*) FROM t", Map.of());
    assertThat(r.rows().get(0).get(0).asLong()).isEqualTo(keys);
  }
}
