package io.immudb.sql.internal;

import io.immudb.sql.SqlException;
import io.immudb.sql.SqlType;
import io.immudb.sql.SqlValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GROUP BY and the aggregates COUNT, SUM, MIN, MAX, AVG: groups in order of first appearance, each
 * with its first row (for the grouped columns) and its aggregate values. Without GROUP BY the whole
 * input is one group, also when it is empty (COUNT 0, the others NULL). NULLs are skipped by every
 * aggregate but {@code COUNT(*)}; SUM and AVG take INTEGER and AVG is the truncated integer mean.
 * Stateless.
 */
final class Grouping {
  /** One group: a representative row and the aggregates over its rows. */
  record Group(SqlValue[] row, Map<Expr.Aggregate, SqlValue> aggs) {}

  private Grouping() {}

  /** Whether any of {@code exprs} contains an aggregate. */
  static boolean hasAggregate(List<Expr> exprs) {
    List<Expr.Aggregate> found = new ArrayList<>();
    exprs.forEach(e -> collect(e, found));
    return !found.isEmpty();
  }

  static List<Group> group(
      Iterator<SqlValue[]> rows, List<Expr> groupBy, List<Expr> uses, Evaluator ev, int width) {
    List<Expr.Aggregate> aggs = new ArrayList<>();
    uses.forEach(e -> collect(e, aggs));
    Map<List<SqlValue>, SqlValue[]> firsts = new LinkedHashMap<>();
    Map<List<SqlValue>, Acc[]> accs = new HashMap<>();
    while (rows.hasNext()) {
      SqlValue[] r = rows.next();
      List<SqlValue> key = new ArrayList<>(groupBy.size());
      for (Expr g : groupBy) {
        key.add(ev.eval(g, r, null));
      }
      firsts.putIfAbsent(key, r);
      Acc[] a =
          accs.computeIfAbsent(
              key,
              k -> {
                Acc[] n = new Acc[aggs.size()];
                for (int i = 0; i < n.length; i++) {
                  n[i] = new Acc(aggs.get(i).fn());
                }
                return n;
              });
      for (int i = 0; i < aggs.size(); i++) {
        Expr arg = aggs.get(i).arg();
        a[i].add(arg == null ? SqlValue.ofBoolean(true) : ev.eval(arg, r, null));
      }
    }
    if (firsts.isEmpty() && groupBy.isEmpty()) {
      SqlValue[] empty = new SqlValue[width];
      Arrays.fill(empty, SqlValue.NULL);
      firsts.put(List.of(), empty);
      Acc[] n = new Acc[aggs.size()];
      for (int i = 0; i < n.length; i++) {
        n[i] = new Acc(aggs.get(i).fn());
      }
      accs.put(List.of(), n);
    }
    List<Group> out = new ArrayList<>();
    firsts.forEach(
        (key, row) -> {
          Map<Expr.Aggregate, SqlValue> values = new HashMap<>();
          Acc[] a = accs.get(key);
          for (int i = 0; i < aggs.size(); i++) {
            values.put(aggs.get(i), a[i].result());
          }
          out.add(new Group(row, values));
        });
    return out;
  }

  private static void collect(Expr e, List<Expr.Aggregate> out) {
    if (e instanceof Expr.Aggregate a) {
      if (!out.contains(a)) {
        out.add(a);
      }
    } else if (e instanceof Expr.Binary b) {
      collect(b.left(), out);
      collect(b.right(), out);
    } else if (e instanceof Expr.Not n) {
      collect(n.operand(), out);
    } else if (e instanceof Expr.Negate n) {
      collect(n.operand(), out);
    } else if (e instanceof Expr.IsNull n) {
      collect(n.operand(), out);
    } else if (e instanceof Expr.Like l) {
      collect(l.operand(), out);
      collect(l.pattern(), out);
    } else if (e instanceof Expr.Between b) {
      collect(b.operand(), out);
      collect(b.low(), out);
      collect(b.high(), out);
    } else if (e instanceof Expr.In in) {
      collect(in.operand(), out);
      in.list().forEach(x -> collect(x, out));
    } else if (e instanceof Expr.InSelect in) {
      collect(in.operand(), out); // a subquery's own aggregates are its own
    } else if (e instanceof Expr.Case k) {
      collect(k.operand(), out);
      k.whens()
          .forEach(
              w -> {
                collect(w.when(), out);
                collect(w.then(), out);
              });
      collect(k.otherwise(), out);
    } else if (e instanceof Expr.Call f) {
      f.args().forEach(x -> collect(x, out));
    }
  }

  /** One aggregate's running state. */
  private static final class Acc {
    private final Expr.Fn fn;
    private long count;
    private long sum;
    private SqlValue best = SqlValue.NULL;

    Acc(Expr.Fn fn) {
      this.fn = fn;
    }

    void add(SqlValue v) {
      if (v.isNull()) {
        return;
      }
      count++;
      switch (fn) {
        case SUM, AVG -> {
          if (v.type() != SqlType.INTEGER) {
            throw SqlException.invalid(fn + " needs INTEGER values, got " + v.typeName());
          }
          sum = Math.addExact(sum, v.asLong());
        }
        case MIN -> best = best.isNull() || v.compareTo(best) < 0 ? v : best;
        case MAX -> best = best.isNull() || v.compareTo(best) > 0 ? v : best;
        case COUNT -> {}
      }
    }

    SqlValue result() {
      return switch (fn) {
        case COUNT -> SqlValue.ofInteger(count);
        case SUM -> count == 0 ? SqlValue.NULL : SqlValue.ofInteger(sum);
        case AVG -> count == 0 ? SqlValue.NULL : SqlValue.ofInteger(sum / count);
        case MIN, MAX -> best;
      };
    }
  }
}
