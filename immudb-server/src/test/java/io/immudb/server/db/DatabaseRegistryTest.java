package io.immudb.server.db;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.immudb.core.tx.Tx;
import io.immudb.core.tx.TxHeader;
import io.immudb.embedded.database.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseRegistryTest {
  private static final HexFormat HEX = HexFormat.of();

  @TempDir Path tmp;

  @Test
  void firstStartHasSystemdbAndDefaultdb() throws Exception {
    try (DatabaseRegistry r = DatabaseRegistry.open(tmp, false)) {
      assertThat(r.list()).containsExactly("defaultdb");
      assertThat(r.get("defaultdb").name()).isEqualTo("defaultdb");
      assertThat(r.get("systemdb")).isSameAs(r.systemdb());
      assertThat(Files.isDirectory(tmp.resolve("defaultdb"))).isTrue();
      assertThat(Files.isDirectory(tmp.resolve("systemdb"))).isTrue();
      assertThat(r.hasUserDatabases()).isFalse();
      assertFirstTx(r.get("defaultdb"));
      assertThat(r.get("defaultdb").currentState().txId()).isEqualTo(1);
      assertFirstTx(r.systemdb());
      // systemdb: tx 1 catalog, tx 2 the settings record of defaultdb
      assertThat(r.systemdb().currentState().txId()).isEqualTo(2);
    }
  }

  @Test
  void newDatabaseStartsAtTx1AndFirstWriteIsTx2() throws Exception {
    try (DatabaseRegistry r = DatabaseRegistry.open(tmp, false)) {
      Database db = r.create("db1");
      assertThat(db.name()).isEqualTo("db1");
      assertFirstTx(db);
      assertThat(db.currentState().txId()).isEqualTo(1);
      TxHeader h = db.set("k".getBytes(UTF_8), "v".getBytes(UTF_8));
      assertThat(h.id()).isEqualTo(2);
      assertThat(h.blTxId()).isEqualTo(1);
      assertThat(db.currentState().txId()).isEqualTo(2);
    }
  }

  private static void assertFirstTx(Database db) {
    Tx tx = db.txById(1);
    assertThat(tx.entries()).hasSize(1);
    assertThat(HEX.formatHex(tx.entries().get(0).key()))
        .isEqualTo("0243544c2e44415441424153452e00000001");
    assertThat(tx.entries().get(0).hValue().toHex())
        .isEqualTo("98ac3eacda9950d6993abd6404d3d2ef8242290d944bfeac03c1b74139833221");
    assertThat(new String(db.export(1).entries().get(0).value(), UTF_8)).isEqualTo("dbinstance");
    assertThat(tx.header().blTxId()).isZero();
  }

  @Test
  void nameRulesInImmudbOrder() throws Exception {
    try (DatabaseRegistry r = DatabaseRegistry.open(tmp, false)) {
      assertRefused(
          r, "systemdb", DatabaseException.Kind.RESERVED_NAME, "this database name is reserved");
      assertRefused(
          r, "Db1", DatabaseException.Kind.NOT_LOWERCASE, "provide a lowercase database name");
      assertRefused(
          r, "", DatabaseException.Kind.BAD_LENGTH, "database name length outside of limits");
      assertRefused(
          r,
          "a".repeat(129),
          DatabaseException.Kind.BAD_LENGTH,
          "database name length outside of limits");
      assertRefused(
          r,
          "db-1",
          DatabaseException.Kind.PUNCTUATION,
          "punctuation marks and symbols are not allowed in database name");
      assertRefused(
          r,
          "db$",
          DatabaseException.Kind.PUNCTUATION,
          "punctuation marks and symbols are not allowed in database name");
      assertRefused(
          r,
          "db 1",
          DatabaseException.Kind.UNRECOGNIZED_CHARACTER,
          "unrecognized character in database name");
      assertRefused(
          r,
          "db-1 x",
          DatabaseException.Kind.UNRECOGNIZED_CHARACTER,
          "unrecognized character in database name");
      assertRefused(
          r,
          "defaultdb",
          DatabaseException.Kind.ALREADY_EXISTS,
          "database 'defaultdb' already exists");
      r.create("a".repeat(128));
      r.create("db1");
      assertRefused(
          r, "db1", DatabaseException.Kind.ALREADY_EXISTS, "database 'db1' already exists");
      assertThat(r.list()).containsExactly("defaultdb", "a".repeat(128), "db1");
    }
  }

  private static void assertRefused(
      DatabaseRegistry r, String name, DatabaseException.Kind kind, String text) {
    assertThatThrownBy(() -> r.create(name))
        .isInstanceOfSatisfying(DatabaseException.class, e -> assertThat(e.kind()).isEqualTo(kind))
        .hasMessage(text);
  }

  @Test
  void unknownDatabase() throws Exception {
    try (DatabaseRegistry r = DatabaseRegistry.open(tmp, false)) {
      assertThatThrownBy(() -> r.get("nope"))
          .isInstanceOfSatisfying(
              DatabaseException.class,
              e -> assertThat(e.code()).isEqualTo(io.immudb.core.ErrorCode.NOT_FOUND))
          .hasMessage("'nope' does not exist");
      assertThat(r.exists("nope")).isFalse();
    }
  }

  @Test
  void reopenKeepsDatabasesAndCreationOrder() throws Exception {
    List<String> names = List.of("zeta", "alpha", "m1");
    try (DatabaseRegistry r = DatabaseRegistry.open(tmp, false)) {
      for (String n : names) {
        r.create(n).set("k".getBytes(UTF_8), n.getBytes(UTF_8));
      }
    }
    try (DatabaseRegistry r = DatabaseRegistry.open(tmp, false)) {
      assertThat(r.list()).containsExactly("defaultdb", "zeta", "alpha", "m1");
      assertThat(new String(r.get("alpha").get("k".getBytes(UTF_8)).value(), UTF_8))
          .isEqualTo("alpha");
      assertThat(r.get("alpha").currentState().txId()).isEqualTo(2);
      r.create("later");
      assertThat(r.list()).endsWith("m1", "later");
    }
    try (DatabaseRegistry r = DatabaseRegistry.open(tmp, false)) {
      assertThat(r.list()).containsExactly("defaultdb", "zeta", "alpha", "m1", "later");
    }
  }

  @Test
  void closedRegistryRefusesUse() throws Exception {
    DatabaseRegistry r = DatabaseRegistry.open(tmp, false);
    r.close();
    r.close();
    assertThatThrownBy(() -> r.get("defaultdb")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> r.create("x")).isInstanceOf(IllegalStateException.class);
  }
}
