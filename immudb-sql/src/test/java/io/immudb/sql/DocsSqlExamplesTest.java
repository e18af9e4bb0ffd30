package io.immudb.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.immudb.embedded.database.Database;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The statements of docs/sql.md run as written there. */
@Timeout(60)
class DocsSqlExamplesTest {
  @TempDir Path dir;

  @Test
  void theExamplesOfDocsSqlRun() throws Exception {
    try (Database db = SqlEngineTest.open(dir)) {
      SqlEngine sql = SqlEngine.open(db);
      Map<String, SqlValue> none = Map.of();
      sql.exec(
          """
          CREATE TABLE customers (
            id      INTEGER AUTO_INCREMENT,
            email   VARCHAR[64] NOT NULL,
            active  BOOLEAN,
            photo   BLOB[4096],
            created TIMESTAMP,
            PRIMARY KEY id
          );
          CREATE UNIQUE INDEX ON customers(email);
          CREATE TABLE orders (customer INTEGER, n INTEGER, total INTEGER, PRIMARY KEY (customer, n));
          """,
          none);
      ExecResult w =
          sql.exec(
              """
              INSERT INTO customers (email, active) VALUES (@email, true), ('b@x.org', false);
              UPSERT INTO orders (customer, n, total) VALUES (1, 1, 250);
              UPDATE orders SET total = total + 10 WHERE customer = 1;
              DELETE FROM orders WHERE total < 100;
              BEGIN; INSERT INTO orders (customer, n, total) VALUES (2, 1, 5); UPDATE orders SET total = 6 WHERE customer = 2; COMMIT;
              """,
              Map.of("email", SqlValue.ofVarchar("a@x.org")));
      assertThat(w.dtxs()).hasSize(4); // the DELETE matched no row: no tx
      assertThat(w.lastInsertedPks()).containsEntry("customers", 2L);
      long before = db.lastTxId();
      sql.exec("BEGIN; DELETE FROM orders; ROLLBACK;", none);
      sql.exec("UPDATE customers SET created = NOW() WHERE id = 1", none);
      assertThat(db.lastTxId()).isEqualTo(before + 1);

      assertThat(
              sql.query(
                      "SELECT id, email FROM customers WHERE active = true AND email LIKE '%@x.org'"
                          + " ORDER BY id DESC LIMIT 10;",
                      none)
                  .rows())
          .containsExactly(List.of(SqlValue.ofInteger(1), SqlValue.ofVarchar("a@x.org")));
      QueryResult g =
          sql.query(
              "SELECT customer, COUNT(*), SUM(total) FROM orders GROUP BY customer HAVING SUM(total)"
                  + " > 100;",
              none);
      assertThat(g.rows())
          .containsExactly(
              List.of(SqlValue.ofInteger(1), SqlValue.ofInteger(1), SqlValue.ofInteger(260)));
      assertThat(g.columns().get(2).name()).isEqualTo("SUM(testdb.orders.total)");
      assertThat(
              sql.query(
                      "SELECT * FROM orders WHERE n IN (1, 2) AND total BETWEEN 10 AND 500 AND"
                          + " customer IS NOT NULL;",
                      none)
                  .rows())
          .hasSize(1);
      long tx = before; // the tx that wrote orders (2, 1) last
      for (String q :
          List.of(
              "SELECT * FROM orders BEFORE TX " + tx,
              "SELECT * FROM orders UNTIL TX " + tx,
              "SELECT * FROM orders SINCE TX 2 UNTIL TX " + tx,
              "SELECT * FROM orders AFTER TX 2",
              "SELECT _tx, total FROM (HISTORY OF orders) WHERE customer = 1 AND n = 1")) {
        assertThat(sql.query(q, none).rows()).as(q).isNotEmpty();
      }
      assertThat(sql.query("SELECT * FROM orders BEFORE TX " + tx, none).rows())
          .containsExactly(
              List.of(SqlValue.ofInteger(1), SqlValue.ofInteger(1), SqlValue.ofInteger(260)));
    }
  }
}
