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
 * Runs one SELECT: rows from {@link RowSource} (or every version, for {@code HISTORY OF}), grouping
 * and aggregates ({@link Grouping}), HAVING, DISTINCT, ORDER BY (skipped when it is the primary-key
 * order the rows already come in), OFFSET and LIMIT, then the select list with immudb's selectors
 * (spec v1 §11). Without sorting, grouping or DISTINCT the rows stream and reading stops at OFFSET
 * + LIMIT. Not thread-safe; one per query.
 */
final class QueryExecutor {
  private final String dbName;
  private final Map<String, SqlValue> params;
  private final long nowMicros;

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
    TableDef table = catalog.table(s.from().table());
    Scope scope = new Scope(table, s.from().name(), s.from().history());
    Evaluator ev = new Evaluator(scope, params, nowMicros);
    List<Expr> items = expandStar(scope, s.items());
    TypeCheck.check(scope, s.where(), params);
    items.forEach(e -> TypeCheck.check(scope, e, params));
    TypeCheck.check(scope, s.having(), params);
    s.groupBy().forEach(e -> TypeCheck.check(scope, e, params));
    for (Stmt.OrderItem o : s.orderBy()) {
      if (aliasIndex(s.items(), o.expr()) < 0) {
        TypeCheck.check(scope, o.expr(), params);
      }
    }
    List<ResultColumn> columns = columns(scope, s.items(), items);
    List<Expr> all = new ArrayList<>(items);
    if (s.having() != null) {
      all.add(s.having());
    }
    s.orderBy().forEach(o -> all.add(o.expr()));
    boolean grouped = !s.groupBy().isEmpty() || Grouping.hasAggregate(all);
    boolean pkOrder = !grouped && isPkOrder(scope, s.orderBy());
    boolean desc = pkOrder && !s.orderBy().isEmpty() && s.orderBy().get(0).desc();
    boolean sorted = !s.orderBy().isEmpty() && !pkOrder;
    long offset = count(ev, s.offset(), "OFFSET", 0);
    long limit = count(ev, s.limit(), "LIMIT", Long.MAX_VALUE);
    boolean streaming = !grouped && !sorted && !s.distinct();

    Iterator<SqlValue[]> rows = source(reader, scope, s, ev, desc, minTx);
    List<Out> outs = new ArrayList<>();
    if (grouped) {
      for (Grouping.Group g : Grouping.group(rows, s.groupBy(), all, ev, scope.width())) {
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
    return new QueryResult(columns, result);
  }

  private Iterator<SqlValue[]> source(
      KvReader reader, Scope scope, Stmt.Select s, Evaluator ev, boolean desc, long minTx) {
    if (!scope.history()) {
      Iterator<RowSource.Row> it = RowSource.rows(reader, scope, s.where(), ev, desc, minTx);
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
        for (int slot = 0; slot < scope.width(); slot++) {
          out.add(new Expr.Column(null, scope.columnName(slot)));
        }
      } else {
        out.add(i.expr());
      }
    }
    return out;
  }

  /** immudb's selectors: {@code (db.table.col)}, {@code FN(db.table.col)} (spec v1 §11). */
  private List<ResultColumn> columns(Scope scope, List<Stmt.SelectItem> src, List<Expr> items) {
    List<String> aliases = new ArrayList<>();
    for (Stmt.SelectItem i : src) {
      if (i.expr() == null) {
        for (int slot = 0; slot < scope.width(); slot++) {
          aliases.add(null);
        }
      } else {
        aliases.add(i.alias());
      }
    }
    String prefix = dbName + "." + scope.name() + ".";
    List<ResultColumn> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Expr e = items.get(i);
      String alias = aliases.get(i);
      String name;
      if (alias != null) {
        name = "(" + prefix + alias + ")";
      } else if (e instanceof Expr.Column c) {
        name = "(" + prefix + c.column() + ")";
      } else if (e instanceof Expr.Aggregate a) {
        String arg = a.arg() instanceof Expr.Column c ? c.column() : "*";
        name = a.fn().name() + "(" + prefix + arg + ")";
      } else {
        name = "(" + prefix + "col" + i + ")";
      }
      out.add(new ResultColumn(name, typeOf(scope, e).name()));
    }
    return out;
  }

  private SqlType typeOf(Scope scope, Expr e) {
    if (e instanceof Expr.Column c) {
      return scope.type(scope.slot(c));
    } else if (e instanceof Expr.Literal l) {
      return l.value().isNull() ? SqlType.VARCHAR : l.value().type();
    } else if (e instanceof Expr.Param p) {
      SqlValue v = params.get(p.name());
      return v == null || v.isNull() ? SqlType.VARCHAR : v.type();
    } else if (e instanceof Expr.Aggregate a) {
      return (a.fn() == Expr.Fn.MIN || a.fn() == Expr.Fn.MAX)
          ? typeOf(scope, a.arg())
          : SqlType.INTEGER;
    } else if (e instanceof Expr.Now) {
      return SqlType.TIMESTAMP;
    } else if (e instanceof Expr.Negate) {
      return SqlType.INTEGER;
    } else if (e instanceof Expr.Binary b) {
      return switch (b.op()) {
        case ADD, SUB, MUL, DIV, MOD -> SqlType.INTEGER;
        default -> SqlType.BOOLEAN;
      };
    }
    return SqlType.BOOLEAN;
  }

  /** Whether ORDER BY is the first primary-key column alone, the order rows come in. */
  private static boolean isPkOrder(Scope scope, List<Stmt.OrderItem> order) {
    if (order.isEmpty()) {
      return true;
    }
    if (order.size() != 1 || scope.history() || scope.table().primaryKey().size() != 1) {
      return false;
    }
    return order.get(0).expr() instanceof Expr.Column c
        && scope.slot(c) == scope.table().position(scope.table().primaryKey().get(0));
  }

  /** ORDER BY: NULLs last ascending and first descending, as PostgreSQL does. */
  private static Comparator<Out> comparator(Evaluator ev, Stmt.Select s, List<Expr> items) {
    Comparator<Out> cmp = (a, b) -> 0;
    for (Stmt.OrderItem o : s.orderBy()) {
      int aliasAt = aliasIndex(s.items(), o.expr());
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
