package io.immudb.sql.slt;

import io.immudb.sql.QueryResult;
import io.immudb.sql.ResultColumn;
import io.immudb.sql.SqlType;
import io.immudb.sql.SqlValue;
import io.immudb.sql.internal.Executor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the records of one sqllogictest file against an embedded {@link Executor} and counts what
 * passed. Tables created without a primary key get a hidden one: the column {@value #ROWID} ({@code
 * INTEGER AUTO_INCREMENT}), appended to the CREATE TABLE, filled by auto-increment (so INSERTs
 * without a column list are given the declared columns) and removed from every result. Not
 * thread-safe.
 */
final class SltRunner {
  static final String ROWID = "_slt_rowid";

  private static final Pattern CREATE_TABLE =
      Pattern.compile("(?is)^\\s*CREATE\\s+TABLE\\s+(\\w+)\\s*\\((.*)\\)\\s*$");
  private static final Pattern INSERT_NO_COLUMNS =
      Pattern.compile("(?is)^\\s*INSERT\\s+INTO\\s+(\\w+)\\s+VALUES(.*)$");
  private static final Pattern HASHED =
      Pattern.compile("^(\\d+) values hashing to ([0-9a-f]{32})$");

  /** The outcome of a file. */
  record Report(
      int statements,
      int statementsPassed,
      int queries,
      int queriesPassed,
      int skipped,
      Map<String, Integer> failureClasses,
      long millis,
      List<String> slowest) {
    int records() {
      return statements + queries;
    }

    int passed() {
      return statementsPassed + queriesPassed;
    }
  }

  private final Executor sql;
  private final int maxRows;
  private final Map<String, List<String>> declared = new LinkedHashMap<>();
  private final Map<String, Integer> failures = new TreeMap<>();
  private final TreeMap<Long, String> slow = new TreeMap<>();

  SltRunner(Executor sql, int maxRows) {
    this.sql = sql;
    this.maxRows = maxRows;
  }

  Report run(String fileText) {
    long t0 = System.nanoTime();
    SltParser.Parsed parsed = SltParser.parse(fileText, "immudb");
    int st = 0;
    int stOk = 0;
    int q = 0;
    int qOk = 0;
    for (SltRecord r : parsed.records()) {
      if (r instanceof SltRecord.Halt) {
        break;
      } else if (r instanceof SltRecord.Statement s) {
        st++;
        if (runStatement(s)) {
          stOk++;
        }
      } else if (r instanceof SltRecord.Query query) {
        q++;
        long q0 = System.nanoTime();
        if (runQuery(query)) {
          qOk++;
        }
        slow.put(System.nanoTime() - q0, "line " + query.line());
        if (slow.size() > 3) {
          slow.pollFirstEntry();
        }
      }
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    List<String> slowest = new ArrayList<>();
    slow.descendingMap().forEach((ns, where) -> slowest.add(where + " " + ns / 1_000_000 + " ms"));
    return new Report(st, stOk, q, qOk, parsed.skipped(), Map.copyOf(failures), ms, slowest);
  }

  private boolean runStatement(SltRecord.Statement s) {
    try {
      sql.exec(rewrite(s.sql()), Map.of());
      if (s.expectError()) {
        fail("statement succeeded but an error was expected");
        return false;
      }
      return true;
    } catch (RuntimeException e) {
      if (s.expectError()) {
        return true;
      }
      fail("statement: " + messageClass(e));
      return false;
    }
  }

  private boolean runQuery(SltRecord.Query q) {
    QueryResult result;
    try {
      result = sql.query(q.sql(), Map.of(), maxRows);
    } catch (RuntimeException | StackOverflowError e) {
      fail("query: " + messageClass(e));
      return false;
    }
    List<Integer> visible = new ArrayList<>();
    for (int i = 0; i < result.columns().size(); i++) {
      ResultColumn c = result.columns().get(i);
      if (!c.name().endsWith("." + ROWID + ")")) {
        visible.add(i);
      }
    }
    if (visible.size() != q.types().length()) {
      fail("wrong number of columns");
      return false;
    }
    List<List<String>> rows = new ArrayList<>();
    for (List<SqlValue> row : result.rows()) {
      List<String> out = new ArrayList<>();
      for (int k = 0; k < visible.size(); k++) {
        out.add(format(row.get(visible.get(k)), q.types().charAt(k)));
      }
      rows.add(out);
    }
    List<String> values = new ArrayList<>();
    switch (q.sort()) {
      case NOSORT -> rows.forEach(values::addAll);
      case ROWSORT -> {
        rows.sort(SltRunner::compareRows);
        rows.forEach(values::addAll);
      }
      case VALUESORT -> {
        rows.forEach(values::addAll);
        values.sort(null);
      }
    }
    if (matches(values, q.expected())) {
      return true;
    }
    fail("wrong result");
    return false;
  }

  private static boolean matches(List<String> values, List<String> expected) {
    if (expected.size() == 1) {
      Matcher m = HASHED.matcher(expected.get(0));
      if (m.matches()) {
        return values.size() == Integer.parseInt(m.group(1)) && md5(values).equals(m.group(2));
      }
    }
    return values.equals(expected);
  }

  /** sqllogictest's result hash: MD5 over every value followed by a newline, as lower-case hex. */
  static String md5(List<String> values) {
    try {
      MessageDigest md = MessageDigest.getInstance("MD5");
      for (String v : values) {
        md.update(v.getBytes(StandardCharsets.UTF_8));
        md.update((byte) '\n');
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A value as sqllogictest prints it: {@code NULL}; for {@code T} the text with an empty string as
   * {@code (empty)} and characters outside printable ASCII as {@code @}; for {@code I} an integer;
   * for {@code R} three decimals. Booleans are 1 and 0.
   */
  static String format(SqlValue v, char type) {
    if (v.isNull()) {
      return "NULL";
    }
    String s =
        switch (v.type()) {
          case INTEGER, TIMESTAMP -> Long.toString(v.asLong());
          case BOOLEAN -> v.asBoolean() ? "1" : "0";
          case VARCHAR -> v.asString();
          case BLOB -> HexFormat.of().formatHex(v.asBytes());
        };
    if (type == 'R' && v.type() == SqlType.INTEGER) {
      return String.format(Locale.ROOT, "%.3f", (double) v.asLong());
    }
    if (type == 'T') {
      if (s.isEmpty()) {
        return "(empty)";
      }
      StringBuilder b = new StringBuilder(s.length());
      s.chars().forEach(c -> b.append(c < ' ' || c > '~' ? '@' : (char) c));
      return b.toString();
    }
    return s;
  }

  private static int compareRows(List<String> a, List<String> b) {
    for (int i = 0; i < a.size(); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /** Adds the hidden primary key to CREATE TABLE and the declared columns to INSERT. */
  private String rewrite(String stmt) {
    Matcher m = CREATE_TABLE.matcher(stmt);
    if (m.matches()) {
      String table = m.group(1).toLowerCase(Locale.ROOT);
      List<String> cols = new ArrayList<>();
      for (String def : m.group(2).split(",")) {
        String w = def.trim().split("\\s+")[0];
        if (!w.equalsIgnoreCase("PRIMARY")) {
          cols.add(w);
        }
      }
      declared.put(table, cols);
      if (!stmt.toUpperCase(Locale.ROOT).contains("PRIMARY KEY")) {
        return "CREATE TABLE "
            + m.group(1)
            + "("
            + m.group(2)
            + ", "
            + ROWID
            + " INTEGER AUTO_INCREMENT, PRIMARY KEY "
            + ROWID
            + ")";
      }
      return stmt;
    }
    m = INSERT_NO_COLUMNS.matcher(stmt);
    if (m.matches()) {
      List<String> cols = declared.get(m.group(1).toLowerCase(Locale.ROOT));
      if (cols != null) {
        return "INSERT INTO " + m.group(1) + "(" + String.join(",", cols) + ") VALUES" + m.group(2);
      }
    }
    return stmt;
  }

  private void fail(String cls) {
    failures.merge(cls, 1, Integer::sum);
  }

  /** The first line of the message, without positions and numbers, at most 90 chars. */
  static String messageClass(Throwable e) {
    String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    msg = msg.lines().findFirst().orElse("");
    msg = msg.replaceAll("line \\d+, column \\d+", "").replaceAll("\\d+", "N");
    return msg.length() > 90 ? msg.substring(0, 90) : msg;
  }
}
