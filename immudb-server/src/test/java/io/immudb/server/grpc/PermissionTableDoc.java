package io.immudb.server.grpc;

import io.immudb.server.auth.Requirement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the documented permission tables, the one source of truth for who may call what: the table
 * of docs/protocol.md §9.4 (method → {@link Requirement}) and the v0.8 twin table of docs/legacy.md
 * (v0.8 method → the v1.1 method whose permission it has). Each table follows a marker comment; a
 * row whose first cell is not a known label fails the parse, so the docs cannot drift into wording
 * the test does not understand.
 */
final class PermissionTableDoc {
  static final Path PROTOCOL = Path.of("..", "docs", "protocol.md");
  static final Path LEGACY = Path.of("..", "docs", "legacy.md");

  private static final Map<String, Requirement> LABELS =
      Map.of(
          "anyone", Requirement.NONE,
          "read, read-write, admin on the token's database", Requirement.READ,
          "read-write, admin on the token's database", Requirement.READ_WRITE,
          "admin on the token's database", Requirement.ADMIN,
          "any logged-in user (each does its own checks)", Requirement.LOGGED_IN,
          "sysadmin only", Requirement.SYSADMIN);

  private static final Pattern NAME = Pattern.compile("`([A-Za-z0-9]+)`");

  private PermissionTableDoc() {}

  /** The rows of the markdown table right after {@code marker}, header and rule left out. */
  static List<String[]> tableAfter(Path doc, String marker) throws IOException {
    List<String> lines = Files.readAllLines(doc);
    int i = 0;
    while (i < lines.size() && !lines.get(i).contains(marker)) {
      i++;
    }
    if (i == lines.size()) {
      throw new AssertionError(doc + " has no marker " + marker);
    }
    i += 3; // marker, header, |---|
    List<String[]> rows = new ArrayList<>();
    for (; i < lines.size() && lines.get(i).startsWith("|"); i++) {
      String line = lines.get(i);
      String[] cells = line.substring(1, line.length() - 1).split("\\|");
      for (int c = 0; c < cells.length; c++) {
        cells[c] = cells[c].trim();
      }
      rows.add(cells);
    }
    return rows;
  }

  /** docs/protocol.md §9.4: every method named in the table, with the requirement of its row. */
  static Map<String, Requirement> v1() throws IOException {
    Map<String, Requirement> out = new LinkedHashMap<>();
    for (String[] row : tableAfter(PROTOCOL, "<!-- permission-table:")) {
      Requirement r = LABELS.get(row[0]);
      if (r == null) {
        throw new AssertionError("docs/protocol.md §9.4: unknown row label '" + row[0] + "'");
      }
      Matcher m = NAME.matcher(row[1]);
      while (m.find()) {
        if (out.put(m.group(1), r) != null) {
          throw new AssertionError("docs/protocol.md §9.4 lists " + m.group(1) + " twice");
        }
      }
    }
    return out;
  }

  /**
   * docs/legacy.md: every v0.8 method with the v1.1 method it is permitted like, or {@code null}
   * for a method the server does not serve (UNIMPLEMENTED).
   */
  static Map<String, String> legacyTwins() throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    for (String[] row : tableAfter(LEGACY, "<!-- legacy-twins:")) {
      Matcher twin = NAME.matcher(row[1]);
      String v1 = twin.find() ? twin.group(1) : null;
      if (v1 == null && !row[1].equals("not served (UNIMPLEMENTED)")) {
        throw new AssertionError("docs/legacy.md: unknown twin cell '" + row[1] + "'");
      }
      Matcher m = NAME.matcher(row[0]);
      while (m.find()) {
        out.put(m.group(1), v1);
      }
    }
    return out;
  }
}
