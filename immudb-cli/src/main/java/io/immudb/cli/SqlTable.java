package io.immudb.cli;

import io.immudb.client.SqlColumn;
import io.immudb.client.SqlQueryResult;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shows a SQL result ({@link SqlQueryResult}) for a person, as an aligned table with a header row,
 * or for a script, as {@code {"columns":[{"name","type"}…],"rows":[[…]…]}}. SQL NULL is {@code
 * NULL} in the table and {@code null} in JSON; BLOBs are hex. Stateless.
 */
final class SqlTable {
  private SqlTable() {}

  static void print(Printer out, SqlQueryResult r) {
    List<List<String>> cells = new ArrayList<>();
    for (List<Object> row : r.rows()) {
      cells.add(row.stream().map(SqlTable::text).toList());
    }
    if (out.format() == Printer.Format.JSON) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("columns", r.columns().stream().map(SqlTable::column).toList());
      List<List<Object>> rows = new ArrayList<>();
      for (List<Object> row : r.rows()) {
        rows.add(
            row.stream()
                .map(v -> v instanceof byte[] b ? HexFormat.of().formatHex(b) : v)
                .toList());
      }
      doc.put("rows", rows);
      out.document(doc);
      return;
    }
    List<String> names = r.columns().stream().map(SqlColumn::name).toList();
    int[] width = new int[names.size()];
    for (int i = 0; i < width.length; i++) {
      width[i] = names.get(i).length();
      for (List<String> row : cells) {
        width[i] = Math.max(width[i], row.get(i).length());
      }
    }
    StringBuilder sb = new StringBuilder();
    rule(sb, width);
    line(sb, width, names);
    rule(sb, width);
    cells.forEach(row -> line(sb, width, row));
    rule(sb, width);
    sb.append(r.rows().size()).append(r.rows().size() == 1 ? " row" : " rows");
    out.line(sb.toString());
  }

  /** A column as {@code {"name", "type"}}, in that order. */
  private static Map<String, Object> column(SqlColumn c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", c.name());
    m.put("type", c.type());
    return m;
  }

  private static String text(Object v) {
    if (v == null) {
      return "NULL";
    }
    return v instanceof byte[] b ? HexFormat.of().formatHex(b) : v.toString();
  }

  private static void rule(StringBuilder sb, int[] width) {
    for (int w : width) {
      sb.append('+').append("-".repeat(w + 2));
    }
    sb.append("+\n");
  }

  private static void line(StringBuilder sb, int[] width, List<String> cells) {
    for (int i = 0; i < width.length; i++) {
      sb.append("| ").append(cells.get(i)).append(" ".repeat(width[i] - cells.get(i).length() + 1));
    }
    sb.append("|\n");
  }
}
