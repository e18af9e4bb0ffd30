package io.immudb.bench.jmh;

import io.immudb.sql.internal.SqlParser;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Text to AST of immudb's SQL dialect ({@code SqlParser.parse}, the ANTLR grammar of immudb-sql),
 * without the engine's statement cache: what the first execution of a new text pays (the figures of
 * {@code docs/design/sql.md}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SqlParseBenchmark {
  @Param({
    "INSERT INTO t (id, name) VALUES (@id, @name)",
    "INSERT INTO customers (id, name, email, age, active) VALUES (@id, @name, @email, @age, @active)",
    "SELECT id, name FROM t WHERE name = @name ORDER BY id LIMIT 10",
    "CREATE TABLE t (id INTEGER AUTO_INCREMENT, name VARCHAR[50] NOT NULL, PRIMARY KEY id)",
    "SELECT c.name, COUNT(*) FROM customers c INNER JOIN orders o ON o.customer = c.id"
        + " WHERE o.total > 10 GROUP BY c.name HAVING COUNT(*) > 1 ORDER BY c.name",
  })
  public String sql;

  @Benchmark
  public Object parse() {
    return SqlParser.parse(sql);
  }
}
