package io.immudb.sql.internal;

import io.immudb.sql.SqlValue;
import java.util.List;

/**
 * The expressions of immudb's SQL dialect: a closed family of records built by {@link AstBuilder}
 * and evaluated by {@link Evaluator}. Thread-safe (immutable).
 */
public sealed interface Expr {
  record Literal(SqlValue value) implements Expr {}

  /** {@code @name}; the name without {@code @}, lower-cased. */
  record Param(String name) implements Expr {}

  /** {@code col} or {@code t.col}; names lower-cased; {@code table} may be null. */
  record Column(String table, String column) implements Expr {}

  enum Op {
    AND,
    OR,
    EQ,
    NE,
    LT,
    LE,
    GT,
    GE,
    ADD,
    SUB,
    MUL,
    DIV,
    MOD
  }

  record Binary(Op op, Expr left, Expr right) implements Expr {}

  record Not(Expr operand) implements Expr {}

  record Negate(Expr operand) implements Expr {}

  record Like(Expr operand, Expr pattern, boolean not) implements Expr {}

  record In(Expr operand, List<Expr> list, boolean not) implements Expr {
    public In {
      list = List.copyOf(list);
    }
  }

  record Between(Expr operand, Expr low, Expr high, boolean not) implements Expr {}

  record IsNull(Expr operand, boolean not) implements Expr {}

  enum Fn {
    COUNT,
    SUM,
    MIN,
    MAX,
    AVG
  }

  /** An aggregate; {@code arg} null = {@code COUNT(*)}. */
  record Aggregate(Fn fn, Expr arg) implements Expr {}

  /** {@code NOW()}: the time the statement runs. */
  record Now() implements Expr {}

  /** One {@code WHEN w THEN t} of a CASE. */
  record When(Expr when, Expr then) {}

  /**
   * {@code CASE [operand] WHEN … THEN … [ELSE otherwise] END}; with an operand each WHEN is
   * compared to it with {@code =}, without one each WHEN is a condition. {@code operand} and {@code
   * otherwise} may be null.
   */
  record Case(Expr operand, List<When> whens, Expr otherwise) implements Expr {
    public Case {
      whens = List.copyOf(whens);
    }
  }

  /** A scalar function call: {@code abs}, {@code coalesce}, {@code nullif}, {@code ifnull}. */
  record Call(String name, List<Expr> args) implements Expr {
    public Call {
      args = List.copyOf(args);
    }
  }

  /** {@code (SELECT …)} used as a value: its one column of at most one row, or NULL. */
  record Subquery(Stmt.Select select) implements Expr {}

  /** {@code EXISTS (SELECT …)}. */
  record Exists(Stmt.Select select) implements Expr {}

  /** {@code x [NOT] IN (SELECT …)}. */
  record InSelect(Expr operand, Stmt.Select select, boolean not) implements Expr {}
}
