package io.immudb.sql;

import io.immudb.embedded.database.Database;
import io.immudb.embedded.database.SqlEntry;
import io.immudb.embedded.database.VerifiableSqlEntry;
import io.immudb.sql.internal.ColumnDef;
import io.immudb.sql.internal.Executor;
import io.immudb.sql.internal.TableDef;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The SQL engine of one {@link Database}: immudb's SQL dialect over the database's verified tx log
 * (docs/design/sql.md). Every row version, and every table definition, is an entry under key prefix
 * {@code 0x02} (spec v1 §3.1, §10), so SQL txs advance the tx ids, appear in proofs like any other
 * tx and stay invisible to the key-value reads. Usable embedded, without a server:
 *
 * <pre>{@code
 * SqlEngine sql = SqlEngine.open(db);
 * sql.exec("CREATE TABLE t (id INTEGER AUTO_INCREMENT, name VARCHAR[50], PRIMARY KEY id)", Map.of());
 * sql.exec("INSERT INTO t (name) VALUES (@n)", Map.of("n", SqlValue.ofVarchar("Joe")));
 * QueryResult r = sql.query("SELECT id, name FROM t WHERE name = @n", Map.of("n", ...));
 * }</pre>
 *
 * <p>Statements: CREATE TABLE, CREATE [UNIQUE] INDEX, DROP INDEX, ALTER TABLE (ADD COLUMN, RENAME
 * COLUMN, RENAME TO), DROP TABLE, INSERT, UPSERT, UPDATE, DELETE, SELECT (WHERE, GROUP BY, HAVING,
 * aggregates, ORDER BY, LIMIT, OFFSET, DISTINCT, time travel with {@code BEFORE / UNTIL / SINCE /
 * AFTER TX n}, {@code HISTORY OF t}), BEGIN … COMMIT. Failures are {@link SqlException}s (or the
 * store's own {@link io.immudb.core.ImmuException}s, e.g. a tx too large).
 *
 * <p><b>Thread-safety:</b> every method may be called from any number of threads. Writers run in
 * parallel and are checked at commit (optimistic concurrency): a tx that conflicts with one
 * committed after its snapshot fails with {@code tx read conflict} ({@link SqlException} with code
 * CONFLICT) and writes nothing; run it again. Readers never wait. Keep one engine per database.
 */
public final class SqlEngine {
  /** The most rows {@link #query(String, Map)} returns (spec v1 §11). */
  public static final int MAX_ROWS = 1000;

  private final Database db;
  private final Executor executor;

  private SqlEngine(Database db, Clock clock) {
    this.db = db;
    this.executor = new Executor(db.name(), db.sql(), clock);
  }

  /** An engine over {@code db}; reads the catalog from it. */
  public static SqlEngine open(Database db) {
    return new SqlEngine(db, Clock.systemUTC());
  }

  /** The name selectors carry: the immudb database's (spec v1 §11). */
  public String databaseName() {
    return db.name();
  }

  /**
   * Runs a script of statements separated by {@code ;} with the named parameters {@code params}
   * (names without {@code @}, case-insensitive). A statement outside BEGIN … COMMIT commits its own
   * tx; a BEGIN … COMMIT block is one tx. CREATE DATABASE and USE DATABASE are refused with
   * immudb's texts (spec v1 §9.5).
   */
  public ExecResult exec(String sql, Map<String, SqlValue> params) {
    return executor.exec(sql, params);
  }

  /**
   * Runs {@code sql} as {@link #exec} does, without blocking, when it is a lone INSERT or UPSERT of
   * values (no subquery): the statement runs on the calling thread and the future completes once
   * its tx is committed and indexed, on one of the store's threads (chain only short actions on
   * it). Returns null, having done nothing, for any other script, or while a DDL script runs: call
   * {@link #exec} for those, on a thread that may block.
   *
   * @throws SqlException for an error found before the commit (the future fails with the others,
   *     e.g. a conflict)
   */
  public java.util.concurrent.CompletableFuture<ExecResult> tryExecAsync(
      String sql, Map<String, SqlValue> params) {
    return executor.tryExecAsync(sql, params);
  }

  /** Runs one SELECT; at most {@link #MAX_ROWS} rows, else {@link SqlException}. */
  public QueryResult query(String sql, Map<String, SqlValue> params) {
    return executor.query(sql, params, MAX_ROWS);
  }

  /**
   * As {@link #query}, reading the database as of tx {@code asOfTx} ({@code 0} = before tx 1:
   * nothing), as a session's snapshot bounds ask ({@code UseSnapshot}, spec v1 §9.6); a {@code
   * BEFORE / UNTIL TX} of the query itself that reads earlier still wins. Requires {@code asOfTx >=
   * 0}.
   */
  public QueryResult queryAsOf(String sql, Map<String, SqlValue> params, long asOfTx) {
    if (asOfTx < 0) {
      throw SqlException.invalid("asOfTx must be >= 0, got " + asOfTx);
    }
    return executor.query(sql, params, MAX_ROWS, asOfTx);
  }

  /** The tables, in creation order. */
  public List<String> listTables() {
    return executor.catalog().tables().stream().map(TableDef::name).toList();
  }

  /**
   * The columns of {@code table} as DescribeTable shows them (spec v1 §11).
   *
   * @throws SqlException {@code table does not exist}
   */
  public List<ColumnDescription> describeTable(String table) {
    TableDef t = executor.catalog().table(table.toLowerCase(Locale.ROOT));
    List<ColumnDescription> out = new ArrayList<>();
    for (ColumnDef c : t.columns()) {
      boolean inPk = t.primaryKey().contains(c.id());
      boolean indexed = t.indexes().stream().anyMatch(i -> i.columnIds().contains(c.id()));
      boolean unique =
          (t.primaryKey().equals(List.of(c.id())))
              || t.indexes().stream()
                  .anyMatch(i -> i.unique() && i.columnIds().equals(List.of(c.id())));
      out.add(
          new ColumnDescription(
              c.name(),
              c.typeText(),
              !c.notNull(),
              inPk ? "PRIMARY KEY" : indexed ? "YES" : "NO",
              c.autoIncrement(),
              unique));
    }
    return out;
  }

  /** The column names and types of {@code table}, for VerifiableSQLGet's id maps. */
  public TableInfo tableInfo(String table) {
    TableDef t = executor.catalog().table(table.toLowerCase(Locale.ROOT));
    List<TableInfo.Column> cols = new ArrayList<>();
    for (ColumnDef c : t.columns()) {
      cols.add(new TableInfo.Column(c.id(), c.name(), c.type(), c.maxLen()));
    }
    return new TableInfo(t.id(), t.name(), cols, t.primaryKey());
  }

  /**
   * The row of {@code table} with primary key {@code pk} as of tx {@code atTx} (0 = latest) with
   * the proofs of spec v1 §7.4 ({@code VerifiableSQLGet}) from {@code proveSinceTx}.
   *
   * @throws io.immudb.embedded.KeyNotFoundException if there is no such row version
   */
  public VerifiableSqlEntry verifiableGet(
      String table, List<SqlValue> pk, long atTx, long proveSinceTx) {
    byte[] key = executor.rowKey(table, pk);
    VerifiableSqlEntry e = db.sql().verifiableGet(key, atTx, proveSinceTx);
    SqlEntry entry = e.entry();
    if (!Executor.isLiveRow(entry)) {
      throw new io.immudb.embedded.KeyNotFoundException(key, atTx);
    }
    return e;
  }
}
