package io.immudb.sql.internal;

import io.immudb.sql.SqlException;
import io.immudb.sql.SqlType;
import io.immudb.sql.SqlValue;
import java.util.Map;

/**
 * Checks an expression before any row is read: every column exists, and the two sides of a
 * comparison, IN or BETWEEN have the same type where it is known without data (columns, literals,
 * parameters). So a bad statement fails the same way on an empty table as on a full one. Stateless.
 */
final class TypeCheck {
  private TypeCheck() {}

  static void check(Scope scope, Expr e, Map<String, SqlValue> params) {
    if (e == null) {
      return;
    }
    if (e instanceof Expr.Column c) {
      scope.slot(c);
    } else if (e instanceof Expr.Binary b) {
      check(scope, b.left(), params);
      check(scope, b.right(), params);
      if (b.op() != Expr.Op.AND && b.op() != Expr.Op.OR) {
        same(scope, b.left(), b.right(), params);
      }
    } else if (e instanceof Expr.Not n) {
      check(scope, n.operand(), params);
    } else if (e instanceof Expr.Negate n) {
      check(scope, n.operand(), params);
    } else if (e instanceof Expr.IsNull n) {
      check(scope, n.operand(), params);
    } else if (e instanceof Expr.Like l) {
      check(scope, l.operand(), params);
      check(scope, l.pattern(), params);
    } else if (e instanceof Expr.Between b) {
      check(scope, b.operand(), params);
      check(scope, b.low(), params);
      check(scope, b.high(), params);
      same(scope, b.operand(), b.low(), params);
      same(scope, b.operand(), b.high(), params);
    } else if (e instanceof Expr.In in) {
      check(scope, in.operand(), params);
      for (Expr x : in.list()) {
        check(scope, x, params);
        same(scope, in.operand(), x, params);
      }
    } else if (e instanceof Expr.Aggregate a) {
      check(scope, a.arg(), params);
    } else if (e instanceof Expr.Case k) {
      check(scope, k.operand(), params);
      for (Expr.When w : k.whens()) {
        check(scope, w.when(), params);
        check(scope, w.then(), params);
        if (k.operand() != null) {
          same(scope, k.operand(), w.when(), params);
        }
      }
      check(scope, k.otherwise(), params);
    } else if (e instanceof Expr.Call f) {
      f.args().forEach(x -> check(scope, x, params));
    } else if (e instanceof Expr.InSelect in) {
      check(scope, in.operand(), params); // the subquery is checked when it runs
    }
  }

  private static void same(Scope scope, Expr a, Expr b, Map<String, SqlValue> params) {
    SqlType x = known(scope, a, params);
    SqlType y = known(scope, b, params);
    if (x != null && y != null && x != y) {
      throw SqlException.invalid("type mismatch: cannot compare " + x + " with " + y);
    }
  }

  private static SqlType known(Scope scope, Expr e, Map<String, SqlValue> params) {
    if (e instanceof Expr.Column c) {
      return scope.type(scope.slot(c));
    } else if (e instanceof Expr.Literal l) {
      return l.value().type();
    } else if (e instanceof Expr.Param p) {
      SqlValue v = params.get(p.name());
      return v == null ? null : v.type();
    }
    return null;
  }
}
