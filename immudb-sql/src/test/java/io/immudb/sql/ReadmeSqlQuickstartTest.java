package io.immudb.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.immudb.embedded.database.Database;
import io.immudb.embedded.store.StoreOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The "SQL, embedded" snippet of README.md, as written there. */
@Timeout(60)
class ReadmeSqlQuickstartTest {
  @TempDir Path dir;

  @Test
  void readmeSnippetRuns() throws Exception {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream out = System.out;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      // --- README.md, "SQL, embedded"
      try (Database db = Database.open(dir, StoreOptions.defaults())) {
        SqlEngine sql = SqlEngine.open(db);
        sql.exec(
            "CREATE TABLE people (id INTEGER AUTO_INCREMENT, name VARCHAR[50] NOT NULL, PRIMARY KEY id)",
            Map.of());
        sql.exec(
            "INSERT INTO people (name) VALUES (@name)", Map.of("name", SqlValue.ofVarchar("Joe")));
        long before = db.lastTxId();
        sql.exec("UPDATE people SET name = 'Jo' WHERE id = 1", Map.of());
        QueryResult now = sql.query("SELECT id, name FROM people", Map.of());
        QueryResult then = sql.query("SELECT name FROM people UNTIL TX " + before, Map.of());
        System.out.println(now.rows() + " was " + then.rows()); // [[1, 'Jo']] was [['Joe']]
      }
      // ---
    } finally {
      System.setOut(out);
    }
    assertThat(captured.toString(StandardCharsets.UTF_8).trim())
        .isEqualTo("[[1, 'Jo']] was [['Joe']]");
  }
}
