package io.immudb.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.immudb.core.ErrorCode;
import io.immudb.server.db.DatabaseException;
import io.immudb.server.db.DatabaseRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoginSessionsTest {
  static final String PW = "Passw0rd!";

  @TempDir Path tmp;
  DatabaseRegistry registry;
  UserStore users;
  MutableClock clock = new MutableClock(Instant.parse("2021-09-18T21:20:00Z"));
  LoginSessions tokens;

  @BeforeEach
  void open() throws Exception {
    registry = DatabaseRegistry.open(tmp, false);
    users = new UserStore(registry, new PasswordHasher(4), clock);
    users.ensureSysadmin("immudb");
    tokens = new LoginSessions(users, registry, Duration.ofHours(24), clock);
    registry.create("db1");
    users.create("immudb", "bob", PW, Permission.READ, "db1");
  }

  @AfterEach
  void close() throws Exception {
    registry.close();
  }

  static void assertAuth(ThrowingCallable call, AuthException.Kind kind, String text) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(AuthException.class, e -> assertThat(e.kind()).isEqualTo(kind))
        .hasMessageStartingWith(text);
  }

  @Test
  void loginIssuesAnUnguessableTokenOnDefaultdb() {
    LoginResult r = tokens.login("immudb", "immudb");
    assertThat(r.warning()).contains(Authentication.DEFAULT_PASSWORD_WARNING);
    Token t = r.token();
    assertThat(t.value()).hasSize(43).matches("[A-Za-z0-9_-]+");
    assertThat(t.username()).isEqualTo("immudb");
    assertThat(t.database()).isEqualTo("defaultdb");
    assertThat(t.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(24)));
    assertThat(t.toString()).doesNotContain(t.value());
    assertThat(tokens.login("immudb", "immudb").token().value()).isNotEqualTo(t.value());
    assertThat(tokens.resolve(t.value())).isEqualTo(t);
    assertThat(tokens.resolve("Bearer " + t.value())).isEqualTo(t);
    assertThatThrownBy(() -> tokens.login("bob", "bad"))
        .isInstanceOf(UserException.class)
        .hasMessage("invalid user name or password");
  }

  @Test
  void unknownOrMissingTokens() {
    assertAuth(() -> tokens.resolve(null), AuthException.Kind.NOT_LOGGED_IN, "not logged in");
    assertAuth(
        () -> tokens.resolve("Bearer nope"), AuthException.Kind.NOT_LOGGED_IN, "not logged in");
    assertThatThrownBy(() -> tokens.resolve(""))
        .isInstanceOfSatisfying(
            AuthException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHENTICATED));
  }

  @Test
  void tokensExpire() {
    Token t = tokens.login("bob", PW).token();
    clock.advance(Duration.ofHours(24).minusSeconds(1));
    assertThat(tokens.resolve(t.value())).isEqualTo(t);
    clock.advance(Duration.ofSeconds(1));
    assertThatThrownBy(() -> tokens.resolve(t.value()))
        .isInstanceOfSatisfying(
            AuthException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHENTICATED))
        .hasMessageStartingWith("token has expired");
    assertAuth(() -> tokens.resolve(t.value()), AuthException.Kind.NOT_LOGGED_IN, "not logged in");
  }

  @Test
  void logoutEndsEveryTokenOfTheUser() {
    Token a = tokens.login("bob", PW).token();
    Token b = tokens.login("bob", PW).token();
    Token c = tokens.useDatabase(a.value(), "db1");
    Token admin = tokens.login("immudb", "immudb").token();
    tokens.logout("Bearer " + b.value());
    for (Token t : new Token[] {a, b, c}) {
      assertAuth(
          () -> tokens.resolve(t.value()), AuthException.Kind.NOT_LOGGED_IN, "not logged in");
    }
    assertThat(tokens.resolve(admin.value())).isEqualTo(admin);
    Token again = tokens.login("bob", PW).token();
    assertThat(tokens.resolve(again.value())).isEqualTo(again);
  }

  @Test
  void userChangesEndTokens() {
    Token t1 = tokens.login("bob", PW).token();
    users.changePassword("immudb", "bob", "", "n3wPass!");
    assertAuth(() -> tokens.resolve(t1.value()), AuthException.Kind.NOT_LOGGED_IN, "not logged in");
    Token t2 = tokens.login("bob", "n3wPass!").token();
    users.changePermission("immudb", PermissionAction.GRANT, "bob", "defaultdb", 1);
    assertAuth(() -> tokens.resolve(t2.value()), AuthException.Kind.NOT_LOGGED_IN, "not logged in");
    Token t3 = tokens.login("bob", "n3wPass!").token();
    users.setActive("immudb", "bob", false);
    assertAuth(() -> tokens.resolve(t3.value()), AuthException.Kind.NOT_LOGGED_IN, "not logged in");
    assertThatThrownBy(() -> tokens.login("bob", "n3wPass!")).hasMessage("user is not active");
  }

  @Test
  void useDatabaseBindsANewToken() {
    Token t = tokens.login("bob", PW).token();
    Token db1 = tokens.useDatabase("Bearer " + t.value(), "db1");
    assertThat(db1.database()).isEqualTo("db1");
    assertThat(db1.value()).isNotEqualTo(t.value());
    assertThat(tokens.resolve(t.value()).database()).isEqualTo("defaultdb");
    assertThat(tokens.resolve(db1.value()).database()).isEqualTo("db1");
    assertThatThrownBy(() -> tokens.useDatabase(t.value(), "defaultdb"))
        .isInstanceOfSatisfying(
            AuthException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PERMISSION_DENIED))
        .hasMessage("Logged in user does not have permission on this database");
    assertAuth(
        () -> tokens.useDatabase("nope", "db1"), AuthException.Kind.PLEASE_LOGIN, "Please login");
    Token admin = tokens.login("immudb", "immudb").token();
    assertThat(tokens.useDatabase(admin.value(), "systemdb").database()).isEqualTo("systemdb");
    assertThatThrownBy(() -> tokens.useDatabase(admin.value(), "ghost"))
        .isInstanceOf(DatabaseException.class)
        .hasMessage("'ghost' does not exist");
  }

  @Test
  void purgeDropsExpiredTokens() {
    tokens.login("bob", PW);
    tokens.login("bob", PW);
    assertThat(tokens.purgeExpired()).isZero();
    clock.advance(Duration.ofDays(2));
    assertThat(tokens.purgeExpired()).isEqualTo(2);
  }
}
