package io.immudb.sql.internal;

import io.immudb.sql.SqlException;
import io.immudb.sql.SqlValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The rows of a FROM clause with several tables, or of a correlated subquery: a nested-loop join.
 * Each table's live rows are read once. WHERE and inner-join ON are split at AND into conjuncts.
 * When every join is inner: the conjuncts naming one table filter its rows first; the tables are
 * visited smallest first, each next one tied by some conjunct to those already bound when one is;
 * each other conjunct is checked as soon as every table it names is bound; and a level with an
 * equality between its table's column and an expression of earlier tables looks its rows up in a
 * hash map (a hash join). LEFT JOIN keeps the written order, and pads a left row that no right row
 * matches (on its ON conjuncts) with NULLs before WHERE applies. A row array is laid out as {@link
 * Scope} says, with the outer query's row at the end. docs/design/sql.md, "Queries". Not
 * thread-safe; one per query.
 */
final class Join {
  /** The most row combinations one join may examine before it is refused. */
  static final long MAX_COMBINATIONS = 20_000_000L;

  private final Scope scope;
  private final Evaluator ev;
  private final List<List<SqlValue[]>> tables = new ArrayList<>();
  private final int[] order; // order[level] = binding visited at that level
  private final boolean[] left; // by level
  private final List<List<Expr>> onFilters = new ArrayList<>(); // by level
  private final List<List<Expr>> filters = new ArrayList<>(); // by level
  private final List<SqlValue[]> out = new ArrayList<>();
  private long combinations;
  private final Map<Integer, Map<SqlValue, List<SqlValue[]>>> hashes = new HashMap<>();
  private final Map<Integer, Expr> probes = new HashMap<>();

  private Join(Scope scope, Evaluator ev, int[] order, boolean[] left) {
    this.scope = scope;
    this.ev = ev;
    this.order = order;
    this.left = left;
  }

  /**
   * The rows of {@code s}'s FROM that satisfy its WHERE and ON conditions; {@code outerRow} (may be
   * null) fills the outer slots; {@code minTx} applies to the first table (SINCE / AFTER TX).
   */
  static Iterator<SqlValue[]> rows(
      KvReader reader, Scope scope, Stmt.Select s, Evaluator ev, SqlValue[] outerRow, long minTx) {
    int n = scope.bindings().size();
    List<Expr> where = new ArrayList<>();
    conjuncts(s.where(), where);
    List<List<Expr>> ons = new ArrayList<>();
    ons.add(List.of());
    boolean anyLeft = false;
    for (Stmt.Join j : s.joins()) {
      List<Expr> c = new ArrayList<>();
      conjuncts(j.on(), c);
      ons.add(c);
      anyLeft |= j.left();
    }
    SqlValue[] row = new SqlValue[scope.width()];
    Arrays.fill(row, SqlValue.NULL);
    if (outerRow != null) {
      System.arraycopy(outerRow, 0, row, scope.ownWidth(), outerRow.length);
    }
    // with inner joins only, WHERE and ON are one set of conjuncts; those naming one table filter
    // its rows before the loop
    List<Expr> pooled = new ArrayList<>(where);
    List<List<Expr>> single = new ArrayList<>();
    for (int b = 0; b < n; b++) {
      single.add(new ArrayList<>());
    }
    if (!anyLeft) {
      ons.forEach(pooled::addAll);
      for (java.util.Iterator<Expr> it = pooled.iterator(); it.hasNext(); ) {
        Expr c = it.next();
        List<Expr.Column> cols = new ArrayList<>();
        if (!columns(c, cols)) {
          continue;
        }
        int only = -2;
        for (Expr.Column col : cols) {
          int b = scope.bindingOf(col);
          if (b >= 0) {
            only = only == -2 || only == b ? b : -1;
          }
        }
        if (only >= 0) {
          single.get(only).add(c);
          it.remove();
        }
      }
    }
    List<List<SqlValue[]>> tables = new ArrayList<>();
    for (int b = 0; b < n; b++) {
      Scope.Binding binding = scope.bindings().get(b);
      Scope one = new Scope(binding.table(), binding.name(), false);
      Iterator<RowSource.Row> it = RowSource.rows(reader, one, null, ev, false, b == 0 ? minTx : 0);
      List<SqlValue[]> rows = new ArrayList<>();
      int off = scope.offset(b);
      int w = binding.width();
      while (it.hasNext()) {
        SqlValue[] r = it.next().values();
        System.arraycopy(r, 0, row, off, w);
        boolean keep = true;
        for (Expr c : single.get(b)) {
          if (!Evaluator.isTrue(ev.eval(c, row, null))) {
            keep = false;
            break;
          }
        }
        if (keep) {
          rows.add(r);
        }
      }
      Arrays.fill(row, off, off + w, SqlValue.NULL);
      tables.add(rows);
    }
    int[] order = new int[n];
    boolean[] leftByLevel = new boolean[n];
    if (anyLeft) {
      for (int i = 0; i < n; i++) {
        order[i] = i;
        leftByLevel[i] = i > 0 && s.joins().get(i - 1).left();
      }
    } else {
      greedyOrder(scope, pooled, order, tables);
    }
    int[] levelOf = new int[n];
    for (int l = 0; l < n; l++) {
      levelOf[order[l]] = l;
    }
    Join j = new Join(scope, ev, order, leftByLevel);
    j.tables.addAll(tables);
    for (int l = 0; l < n; l++) {
      j.onFilters.add(new ArrayList<>());
      j.filters.add(new ArrayList<>());
    }
    List<Expr> first = new ArrayList<>();
    for (Expr c : anyLeft ? where : pooled) {
      (level(scope, c, levelOf, n) < 0 ? first : j.filters.get(level(scope, c, levelOf, n))).add(c);
    }
    if (anyLeft) {
      for (int b = 1; b < n; b++) {
        for (Expr c : ons.get(b)) {
          if (leftByLevel[levelOf[b]]) {
            j.onFilters.get(levelOf[b]).add(c);
          } else {
            j.filters.get(Math.max(level(scope, c, levelOf, n), 0)).add(c);
          }
        }
      }
    }
    j.hashKeys();
    if (j.all(first, row)) {
      j.loop(0, row);
    }
    return j.out.iterator();
  }

  /**
   * For each level, an equality {@code col = e} among its conjuncts where {@code col} is a column
   * of the level's table and {@code e} names only tables bound earlier: its rows are then found
   * through a hash map on {@code col} instead of a scan (a hash join).
   */
  private void hashKeys() {
    for (int l = 0; l < order.length; l++) {
      if (left[l]) {
        continue;
      }
      int b = order[l];
      for (Expr c : filters.get(l)) {
        if (!(c instanceof Expr.Binary eq) || eq.op() != Expr.Op.EQ) {
          continue;
        }
        for (int side = 0; side < 2; side++) {
          Expr mine = side == 0 ? eq.left() : eq.right();
          Expr other = side == 0 ? eq.right() : eq.left();
          if (mine instanceof Expr.Column col
              && scope.bindingOf(col) == b
              && boundBefore(other, l)) {
            int at = scope.slot(col) - scope.offset(b);
            Map<SqlValue, List<SqlValue[]>> map = new HashMap<>();
            for (SqlValue[] r : tables.get(b)) {
              if (!r[at].isNull()) {
                map.computeIfAbsent(r[at], k -> new ArrayList<>()).add(r);
              }
            }
            hashes.put(l, map);
            probes.put(l, other);
            break;
          }
        }
        if (hashes.containsKey(l)) {
          break;
        }
      }
    }
  }

  private boolean boundBefore(Expr e, int level) {
    List<Expr.Column> cols = new ArrayList<>();
    if (!columns(e, cols)) {
      return false;
    }
    for (Expr.Column c : cols) {
      int b = scope.bindingOf(c);
      if (b >= 0 && levelOfBinding(b) >= level) {
        return false;
      }
    }
    return true;
  }

  private int levelOfBinding(int b) {
    for (int l = 0; l < order.length; l++) {
      if (order[l] == b) {
        return l;
      }
    }
    throw new IllegalStateException();
  }

  private void loop(int level, SqlValue[] row) {
    if (level == order.length) {
      out.add(row.clone());
      return;
    }
    int b = order[level];
    int off = scope.offset(b);
    int w = scope.bindings().get(b).width();
    boolean matched = false;
    List<SqlValue[]> candidates = tables.get(b);
    Map<SqlValue, List<SqlValue[]>> hash = hashes.get(level);
    if (hash != null) {
      SqlValue key = ev.eval(probes.get(level), row, null);
      candidates = key.isNull() ? List.of() : hash.getOrDefault(key, List.of());
    }
    for (SqlValue[] r : candidates) {
      if (++combinations > MAX_COMBINATIONS) {
        throw SqlException.invalid(
            "the join examines more than "
                + MAX_COMBINATIONS
                + " row combinations; add conditions that tie its tables together");
      }
      System.arraycopy(r, 0, row, off, w);
      if (!all(onFilters.get(level), row)) {
        continue;
      }
      matched = true;
      if (all(filters.get(level), row)) {
        loop(level + 1, row);
      }
    }
    if (!matched && left[level]) {
      Arrays.fill(row, off, off + w, SqlValue.NULL);
      if (all(filters.get(level), row)) {
        loop(level + 1, row);
      }
    }
  }

  private boolean all(List<Expr> conds, SqlValue[] row) {
    for (Expr c : conds) {
      if (!Evaluator.isTrue(ev.eval(c, row, null))) {
        return false;
      }
    }
    return true;
  }

  /** Splits {@code e} at AND. */
  static void conjuncts(Expr e, List<Expr> out) {
    if (e == null) {
      return;
    }
    if (e instanceof Expr.Binary b && b.op() == Expr.Op.AND) {
      conjuncts(b.left(), out);
      conjuncts(b.right(), out);
    } else {
      out.add(e);
    }
  }

  /**
   * The level at which every table {@code c} names is bound: the largest level among its columns (0
   * when it names only outer columns or none), the last level when it holds a subquery.
   */
  private static int level(Scope scope, Expr c, int[] levelOf, int n) {
    List<Expr.Column> cols = new ArrayList<>();
    if (!columns(c, cols)) {
      return n - 1;
    }
    int l = -1;
    for (Expr.Column col : cols) {
      int b = scope.bindingOf(col);
      if (b >= 0) {
        l = Math.max(l, levelOf[b]);
      }
    }
    return l;
  }

  /** Collects the column references of {@code e}; false if it holds a subquery or aggregate. */
  private static boolean columns(Expr e, List<Expr.Column> out) {
    if (e == null
        || e instanceof Expr.Literal
        || e instanceof Expr.Param
        || e instanceof Expr.Now) {
      return true;
    } else if (e instanceof Expr.Column c) {
      out.add(c);
      return true;
    } else if (e instanceof Expr.Binary b) {
      return columns(b.left(), out) & columns(b.right(), out);
    } else if (e instanceof Expr.Not n) {
      return columns(n.operand(), out);
    } else if (e instanceof Expr.Negate n) {
      return columns(n.operand(), out);
    } else if (e instanceof Expr.IsNull n) {
      return columns(n.operand(), out);
    } else if (e instanceof Expr.Like l) {
      return columns(l.operand(), out) & columns(l.pattern(), out);
    } else if (e instanceof Expr.Between b) {
      return columns(b.operand(), out) & columns(b.low(), out) & columns(b.high(), out);
    } else if (e instanceof Expr.In in) {
      boolean ok = columns(in.operand(), out);
      for (Expr x : in.list()) {
        ok &= columns(x, out);
      }
      return ok;
    } else if (e instanceof Expr.Case k) {
      boolean ok = columns(k.operand(), out) & columns(k.otherwise(), out);
      for (Expr.When w : k.whens()) {
        ok &= columns(w.when(), out) & columns(w.then(), out);
      }
      return ok;
    } else if (e instanceof Expr.Call f) {
      boolean ok = true;
      for (Expr x : f.args()) {
        ok &= columns(x, out);
      }
      return ok;
    }
    return false; // subqueries, aggregates
  }

  /**
   * An order of the bindings in which each next one shares a conjunct with those already placed,
   * the smallest such (else the smallest left); starts with the smallest table.
   */
  private static void greedyOrder(
      Scope scope, List<Expr> conds, int[] order, List<List<SqlValue[]>> tables) {
    int n = order.length;
    List<java.util.BitSet> masks = new ArrayList<>();
    for (Expr c : conds) {
      List<Expr.Column> cols = new ArrayList<>();
      columns(c, cols);
      java.util.BitSet m = new java.util.BitSet(n);
      for (Expr.Column col : cols) {
        int b = scope.bindingOf(col);
        if (b >= 0) {
          m.set(b);
        }
      }
      masks.add(m);
    }
    java.util.BitSet placed = new java.util.BitSet(n);
    for (int l = 0; l < n; l++) {
      int pick = -1;
      for (java.util.BitSet m : masks) {
        if (!m.intersects(placed)) {
          continue;
        }
        java.util.BitSet rest = (java.util.BitSet) m.clone();
        rest.andNot(placed);
        if (rest.cardinality() == 1) {
          int b = rest.nextSetBit(0);
          if (pick < 0 || tables.get(b).size() < tables.get(pick).size()) {
            pick = b;
          }
        }
      }
      if (pick < 0) {
        for (int b = placed.nextClearBit(0); b < n; b = placed.nextClearBit(b + 1)) {
          if (pick < 0 || tables.get(b).size() < tables.get(pick).size()) {
            pick = b;
          }
        }
      }
      placed.set(pick);
      order[l] = pick;
    }
  }
}
