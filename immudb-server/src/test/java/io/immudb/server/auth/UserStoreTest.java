package io.immudb.server.auth;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.immudb.core.ErrorCode;
import io.immudb.server.auth.UserException.Kind;
import io.immudb.server.db.DatabaseRegistry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserStoreTest extends UserStoreFixture {
  @Test
  void sysadminIsCreatedOnceWithDefaultPasswordWarning() {
    assertThat(users.ensureSysadmin("other")).isFalse();
    Authentication a = users.authenticate("immudb", "immudb");
    assertThat(a.warning())
        .contains(
            "immudb user has the default password: please change it to ensure proper security");
    assertThat(a.user().isSysadmin()).isTrue();
    assertThat(a.user().permissions()).containsExactly(new UserPermission("*", 255));
    assertThat(registry.systemdb().currentState().txId())
        .isEqualTo(3); // catalog, defaultdb, immudb
  }

  @Test
  void authenticationFailures() {
    assertRefused(
        () -> users.authenticate("immudb", "wrong"),
        Kind.INVALID_CREDENTIALS,
        ErrorCode.UNAUTHENTICATED,
        "invalid user name or password");
    assertRefused(
        () -> users.authenticate("ghost", "immudb"),
        Kind.INVALID_CREDENTIALS,
        ErrorCode.UNAUTHENTICATED,
        "invalid user name or password");
    users.create("immudb", "bob", PW, Permission.READ, "defaultdb");
    assertThat(users.authenticate("bob", PW).warning()).isEmpty();
    users.setActive("immudb", "bob", false);
    assertRefused(
        () -> users.authenticate("bob", PW),
        Kind.INACTIVE,
        ErrorCode.FAILED_PRECONDITION,
        "user is not active");
    assertRefused(
        () -> users.authenticate("bob", "nope"),
        Kind.INVALID_CREDENTIALS,
        ErrorCode.UNAUTHENTICATED,
        "invalid user name or password");
  }

  @Test
  void createRulesAndTexts() {
    assertRefused(
        () -> users.create("immudb", "", PW, 1, "defaultdb"),
        Kind.EMPTY_USERNAME,
        ErrorCode.INVALID_ARGUMENT,
        "username can not be empty");
    assertRefused(
        () -> users.create("immudb", "bob", PW, 1, "nodb"),
        Kind.DATABASE_NOT_FOUND,
        ErrorCode.NOT_FOUND,
        "database nodb does not exist");
    assertRefused(
        () -> users.create("immudb", "bob", PW, 3, "defaultdb"),
        Kind.UNRECOGNIZED_PERMISSION,
        ErrorCode.INVALID_ARGUMENT,
        "unrecognized permission");
    assertRefused(
        () -> users.create("immudb", "bob", PW, 255, "defaultdb"),
        Kind.SYSADMIN_NOT_ALLOWED,
        ErrorCode.INVALID_ARGUMENT,
        "can not create another system admin");
    assertRefused(
        () -> users.create("immudb", "immudb", PW, 1, "defaultdb"),
        Kind.ALREADY_EXISTS,
        ErrorCode.ALREADY_EXISTS,
        "user already exists");
    assertRefused(
        () -> users.create("immudb", "bad-name", PW, 1, "defaultdb"),
        Kind.INVALID_USERNAME,
        ErrorCode.INVALID_ARGUMENT,
        "username can only contain letters, digits and underscores");
    for (String weak :
        List.of("password1!", "PASSWORD!!", "Password12", "Pass word1!", "P1!" + "a".repeat(30))) {
      assertRefused(
          () -> users.create("immudb", "bob", weak, 1, "defaultdb"),
          Kind.WEAK_PASSWORD,
          ErrorCode.INVALID_ARGUMENT,
          UserRules.PASSWORD_RULE_TEXT);
    }
    User bob = users.create("immudb", "bob", PW, Permission.READ_WRITE, "");
    assertThat(bob.permissions()).containsExactly(new UserPermission("defaultdb", 2));
    assertThat(bob.createdBy()).isEqualTo("immudb");
    assertThat(bob.active()).isTrue();
    registry.create("db1");
    assertRefused(
        () -> users.create("immudb", "carol", PW, 1, ""),
        Kind.EMPTY_DATABASE,
        ErrorCode.INVALID_ARGUMENT,
        "database name can not be empty when there are multiple databases");
    assertRefused(
        () -> users.create("bob", "carol", PW, 1, "defaultdb"),
        Kind.NO_PERMISSION_ON_DATABASE,
        ErrorCode.PERMISSION_DENIED,
        "you do not have permission on this database");
    users.create("immudb", "admin1", PW, Permission.ADMIN, "db1");
    users.create("admin1", "carol", PW, Permission.READ, "db1");
    assertRefused(
        () -> users.create("admin1", "dave", PW, 1, "defaultdb"),
        Kind.NO_PERMISSION_ON_DATABASE,
        ErrorCode.PERMISSION_DENIED,
        "you do not have permission on this database");
  }

  @Test
  void passwordRule() {
    assertThat(UserRules.isStrongPassword("Passw0rd!")).isTrue();
    assertThat(UserRules.isStrongPassword("Aa1!Aa1!")).isTrue();
    assertThat(UserRules.isStrongPassword("Aa1!Aa1")).isFalse();
    assertThat(UserRules.isStrongPassword("Aa1!" + "x".repeat(28))).isTrue();
    assertThat(UserRules.isStrongPassword("Aa1!" + "x".repeat(29))).isFalse();
    assertThat(UserRules.isStrongPassword("Aa1€aaaa")).isTrue();
  }

  @Test
  void listDependsOnTheCaller() throws Exception {
    registry.create("db1");
    users.create("immudb", "zed", PW, Permission.READ, "defaultdb");
    users.create("immudb", "admin1", PW, Permission.ADMIN, "db1");
    users.create("admin1", "amy", PW, Permission.READ_WRITE, "db1");
    assertThat(users.list("immudb", "defaultdb"))
        .extracting(User::username)
        .containsExactly("admin1", "amy", "immudb", "zed");
    assertThat(users.list("admin1", "db1"))
        .extracting(User::username)
        .containsExactly("admin1", "amy");
    assertThat(users.list("admin1", "defaultdb"))
        .extracting(User::username)
        .containsExactly("admin1");
    assertThat(users.list("zed", "defaultdb")).extracting(User::username).containsExactly("zed");
  }

  @Test
  void everyChangeIsANewSystemdbTxAndOnlyHashesAreStored() {
    long tx = registry.systemdb().currentState().txId();
    users.create("immudb", "bob", PW, Permission.READ, "defaultdb");
    assertThat(registry.systemdb().currentState().txId()).isEqualTo(tx + 1);
    users.changePermission("immudb", PermissionAction.GRANT, "bob", "x", 2);
    assertThat(registry.systemdb().currentState().txId()).isEqualTo(tx + 2);
    users.setActive("immudb", "bob", false);
    assertThat(registry.systemdb().currentState().txId()).isEqualTo(tx + 3);
    byte[] key = UserCodec.key("bob");
    assertThat(registry.systemdb().history(key, 0, 0, false, 0)).hasSize(3);
    String stored = new String(registry.systemdb().get(key).value(), UTF_8);
    assertThat(stored).doesNotContain(PW).contains("$2a$04$");
  }

  @Test
  void usersSurviveRestart() throws Exception {
    users.create("immudb", "bob", PW, Permission.READ, "defaultdb");
    users.changePassword("immudb", "immudb", "immudb", "N3w!pass");
    registry.close();
    registry = DatabaseRegistry.open(tmp, false);
    UserStore again = newStore(registry);
    assertThat(again.authenticate("bob", PW).user().permissions())
        .containsExactly(new UserPermission("defaultdb", 1));
    assertThat(again.authenticate("immudb", "N3w!pass").user().isSysadmin()).isTrue();
    assertThat(again.list("immudb", "defaultdb")).hasSize(2);
  }

  @Test
  void codecRoundTrip() {
    User u =
        new User(
            "bob",
            "$2a$04$hash",
            List.of(new UserPermission("db", 254), new UserPermission("é", 1)),
            false,
            "immudb",
            Instant.parse("2021-09-18T21:20:00.123456789Z"));
    assertThat(UserCodec.decode(UserCodec.encode(u))).isEqualTo(u);
    assertThat(u.createdAtText()).isEqualTo("2021-09-18 21:20:00.123456789 +0000 UTC");
    assertThat(u.withActive(true).createdAtText()).endsWith("00.123456789 +0000 UTC");
    User whole = new User("a", "h", List.of(), true, "", Instant.parse("2021-09-18T21:20:00.100Z"));
    assertThat(whole.createdAtText()).isEqualTo("2021-09-18 21:20:00.1 +0000 UTC");
    User noFraction =
        new User("a", "h", List.of(), true, "", Instant.parse("2021-09-18T21:20:00Z"));
    assertThat(noFraction.createdAtText()).isEqualTo("2021-09-18 21:20:00 +0000 UTC");
  }
}
