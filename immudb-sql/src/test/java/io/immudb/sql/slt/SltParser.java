package io.immudb.sql.slt;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses the sqllogictest file format: records separated by blank lines; {@code #} comments; {@code
 * statement ok|error}, {@code query <types> <sort> [label]} with the SQL, {@code ----} and the
 * expected values, {@code halt}, {@code hash-threshold N}; and the conditions {@code skipif <db>} /
 * {@code onlyif <db>} before a record. Records whose conditions exclude {@code dbName} are left out
 * and counted in {@link Parsed#skipped()}.
 */
final class SltParser {
  private SltParser() {}

  record Parsed(List<SltRecord> records, int skipped) {}

  static Parsed parse(String text, String dbName) {
    String[] lines = text.split("\n", -1);
    List<SltRecord> out = new ArrayList<>();
    int skipped = 0;
    int i = 0;
    while (i < lines.length) {
      String first = strip(lines[i]);
      if (first.isEmpty() || first.startsWith("#")) {
        i++;
        continue;
      }
      // one record: up to the next blank line
      int start = i;
      List<String> rec = new ArrayList<>();
      while (i < lines.length && !strip(lines[i]).isEmpty()) {
        rec.add(strip(lines[i]));
        i++;
      }
      rec.removeIf(l -> l.startsWith("#"));
      boolean run = true;
      int at = 0;
      while (at < rec.size()
          && (rec.get(at).startsWith("skipif ") || rec.get(at).startsWith("onlyif "))) {
        String[] w = rec.get(at).split("\\s+");
        boolean named = w[1].toLowerCase(Locale.ROOT).equals(dbName);
        run &= w[0].equals("skipif") ? !named : named;
        at++;
      }
      if (at >= rec.size()) {
        continue;
      }
      String[] head = rec.get(at).split("\\s+");
      int line = start + 1;
      switch (head[0]) {
        case "hash-threshold" -> {}
        case "halt" -> {
          if (run) {
            out.add(new SltRecord.Halt(line));
          }
        }
        case "statement" -> {
          if (run) {
            String sql = String.join("\n", rec.subList(at + 1, rec.size()));
            out.add(new SltRecord.Statement(line, sql, head[1].equals("error")));
          } else {
            skipped++;
          }
        }
        case "query" -> {
          if (!run) {
            skipped++;
            break;
          }
          int sep = rec.indexOf("----");
          int sqlEnd = sep < 0 ? rec.size() : sep;
          String sql = String.join("\n", rec.subList(at + 1, sqlEnd));
          List<String> expected =
              sep < 0 ? List.of() : List.copyOf(rec.subList(sep + 1, rec.size()));
          SltRecord.Sort sort =
              head.length > 2
                  ? SltRecord.Sort.valueOf(head[2].toUpperCase(Locale.ROOT))
                  : SltRecord.Sort.NOSORT;
          out.add(new SltRecord.Query(line, sql, head[1], sort, expected));
        }
        default ->
            throw new IllegalArgumentException("line " + line + ": unknown record " + head[0]);
      }
    }
    return new Parsed(out, skipped);
  }

  private static String strip(String l) {
    return l.endsWith("\r") ? l.substring(0, l.length() - 1) : l;
  }
}
