package io.immudb.sql.internal;

import io.immudb.sql.SqlException;
import io.immudb.sql.SqlType;
import io.immudb.sql.SqlValue;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Evaluates {@link Expr}s over one row with SQL's three-valued logic: a comparison with NULL is
 * NULL, {@code NULL AND FALSE} is FALSE, {@code NULL OR TRUE} is TRUE, and WHERE keeps a row only
 * when its condition is TRUE. Operands of a comparison must have the same type; arithmetic is on
 * INTEGER (64-bit, overflow and division by zero are errors). LIKE takes PostgreSQL's patterns
 * ({@code %} any run, {@code _} one character). Not thread-safe (caches LIKE patterns).
 */
final class Evaluator {
  private final Scope scope;
  private final Map<String, SqlValue> params;
  private final long nowMicros;
  private final Map<String, Pattern> likeCache = new java.util.HashMap<>();
  private Subqueries subqueries;

  Evaluator(Scope scope, Map<String, SqlValue> params, long nowMicros) {
    this.scope = scope;
    this.params = params;
    this.nowMicros = nowMicros;
  }

  /** Lets this evaluator run subqueries (only SELECT sets it; elsewhere they are refused). */
  void subqueries(Subqueries s) {
    this.subqueries = s;
  }

  Map<String, SqlValue> params() {
    return params;
  }

  /** Evaluates {@code e} over {@code row}; aggregates are looked up in {@code aggs} (or fail). */
  SqlValue eval(Expr e, SqlValue[] row, Map<Expr.Aggregate, SqlValue> aggs) {
    if (e instanceof Expr.Literal l) {
      return l.value();
    } else if (e instanceof Expr.Param p) {
      return param(p.name());
    } else if (e instanceof Expr.Column c) {
      if (row == null) {
        throw SqlException.invalid("column " + c.column() + " is not allowed here");
      }
      return row[scope.slot(c)];
    } else if (e instanceof Expr.Now) {
      return SqlValue.ofTimestamp(nowMicros);
    } else if (e instanceof Expr.Aggregate a) {
      SqlValue v = aggs == null ? null : aggs.get(a);
      if (v == null) {
        throw SqlException.invalid("aggregate " + a.fn() + " is not allowed here");
      }
      return v;
    } else if (e instanceof Expr.Not n) {
      SqlValue v = eval(n.operand(), row, aggs);
      return v.isNull() ? v : SqlValue.ofBoolean(!bool(v));
    } else if (e instanceof Expr.Negate n) {
      SqlValue v = eval(n.operand(), row, aggs);
      return v.isNull() ? v : SqlValue.ofInteger(Math.negateExact(integer(v)));
    } else if (e instanceof Expr.IsNull n) {
      return SqlValue.ofBoolean(eval(n.operand(), row, aggs).isNull() != n.not());
    } else if (e instanceof Expr.Between b) {
      SqlValue v = eval(b.operand(), row, aggs);
      SqlValue lo = eval(b.low(), row, aggs);
      SqlValue hi = eval(b.high(), row, aggs);
      if (v.isNull() || lo.isNull() || hi.isNull()) {
        return SqlValue.NULL;
      }
      boolean in = v.compareTo(lo) >= 0 && v.compareTo(hi) <= 0;
      return SqlValue.ofBoolean(in != b.not());
    } else if (e instanceof Expr.In in) {
      return in(in, row, aggs);
    } else if (e instanceof Expr.Like l) {
      SqlValue v = eval(l.operand(), row, aggs);
      SqlValue p = eval(l.pattern(), row, aggs);
      if (v.isNull() || p.isNull()) {
        return SqlValue.NULL;
      }
      if (v.type() != SqlType.VARCHAR || p.type() != SqlType.VARCHAR) {
        throw SqlException.invalid(
            "type mismatch: LIKE needs VARCHAR operands, got "
                + v.typeName()
                + " LIKE "
                + p.typeName());
      }
      boolean m = likePattern(p.asString()).matcher(v.asString()).matches();
      return SqlValue.ofBoolean(m != l.not());
    } else if (e instanceof Expr.Case k) {
      return caseOf(k, row, aggs);
    } else if (e instanceof Expr.Call f) {
      return ScalarFunctions.call(
          f.name(), f.args().stream().map(a -> eval(a, row, aggs)).toList());
    } else if (e instanceof Expr.Subquery q) {
      List<List<SqlValue>> rows = subquery(q.select(), row);
      return rows.isEmpty() ? SqlValue.NULL : rows.get(0).get(0);
    } else if (e instanceof Expr.Exists x) {
      return SqlValue.ofBoolean(!subquery(x.select(), row).isEmpty());
    } else if (e instanceof Expr.InSelect in) {
      SqlValue v = eval(in.operand(), row, aggs);
      List<List<SqlValue>> rows = subquery(in.select(), row);
      if (rows.isEmpty()) {
        return SqlValue.ofBoolean(in.not());
      }
      if (v.isNull()) {
        return SqlValue.NULL;
      }
      boolean sawNull = false;
      for (List<SqlValue> r : rows) {
        SqlValue w = r.get(0);
        if (w.isNull()) {
          sawNull = true;
        } else if (v.compareTo(w) == 0) {
          return SqlValue.ofBoolean(!in.not());
        }
      }
      return sawNull ? SqlValue.NULL : SqlValue.ofBoolean(in.not());
    }
    return binary((Expr.Binary) e, row, aggs);
  }

  /** {@code CASE}: the THEN of the first WHEN that is TRUE (or equal to the operand), else ELSE. */
  private SqlValue caseOf(Expr.Case k, SqlValue[] row, Map<Expr.Aggregate, SqlValue> aggs) {
    SqlValue operand = k.operand() == null ? null : eval(k.operand(), row, aggs);
    for (Expr.When w : k.whens()) {
      SqlValue cond = eval(w.when(), row, aggs);
      boolean hit =
          operand == null
              ? isTrue(cond)
              : !operand.isNull() && !cond.isNull() && operand.compareTo(cond) == 0;
      if (hit) {
        return eval(w.then(), row, aggs);
      }
    }
    return k.otherwise() == null ? SqlValue.NULL : eval(k.otherwise(), row, aggs);
  }

  private List<List<SqlValue>> subquery(Stmt.Select s, SqlValue[] row) {
    if (subqueries == null) {
      throw SqlException.invalid("subqueries are only supported in SELECT");
    }
    List<List<SqlValue>> rows = subqueries.run(s, row);
    if (!rows.isEmpty() && rows.get(0).size() != 1) {
      throw SqlException.invalid("a subquery used as a value must return one column");
    }
    return rows;
  }

  /** Whether {@code v} is TRUE (NULL is not). */
  static boolean isTrue(SqlValue v) {
    return !v.isNull() && bool(v);
  }

  private SqlValue in(Expr.In in, SqlValue[] row, Map<Expr.Aggregate, SqlValue> aggs) {
    SqlValue v = eval(in.operand(), row, aggs);
    if (v.isNull()) {
      return SqlValue.NULL;
    }
    boolean sawNull = false;
    for (Expr x : in.list()) {
      SqlValue w = eval(x, row, aggs);
      if (w.isNull()) {
        sawNull = true;
      } else if (v.compareTo(w) == 0) {
        return SqlValue.ofBoolean(!in.not());
      }
    }
    return sawNull ? SqlValue.NULL : SqlValue.ofBoolean(in.not());
  }

  private SqlValue binary(Expr.Binary b, SqlValue[] row, Map<Expr.Aggregate, SqlValue> aggs) {
    SqlValue l = eval(b.left(), row, aggs);
    if (b.op() == Expr.Op.AND || b.op() == Expr.Op.OR) {
      boolean isAnd = b.op() == Expr.Op.AND;
      if (!l.isNull() && bool(l) != isAnd) {
        return l; // FALSE AND x, TRUE OR x
      }
      SqlValue r = eval(b.right(), row, aggs);
      if (!r.isNull() && bool(r) != isAnd) {
        return r;
      }
      return l.isNull() || r.isNull() ? SqlValue.NULL : SqlValue.ofBoolean(isAnd);
    }
    SqlValue r = eval(b.right(), row, aggs);
    if (l.isNull() || r.isNull()) {
      return SqlValue.NULL;
    }
    return switch (b.op()) {
      case EQ -> SqlValue.ofBoolean(l.compareTo(r) == 0);
      case NE -> SqlValue.ofBoolean(l.compareTo(r) != 0);
      case LT -> SqlValue.ofBoolean(l.compareTo(r) < 0);
      case LE -> SqlValue.ofBoolean(l.compareTo(r) <= 0);
      case GT -> SqlValue.ofBoolean(l.compareTo(r) > 0);
      case GE -> SqlValue.ofBoolean(l.compareTo(r) >= 0);
      case ADD -> SqlValue.ofInteger(Math.addExact(integer(l), integer(r)));
      case SUB -> SqlValue.ofInteger(Math.subtractExact(integer(l), integer(r)));
      case MUL -> SqlValue.ofInteger(Math.multiplyExact(integer(l), integer(r)));
      case DIV -> SqlValue.ofInteger(integer(l) / nonZero(integer(r)));
      case MOD -> SqlValue.ofInteger(integer(l) % nonZero(integer(r)));
      default -> throw new IllegalStateException(b.op().name());
    };
  }

  private SqlValue param(String name) {
    SqlValue v = params.get(name);
    if (v == null) {
      throw SqlException.invalid("missing parameter @" + name);
    }
    return v;
  }

  private static long nonZero(long v) {
    if (v == 0) {
      throw SqlException.invalid("division by zero");
    }
    return v;
  }

  private static long integer(SqlValue v) {
    if (v.type() != SqlType.INTEGER) {
      throw SqlException.invalid("type mismatch: expected INTEGER, got " + v.typeName());
    }
    return v.asLong();
  }

  private static boolean bool(SqlValue v) {
    if (v.type() != SqlType.BOOLEAN) {
      throw SqlException.invalid("type mismatch: expected BOOLEAN, got " + v.typeName());
    }
    return v.asBoolean();
  }

  private Pattern likePattern(String like) {
    return likeCache.computeIfAbsent(
        like,
        p -> {
          StringBuilder re = new StringBuilder();
          for (char ch : p.toCharArray()) {
            if (ch == '%') {
              re.append(".*");
            } else if (ch == '_') {
              re.append('.');
            } else {
              re.append(Pattern.quote(String.valueOf(ch)));
            }
          }
          return Pattern.compile(re.toString(), Pattern.DOTALL);
        });
  }
}
