package io.immudb.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.immudb.core.ErrorCode;
import io.immudb.server.auth.UserException.Kind;
import io.immudb.server.db.DatabaseRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Shared set-up of the user store tests: a fresh data directory, bcrypt cost 4. */
abstract class UserStoreFixture {
  static final String PW = "Passw0rd!";

  @TempDir Path tmp;
  DatabaseRegistry registry;
  UserStore users;
  final List<String> ended = new ArrayList<>();

  @BeforeEach
  void open() throws Exception {
    registry = DatabaseRegistry.open(tmp, false);
    users = newStore(registry);
    users.onSessionsEnded(ended::add);
  }

  static UserStore newStore(DatabaseRegistry r) {
    UserStore s =
        new UserStore(
            r, new PasswordHasher(4), new MutableClock(Instant.parse("2021-09-18T21:20:00Z")));
    s.ensureSysadmin("immudb");
    return s;
  }

  @AfterEach
  void close() throws Exception {
    registry.close();
  }

  static void assertRefused(ThrowingCallable call, Kind kind, ErrorCode code, String text) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            UserException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(kind);
              assertThat(e.code()).isEqualTo(code);
            })
        .hasMessage(text);
  }
}
