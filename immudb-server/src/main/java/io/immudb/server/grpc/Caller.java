package io.immudb.server.grpc;

import io.immudb.embedded.database.Database;
import io.immudb.server.auth.AuthException;
import io.immudb.server.auth.LoginSessions;
import io.immudb.server.auth.MethodPermissions;
import io.immudb.server.auth.Token;
import io.immudb.server.auth.User;
import io.immudb.server.auth.UserStore;
import io.immudb.server.db.DatabaseRegistry;

/**
 * Resolves who is calling and on which database, and enforces the method-permission table of spec
 * v1 §9.4 — the one gate every authenticated RPC passes. With {@code --auth=false} every call acts
 * as the sysadmin on {@code defaultdb}. Thread-safe.
 */
final class Caller {
  private final LoginSessions tokens;
  private final UserStore users;
  private final DatabaseRegistry registry;
  private final boolean authEnabled;

  Caller(LoginSessions tokens, UserStore users, DatabaseRegistry registry, boolean authEnabled) {
    this.tokens = tokens;
    this.users = users;
    this.registry = registry;
    this.authEnabled = authEnabled;
  }

  /** The authorization header of the current call ("" if none). */
  static String header() {
    String h = CallAuth.TOKEN.get();
    return h == null ? "" : h;
  }

  /** The current call's token. @throws AuthException if not logged in or expired */
  Token token() {
    return tokens.resolve(header());
  }

  /** The logged-in user of the current call. */
  User user() {
    Token t = token();
    return users
        .find(t.username())
        .orElseThrow(() -> new AuthException(AuthException.Kind.NOT_LOGGED_IN));
  }

  /** The name of the current call's user, or the sysadmin when auth is off. */
  String username() {
    return authEnabled ? token().username() : User.SYSADMIN_NAME;
  }

  /**
   * The database the current call works on, after checking that its user may call {@code method}
   * there.
   */
  Database database(String method) {
    if (!authEnabled) {
      return registry.get("defaultdb");
    }
    Token t = token();
    User u =
        users
            .find(t.username())
            .orElseThrow(() -> new AuthException(AuthException.Kind.NOT_LOGGED_IN));
    MethodPermissions.check(method, t.database(), u.permissionOn(t.database()), u.isSysadmin());
    return registry.get(t.database());
  }

  boolean authEnabled() {
    return authEnabled;
  }
}
