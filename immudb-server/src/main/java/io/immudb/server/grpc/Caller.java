package io.immudb.server.grpc;

import io.immudb.core.ErrorCode;
import io.immudb.core.ImmuException;
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
 * v1 §9.4 — the one gate every authenticated RPC passes. Writes also pass {@link #writable}, which
 * refuses them in maintenance mode and on a read-only database. With {@code --auth=false} every
 * call acts as the sysadmin on {@code defaultdb}. Thread-safe.
 */
final class Caller {
  private final LoginSessions tokens;
  private final UserStore users;
  private final DatabaseRegistry registry;
  private final boolean authEnabled;
  private final boolean maintenance;

  Caller(
      LoginSessions tokens,
      UserStore users,
      DatabaseRegistry registry,
      boolean authEnabled,
      boolean maintenance) {
    this.tokens = tokens;
    this.users = users;
    this.registry = registry;
    this.authEnabled = authEnabled;
    this.maintenance = maintenance;
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

  /** Refuses the call if the server runs in maintenance mode, where nothing may be written. */
  void notInMaintenance() {
    if (maintenance) {
      throw new ImmuException(
          ErrorCode.INVALID_ARGUMENT, "operation not allowed in maintenance mode");
    }
  }

  /**
   * As {@link #database}, for a call that writes: refused first in maintenance mode, and then if
   * the database is read-only.
   */
  Database writable(String method) {
    notInMaintenance();
    Database db = database(method);
    registry
        .readOnlyReason(db.name())
        .ifPresent(
            why -> {
              throw new ImmuException(
                  ErrorCode.FAILED_PRECONDITION, "database " + db.name() + " is read-only: " + why);
            });
    return db;
  }

  boolean authEnabled() {
    return authEnabled;
  }
}
