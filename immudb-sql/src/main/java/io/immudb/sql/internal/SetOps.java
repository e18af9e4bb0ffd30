package io.immudb.sql.internal;

import io.immudb.sql.SqlException;
import io.immudb.sql.SqlValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The set operations of a compound SELECT over result rows, and its ORDER BY. UNION, EXCEPT and
 * INTERSECT remove duplicates (rows are equal when every value is, NULL equal to NULL, as SQL's set
 * operations treat them); UNION ALL keeps them. Stateless.
 */
final class SetOps {
  private SetOps() {}

  /** {@code rows op next}, in first-seen order. */
  static List<List<SqlValue>> combine(
      Stmt.SetOp op, List<List<SqlValue>> rows, List<List<SqlValue>> next) {
    if (op == Stmt.SetOp.UNION_ALL) {
      List<List<SqlValue>> all = new ArrayList<>(rows);
      all.addAll(next);
      return all;
    }
    LinkedHashSet<List<SqlValue>> set = new LinkedHashSet<>(rows);
    switch (op) {
      case UNION -> set.addAll(next);
      case EXCEPT -> next.forEach(set::remove);
      case INTERSECT -> set.retainAll(new HashSet<>(next));
      default -> throw new IllegalStateException(op.name());
    }
    return new ArrayList<>(set);
  }

  /**
   * Sorts the combined rows by {@code s}'s ORDER BY, whose items name result columns by position or
   * by a name of the first part's select list; NULLs last ascending, first descending.
   */
  static void sort(List<List<SqlValue>> rows, Stmt.Select s, int columns) {
    if (s.orderBy().isEmpty()) {
      return;
    }
    Comparator<List<SqlValue>> cmp = (a, b) -> 0;
    for (Stmt.OrderItem o : s.orderBy()) {
      int at = resultIndex(s.items(), columns, o.expr());
      Comparator<List<SqlValue>> one =
          (a, b) -> {
            int c = compareNullsLast(a.get(at), b.get(at));
            return o.desc() ? -c : c;
          };
      cmp = cmp.thenComparing(one);
    }
    rows.sort(cmp);
  }

  private static int resultIndex(List<Stmt.SelectItem> items, int columns, Expr e) {
    int at = QueryExecutor.position(e, columns);
    if (at >= 0) {
      return at;
    }
    if (e instanceof Expr.Column c && items.stream().noneMatch(i -> i.expr() == null)) {
      for (int i = 0; i < items.size(); i++) {
        Stmt.SelectItem item = items.get(i);
        if (c.column().equals(item.alias())
            || (item.alias() == null
                && item.expr() instanceof Expr.Column ic
                && ic.column().equals(c.column()))) {
          return i;
        }
      }
    }
    throw SqlException.invalid(
        "ORDER BY of a compound SELECT must name a column of its result, by position or name");
  }

  private static int compareNullsLast(SqlValue x, SqlValue y) {
    if (x.isNull() || y.isNull()) {
      return x.isNull() == y.isNull() ? 0 : (x.isNull() ? 1 : -1);
    }
    return x.compareTo(y);
  }
}
