package io.immudb.bench.jmh;

import io.immudb.bench.load.BenchDir;
import io.immudb.embedded.database.Database;
import io.immudb.embedded.store.StoreOptions;
import io.immudb.sql.ExecResult;
import io.immudb.sql.QueryResult;
import io.immudb.sql.SqlEngine;
import io.immudb.sql.SqlValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One SQL statement through the embedded engine ({@code SqlEngine} over a {@code Database}), beside
 * its key-value peer on the same store: issue 13 asks for parse + plan + execute ≤ 50 µs.
 *
 * <ul>
 *   <li>{@code pointSelect}: {@code SELECT id, v FROM t WHERE id = @id}, a random existing id of
 *       {@value #ROWS} rows — parse (a statement-cache hit), plan, one key read, decode;
 *   <li>{@code kvGet}: {@code Database.get} of a random existing key of {@value #ROWS};
 *   <li>{@code insertRow}: {@code INSERT INTO t(id, v) VALUES (@id, @v)}, a new id each time —
 *       parse plan, the duplicate-key check, encode, and the commit of one tx (store unsynced, so
 *       the commit is the group-commit hand-off, not an fdatasync);
 *   <li>{@code kvSet}: {@code Database.set} of one new 32-byte key, 64-byte value, same store.
 * </ul>
 *
 * <p>The difference between a statement and its peer is what SQL adds. One thread; state per
 * benchmark trial (the store grows by the inserts of the trial).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SqlStatementBenchmark {
  private static final int ROWS = 10_000;

  private BenchDir dir;
  private Database db;
  private SqlEngine sql;
  private final SplittableRandom rnd = new SplittableRandom(11);
  private final byte[] value = new byte[64];
  private long nextId = ROWS;
  private long nextKey = ROWS;

  @Setup
  public void setUp() throws IOException {
    dir = BenchDir.of(null);
    db = Database.open(dir.path(), StoreOptions.builder().synced(false).build());
    sql = SqlEngine.open(db);
    rnd.nextBytes(value);
    sql.exec("CREATE TABLE t (id INTEGER, v BLOB[64], PRIMARY KEY id)", Map.of());
    for (int i = 0; i < ROWS; i++) {
      db.set(key(i), value);
      sql.exec(
          "INSERT INTO t(id, v) VALUES (@id, @v)",
          Map.of("id", SqlValue.ofInteger(i), "v", SqlValue.ofBlob(value)));
    }
    // Measure statements, not the index catching up with the load above.
    db.flushIndex();
  }

  @TearDown
  public void tearDown() throws IOException {
    db.close();
    dir.close();
  }

  @Benchmark
  public QueryResult pointSelect() {
    return sql.query(
        "SELECT id, v FROM t WHERE id = @id", Map.of("id", SqlValue.ofInteger(rnd.nextInt(ROWS))));
  }

  @Benchmark
  public Object kvGet() {
    return db.get(key(rnd.nextInt(ROWS)));
  }

  @Benchmark
  public ExecResult insertRow() {
    return sql.exec(
        "INSERT INTO t(id, v) VALUES (@id, @v)",
        Map.of("id", SqlValue.ofInteger(nextId++), "v", SqlValue.ofBlob(value)));
  }

  @Benchmark
  public Object kvSet() {
    return db.set(key(nextKey++), value);
  }

  private static byte[] key(long i) {
    return String.format("k-%030d", i).getBytes(StandardCharsets.US_ASCII);
  }
}
