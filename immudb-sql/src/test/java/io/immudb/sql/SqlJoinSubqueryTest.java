package io.immudb.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.immudb.embedded.database.Database;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Joins, subqueries, CASE, scalar functions and ORDER BY position (issue 13, "The language"). */
@Timeout(60)
class SqlJoinSubqueryTest {
  @TempDir Path dir;
  Database db;
  SqlEngine sql;

  @BeforeEach
  void open() throws Exception {
    db = SqlEngineTest.open(dir);
    sql = SqlEngine.open(db);
    sql.exec(
        "CREATE TABLE emp (id INTEGER, name VARCHAR, dept INTEGER, boss INTEGER, PRIMARY KEY id);"
            + "CREATE TABLE dept (id INTEGER, title VARCHAR, PRIMARY KEY id);"
            + "INSERT INTO dept (id, title) VALUES (1, 'eng'), (2, 'ops'), (3, 'empty');"
            + "INSERT INTO emp (id, name, dept, boss) VALUES (1, 'ann', 1, NULL), (2, 'bob', 1, 1),"
            + " (3, 'cat', 2, 1), (4, 'dan', NULL, 3)",
        Map.of());
  }

  @AfterEach
  void close() throws Exception {
    db.close();
  }

  /** The rows as strings: NULL as "NULL", values joined with "|". */
  private List<String> rows(String q) {
    List<String> out = new ArrayList<>();
    for (List<SqlValue> r : sql.query(q, Map.of()).rows()) {
      List<String> vals = new ArrayList<>();
      for (SqlValue v : r) {
        vals.add(
            v.isNull()
                ? "NULL"
                : v.type() == SqlType.VARCHAR
                    ? v.asString()
                    : v.type() == SqlType.BOOLEAN
                        ? String.valueOf(v.asBoolean())
                        : "" + v.asLong());
      }
      out.add(String.join("|", vals));
    }
    return out;
  }

  @Test
  void commaJoinWithWhere() {
    assertThat(
            rows("SELECT emp.name, dept.title FROM emp, dept WHERE emp.dept = dept.id ORDER BY 1"))
        .containsExactly("ann|eng", "bob|eng", "cat|ops");
  }

  @Test
  void innerJoinOnAndAliases() {
    assertThat(
            rows(
                "SELECT e.name, b.name FROM emp AS e INNER JOIN emp AS b ON e.boss = b.id"
                    + " WHERE b.name != 'bob' ORDER BY e.id"))
        .containsExactly("bob|ann", "cat|ann", "dan|cat");
  }

  @Test
  void leftJoinPadsWithNulls() {
    assertThat(
            rows(
                "SELECT d.title, e.name FROM dept d LEFT JOIN emp e ON e.dept = d.id ORDER BY 1, 2"))
        .containsExactly("empty|NULL", "eng|ann", "eng|bob", "ops|cat");
    // WHERE applies after the padding: only the department with nobody
    assertThat(
            rows("SELECT d.title FROM dept d LEFT JOIN emp e ON e.dept = d.id WHERE e.id IS NULL"))
        .containsExactly("empty");
  }

  @Test
  void joinWithGroupByAndStar() {
    assertThat(
            rows(
                "SELECT d.title, COUNT(*) FROM dept d JOIN emp e ON e.dept = d.id"
                    + " GROUP BY d.title ORDER BY d.title"))
        .containsExactly("eng|2", "ops|1");
    QueryResult r = sql.query("SELECT * FROM dept, emp WHERE dept.id = 2 AND emp.id = 3", Map.of());
    assertThat(r.columns())
        .extracting(ResultColumn::name)
        .contains("(testdb.dept.id)", "(testdb.emp.id)");
    assertThat(r.rows()).hasSize(1);
  }

  @Test
  void ambiguousAndUnknownColumnsAreRefused() {
    assertThatThrownBy(() -> sql.query("SELECT id FROM emp, dept", Map.of()))
        .isInstanceOf(SqlException.class)
        .hasMessageContaining("ambiguous");
    assertThatThrownBy(() -> sql.query("SELECT x.id FROM emp, dept", Map.of()))
        .isInstanceOf(SqlException.class)
        .hasMessageContaining("not in the FROM clause");
  }

  @Test
  void scalarSubqueriesUncorrelatedAndCorrelated() {
    assertThat(rows("SELECT name FROM emp WHERE id = (SELECT MAX(id) FROM emp)"))
        .containsExactly("dan");
    // the number of colleagues with a smaller id in the same department
    assertThat(
            rows(
                "SELECT name, (SELECT COUNT(*) FROM emp AS x WHERE x.dept = emp.dept AND x.id < emp.id)"
                    + " FROM emp ORDER BY id"))
        .containsExactly("ann|0", "bob|1", "cat|0", "dan|0");
    // no row: NULL
    assertThat(rows("SELECT (SELECT id FROM emp WHERE id = 99) FROM dept WHERE id = 1"))
        .containsExactly("NULL");
  }

  @Test
  void existsAndInSubquery() {
    assertThat(
            rows(
                "SELECT title FROM dept WHERE NOT EXISTS (SELECT id FROM emp WHERE emp.dept = dept.id)"))
        .containsExactly("empty");
    assertThat(rows("SELECT title FROM dept WHERE id IN (SELECT dept FROM emp) ORDER BY id"))
        .containsExactly("eng", "ops");
    // NOT IN over a list holding NULL is never TRUE (SQL's three-valued logic)
    assertThat(rows("SELECT title FROM dept WHERE id NOT IN (SELECT dept FROM emp)")).isEmpty();
    assertThat(
            rows(
                "SELECT title FROM dept WHERE id NOT IN (SELECT dept FROM emp WHERE dept IS NOT NULL)"))
        .containsExactly("empty");
  }

  @Test
  void subqueriesOutsideSelectAreRefused() {
    assertThatThrownBy(
            () -> sql.exec("DELETE FROM emp WHERE id IN (SELECT id FROM dept)", Map.of()))
        .isInstanceOf(SqlException.class)
        .hasMessageContaining("only supported in SELECT");
  }

  @Test
  void caseBothForms() {
    assertThat(
            rows(
                "SELECT CASE WHEN dept IS NULL THEN 'none' WHEN dept = 1 THEN 'eng' ELSE 'other' END,"
                    + " CASE dept WHEN 1 THEN 10 WHEN 2 THEN 20 END FROM emp ORDER BY id"))
        .containsExactly("eng|10", "eng|10", "other|20", "none|NULL");
  }

  @Test
  void scalarFunctionsAndUnaryOperators() {
    assertThat(
            rows(
                "SELECT abs(-id), -id, +id, coalesce(boss, dept, -1), ifnull(dept, 0),"
                    + " nullif(dept, 1) FROM emp WHERE id IN (1, 4) ORDER BY id"))
        .containsExactly("1|-1|1|1|1|NULL", "4|-4|4|3|0|NULL");
    assertThat(rows("SELECT abs(NULL) FROM dept WHERE id = 1")).containsExactly("NULL");
    assertThatThrownBy(() -> sql.query("SELECT nosuch(id) FROM emp", Map.of()))
        .isInstanceOf(SqlException.class)
        .hasMessageContaining("unknown function");
  }

  @Test
  void orderByPosition() {
    assertThat(rows("SELECT name, id * -1 FROM emp ORDER BY 2"))
        .containsExactly("dan|-4", "cat|-3", "bob|-2", "ann|-1");
    assertThat(rows("SELECT dept, name FROM emp ORDER BY 1 DESC, 2"))
        .containsExactly("NULL|dan", "2|cat", "1|ann", "1|bob");
  }

  @Test
  void compoundSelects() {
    assertThat(rows("SELECT dept FROM emp UNION SELECT id FROM dept ORDER BY 1"))
        .containsExactly("1", "2", "3", "NULL");
    assertThat(
            rows("SELECT dept FROM emp WHERE dept = 1 UNION ALL SELECT id FROM dept WHERE id = 1"))
        .containsExactly("1", "1", "1");
    assertThat(rows("SELECT id FROM dept EXCEPT SELECT dept FROM emp")).containsExactly("3");
    assertThat(rows("SELECT id FROM dept INTERSECT SELECT dept FROM emp ORDER BY id DESC LIMIT 1"))
        .containsExactly("2");
    assertThatThrownBy(
            () -> sql.query("SELECT id, title FROM dept UNION SELECT id FROM emp", Map.of()))
        .isInstanceOf(SqlException.class)
        .hasMessageContaining("columns");
  }

  @Test
  void hashJoinOnEqualityMatchesNestedLoop() {
    // the same equi-join written so that the hash lookup is used (col = bound expression) and so
    // that it can't be (an inequality), filtered to the same rows
    assertThat(rows("SELECT e.name, d.title FROM dept d, emp e WHERE d.id = e.dept ORDER BY 1"))
        .containsExactly("ann|eng", "bob|eng", "cat|ops");
    assertThat(
            rows(
                "SELECT e.name, d.title FROM dept d, emp e WHERE d.id <= e.dept AND d.id >= e.dept"
                    + " ORDER BY 1"))
        .containsExactly("ann|eng", "bob|eng", "cat|ops");
  }
}
