package io.immudb.sql.internal;

import io.immudb.sql.SqlValue;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How {@link RowSource} reads a table for a WHERE and an ORDER BY: through the primary key or one
 * secondary index, as a list of key ranges read in order (docs/design/sql.md, "Queries").
 *
 * <p>The conjuncts of WHERE (under AND) that compare a column with a literal or a parameter of the
 * column's type ({@code =}, {@code <}, {@code <=}, {@code >}, {@code >=}, {@code BETWEEN}, {@code
 * IN (…)}) bound the key columns of each candidate: the leading columns fixed by {@code =}, then a
 * range or an IN list on the next one. The keys encode values in order ({@link KeyCodec}), so every
 * bound is a key range: {@code col > v} starts after every key with prefix {@code enc(v)}. The
 * candidate that fixes the most columns wins (a full primary key or unique index first), then the
 * one with a range or IN list, then the one whose key order is the ORDER BY (so no sort is needed),
 * the primary key before an index. WHERE is still evaluated on every row read: the path only
 * narrows what is read.
 *
 * <p>Thread-safe (immutable).
 */
final class AccessPath {
  /** The index read, or null for the rows themselves (primary key). */
  final IndexDef index;

  /** Key ranges {@code [lo, hi)}, in the order to read them. */
  final List<byte[][]> ranges;

  /** Whether every range is one exact row key (primary-key lookups). */
  final boolean points;

  /** Whether rows come in the requested ORDER BY order. */
  final boolean ordered;

  /**
   * Whether the rows read must be sorted by primary key afterwards: no ORDER BY (rows then come in
   * primary-key order, spec v1 §11) but an index range or IN list, which reads in value order.
   */
  final boolean sortByKey;

  /** Whether each range is read backwards (and the ranges in reverse order). */
  final boolean desc;

  /** A name for tests: "primary key", "primary key range", "index 2 range", "scan", … */
  final String plan;

  private AccessPath(
      IndexDef index,
      List<byte[][]> ranges,
      boolean points,
      boolean ordered,
      boolean sortByKey,
      boolean desc,
      String plan) {
    this.index = index;
    this.ranges = ranges;
    this.points = points;
    this.ordered = ordered;
    this.sortByKey = sortByKey;
    this.desc = desc;
    this.plan = plan;
  }

  /** One ORDER BY term on a column of the table. */
  record Order(int columnId, boolean desc) {}

  /** What WHERE says about one column. */
  private static final class Bounds {
    SqlValue eq;
    List<SqlValue> in;
    SqlValue lo;
    boolean loIncl;
    SqlValue hi;
    boolean hiIncl;

    void lower(SqlValue v, boolean incl) {
      int c = lo == null ? 1 : v.compareTo(lo);
      if (c > 0 || c == 0 && !incl) {
        lo = v;
        loIncl = incl;
      }
    }

    void upper(SqlValue v, boolean incl) {
      int c = hi == null ? -1 : v.compareTo(hi);
      if (c < 0 || c == 0 && !incl) {
        hi = v;
        hiIncl = incl;
      }
    }

    boolean ranged() {
      return lo != null || hi != null;
    }
  }

  /**
   * The path for reading {@code t} where {@code where} (may be null) holds, in the order {@code
   * order} (empty = any; null = an order no index can give), backwards when {@code desc} and there
   * is no order.
   */
  static AccessPath choose(
      TableDef t, String alias, Expr where, Evaluator ev, List<Order> order, boolean desc) {
    Map<Integer, Bounds> bounds = new HashMap<>();
    if (where != null) {
      collect(t, alias, where, ev, bounds);
    }
    AccessPath best = candidate(t, null, bounds, order, desc);
    int bestScore = score(best, t, null, bounds);
    for (IndexDef idx : t.indexes()) {
      AccessPath p = candidate(t, idx, bounds, order, desc);
      int s = score(p, t, idx, bounds);
      if (s > bestScore) {
        best = p;
        bestScore = s;
      }
    }
    return best;
  }

  /** Higher is better: columns fixed, then a range, then the order, then the primary key. */
  private static int score(AccessPath p, TableDef t, IndexDef idx, Map<Integer, Bounds> bounds) {
    List<Integer> cols = idx == null ? t.primaryKey() : idx.columnIds();
    int fixed = 0;
    while (fixed < cols.size() && bounds.containsKey(cols.get(fixed))) {
      Bounds b = bounds.get(cols.get(fixed));
      if (b.eq == null) {
        break;
      }
      fixed++;
    }
    boolean all = fixed == cols.size() && (idx == null || idx.unique());
    boolean narrowed = fixed < cols.size() && bounds.containsKey(cols.get(fixed));
    int s = (all ? 1000 : 0) + fixed * 100 + (narrowed ? 50 : 0);
    if (s == 0 && !p.ordered) {
      return idx == null ? 0 : -1; // a whole index in no useful order: the table scan is better
    }
    return s + (p.ordered ? 10 : 0) + (idx == null ? 2 : idx.unique() ? 1 : 0);
  }

  private static AccessPath candidate(
      TableDef t, IndexDef idx, Map<Integer, Bounds> bounds, List<Order> order, boolean desc) {
    List<Integer> keyCols = new ArrayList<>(idx == null ? t.primaryKey() : idx.columnIds());
    if (idx != null && !idx.unique()) {
      keyCols.addAll(t.primaryKey()); // a non-unique entry key ends with the primary key
    }
    int indexed = idx == null ? t.primaryKey().size() : idx.columnIds().size();
    byte[] prefix =
        idx == null ? KeyCodec.rowPrefix(t.id()) : KeyCodec.indexPrefix(t.id(), idx.id());
    ByteArrayOutputStream base = new ByteArrayOutputStream();
    base.writeBytes(prefix);
    int fixed = 0;
    while (fixed < indexed) {
      Bounds b = bounds.get(keyCols.get(fixed));
      if (b == null || b.eq == null) {
        break;
      }
      KeyCodec.appendValue(base, b.eq);
      fixed++;
    }
    // the order: ORDER BY columns must be key columns right after some of the fixed ones
    // without ORDER BY, rows come in primary-key order: an index gives it when all its columns are
    // fixed (its entries then differ only by the primary key at their end)
    boolean ordered = order != null && (idx == null || fixed == indexed);
    boolean sortByKey = order != null && order.isEmpty() && !ordered;
    boolean rev = desc;
    if (order != null && !order.isEmpty()) {
      rev = order.get(0).desc();
      ordered = matchesOrder(t, idx, keyCols, fixed, bounds, order);
    }
    byte[] b0 = base.toByteArray();
    List<byte[][]> ranges = new ArrayList<>();
    String kind;
    boolean points = false;
    Bounds next = fixed < indexed ? bounds.get(keyCols.get(fixed)) : null;
    if (idx == null && fixed == indexed) {
      ranges.add(new byte[][] {b0, null});
      points = true;
      kind = "primary key";
    } else if (next != null && next.in != null) {
      TreeMap<byte[], byte[]> keys = new TreeMap<>(Arrays::compareUnsigned);
      for (SqlValue v : next.in) {
        ByteArrayOutputStream k = new ByteArrayOutputStream();
        k.writeBytes(b0);
        KeyCodec.appendValue(k, v);
        keys.put(k.toByteArray(), null);
      }
      points = idx == null && fixed + 1 == indexed;
      for (byte[] k : keys.keySet()) {
        ranges.add(new byte[][] {k, points ? null : WriteTx.upperBound(k)});
      }
      kind = "in";
    } else if (next != null && next.ranged()) {
      byte[] lo =
          next.lo == null
              ? (idx == null ? b0 : concat(b0, new byte[] {1})) // index NULLs (0x00) excluded
              : next.loIncl ? encode(b0, next.lo) : WriteTx.upperBound(encode(b0, next.lo));
      byte[] hi =
          next.hi == null
              ? WriteTx.upperBound(b0)
              : next.hiIncl ? WriteTx.upperBound(encode(b0, next.hi)) : encode(b0, next.hi);
      if (Arrays.compareUnsigned(lo, hi) < 0) {
        ranges.add(new byte[][] {lo, hi});
      }
      kind = "range";
    } else {
      ranges.add(new byte[][] {b0, WriteTx.upperBound(b0)});
      kind = fixed > 0 ? "prefix" : "scan";
    }
    String name = idx == null ? "primary key" : "index " + idx.id();
    String plan =
        idx == null && kind.equals("scan")
            ? "scan"
            : idx != null && kind.equals("prefix") && fixed == indexed
                ? name
                : kind.equals("primary key") ? name : name + " " + kind;
    if (rev) {
      java.util.Collections.reverse(ranges);
    }
    return new AccessPath(idx, List.copyOf(ranges), points, ordered, sortByKey, rev, plan);
  }

  private static boolean matchesOrder(
      TableDef t,
      IndexDef idx,
      List<Integer> keyCols,
      int fixed,
      Map<Integer, Bounds> bounds,
      List<Order> order) {
    for (Order o : order) {
      if (o.desc() != order.get(0).desc()) {
        return false;
      }
    }
    // the ORDER BY columns, minus those fixed by =, must be the key columns that follow
    int k = 0;
    int o = 0;
    while (o < order.size()) {
      int col = order.get(o).columnId();
      if (k < keyCols.size() && keyCols.get(k) == col) {
        if (k >= fixed && idx != null && !nonNull(t, col, bounds)) {
          return false; // index order puts NULLs first; ORDER BY puts them last
        }
        k++;
        o++;
      } else if (k < fixed) {
        k++; // a fixed column may be skipped
      } else {
        Bounds b = bounds.get(col);
        if (b != null && b.eq != null) {
          o++; // ordering by a constant changes nothing
        } else {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean nonNull(TableDef t, int col, Map<Integer, Bounds> bounds) {
    Bounds b = bounds.get(col);
    return t.columns().get(t.position(col)).notNull()
        || t.primaryKey().contains(col)
        || b != null && (b.eq != null || b.in != null || b.ranged());
  }

  private static byte[] encode(byte[] base, SqlValue v) {
    ByteArrayOutputStream k = new ByteArrayOutputStream();
    k.writeBytes(base);
    KeyCodec.appendValue(k, v);
    return k.toByteArray();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** The bounds conjuncts under AND put on the columns of {@code t}. */
  private static void collect(
      TableDef t, String alias, Expr e, Evaluator ev, Map<Integer, Bounds> out) {
    if (e instanceof Expr.Binary b) {
      if (b.op() == Expr.Op.AND) {
        collect(t, alias, b.left(), ev, out);
        collect(t, alias, b.right(), ev, out);
        return;
      }
      boolean colLeft = b.left() instanceof Expr.Column;
      Expr col = colLeft ? b.left() : b.right();
      Expr val = colLeft ? b.right() : b.left();
      Expr.Op op = colLeft ? b.op() : flip(b.op());
      ColumnDef c = column(t, alias, col);
      SqlValue v = c == null ? null : value(c, val, ev);
      if (v == null || op == null) {
        return;
      }
      Bounds bs = out.computeIfAbsent(c.id(), k -> new Bounds());
      switch (op) {
        case EQ -> bs.eq = v;
        case LT -> bs.upper(v, false);
        case LE -> bs.upper(v, true);
        case GT -> bs.lower(v, false);
        case GE -> bs.lower(v, true);
        default -> {}
      }
    } else if (e instanceof Expr.Between b && !b.not()) {
      ColumnDef c = column(t, alias, b.operand());
      SqlValue lo = c == null ? null : value(c, b.low(), ev);
      SqlValue hi = c == null ? null : value(c, b.high(), ev);
      if (lo != null && hi != null) {
        Bounds bs = out.computeIfAbsent(c.id(), k -> new Bounds());
        bs.lower(lo, true);
        bs.upper(hi, true);
      }
    } else if (e instanceof Expr.In in && !in.not() && !in.list().isEmpty()) {
      ColumnDef c = column(t, alias, in.operand());
      if (c == null) {
        return;
      }
      List<SqlValue> vals = new ArrayList<>();
      for (Expr x : in.list()) {
        SqlValue v = value(c, x, ev);
        if (v == null) {
          return; // a NULL or another type in the list: leave it to WHERE
        }
        vals.add(v);
      }
      Bounds bs = out.computeIfAbsent(c.id(), k -> new Bounds());
      if (bs.in == null) {
        bs.in = vals;
      }
    }
  }

  private static Expr.Op flip(Expr.Op op) {
    return switch (op) {
      case EQ -> Expr.Op.EQ;
      case LT -> Expr.Op.GT;
      case LE -> Expr.Op.GE;
      case GT -> Expr.Op.LT;
      case GE -> Expr.Op.LE;
      default -> null;
    };
  }

  private static ColumnDef column(TableDef t, String alias, Expr e) {
    if (!(e instanceof Expr.Column c)) {
      return null;
    }
    if (c.table() != null && !c.table().equals(t.name()) && !c.table().equals(alias)) {
      return null; // another table's column (an outer query's): WHERE decides
    }
    for (ColumnDef d : t.columns()) {
      if (d.name().equals(c.column())) {
        return d;
      }
    }
    return null;
  }

  /** The value of a literal or parameter when it is non-NULL and of the column's type. */
  private static SqlValue value(ColumnDef c, Expr e, Evaluator ev) {
    if (!(e instanceof Expr.Literal || e instanceof Expr.Param)) {
      return null;
    }
    SqlValue v = ev.eval(e, null, null);
    return v.isNull() || v.type() != c.type() ? null : v;
  }
}
