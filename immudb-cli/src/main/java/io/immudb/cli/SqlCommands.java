package io.immudb.cli;

import io.immudb.client.SqlColumn;
import io.immudb.client.SqlExecResult;
import io.immudb.client.SqlQueryResult;
import io.immudb.core.tx.TxHeader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The SQL commands of {@code immuclient} ({@code exec}, {@code query}, {@code tables}, {@code
 * describe}, with immudb's names): the statement is the rest of the command line, parameters come
 * from {@code --param name=value}. Thin: the SDK does the work, {@link SqlTable} shows results.
 */
final class SqlCommands {
  private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,18}");

  private SqlCommands() {}

  /** The statement: the words joined by single spaces. */
  static String statement(List<String> words) {
    return String.join(" ", words);
  }

  /**
   * Parameters from {@code name=value}: an integer becomes an INTEGER, {@code true}/{@code false} a
   * BOOLEAN, {@code NULL} a NULL, anything else a VARCHAR.
   *
   * @throws IllegalArgumentException if an item has no {@code =}
   */
  static Map<String, Object> params(List<String> items) {
    Map<String, Object> out = new HashMap<>();
    if (items == null) {
      return out;
    }
    for (String item : items) {
      int eq = item.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("--param needs name=value, got '" + item + "'");
      }
      String v = item.substring(eq + 1);
      Object value =
          INTEGER.matcher(v).matches()
              ? (Object) Long.parseLong(v)
              : v.equals("true") || v.equals("false")
                  ? (Object) Boolean.parseBoolean(v)
                  : v.equalsIgnoreCase("NULL") ? null : v;
      out.put(item.substring(0, eq), value);
    }
    return out;
  }

  /** Prints the answer of {@code exec}: rows written, txs, and last auto-increment keys. */
  static void printExec(Printer out, SqlExecResult r) {
    Map<String, Object> m =
        Printer.fields(
            "updated rows",
            r.updatedRows(),
            "ddl txs",
            r.ctxs().stream().map(TxHeader::id).toList(),
            "dml txs",
            r.dtxs().stream().map(TxHeader::id).toList());
    if (!r.lastInsertedPKs().isEmpty()) {
      m.put("last inserted pks", r.lastInsertedPKs());
    }
    out.record(m);
  }

  /** Prints table names as a one-column table, {@code TABLE}. */
  static void printTables(Printer out, List<String> tables) {
    SqlTable.print(
        out,
        new SqlQueryResult(
            List.of(new SqlColumn("TABLE", "TABLE", "VARCHAR")),
            tables.stream().map(t -> List.<Object>of(t)).toList()));
  }

  /** Prints the answer of {@code query} or {@code describe}. */
  static void printQuery(Printer out, SqlQueryResult r) {
    SqlTable.print(out, r);
  }
}
