package io.immudb.bench.jmh;

import io.immudb.bench.load.BenchDir;
import io.immudb.embedded.database.Database;
import io.immudb.embedded.store.StoreOptions;
import io.immudb.sql.QueryResult;
import io.immudb.sql.SqlEngine;
import io.immudb.sql.SqlValue;
import java.io.IOException;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How SQL reads scale with the table (issue 13: an indexed lookup in a 1M-row table takes O(log n),
 * and a range scan streams instead of loading the table). The same queries on a table of {@code
 * rows} rows, {@code t (id INTEGER, g INTEGER, v VARCHAR[16], PRIMARY KEY id)} with an index on
 * {@code g} (each {@code g} held by one row):
 *
 * <ul>
 *   <li>{@code pointSelect}: {@code SELECT id, v FROM t WHERE id = @id}, a random existing id;
 *   <li>{@code indexedLookup}: {@code SELECT id, v FROM t WHERE g = @g} through the index on {@code
 *       g}, a random existing value;
 *   <li>{@code rangeFirst100}: {@code SELECT id, v FROM t WHERE id >= @lo ORDER BY id LIMIT 100}
 *       from a random id — a scan that stops after 100 rows, whatever the table holds.
 * </ul>
 *
 * <p>If lookups were linear, or a range scan read the table before its limit, the 1M-row figures
 * would be about a thousand times the 1000-row ones. One thread; the table is loaded once per fork
 * (500 rows a statement: each row is two entries, the row and its index entry, and a tx holds at
 * most 1024).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SqlScaleBenchmark {
  private static final int ROWS_PER_STATEMENT = 500;

  @Param({"1000", "1000000"})
  public int rows;

  private BenchDir dir;
  private Database db;
  private SqlEngine sql;
  private final SplittableRandom rnd = new SplittableRandom(13);

  @Setup
  public void setUp() throws IOException {
    dir = BenchDir.of(null);
    db = Database.open(dir.path(), StoreOptions.builder().synced(false).build());
    sql = SqlEngine.open(db);
    sql.exec("CREATE TABLE t (id INTEGER, g INTEGER, v VARCHAR[16], PRIMARY KEY id)", Map.of());
    sql.exec("CREATE INDEX ON t(g)", Map.of());
    for (int from = 0; from < rows; from += ROWS_PER_STATEMENT) {
      StringBuilder insert = new StringBuilder("INSERT INTO t(id, g, v) VALUES ");
      for (int i = from; i < Math.min(rows, from + ROWS_PER_STATEMENT); i++) {
        insert.append(i == from ? "" : ", ");
        insert.append('(').append(i).append(", ").append(g(i)).append(", 'row-").append(i);
        insert.append("')");
      }
      sql.exec(insert.toString(), Map.of());
    }
    // Measure queries, not the index catching up with the load above.
    db.flushIndex();
    // The queries find what they should: one row per lookup, 100 from a range.
    int found = indexedLookup().rows().size() + pointSelect().rows().size();
    int ranged = rangeFirst100().rows().size();
    if (found != 2 || ranged != Math.min(100, rows)) {
      throw new IllegalStateException(
          "the table is not what the queries expect: " + found + " of 2 rows, " + ranged);
    }
  }

  /** A value of {@code g} per row, spread over the table out of id order. */
  private static long g(long id) {
    return (id * 7919) % 1_000_003;
  }

  @TearDown
  public void tearDown() throws IOException {
    db.close();
    dir.close();
  }

  @Benchmark
  public QueryResult pointSelect() {
    return sql.query(
        "SELECT id, v FROM t WHERE id = @id", Map.of("id", SqlValue.ofInteger(rnd.nextInt(rows))));
  }

  @Benchmark
  public QueryResult indexedLookup() {
    return sql.query(
        "SELECT id, v FROM t WHERE g = @g", Map.of("g", SqlValue.ofInteger(g(rnd.nextInt(rows)))));
  }

  @Benchmark
  public QueryResult rangeFirst100() {
    return sql.query(
        "SELECT id, v FROM t WHERE id >= @lo ORDER BY id LIMIT 100",
        Map.of("lo", SqlValue.ofInteger(rnd.nextInt(Math.max(1, rows - 100)))));
  }
}
