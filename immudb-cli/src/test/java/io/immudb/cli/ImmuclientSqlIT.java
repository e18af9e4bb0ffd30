package io.immudb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.immudb.testkit.server.ImmudbServerExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The real {@code bin/immuclient}'s SQL commands (child processes) against a real server. */
class ImmuclientSqlIT {
  @TempDir Path tmp;

  @RegisterExtension final ImmudbServerExtension immudb = ImmudbServerExtension.builder().build();

  private ToolRun run(String... args) throws Exception {
    return runWithInput(null, args);
  }

  private ToolRun runWithInput(String stdin, String... args) throws Exception {
    ProcessBuilder pb = ToolRun.launcher("immuclient", List.of(args));
    ToolRun.connect(pb, "immuclient", immudb.port(), tmp.resolve("token"), tmp.resolve("roots"));
    return ToolRun.run(pb, tmp, stdin, Duration.ofSeconds(60));
  }

  @Test
  void execQueryTablesDescribe() throws Exception {
    assertThat(run("login", "immudb", "--password", "immudb").status()).isZero();
    ToolRun create =
        run(
            "exec",
            "CREATE TABLE people (id INTEGER AUTO_INCREMENT, name VARCHAR[20], active BOOLEAN,"
                + " PRIMARY KEY id)");
    assertThat(create.status()).as(create.err()).isZero();
    assertThat(create.out()).containsPattern("ddl txs:\\s+\\[2\\]");

    ToolRun insert =
        run(
            "exec",
            "INSERT INTO people (name, active) VALUES (@name, @active)",
            "--param",
            "name=Joe",
            "--param",
            "active=true");
    assertThat(insert.status()).as(insert.err()).isZero();
    assertThat(insert.out())
        .containsPattern("updated rows:\\s+1")
        .containsPattern("dml txs:\\s+\\[3\\]")
        .contains("people=1");
    assertThat(run("exec", "INSERT", "INTO", "people", "(name)", "VALUES", "('Adam')").status())
        .isZero();

    ToolRun table = run("query", "SELECT id, name, active FROM people ORDER BY id");
    assertThat(table.status()).as(table.err()).isZero();
    assertThat(table.out())
        .isEqualTo(
            String.join(
                "\n",
                "+----+------+--------+",
                "| id | name | active |",
                "+----+------+--------+",
                "| 1  | Joe  | true   |",
                "| 2  | Adam | NULL   |",
                "+----+------+--------+",
                "2 rows",
                ""));

    ToolRun json =
        run(
            "query",
            "SELECT id, active FROM people WHERE id = @id",
            "--param",
            "id=2",
            "--output",
            "json");
    assertThat(json.out())
        .isEqualTo(
            "{\"columns\":[{\"name\":\"id\",\"type\":\"INTEGER\"},"
                + "{\"name\":\"active\",\"type\":\"BOOLEAN\"}],\"rows\":[[2,null]]}\n");

    assertThat(run("tables").out()).contains("| TABLE  |", "| people |", "1 row");
    assertThat(run("tables", "--output", "json").out()).contains("\"rows\":[[\"people\"]]");
    ToolRun describe = run("describe", "people");
    assertThat(describe.out())
        .contains("| COLUMN | TYPE        | NULLABLE | INDEX       | AUTO_INCREMENT | UNIQUE |")
        .contains("| name   | VARCHAR[20] | true     | NO          | false          | false  |");

    ToolRun missing = run("query", "SELECT * FROM nope");
    assertThat(missing.status()).isEqualTo(1);
    assertThat(missing.err()).contains("table does not exist");
    ToolRun badParam = run("exec", "SELECT 1", "--param", "novalue");
    assertThat(badParam.status()).isNotZero();
    assertThat(badParam.err()).contains("name=value");
  }

  @Test
  void sqlInTheInteractiveShell() throws Exception {
    ToolRun shell =
        runWithInput(
            String.join(
                "\n",
                "login immudb --password immudb",
                "exec CREATE TABLE pets (name VARCHAR, owner INTEGER, PRIMARY KEY name)",
                "exec INSERT INTO pets (name, owner) VALUES ('rex', 7)",
                "exec --param n=tom --param o=8 \"INSERT INTO pets (name, owner) VALUES (@n, @o)\"",
                "query SELECT name, owner FROM pets WHERE name = 'rex'",
                "tables",
                "exit"),
            "it");
    assertThat(shell.status()).as(shell.err()).isZero();
    assertThat(shell.err()).doesNotContain("immuclient:");
    assertThat(shell.out()).contains("| rex  | 7     |", "1 row", "| pets  |");
    assertThat(run("query", "SELECT owner FROM pets WHERE name = 'tom'").out())
        .contains("| 8     |");
  }
}
