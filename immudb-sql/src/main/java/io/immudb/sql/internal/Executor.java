package io.immudb.sql.internal;

import io.immudb.core.ErrorCode;
import io.immudb.core.tx.TxHeader;
import io.immudb.embedded.TxConflictException;
import io.immudb.embedded.database.SqlEntry;
import io.immudb.embedded.database.SqlSpace;
import io.immudb.embedded.database.SqlView;
import io.immudb.sql.ExecResult;
import io.immudb.sql.QueryResult;
import io.immudb.sql.SqlException;
import io.immudb.sql.SqlType;
import io.immudb.sql.SqlValue;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.StampedLock;

/**
 * Runs SQL scripts and queries over one database's SQL namespace; the engine behind {@link
 * io.immudb.sql.SqlEngine}.
 *
 * <p>Writes: a statement outside BEGIN … COMMIT commits its own tx; a BEGIN … COMMIT block commits
 * one tx for all its statements, and a failure anywhere in it writes nothing of it. Concurrency
 * control is optimistic: each tx reads one index snapshot and records what it read ({@link
 * WriteTx}); its commit fails with {@code tx read conflict} (code CONFLICT), writing nothing, when
 * a SQL tx committed after that snapshot wrote a key it read or wrote or a key inside a range it
 * scanned ({@link SqlSpace#commit(List, long, java.util.function.Predicate)}). So a
 * read-modify-write (INSERT's duplicate check, UPDATE, auto-increment) never loses a concurrent
 * write; the loser retries. Scripts with DDL take the engine's schema lock exclusively, scripts
 * without it share it, so the catalog never changes under a running DML script. Reads take no lock:
 * each query reads one index snapshot and the catalog published after the last DDL commit.
 *
 * <p>Thread-safe.
 */
public final class Executor {
  /** immudb's texts for the statements that belong to other RPCs (spec v1 §9.5). */
  static final String USE_CREATE_DATABASE =
      "SQL statement not supported. Please use `CreateDatabase` operation instead";

  static final String USE_USE_DATABASE =
      "SQL statement not supported. Please use `UseDatabase` operation instead";

  /** What a query sees before tx 1: nothing. */
  private static final KvReader EMPTY =
      new KvReader() {
        @Override
        public Kv get(byte[] key) {
          return null;
        }

        @Override
        public java.util.Iterator<Kv> scan(byte[] prefix, byte[] lo, byte[] hi, boolean desc) {
          return java.util.Collections.emptyIterator();
        }
      };

  private final String dbName;
  private final SqlSpace space;
  private final Clock clock;

  /**
   * Exclusive for scripts with DDL, shared for the others; a {@link StampedLock}, so that the
   * asynchronous path ({@link #tryExecAsync}) can release it on the thread its commit completes on.
   */
  private final StampedLock schemaLock = new StampedLock();

  private final LongAdder keysRead = new LongAdder();
  private final StatementCache statements = new StatementCache(512);
  private volatile Catalog catalog;

  public Executor(String dbName, SqlSpace space, Clock clock) {
    this.dbName = dbName;
    this.space = space;
    this.clock = clock;
    this.catalog = load();
  }

  private Catalog load() {
    List<TableDef> tables = new ArrayList<>();
    try (SqlView v = space.view()) {
      var it = new ViewReader(v, 0).scan(KeyCodec.tablesPrefix(), false);
      int maxId = 0;
      while (it.hasNext()) {
        KvReader.Kv kv = it.next();
        byte[] k = kv.key();
        // the key ends with u32(table id); a dropped table's definition is a tombstone
        maxId = Math.max(maxId, java.nio.ByteBuffer.wrap(k, k.length - 4, 4).getInt());
        if (!RowCodec.isTombstone(kv.value())) {
          tables.add(CatalogCodec.decode(kv.value()));
        }
      }
      return new Catalog(tables, maxId);
    }
  }

  /** How many stored keys statements have read from the index so far (a test hook). */
  public long keysRead() {
    return keysRead.sum();
  }

  /** The current catalog. */
  public Catalog catalog() {
    return catalog;
  }

  /** Runs every statement of {@code sql}; see the class comment for the tx rules. */
  public ExecResult exec(String sql, Map<String, SqlValue> params) {
    List<Stmt> stmts = statements.parse(sql);
    for (Stmt s : stmts) {
      if (s instanceof Stmt.CreateDatabase) {
        throw new SqlException(ErrorCode.INVALID_ARGUMENT, USE_CREATE_DATABASE);
      } else if (s instanceof Stmt.UseDatabase) {
        throw new SqlException(ErrorCode.INVALID_ARGUMENT, USE_USE_DATABASE);
      }
    }
    Map<String, SqlValue> p = lower(params);
    List<TxHeader> ctxs = new ArrayList<>();
    List<TxHeader> dtxs = new ArrayList<>();
    long[] updated = {0};
    Map<String, Long> lastPks = new HashMap<>();
    boolean ddl = false;
    for (Stmt s : stmts) {
      ddl |= isDdl(s);
    }
    long stamp = ddl ? schemaLock.writeLock() : schemaLock.readLock();
    SqlView view = null;
    WriteTx tx = null;
    boolean explicit = false;
    try {
      for (Stmt s : stmts) {
        if (s instanceof Stmt.Begin) {
          if (explicit) {
            throw SqlException.invalid("BEGIN inside a transaction: nested transactions");
          }
          explicit = true;
          continue;
        }
        if (s instanceof Stmt.Commit || s instanceof Stmt.Rollback) {
          if (!explicit) {
            throw SqlException.invalid(
                (s instanceof Stmt.Commit ? "COMMIT" : "ROLLBACK") + " without BEGIN");
          }
          if (tx != null && s instanceof Stmt.Commit) {
            commit(tx, ctxs, dtxs, updated, lastPks);
          }
          explicit = false;
          tx = null;
          view = close(view);
          continue;
        }
        if (tx == null) {
          view = space.view();
          tx = new WriteTx(new ViewReader(view, 0, keysRead), catalog);
        }
        run(tx, s, p);
        if (!explicit) {
          commit(tx, ctxs, dtxs, updated, lastPks);
          tx = null;
          view = close(view);
        }
      }
      if (explicit) {
        throw SqlException.invalid("BEGIN without COMMIT: nothing of the transaction was written");
      }
    } catch (ArithmeticException e) {
      throw SqlException.invalid("integer overflow");
    } finally {
      close(view);
      schemaLock.unlock(stamp);
    }
    return new ExecResult(ctxs, dtxs, updated[0], lastPks);
  }

  /**
   * Runs {@code sql} without blocking when it is a lone INSERT or UPSERT of values (no subquery):
   * the statement runs on the calling thread over the last indexed snapshot ({@link
   * SqlSpace#indexedView}, no wait for the index), and the returned future completes once its tx is
   * committed and indexed — on the store's writer or index thread, so what the caller chains on it
   * MUST be short. Returns null, having done nothing, for any other script, or while a DDL script
   * holds the schema lock: run those with {@link #exec} on a thread that may block.
   *
   * <p>The result and the errors are those of {@link #exec}: an error found before the commit is
   * thrown here, a conflict or a broken store limit fails the future.
   */
  public CompletableFuture<ExecResult> tryExecAsync(String sql, Map<String, SqlValue> params) {
    List<Stmt> stmts = statements.parse(sql);
    if (stmts.size() != 1 || !(stmts.get(0) instanceof Stmt.Insert insert) || !plain(insert)) {
      return null;
    }
    long stamp = schemaLock.tryReadLock();
    if (stamp == 0) {
      return null;
    }
    boolean handedOver = false;
    try {
      WriteTx tx;
      try (SqlView view = space.indexedView()) {
        tx = new WriteTx(new ViewReader(view, 0, keysRead), catalog);
        run(tx, insert, lower(params));
      } catch (ArithmeticException e) {
        throw SqlException.invalid("integer overflow");
      }
      Map<String, Long> lastPks = Map.copyOf(tx.lastInsertedPks);
      if (tx.isEmpty()) {
        return CompletableFuture.completedFuture(
            new ExecResult(List.of(), List.of(), tx.updatedRows, lastPks));
      }
      CompletableFuture<ExecResult> done =
          space
              .commitAsync(tx.entries(), tx.snapshotTxId(), tx.dependsOn())
              .handle(
                  (h, e) -> {
                    schemaLock.unlockRead(stamp);
                    if (e != null) {
                      Throwable c =
                          e instanceof CompletionException && e.getCause() != null
                              ? e.getCause()
                              : e;
                      if (c instanceof TxConflictException) {
                        throw new SqlException(ErrorCode.CONFLICT, TxConflictException.TEXT);
                      }
                      throw c instanceof RuntimeException r ? r : new CompletionException(c);
                    }
                    return new ExecResult(List.of(), List.of(h), tx.updatedRows, lastPks);
                  });
      handedOver = true;
      return done;
    } finally {
      if (!handedOver) {
        schemaLock.unlockRead(stamp);
      }
    }
  }

  /** An INSERT whose values need no reads beyond its own keys: no subquery anywhere in them. */
  private static boolean plain(Stmt.Insert insert) {
    for (List<Expr> row : insert.rows()) {
      for (Expr e : row) {
        if (!plain(e)) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean plain(Expr e) {
    if (e instanceof Expr.Literal || e instanceof Expr.Param || e instanceof Expr.Now) {
      return true;
    } else if (e instanceof Expr.Negate n) {
      return plain(n.operand());
    } else if (e instanceof Expr.Not n) {
      return plain(n.operand());
    } else if (e instanceof Expr.Binary b) {
      return plain(b.left()) && plain(b.right());
    } else if (e instanceof Expr.Call c) {
      return c.args().stream().allMatch(Executor::plain);
    }
    return false;
  }

  /**
   * Test hook: runs the DML statements of {@code sql} in one transaction reading at {@code view},
   * without committing it ({@link #commitPrepared}); lets a test commit other txs in between.
   */
  WriteTx prepare(SqlView view, String sql, Map<String, SqlValue> params) {
    WriteTx tx = new WriteTx(new ViewReader(view, 0, keysRead), catalog);
    for (Stmt s : statements.parse(sql)) {
      run(tx, s, lower(params));
    }
    return tx;
  }

  /** Test hook: commits a transaction of {@link #prepare} as {@link #exec} would. */
  ExecResult commitPrepared(WriteTx tx) {
    List<TxHeader> ctxs = new ArrayList<>();
    List<TxHeader> dtxs = new ArrayList<>();
    long[] updated = {0};
    Map<String, Long> lastPks = new HashMap<>();
    commit(tx, ctxs, dtxs, updated, lastPks);
    return new ExecResult(ctxs, dtxs, updated[0], lastPks);
  }

  private static boolean isDdl(Stmt s) {
    return s instanceof Stmt.CreateTable
        || s instanceof Stmt.AddColumn
        || s instanceof Stmt.RenameColumn
        || s instanceof Stmt.DropTable
        || s instanceof Stmt.RenameTable
        || s instanceof Stmt.CreateIndex
        || s instanceof Stmt.DropIndex;
  }

  private void run(WriteTx tx, Stmt s, Map<String, SqlValue> params) {
    long now = micros();
    if (s instanceof Stmt.CreateTable c) {
      Ddl.createTable(tx, c);
    } else if (s instanceof Stmt.AddColumn a) {
      Ddl.addColumn(tx, a);
    } else if (s instanceof Stmt.RenameColumn r) {
      Ddl.renameColumn(tx, r);
    } else if (s instanceof Stmt.DropTable d) {
      Ddl.dropTable(tx, d);
    } else if (s instanceof Stmt.RenameTable r) {
      Ddl.renameTable(tx, r);
    } else if (s instanceof Stmt.DropIndex d) {
      Ddl.dropIndex(tx, d);
    } else if (s instanceof Stmt.CreateIndex c) {
      TableDef t = tx.catalog.table(c.table());
      Ddl.createIndex(tx, c, new Evaluator(new Scope(t, t.name(), false), params, now));
    } else if (s instanceof Stmt.Insert i) {
      TableDef t = tx.catalog.table(i.table());
      Dml.insert(tx, i, new Evaluator(new Scope(t, t.name(), false), params, now));
    } else if (s instanceof Stmt.Update u) {
      Scope scope = new Scope(tx.catalog.table(u.table()), u.table(), false);
      Dml.update(tx, u, new Evaluator(scope, params, now), scope);
    } else if (s instanceof Stmt.Delete d) {
      Scope scope = new Scope(tx.catalog.table(d.table()), d.table(), false);
      Dml.delete(tx, d, new Evaluator(scope, params, now), scope);
    } else if (s instanceof Stmt.Select q) {
      new QueryExecutor(dbName, params, now).run(tx.catalog, tx, q, 0, Integer.MAX_VALUE);
    } else {
      throw SqlException.invalid("statement not supported: " + s.getClass().getSimpleName());
    }
  }

  private void commit(
      WriteTx tx,
      List<TxHeader> ctxs,
      List<TxHeader> dtxs,
      long[] updated,
      Map<String, Long> lastPks) {
    if (!tx.isEmpty()) {
      TxHeader h;
      try {
        h = space.commit(tx.entries(), tx.snapshotTxId(), tx.dependsOn());
      } catch (TxConflictException e) {
        throw new SqlException(ErrorCode.CONFLICT, TxConflictException.TEXT);
      }
      (tx.dml ? dtxs : ctxs).add(h);
    }
    if (tx.ddl) {
      catalog = tx.catalog;
    }
    updated[0] += tx.updatedRows;
    lastPks.putAll(tx.lastInsertedPks);
  }

  /**
   * Runs the single SELECT of {@code sql}, with at most {@code maxRows} rows in the result.
   *
   * @throws SqlException if {@code sql} is not one SELECT, or the result is larger
   */
  public QueryResult query(String sql, Map<String, SqlValue> params, int maxRows) {
    return query(sql, params, maxRows, -1);
  }

  /**
   * As {@link #query(String, Map, int)}, as of tx {@code limitTx} at the latest ({@code 0} = before
   * tx 1, {@code -1} = no limit), combined with the query's own BEFORE / UNTIL TX.
   */
  public QueryResult query(String sql, Map<String, SqlValue> params, int maxRows, long limitTx) {
    List<Stmt> stmts = statements.parse(sql);
    if (stmts.size() != 1 || !(stmts.get(0) instanceof Stmt.Select s)) {
      throw SqlException.invalid("a query must be exactly one SELECT statement");
    }
    Map<String, SqlValue> p = lower(params);
    long now = micros();
    try (SqlView view = space.view()) {
      Catalog cat = catalog;
      cat.table(s.from().table());
      Evaluator ev = new Evaluator(null, p, now);
      long asOf = 0;
      long minTx = 0;
      boolean beforeFirst = false;
      for (Stmt.Period period : s.from().periods()) {
        SqlValue v = ev.eval(period.tx(), null, null);
        if (v.type() != SqlType.INTEGER || v.asLong() < 0) {
          throw SqlException.invalid(period.kind() + " TX needs a tx id, got " + v);
        }
        long tx = v.asLong();
        switch (period.kind()) {
          case BEFORE -> asOf = Math.max(0, tx - 1);
          case UNTIL -> asOf = tx;
          case SINCE -> minTx = tx;
          case AFTER -> minTx = tx + 1;
        }
        beforeFirst |= period.kind() == Stmt.PeriodKind.BEFORE && tx <= 1;
      }
      if (limitTx >= 0) {
        asOf = asOf == 0 ? limitTx : Math.min(asOf, limitTx);
        beforeFirst |= limitTx == 0;
      }
      KvReader reader = beforeFirst ? EMPTY : new ViewReader(view, asOf, keysRead);
      if (asOf > 0 && !beforeFirst) {
        cat = asOf(cat, reader);
      }
      return new QueryExecutor(dbName, p, now).run(cat, reader, s, minTx, maxRows);
    } catch (ArithmeticException e) {
      throw SqlException.invalid("integer overflow");
    }
  }

  /**
   * The catalog as a query as of a past tx sees it: each table's definition as of that tx ({@code
   * reader}), so columns added and indexes created since are absent (an index created later has no
   * entries then) and indexes dropped since are back. Tables keep their current names, so a query
   * names them as today; a table created since keeps its current definition (it has no rows then).
   */
  private static Catalog asOf(Catalog current, KvReader reader) {
    Catalog out = current;
    for (TableDef t : current.tables()) {
      KvReader.Kv kv = reader.get(KeyCodec.tableKey(t.id()));
      if (kv != null && !RowCodec.isTombstone(kv.value())) {
        TableDef then = CatalogCodec.decode(kv.value());
        if (!then.equals(t)) {
          out =
              out.with(
                  new TableDef(
                      t.id(),
                      t.name(),
                      then.columns(),
                      then.primaryKey(),
                      then.indexes(),
                      then.lastIndexId()));
        }
      }
    }
    return out;
  }

  /** The stored entry of the row of {@code table} whose primary key is {@code pk}; its key. */
  public byte[] rowKey(String table, List<SqlValue> pk) {
    TableDef t = catalog.table(table.toLowerCase(java.util.Locale.ROOT));
    List<ColumnDef> cols = t.primaryKeyColumns();
    if (pk.size() != cols.size()) {
      throw SqlException.invalid(
          "table " + t.name() + " has " + cols.size() + " primary key columns, got " + pk.size());
    }
    List<SqlValue> vals = new ArrayList<>();
    for (int i = 0; i < pk.size(); i++) {
      vals.add(Values.coerce(t, cols.get(i), pk.get(i)));
    }
    return KeyCodec.rowKey(t.id(), vals);
  }

  /** Whether {@code e} is a live row version (not a tombstone). */
  public static boolean isLiveRow(SqlEntry e) {
    return !RowCodec.isTombstone(e.value());
  }

  private long micros() {
    Instant now = clock.instant();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
  }

  private static Map<String, SqlValue> lower(Map<String, SqlValue> params) {
    Map<String, SqlValue> out = new HashMap<>();
    params.forEach((k, v) -> out.put(k.toLowerCase(java.util.Locale.ROOT), v));
    return out;
  }

  private static SqlView close(SqlView v) {
    if (v != null) {
      v.close();
    }
    return null;
  }
}
