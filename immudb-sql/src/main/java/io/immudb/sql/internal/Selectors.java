package io.immudb.sql.internal;

import io.immudb.sql.ResultColumn;
import io.immudb.sql.SqlType;
import io.immudb.sql.SqlValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The result columns of a SELECT as immudb names them (spec v1 §11): {@code (db.table.col)} for a
 * column, {@code FN(db.table.col)} for an aggregate ({@code COUNT(db.table.*)} for {@code
 * COUNT(*)}), {@code (db.table.alias)} for an aliased item, {@code (db.table.col<i>)} for another
 * expression; with the type each gives. Not thread-safe; one per query.
 */
final class Selectors {
  private final String dbName;
  private final Map<String, SqlValue> params;

  Selectors(String dbName, Map<String, SqlValue> params) {
    this.dbName = dbName;
    this.params = params;
  }

  /** immudb's selectors: {@code (db.table.col)}, {@code FN(db.table.col)} (spec v1 §11). */
  List<ResultColumn> columns(Scope scope, List<Stmt.SelectItem> src, List<Expr> items) {
    List<String> aliases = new ArrayList<>();
    for (Stmt.SelectItem i : src) {
      if (i.expr() == null) {
        for (int slot = 0; slot < scope.ownWidth(); slot++) {
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
        name = "(" + dbName + "." + scope.tableName(scope.slot(c)) + "." + c.column() + ")";
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
    } else if (e instanceof Expr.Negate || e instanceof Expr.Subquery) {
      return SqlType.INTEGER;
    } else if (e instanceof Expr.Case k) {
      return typeOf(scope, k.whens().get(0).then());
    } else if (e instanceof Expr.Call f) {
      return f.args().isEmpty() ? SqlType.INTEGER : typeOf(scope, f.args().get(0));
    } else if (e instanceof Expr.Binary b) {
      return switch (b.op()) {
        case ADD, SUB, MUL, DIV, MOD -> SqlType.INTEGER;
        default -> SqlType.BOOLEAN;
      };
    }
    return SqlType.BOOLEAN;
  }
}
