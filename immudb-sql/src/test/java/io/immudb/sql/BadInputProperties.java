package io.immudb.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.immudb.core.ErrorCode;
import io.immudb.core.ImmuException;
import io.immudb.embedded.database.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random statements built from the dialect's tokens either run or fail with a named domain error
 * ({@link ImmuException}, never INTERNAL): no input crashes the engine. A failed exec writes
 * nothing.
 */
class BadInputProperties {
  private static final List<String> TOKENS =
      List.of(
          "SELECT",
          "INSERT",
          "UPSERT",
          "INTO",
          "UPDATE",
          "DELETE",
          "FROM",
          "WHERE",
          "SET",
          "VALUES",
          "CREATE",
          "TABLE",
          "INDEX",
          "UNIQUE",
          "ON",
          "PRIMARY",
          "KEY",
          "BEGIN",
          "COMMIT",
          "ROLLBACK",
          "t",
          "u",
          "id",
          "v",
          "s",
          "b",
          "*",
          ",",
          "(",
          ")",
          "=",
          "<",
          ">",
          "<=",
          "!=",
          "+",
          "-",
          "/",
          "%",
          "AND",
          "OR",
          "NOT",
          "IS",
          "NULL",
          "LIKE",
          "IN",
          "BETWEEN",
          "ORDER",
          "BY",
          "GROUP",
          "HAVING",
          "LIMIT",
          "OFFSET",
          "DESC",
          "COUNT",
          "SUM",
          "MAX",
          "AVG",
          "0",
          "1",
          "-1",
          "9223372036854775807",
          "99999999999999999999",
          "'x'",
          "'%'",
          "x'00'",
          "TRUE",
          "@p",
          "@q",
          "INTEGER",
          "VARCHAR[2]",
          "BLOB",
          "BOOLEAN",
          "TIMESTAMP",
          ";",
          "BEFORE",
          "UNTIL",
          "SINCE",
          "TX",
          "HISTORY",
          "OF",
          "AUTO_INCREMENT",
          "DISTINCT",
          "AS",
          "ALTER",
          "ADD",
          "COLUMN",
          "RENAME",
          "TO",
          "DROP");

  private static Path dir;
  private static Database db;
  private static SqlEngine sql;

  @BeforeContainer
  static void open() throws Exception {
    dir = Files.createTempDirectory("sqlbad");
    db = SqlEngineTest.open(dir);
    sql = SqlEngine.open(db);
    sql.exec(
        "CREATE TABLE t (id INTEGER AUTO_INCREMENT, v INTEGER, s VARCHAR[2], b BOOLEAN,"
            + " PRIMARY KEY id); CREATE INDEX ON t(v);"
            + " INSERT INTO t (v, s, b) VALUES (1, 'a', true), (NULL, NULL, NULL), (-5, 'x', false)",
        Map.of());
  }

  @AfterContainer
  static void close() throws Exception {
    db.close();
    try (var s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Provide
  Arbitrary<String> statements() {
    Arbitrary<String> token = Arbitraries.of(TOKENS);
    Arbitrary<String> random =
        token.list().ofMinSize(1).ofMaxSize(14).map(l -> String.join(" ", l));
    Arbitrary<String> nearlyValid =
        Arbitraries.of(
                "SELECT %s FROM t WHERE %s",
                "UPDATE t SET v = %s WHERE %s",
                "DELETE FROM t WHERE %s AND %s",
                "INSERT INTO t (v, s) VALUES (%s, %s)",
                "SELECT COUNT(*) FROM t GROUP BY %s ORDER BY %s")
            .flatMap(
                f ->
                    token
                        .list()
                        .ofMinSize(1)
                        .ofMaxSize(4)
                        .map(l -> String.join(" ", l))
                        .list()
                        .ofSize(2)
                        .map(args -> String.format(f, args.get(0), args.get(1))));
    return Arbitraries.oneOf(random, nearlyValid);
  }

  @Property(tries = 400)
  void anyInputRunsOrFailsWithANamedError(@ForAll("statements") String text) {
    Map<String, SqlValue> params =
        Map.of("p", SqlValue.ofInteger(2), "q", SqlValue.ofVarchar("zz"));
    long before = db.lastTxId();
    try {
      sql.exec(text, params);
    } catch (ImmuException e) {
      assertThat(e.code()).as(text).isNotEqualTo(ErrorCode.INTERNAL);
      assertThat(e.getMessage()).as(text).isNotBlank();
      assertThat(db.lastTxId())
          .as("a failed exec of %s wrote nothing", text)
          .isLessThanOrEqualTo(before + text.chars().filter(c -> c == ';').count());
    }
    try {
      sql.query(text, params);
    } catch (ImmuException e) {
      assertThat(e.code()).as(text).isNotEqualTo(ErrorCode.INTERNAL);
    }
  }
}
