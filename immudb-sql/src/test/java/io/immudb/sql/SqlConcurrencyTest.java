package io.immudb.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.immudb.core.ErrorCode;
import io.immudb.embedded.database.Database;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * Optimistic concurrency of SQL writers (docs/design/sql.md, "Transactions and concurrency"):
 * threads racing on one row never lose an update; the losers fail with {@code tx read conflict} and
 * write nothing.
 */
@Timeout(120)
class SqlConcurrencyTest {
  @TempDir Path dir;
  Database db;
  SqlEngine sql;

  @BeforeEach
  void open() throws Exception {
    db = SqlEngineTest.open(dir);
    sql = SqlEngine.open(db);
    sql.exec("CREATE TABLE c (id INTEGER, x INTEGER, PRIMARY KEY id)", Map.of());
    sql.exec("INSERT INTO c (id, x) VALUES (1, 0)", Map.of());
  }

  @AfterEach
  void close() throws Exception {
    db.close();
  }

  @Test
  void racingSingleStatementUpdatesLoseNothing() throws Exception {
    race("UPDATE c SET x = x + 1 WHERE id = 1");
  }

  @Test
  void racingTransactionsThatReadThenWriteLoseNothing() throws Exception {
    // the UPDATE's value comes from a SELECT of the same block: a read the commit must check
    sql.exec(
        "CREATE TABLE log (id INTEGER AUTO_INCREMENT, seen INTEGER, PRIMARY KEY id)", Map.of());
    race(
        "BEGIN; INSERT INTO log (seen) VALUES (0); UPDATE c SET x = x + 1 WHERE id = 1;"
            + " COMMIT");
    long commits = sql.query("SELECT x FROM c", Map.of()).rows().get(0).get(0).asLong();
    // every committed block inserted one log row with a fresh auto-increment id
    QueryResult r = sql.query("SELECT COUNT(*), MAX(id) FROM log", Map.of());
    assertThat(r.rows().get(0).get(0).asLong()).isEqualTo(commits);
    assertThat(r.rows().get(0).get(1).asLong()).isEqualTo(commits);
  }

  private void race(String script) throws Exception {
    int threads = 2;
    int attempts = 150;
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger conflicts = new AtomicInteger();
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> fs = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        fs.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < attempts; i++) {
                    try {
                      sql.exec(script, Map.of());
                      ok.incrementAndGet();
                    } catch (SqlException e) {
                      assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
                      assertThat(e.getMessage()).isEqualTo("tx read conflict");
                      conflicts.incrementAndGet();
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
    assertThat(ok.get() + conflicts.get()).isEqualTo(threads * attempts);
    assertThat(ok.get()).isPositive();
    QueryResult r = sql.query("SELECT x FROM c WHERE id = 1", Map.of());
    assertThat(r.rows().get(0).get(0).asLong()).isEqualTo(ok.get());
  }
}
