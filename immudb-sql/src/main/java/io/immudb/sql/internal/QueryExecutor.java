package io.immudb.sql.internal;

import io.immudb.embedded.database.SqlEntry;
import io.immudb.sql.QueryResult;
import io.immudb.sql.ResultColumn;
import io.immudb.sql.SqlException;
import io.immudb.sql.SqlType;
import io.immudb.sql.SqlValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Runs one SELECT: rows from {@link RowSource} (one table), {@link Join} (several tables, or a
 * correlated subquery) or every version ({@code HISTORY OF}); grouping and aggregates ({@link
 * Grouping}), HAVING, DISTINCT, ORDER BY (skipped when it is the primary-key order the rows already
 * come in), OFFSET and LIMIT, then the select list with immudb's selectors (spec v1 §11). A
 * compound SELECT combines its parts with {@link SetOps}. Subqueries run through the {@link
 * Subqueries} its evaluators get; those that use no outer column run once. Without sorting,
 * grouping or DISTINCT the rows of one table stream and reading stops at OFFSET + LIMIT. Not
 * thread-safe; one per query.
 */
final class QueryExecutor {
  private final String dbName;
  private final Map<String, SqlValue> params;
  private final long nowMicros;
  private Catalog catalog;
  private KvReader reader;

  /** Results of subqueries that used no column of their outer query: they run once. */
  private final Map<Stmt.Select, List<List<SqlValue>>> uncorrelated =
      new java.util.IdentityHashMap<>();

  private Scope lastScope;

  QueryExecutor(String dbName, Map<String, SqlValue> params, long nowMicros) {
    this.dbName = dbName;
    this.params = params;
    this.nowMicros = nowMicros;
  }

  /** A source row with what ORDER BY and the select list need. */
  private record Out(SqlValue[] row, Map<Expr.Aggregate, SqlValue> aggs, List<SqlValue> values) {}

  /**
   * Runs {@code s} over {@code reader}; {@code minTx} is the first tx whose row versions count
   * (SINCE / AFTER TX), {@code maxRows} the most rows allowed in the result.
   */
  QueryResult run(Catalog catalog, KvReader reader, Stmt.Select s, long minTx, int maxRows) {
    this.catalog = catalog;
    this.reader = reader;
    return compound(s, null, null, minTx, maxRows);
  }

  /**
   * A SELECT, or a compound one: its parts left to right (UNION, EXCEPT and INTERSECT remove
   * duplicates, UNION ALL keeps them), then ORDER BY (by position or by a name of the first part's
   * select list), OFFSET and LIMIT over the combined rows.
   */
  private QueryResult compound(
      Stmt.Select s, Scope outer, SqlValue[] outerRow, long minTx, int maxRows) {
    if (s.compounds().isEmpty()) {
      return execute(s, outer, outerRow, minTx, maxRows);
    }
    Stmt.Select head =
        new Stmt.Select(
            s.distinct(),
            s.items(),
            s.from(),
            s.joins(),
            s.where(),
            s.groupBy(),
            s.having(),
            List.of(),
            null,
            null,
            List.of());
    QueryResult first = execute(head, outer, outerRow, minTx, Integer.MAX_VALUE);
    List<List<SqlValue>> rows = new ArrayList<>(first.rows());
    for (Stmt.CompoundPart part : s.compounds()) {
      Stmt.Select p = part.select();
      if (!p.from().periods().isEmpty() || p.from().history()) {
        throw SqlException.invalid(
            "time travel is only supported on the first table of a compound SELECT");
      }
      QueryResult next = execute(p, outer, outerRow, 0, Integer.MAX_VALUE);
      if (next.columns().size() != first.columns().size()) {
        throw SqlException.invalid(
            "each part of " + part.op() + " must have " + first.columns().size() + " columns");
      }
      rows = SetOps.combine(part.op(), rows, next.rows());
    }
    SetOps.sort(rows, s, first.columns().size());
    Evaluator ev = new Evaluator(null, params, nowMicros);
    long offset = count(ev, s.offset(), "OFFSET", 0);
    long limit = count(ev, s.limit(), "LIMIT", Long.MAX_VALUE);
    List<List<SqlValue>> result = new ArrayList<>();
    for (long i = offset; i < rows.size() && result.size() < limit; i++) {
      result.add(rows.get((int) i));
      if (result.size() > maxRows) {
        throw SqlException.invalid(
            "the result has more than " + maxRows + " rows; narrow it with WHERE or LIMIT");
      }
    }
    return new QueryResult(first.columns(), result);
  }

  /** A subquery of a row of {@code outer}: naive, it runs again for every outer row. */
  private List<List<SqlValue>> subquery(Stmt.Select s, Scope outer, SqlValue[] outerRow) {
    if (!s.from().periods().isEmpty() || s.from().history()) {
      throw SqlException.invalid("time travel in a subquery is not supported");
    }
    List<List<SqlValue>> cached = uncorrelated.get(s);
    if (cached != null) {
      return cached;
    }
    List<List<SqlValue>> rows = compound(s, outer, outerRow, 0, Integer.MAX_VALUE).rows();
    // the same branches run for every outer row, so the flag is final after one run
    if (s.compounds().isEmpty() && !lastScope.outerUsed()) {
      uncorrelated.put(s, rows);
    }
    return rows;
  }

  private QueryResult execute(
      Stmt.Select s, Scope outer, SqlValue[] outerRow, long minTx, int maxRows) {
    List<Scope.Binding> bindings = new ArrayList<>();
    bindings.add(
        new Scope.Binding(catalog.table(s.from().table()), s.from().name(), s.from().history()));
    for (Stmt.Join j : s.joins()) {
      if (j.source().history() || !j.source().periods().isEmpty()) {
        throw SqlException.invalid(
            "HISTORY OF and time travel are only supported on the first table of FROM");
      }
      bindings.add(new Scope.Binding(catalog.table(j.source().table()), j.source().name(), false));
    }
    if (s.from().history() && bindings.size() > 1) {
      throw SqlException.invalid("HISTORY OF can't be joined");
    }
    Scope scope = new Scope(bindings, outer);
    Evaluator ev = new Evaluator(scope, params, nowMicros);
    ev.subqueries((sel, row) -> subquery(sel, scope, row));
    List<Expr> items = expandStar(scope, s.items());
    TypeCheck.check(scope, s.where(), params);
    s.joins().forEach(j -> TypeCheck.check(scope, j.on(), params));
    items.forEach(e -> TypeCheck.check(scope, e, params));
    TypeCheck.check(scope, s.having(), params);
    s.groupBy().forEach(e -> TypeCheck.check(scope, e, params));
    for (Stmt.OrderItem o : s.orderBy()) {
      if (aliasIndex(s.items(), o.expr()) < 0 && position(o.expr(), items.size()) < 0) {
        TypeCheck.check(scope, o.expr(), params);
      }
    }
    List<ResultColumn> columns = new Selectors(dbName, params).columns(scope, s.items(), items);
    List<Expr> all = new ArrayList<>(items);
    if (s.having() != null) {
      all.add(s.having());
    }
    s.orderBy().forEach(o -> all.add(o.expr()));
    boolean grouped = !s.groupBy().isEmpty() || Grouping.hasAggregate(all);
    AccessPath path =
        scope.single() && !scope.history()
            ? AccessPath.choose(
                scope.table(),
                scope.name(),
                s.where(),
                ev,
                grouped ? null : indexableOrder(scope, s),
                false)
            : null;
    boolean desc = path != null && path.desc;
    boolean sorted = !s.orderBy().isEmpty() && (path == null || !path.ordered);
    long offset = count(ev, s.offset(), "OFFSET", 0);
    long limit = count(ev, s.limit(), "LIMIT", Long.MAX_VALUE);
    boolean streaming = !grouped && !sorted && !s.distinct();

    Iterator<SqlValue[]> rows =
        scope.single()
            ? source(reader, scope, s, ev, path, desc, minTx)
            : Join.rows(reader, scope, s, ev, outerRow, minTx);
    List<Out> outs = new ArrayList<>();
    if (grouped) {
      for (Grouping.Group g : Grouping.group(rows, s.groupBy(), all, ev, scope.width())) {
        if (outerRow != null) {
          // the group of no rows still sees the outer row
          System.arraycopy(outerRow, 0, g.row(), scope.ownWidth(), outerRow.length);
        }
        if (s.having() == null || Evaluator.isTrue(ev.eval(s.having(), g.row(), g.aggs()))) {
          outs.add(new Out(g.row(), g.aggs(), project(ev, items, g.row(), g.aggs())));
        }
      }
    } else {
      long stop = streaming ? saturatedAdd(offset, limit) : Long.MAX_VALUE;
      while (rows.hasNext() && outs.size() < stop) {
        SqlValue[] r = rows.next();
        outs.add(new Out(r, null, project(ev, items, r, null)));
        if (streaming && outs.size() - offset > maxRows) {
          break;
        }
      }
    }
    if (s.distinct()) {
      LinkedHashSet<List<SqlValue>> seen = new LinkedHashSet<>();
      outs.removeIf(o -> !seen.add(o.values()));
    }
    if (sorted) {
      outs.sort(comparator(ev, s, items));
    }
    List<List<SqlValue>> result = new ArrayList<>();
    for (long i = offset; i < outs.size() && result.size() < limit; i++) {
      result.add(outs.get((int) i).values());
      if (result.size() > maxRows) {
        throw SqlException.invalid(
            "the result has more than " + maxRows + " rows; narrow it with WHERE or LIMIT");
      }
    }
    lastScope = scope;
    return new QueryResult(columns, result);
  }

  private Iterator<SqlValue[]> source(
      KvReader reader,
      Scope scope,
      Stmt.Select s,
      Evaluator ev,
      AccessPath path,
      boolean desc,
      long minTx) {
    if (!scope.history()) {
      Iterator<RowSource.Row> it = RowSource.rows(reader, scope, s.where(), ev, path, minTx);
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return it.hasNext();
        }

        @Override
        public SqlValue[] next() {
          return it.next().values();
        }
      };
    }
    if (!(reader instanceof ViewReader vr)) {
      throw SqlException.invalid("HISTORY OF is not available inside a transaction");
    }
    // every version of every row key, oldest first per key; tombstones mark deletions
    List<SqlValue[]> out = new ArrayList<>();
    Iterator<KvReader.Kv> keys = reader.scan(KeyCodec.rowPrefix(scope.table().id()), desc);
    while (keys.hasNext()) {
      byte[] key = keys.next().key();
      for (SqlEntry e : vr.history(key)) {
        if (RowCodec.isTombstone(e.value())) {
          continue;
        }
        SqlValue[] base = RowCodec.decode(scope.table(), e.value());
        SqlValue[] row = java.util.Arrays.copyOf(base, scope.width());
        row[scope.width() - 1] = SqlValue.ofInteger(e.txId());
        if (s.where() == null || Evaluator.isTrue(ev.eval(s.where(), row, null))) {
          out.add(row);
        }
      }
    }
    return out.iterator();
  }

  private static List<SqlValue> project(
      Evaluator ev, List<Expr> items, SqlValue[] row, Map<Expr.Aggregate, SqlValue> aggs) {
    List<SqlValue> out = new ArrayList<>(items.size());
    for (Expr e : items) {
      out.add(ev.eval(e, row, aggs));
    }
    return out;
  }

  private static List<Expr> expandStar(Scope scope, List<Stmt.SelectItem> items) {
    List<Expr> out = new ArrayList<>();
    for (Stmt.SelectItem i : items) {
      if (i.expr() == null) {
        for (int slot = 0; slot < scope.ownWidth(); slot++) {
          out.add(new Expr.Column(scope.tableName(slot), scope.columnName(slot)));
        }
      } else {
        out.add(i.expr());
      }
    }
    return out;
  }

  /**
   * The ORDER BY of {@code s} as columns of its one table, for {@link AccessPath}: empty without
   * ORDER BY, null when a term is not a plain column of the table (an expression, an alias of the
   * select list, a position).
   */
  private static List<AccessPath.Order> indexableOrder(Scope scope, Stmt.Select s) {
    List<AccessPath.Order> out = new ArrayList<>();
    for (Stmt.OrderItem o : s.orderBy()) {
      if (!(o.expr() instanceof Expr.Column c)
          || aliasIndex(s.items(), c) >= 0
          || position(c, Integer.MAX_VALUE) >= 0) {
        return null;
      }
      int slot = scope.slot(c);
      if (slot < 0 || slot >= scope.ownWidth()) {
        return null;
      }
      out.add(new AccessPath.Order(scope.table().columns().get(slot).id(), o.desc()));
    }
    return out;
  }

  /** ORDER BY: NULLs last ascending and first descending, as PostgreSQL does. */
  private static Comparator<Out> comparator(Evaluator ev, Stmt.Select s, List<Expr> items) {
    Comparator<Out> cmp = (a, b) -> 0;
    for (Stmt.OrderItem o : s.orderBy()) {
      int alias = aliasIndex(s.items(), o.expr());
      int aliasAt = alias >= 0 ? alias : position(o.expr(), items.size());
      Comparator<Out> one =
          (a, b) -> {
            SqlValue x =
                aliasAt >= 0 ? a.values().get(aliasAt) : ev.eval(o.expr(), a.row(), a.aggs());
            SqlValue y =
                aliasAt >= 0 ? b.values().get(aliasAt) : ev.eval(o.expr(), b.row(), b.aggs());
            int c;
            if (x.isNull() || y.isNull()) {
              c = x.isNull() == y.isNull() ? 0 : (x.isNull() ? 1 : -1);
            } else {
              c = x.compareTo(y);
            }
            return o.desc() ? -c : c;
          };
      cmp = cmp.thenComparing(one);
    }
    return cmp;
  }

  /** {@code ORDER BY n}: the 0-based index of the n-th select item, or -1. */
  static int position(Expr e, int items) {
    if (e instanceof Expr.Literal l
        && l.value().type() == SqlType.INTEGER
        && l.value().asLong() >= 1
        && l.value().asLong() <= items) {
      return (int) l.value().asLong() - 1;
    }
    return -1;
  }

  private static int aliasIndex(List<Stmt.SelectItem> items, Expr e) {
    if (!(e instanceof Expr.Column c) || c.table() != null) {
      return -1;
    }
    if (items.stream().anyMatch(i -> i.expr() == null)) {
      return -1;
    }
    for (int i = 0; i < items.size(); i++) {
      if (c.column().equals(items.get(i).alias())) {
        return i;
      }
    }
    return -1;
  }

  private static long count(Evaluator ev, Expr e, String what, long dflt) {
    if (e == null) {
      return dflt;
    }
    SqlValue v = ev.eval(e, null, null);
    if (v.type() != SqlType.INTEGER || v.asLong() < 0) {
      throw SqlException.invalid(what + " must be a non-negative INTEGER, got " + v);
    }
    return v.asLong();
  }

  private static long saturatedAdd(long a, long b) {
    long r = a + b;
    return r < 0 ? Long.MAX_VALUE : r;
  }
}
