package io.immudb.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.immudb.core.state.ImmuState;
import io.immudb.testkit.server.ImmudbServerExtension;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The SDK's SQL calls against the real server on a loopback port. */
class SqlClientIT {
  @TempDir Path tmp;

  @RegisterExtension final ImmudbServerExtension immudb = ImmudbServerExtension.builder().build();

  private ImmuClient client;

  @BeforeEach
  void setUp() {
    client =
        ImmuClient.builder()
            .address("127.0.0.1")
            .port(immudb.server().port())
            .stateFolder(tmp.resolve("states"))
            .build();
    client.login("immudb", "immudb");
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  private void createPeople() {
    SqlExecResult ddl =
        client.sqlExec(
            "CREATE TABLE people (id INTEGER AUTO_INCREMENT, name VARCHAR[32] NOT NULL,"
                + " active BOOLEAN, photo BLOB, born TIMESTAMP, PRIMARY KEY id)");
    assertThat(ddl.ctxs()).hasSize(1);
    assertThat(ddl.dtxs()).isEmpty();
  }

  @Test
  void insertsWithParametersAndQueriesTypedValues() {
    createPeople();
    Map<String, Object> p = new HashMap<>();
    p.put("name", "Joe");
    p.put("active", true);
    p.put("photo", new byte[] {0, 1, 2});
    p.put("@born", "2020-09-13 12:26:40");
    SqlExecResult first =
        client.sqlExec(
            "INSERT INTO people (name, active, photo, born) VALUES (@name, @active, @photo, @born)",
            p);
    assertThat(first.ctxs()).isEmpty();
    assertThat(first.dtxs()).hasSize(1);
    assertThat(first.updatedRows()).isEqualTo(1);
    assertThat(first.lastInsertedPKs()).containsEntry("people", 1L);

    Map<String, Object> nulls = new HashMap<>();
    nulls.put("name", "Adam");
    nulls.put("active", null);
    SqlExecResult second =
        client.sqlExec("INSERT INTO people (name, active) VALUES (@name, @active)", nulls);
    assertThat(second.dtxs().get(0).id()).isEqualTo(first.dtxs().get(0).id() + 1);
    assertThat(second.lastInsertedPKs()).containsEntry("people", 2L);

    SqlQueryResult all = client.sqlQuery("SELECT id, name, active, photo, born FROM people");
    assertThat(all.columns())
        .extracting(SqlColumn::name)
        .containsExactly("id", "name", "active", "photo", "born");
    assertThat(all.columns())
        .extracting(SqlColumn::type)
        .containsExactly("INTEGER", "VARCHAR", "BOOLEAN", "BLOB", "TIMESTAMP");
    assertThat(all.columns().get(0).selector()).isEqualTo("(defaultdb.people.id)");
    assertThat(all.rows()).hasSize(2);
    List<Object> joe = all.rows().get(0);
    assertThat(joe.get(0)).isEqualTo(1L);
    assertThat(joe.get(1)).isEqualTo("Joe");
    assertThat(joe.get(2)).isEqualTo(true);
    assertThat((byte[]) joe.get(3)).containsExactly(0, 1, 2);
    assertThat(joe.get(4)).isEqualTo(1_600_000_000_000_000L);
    assertThat(all.rows().get(1)).containsExactly(2L, "Adam", null, null, null);

    SqlQueryResult byName =
        client.sqlQuery("SELECT id FROM people WHERE name = @name", Map.of("name", "Adam"));
    assertThat(byName.rows()).containsExactly(List.of(2L));
    assertThat(byName.value(0, "id")).isEqualTo(2L);
  }

  @Test
  void parametersOfOtherTypesAreRefusedBeforeTheCall() {
    createPeople();
    assertThatThrownBy(
            () -> client.sqlExec("INSERT INTO people (name) VALUES (@name)", Map.of("name", 1.5d)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("@name")
        .hasMessageContaining("java.lang.Double");
    assertThat(client.sqlQuery("SELECT id FROM people").rows()).isEmpty();
  }

  @Test
  void badStatementsAreServerErrors() {
    assertThatThrownBy(() -> client.sqlQuery("SELECT * FROM missing"))
        .isInstanceOf(ImmuClientException.class)
        .hasMessageContaining("table does not exist");
    assertThatThrownBy(() -> client.describeTable("missing"))
        .isInstanceOf(ImmuClientException.class);
  }

  @Test
  void listsAndDescribesTables() {
    createPeople();
    client.sqlExec("CREATE TABLE pets (name VARCHAR, owner INTEGER, PRIMARY KEY name)");
    assertThat(client.listTables()).containsExactly("people", "pets");

    SqlQueryResult d = client.describeTable("people");
    assertThat(d.columns())
        .extracting(SqlColumn::name)
        .containsExactly("COLUMN", "TYPE", "NULLABLE", "INDEX", "AUTO_INCREMENT", "UNIQUE");
    assertThat(d.rows().get(0)).containsExactly("id", "INTEGER", true, "PRIMARY KEY", true, true);
    assertThat(d.rows().get(1)).containsExactly("name", "VARCHAR[32]", false, "NO", false, false);
    assertThat(d.rows()).hasSize(5);
  }

  @Test
  void verifiedSqlGetProvesTheRowAndAdvancesTheTrustedState() throws Exception {
    client.sqlExec("CREATE TABLE pets (name VARCHAR, owner INTEGER, note BLOB, PRIMARY KEY name)");
    ImmuState before = client.verifiedState();
    long tx1 =
        client
            .sqlExec(
                "INSERT INTO pets (name, owner) VALUES (@n, @o)", Map.of("n", "re\u0000x", "o", 7))
            .dtxs()
            .get(0)
            .id();
    long tx2 =
        client
            .sqlExec(
                "UPSERT INTO pets (name, owner) VALUES (@n, @o)", Map.of("n", "re\u0000x", "o", 8))
            .dtxs()
            .get(0)
            .id();

    SqlRow latest = client.verifiedSqlGet("pets", "re\u0000x");
    assertThat(latest.tx()).isEqualTo(tx2);
    assertThat(latest.deleted()).isFalse();
    assertThat(latest.values()).containsEntry("name", "re\u0000x").containsEntry("owner", 8L);
    assertThat(latest.values()).containsKey("note");
    assertThat(latest.values().get("note")).isNull();
    ImmuState after = client.verifiedState();
    assertThat(after.txId()).isGreaterThan(before.txId()).isEqualTo(tx2);

    SqlRow old = client.verifiedSqlGetAt("pets", tx1, "re\u0000x");
    assertThat(old.tx()).isEqualTo(tx1);
    assertThat(old.values()).containsEntry("owner", 7L);
    // An older version is proven against the newer trusted state, which stays.
    assertThat(client.verifiedState()).isEqualTo(after);

    client.sqlExec("DELETE FROM pets WHERE name = @n", Map.of("n", "re\u0000x"));
    // The latest version is the deletion: not found; the earlier versions stay provable.
    assertThatThrownBy(() -> client.verifiedSqlGet("pets", "re\u0000x"))
        .isInstanceOf(ImmuClientException.NotFoundException.class);
    assertThat(client.verifiedSqlGetAt("pets", tx2, "re\u0000x").values())
        .containsEntry("owner", 8L);
  }

  @Test
  void verifiedSqlGetWithACompositeKey() throws Exception {
    client.sqlExec(
        "CREATE TABLE visits (who VARCHAR, day INTEGER, ok BOOLEAN, PRIMARY KEY (who, day))");
    client.sqlExec("INSERT INTO visits (who, day, ok) VALUES ('ann', -3, true), ('ann', 4, false)");
    SqlRow r = client.verifiedSqlGet("visits", "ann", -3L);
    assertThat(r.values()).containsEntry("day", -3L).containsEntry("ok", true);
    assertThat(client.verifiedSqlGet("visits", "ann", 4).values()).containsEntry("ok", false);
    ImmuState before = client.verifiedState();
    // A value that does not fit the key's types can't be the row asked for.
    assertThatThrownBy(() -> client.verifiedSqlGet("visits", "ann", "4"))
        .isInstanceOf(Exception.class);
    assertThat(client.verifiedState()).isEqualTo(before);
  }
}
