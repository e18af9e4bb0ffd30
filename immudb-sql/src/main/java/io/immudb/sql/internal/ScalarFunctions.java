package io.immudb.sql.internal;

import io.immudb.sql.SqlException;
import io.immudb.sql.SqlType;
import io.immudb.sql.SqlValue;
import java.util.List;

/**
 * The scalar functions of SELECT expressions: {@code abs(x)}, {@code coalesce(x, …)}, {@code
 * ifnull(x, y)} and {@code nullif(x, y)}, with PostgreSQL's meaning (NULL in, NULL out, except for
 * the NULL-handling ones). Stateless.
 */
final class ScalarFunctions {
  private ScalarFunctions() {}

  static SqlValue call(String name, List<SqlValue> args) {
    return switch (name) {
      case "abs" -> {
        arity(name, args, 1);
        SqlValue v = args.get(0);
        if (v.isNull()) {
          yield v;
        }
        if (v.type() != SqlType.INTEGER) {
          throw SqlException.invalid("type mismatch: abs needs an INTEGER, got " + v.typeName());
        }
        yield SqlValue.ofInteger(Math.absExact(v.asLong()));
      }
      case "coalesce" -> {
        if (args.isEmpty()) {
          throw SqlException.invalid("coalesce needs at least one argument");
        }
        yield args.stream().filter(v -> !v.isNull()).findFirst().orElse(SqlValue.NULL);
      }
      case "ifnull" -> {
        arity(name, args, 2);
        yield args.get(0).isNull() ? args.get(1) : args.get(0);
      }
      case "nullif" -> {
        arity(name, args, 2);
        SqlValue a = args.get(0);
        SqlValue b = args.get(1);
        yield !a.isNull() && !b.isNull() && a.compareTo(b) == 0 ? SqlValue.NULL : a;
      }
      default -> throw SqlException.invalid("unknown function: " + name);
    };
  }

  private static void arity(String name, List<SqlValue> args, int n) {
    if (args.size() != n) {
      throw SqlException.invalid(name + " takes " + n + " argument(s), got " + args.size());
    }
  }
}
