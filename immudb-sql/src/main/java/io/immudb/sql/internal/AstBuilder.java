package io.immudb.sql.internal;

import io.immudb.sql.SqlException;
import io.immudb.sql.SqlType;
import io.immudb.sql.SqlValue;
import io.immudb.sql.internal.grammar.ImmuSqlParser.*;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.antlr.v4.runtime.Token;

/**
 * Turns an ANTLR parse tree of {@code ImmuSql.g4} into {@link Stmt}s and {@link Expr}s. Identifiers
 * are lower-cased (immudb's names are case-insensitive). Not thread-safe; one per parse.
 */
final class AstBuilder {
  List<Stmt> script(ScriptContext ctx) {
    List<Stmt> out = new ArrayList<>();
    for (StatementContext s : ctx.statement()) {
      out.add(statement(s));
    }
    return out;
  }

  private Stmt statement(StatementContext s) {
    if (s instanceof BeginStmtContext) {
      return new Stmt.Begin();
    } else if (s instanceof CommitStmtContext) {
      return new Stmt.Commit();
    } else if (s instanceof RollbackStmtContext) {
      return new Stmt.Rollback();
    } else if (s instanceof CreateDatabaseStmtContext c) {
      return new Stmt.CreateDatabase(name(c.ident()));
    } else if (s instanceof UseDatabaseStmtContext c) {
      return new Stmt.UseDatabase(name(c.ident()));
    } else if (s instanceof CreateTableStmtContext c) {
      return createTable(c);
    } else if (s instanceof AddColumnStmtContext c) {
      if (c.columnOption().stream().anyMatch(o -> o instanceof PrimaryKeyOptionContext)) {
        throw SqlException.invalid("ALTER TABLE ADD COLUMN cannot add to the PRIMARY KEY");
      }
      return new Stmt.AddColumn(
          name(c.ident(0)), column(c.ident(1), c.typeName(), c.columnOption()));
    } else if (s instanceof RenameColumnStmtContext c) {
      return new Stmt.RenameColumn(name(c.ident(0)), name(c.ident(1)), name(c.ident(2)));
    } else if (s instanceof RenameTableStmtContext c) {
      return new Stmt.RenameTable(name(c.ident(0)), name(c.ident(1)));
    } else if (s instanceof DropTableStmtContext c) {
      return new Stmt.DropTable(name(c.ident()), c.IF() != null);
    } else if (s instanceof DropIndexStmtContext c) {
      return new Stmt.DropIndex(
          name(c.ident()),
          c.IF() != null,
          c.identList().ident().stream().map(AstBuilder::name).toList());
    } else if (s instanceof CreateIndexStmtContext c) {
      // the index name, if given, is accepted and not kept: immudb's indexes have none
      IdentContext table = c.ident(c.ident().size() - 1);
      return new Stmt.CreateIndex(
          name(table),
          c.UNIQUE() != null,
          c.IF() != null,
          c.indexColumn().stream().map(ic -> name(ic.ident())).toList());
    } else if (s instanceof InsertStmtContext c) {
      List<List<Expr>> rows = new ArrayList<>();
      for (RowValuesContext r : c.rowValues()) {
        rows.add(r.expr().stream().map(this::expr).toList());
      }
      return new Stmt.Insert(c.UPSERT() != null, name(c.ident()), names(c.identList()), rows);
    } else if (s instanceof UpdateStmtContext c) {
      List<Stmt.Assignment> sets = new ArrayList<>();
      for (AssignmentContext a : c.assignment()) {
        sets.add(new Stmt.Assignment(name(a.ident()), expr(a.expr())));
      }
      return new Stmt.Update(name(c.ident()), sets, c.expr() == null ? null : expr(c.expr()));
    } else if (s instanceof DeleteStmtContext c) {
      return new Stmt.Delete(name(c.ident()), c.expr() == null ? null : expr(c.expr()));
    } else if (s instanceof QueryStmtContext c) {
      return select(c.selectStmt());
    }
    throw new IllegalStateException("unknown statement " + s.getClass().getSimpleName());
  }

  private Stmt createTable(CreateTableStmtContext c) {
    List<Stmt.ColumnSpec> cols = new ArrayList<>();
    List<String> pk = new ArrayList<>();
    for (TableElementContext e : c.tableElement()) {
      if (e instanceof PkElementContext p) {
        if (!pk.isEmpty()) {
          throw SqlException.invalid("more than one PRIMARY KEY in table " + name(c.ident()));
        }
        pk.addAll(p.identList() != null ? names(p.identList()) : List.of(name(p.ident())));
      } else {
        ColumnElementContext col = (ColumnElementContext) e;
        Stmt.ColumnSpec spec = column(col.ident(), col.typeName(), col.columnOption());
        if (col.columnOption().stream().anyMatch(o -> o instanceof PrimaryKeyOptionContext)) {
          if (!pk.isEmpty()) {
            throw SqlException.invalid("more than one PRIMARY KEY in table " + name(c.ident()));
          }
          pk.add(spec.name());
        }
        cols.add(spec);
      }
    }
    return new Stmt.CreateTable(name(c.ident()), c.IF() != null, cols, pk);
  }

  private static Stmt.ColumnSpec column(
      IdentContext nameCtx, TypeNameContext t, List<ColumnOptionContext> options) {
    boolean notNull = false;
    boolean autoIncrement = false;
    for (ColumnOptionContext o : options) {
      if (o instanceof NotNullOptionContext) {
        notNull = true;
      } else if (o instanceof AutoIncrementOptionContext) {
        autoIncrement = true;
      }
    }
    SqlType type;
    int maxLen = 0;
    if (t instanceof IntegerTypeContext) {
      type = SqlType.INTEGER;
    } else if (t instanceof VarcharTypeContext v) {
      type = SqlType.VARCHAR;
      maxLen = length(v.INTEGER_LITERAL() == null ? null : v.INTEGER_LITERAL().getSymbol());
    } else if (t instanceof BlobTypeContext b) {
      type = SqlType.BLOB;
      maxLen = length(b.INTEGER_LITERAL() == null ? null : b.INTEGER_LITERAL().getSymbol());
    } else if (t instanceof BooleanTypeContext) {
      type = SqlType.BOOLEAN;
    } else {
      type = SqlType.TIMESTAMP;
    }
    return new Stmt.ColumnSpec(name(nameCtx), type, maxLen, notNull, autoIncrement);
  }

  private static int length(Token t) {
    if (t == null) {
      return 0;
    }
    try {
      int n = Integer.parseInt(t.getText());
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw SqlException.invalid(
        "invalid length "
            + t.getText()
            + " at line "
            + t.getLine()
            + ", column "
            + (t.getCharPositionInLine() + 1));
  }

  private Stmt.Select select(SelectStmtContext c) {
    List<Stmt.OrderItem> order = new ArrayList<>();
    for (OrderItemContext o : c.orderItem()) {
      order.add(new Stmt.OrderItem(expr(o.expr()), o.DESC() != null));
    }
    List<Stmt.CompoundPart> parts = new ArrayList<>();
    for (int i = 1; i < c.selectCore().size(); i++) {
      CompoundOpContext op = c.compoundOp(i - 1);
      Stmt.SetOp setOp =
          op.UNION() != null
              ? (op.ALL() != null ? Stmt.SetOp.UNION_ALL : Stmt.SetOp.UNION)
              : op.EXCEPT() != null ? Stmt.SetOp.EXCEPT : Stmt.SetOp.INTERSECT;
      parts.add(
          new Stmt.CompoundPart(setOp, core(c.selectCore(i), List.of(), null, null, List.of())));
    }
    return core(
        c.selectCore(0),
        order,
        c.limit == null ? null : expr(c.limit),
        c.offset == null ? null : expr(c.offset),
        parts);
  }

  private Stmt.Select core(
      SelectCoreContext c,
      List<Stmt.OrderItem> order,
      Expr limit,
      Expr offset,
      List<Stmt.CompoundPart> parts) {
    List<Stmt.SelectItem> items = new ArrayList<>();
    for (SelectItemContext i : c.selectItem()) {
      if (i instanceof StarItemContext) {
        items.add(new Stmt.SelectItem(null, null));
      } else {
        ExprItemContext e = (ExprItemContext) i;
        items.add(new Stmt.SelectItem(expr(e.expr()), e.alias == null ? null : name(e.alias)));
      }
    }
    Stmt.TableSource from = null;
    List<Stmt.Join> joins = new ArrayList<>();
    for (FromItemContext f : c.fromItem()) {
      Stmt.TableSource first = tableSource(f.tableSource());
      if (from == null) {
        from = first;
      } else {
        joins.add(new Stmt.Join(first, false, null));
      }
      for (JoinClauseContext j : f.joinClause()) {
        joins.add(
            new Stmt.Join(
                tableSource(j.tableSource()),
                j.LEFT() != null,
                j.expr() == null ? null : expr(j.expr())));
      }
    }
    return new Stmt.Select(
        c.DISTINCT() != null,
        items,
        from,
        joins,
        c.where == null ? null : expr(c.where),
        c.groupBy.stream().map(this::expr).toList(),
        c.having == null ? null : expr(c.having),
        order,
        limit,
        offset,
        parts);
  }

  private Stmt.TableSource tableSource(TableSourceContext c) {
    if (c instanceof TableRefContext t) {
      List<Stmt.Period> periods = new ArrayList<>();
      for (PeriodContext p : t.period()) {
        Stmt.PeriodKind kind =
            p.BEFORE() != null
                ? Stmt.PeriodKind.BEFORE
                : p.AFTER() != null
                    ? Stmt.PeriodKind.AFTER
                    : p.SINCE() != null ? Stmt.PeriodKind.SINCE : Stmt.PeriodKind.UNTIL;
        periods.add(new Stmt.Period(kind, expr(p.expr())));
      }
      return new Stmt.TableSource(
          name(t.ident(0)), t.alias == null ? null : name(t.alias), false, periods);
    } else {
      HistoryRefContext h = (HistoryRefContext) c;
      return new Stmt.TableSource(
          name(h.ident(0)), h.alias == null ? null : name(h.alias), true, List.of());
    }
  }

  Expr expr(ExprContext c) {
    return or(c.orExpr());
  }

  private Expr or(OrExprContext c) {
    Expr e = and(c.andExpr(0));
    for (int i = 1; i < c.andExpr().size(); i++) {
      e = new Expr.Binary(Expr.Op.OR, e, and(c.andExpr(i)));
    }
    return e;
  }

  private Expr and(AndExprContext c) {
    Expr e = not(c.notExpr(0));
    for (int i = 1; i < c.notExpr().size(); i++) {
      e = new Expr.Binary(Expr.Op.AND, e, not(c.notExpr(i)));
    }
    return e;
  }

  private Expr not(NotExprContext c) {
    if (c instanceof NotOpContext n) {
      return new Expr.Not(not(n.notExpr()));
    }
    return predicate(((PredicateOpContext) c).predicate());
  }

  private Expr predicate(PredicateContext c) {
    Expr left = add(c.addExpr());
    PredicateSuffixContext s = c.predicateSuffix();
    if (s == null) {
      return left;
    } else if (s instanceof CompSuffixContext cs) {
      Expr.Op op =
          switch (cs.op.getText()) {
            case "=" -> Expr.Op.EQ;
            case "!=", "<>" -> Expr.Op.NE;
            case "<" -> Expr.Op.LT;
            case "<=" -> Expr.Op.LE;
            case ">" -> Expr.Op.GT;
            default -> Expr.Op.GE;
          };
      return new Expr.Binary(op, left, add(cs.addExpr()));
    } else if (s instanceof LikeSuffixContext l) {
      return new Expr.Like(left, add(l.addExpr()), l.NOT() != null);
    } else if (s instanceof InSelectSuffixContext in) {
      return new Expr.InSelect(left, select(in.selectStmt()), in.NOT() != null);
    } else if (s instanceof InSuffixContext in) {
      return new Expr.In(left, in.expr().stream().map(this::expr).toList(), in.NOT() != null);
    } else if (s instanceof BetweenSuffixContext b) {
      return new Expr.Between(left, add(b.addExpr(0)), add(b.addExpr(1)), b.NOT() != null);
    }
    return new Expr.IsNull(left, ((IsNullSuffixContext) s).NOT() != null);
  }

  private Expr add(AddExprContext c) {
    Expr e = mul(c.mulExpr(0));
    for (int i = 1; i < c.mulExpr().size(); i++) {
      Expr.Op op = c.ops.get(i - 1).getText().equals("+") ? Expr.Op.ADD : Expr.Op.SUB;
      e = new Expr.Binary(op, e, mul(c.mulExpr(i)));
    }
    return e;
  }

  private Expr mul(MulExprContext c) {
    Expr e = unary(c.unary(0));
    for (int i = 1; i < c.unary().size(); i++) {
      Expr.Op op =
          switch (c.ops.get(i - 1).getText()) {
            case "*" -> Expr.Op.MUL;
            case "/" -> Expr.Op.DIV;
            default -> Expr.Op.MOD;
          };
      e = new Expr.Binary(op, e, unary(c.unary(i)));
    }
    return e;
  }

  private Expr unary(UnaryContext c) {
    if (c instanceof NegateContext n) {
      Expr inner = unary(n.unary());
      if (inner instanceof Expr.Literal l && l.value().type() == SqlType.INTEGER) {
        return new Expr.Literal(SqlValue.ofInteger(-l.value().asLong()));
      }
      return new Expr.Negate(inner);
    }
    if (c instanceof PlusContext p) {
      return unary(p.unary());
    }
    return atom(((AtomUnaryContext) c).atom());
  }

  private Expr atom(AtomContext c) {
    if (c instanceof IntLitContext i) {
      try {
        return new Expr.Literal(SqlValue.ofInteger(Long.parseLong(i.getText())));
      } catch (NumberFormatException e) {
        throw SqlException.invalid("integer out of range: " + i.getText() + position(i.start));
      }
    } else if (c instanceof StringLitContext s) {
      String t = s.getText();
      return new Expr.Literal(
          SqlValue.ofVarchar(t.substring(1, t.length() - 1).replace("''", "'")));
    } else if (c instanceof BlobLitContext b) {
      String t = b.getText();
      String hex = t.substring(2, t.length() - 1);
      if (hex.length() % 2 != 0) {
        throw SqlException.invalid("odd number of hex digits in " + t + position(b.start));
      }
      return new Expr.Literal(SqlValue.ofBlob(HexFormat.of().parseHex(hex)));
    } else if (c instanceof BoolLitContext b) {
      return new Expr.Literal(SqlValue.ofBoolean(b.TRUE() != null));
    } else if (c instanceof NullLitContext) {
      return new Expr.Literal(SqlValue.NULL);
    } else if (c instanceof ParamRefContext p) {
      return new Expr.Param(p.getText().substring(1).toLowerCase(Locale.ROOT));
    } else if (c instanceof CountStarContext) {
      return new Expr.Aggregate(Expr.Fn.COUNT, null);
    } else if (c instanceof AggregateContext a) {
      Expr.Fn fn = Expr.Fn.valueOf(a.fn.getText().toUpperCase(Locale.ROOT));
      return new Expr.Aggregate(fn, expr(a.expr()));
    } else if (c instanceof NowCallContext) {
      return new Expr.Now();
    } else if (c instanceof CaseExprContext k) {
      List<Expr.When> whens = new ArrayList<>();
      for (WhenClauseContext w : k.whenClause()) {
        whens.add(new Expr.When(expr(w.when), expr(w.then)));
      }
      return new Expr.Case(
          k.operand == null ? null : expr(k.operand),
          whens,
          k.otherwise == null ? null : expr(k.otherwise));
    } else if (c instanceof ExistsExprContext x) {
      return new Expr.Exists(select(x.selectStmt()));
    } else if (c instanceof SubqueryExprContext q) {
      return new Expr.Subquery(select(q.selectStmt()));
    } else if (c instanceof CallExprContext f) {
      return new Expr.Call(name(f.ident()), f.expr().stream().map(this::expr).toList());
    } else if (c instanceof ColumnRefContext r) {
      return r.ident().size() == 1
          ? new Expr.Column(null, name(r.ident(0)))
          : new Expr.Column(name(r.ident(0)), name(r.ident(1)));
    }
    return expr(((ParensContext) c).expr());
  }

  private static String position(Token t) {
    return " at line " + t.getLine() + ", column " + (t.getCharPositionInLine() + 1);
  }

  private static List<String> names(IdentListContext c) {
    return c.ident().stream().map(AstBuilder::name).toList();
  }

  private static String name(IdentContext c) {
    return c.getText().toLowerCase(Locale.ROOT);
  }
}
