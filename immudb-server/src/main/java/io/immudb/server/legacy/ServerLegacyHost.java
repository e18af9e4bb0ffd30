package io.immudb.server.legacy;

import io.immudb.core.ErrorCode;
import io.immudb.core.ImmuException;
import io.immudb.embedded.database.Database;
import io.immudb.legacy.LegacyException;
import io.immudb.legacy.LegacyHost;
import io.immudb.legacy.LegacyLogin;
import io.immudb.legacy.LegacySignature;
import io.immudb.server.auth.AuthException;
import io.immudb.server.auth.LoginResult;
import io.immudb.server.auth.LoginSessions;
import io.immudb.server.auth.MethodPermissions;
import io.immudb.server.auth.Token;
import io.immudb.server.auth.User;
import io.immudb.server.auth.UserException;
import io.immudb.server.auth.UserPermission;
import io.immudb.server.auth.UserStore;
import io.immudb.server.db.DatabaseRegistry;
import io.immudb.server.grpc.ClientAddress;
import io.immudb.server.signing.StateSigner;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The server's side of the v0.8 API ({@link LegacyHost}): the same sessions, users, permission
 * table and databases the v1.1 service uses, so a v0.8 client is refused or allowed exactly as a
 * v1.1 client would be. Refusals keep their codes and take v0.8's texts where immudb4j-era clients
 * see them (spec v0.8 §4.2.3). Thread-safe (its collaborators are).
 */
public final class ServerLegacyHost implements LegacyHost {
  private final DatabaseRegistry registry;
  private final UserStore users;
  private final LoginSessions tokens;
  private final boolean authEnabled;
  private final boolean maintenance;
  private final StateSigner signer; // null without --signingKey

  public ServerLegacyHost(
      DatabaseRegistry registry,
      UserStore users,
      LoginSessions tokens,
      boolean authEnabled,
      boolean maintenance,
      Optional<StateSigner> signer) {
    this.registry = registry;
    this.users = users;
    this.tokens = tokens;
    this.authEnabled = authEnabled;
    this.maintenance = maintenance;
    this.signer = signer.orElse(null);
  }

  @Override
  public boolean authEnabled() {
    return authEnabled;
  }

  @Override
  public LegacyLogin login(String user, String password) {
    LoginResult r;
    try {
      r = v08(() -> tokens.login(user, password, ClientAddress.current()));
    } catch (UserException e) {
      throw switch (e.kind()) {
        case INVALID_CREDENTIALS ->
            LegacyException.of(ErrorCode.PERMISSION_DENIED, "invalid user name or password");
        case INACTIVE -> LegacyException.unknown("user is not active");
        default -> e;
      };
    }
    return new LegacyLogin(r.token().value(), r.warning().orElse(""));
  }

  @Override
  public void logout(String authorization) {
    v08(
        () -> {
          tokens.logout(authorization);
          return null;
        });
  }

  @Override
  public String useDatabase(String authorization, String database) {
    if ("systemdb".equals(database)) {
      throw LegacyException.unknown("this database can not be selected");
    }
    if (!registry.exists(database)) {
      throw LegacyException.of(ErrorCode.NOT_FOUND, database + " does not exist");
    }
    return v08(() -> tokens.useDatabase(authorization, database).value());
  }

  @Override
  public void createDatabase(String authorization, String database) {
    User u = user(authorization);
    if (!u.isSysadmin()) {
      throw LegacyException.unknown("Logged In user does not have permissions for this operation");
    }
    if ("systemdb".equals(database)) {
      throw LegacyException.unknown("this database name is reserved");
    }
    if (registry.exists(database)) {
      throw LegacyException.unknown("database " + database + " already exists");
    }
    registry.create(database);
  }

  @Override
  public List<String> databaseList(String authorization) {
    User u = user(authorization);
    List<String> out = new ArrayList<>();
    if (u.isSysadmin()) {
      registry.list().stream().filter(n -> !n.equals("systemdb")).forEach(out::add);
    } else {
      for (UserPermission p : u.permissions()) {
        out.add(p.database());
      }
    }
    return out;
  }

  private User user(String authorization) {
    Token t = v08(() -> tokens.resolve(authorization));
    return users
        .find(t.username())
        .orElseThrow(() -> LegacyException.unknown("please login first"));
  }

  @Override
  public Database database(String authorization, String v1Method, boolean write) {
    if (write && maintenance) {
      throw new ImmuException(
          ErrorCode.INVALID_ARGUMENT, "operation not allowed in maintenance mode");
    }
    Database db;
    if (!authEnabled) {
      db = registry.get("defaultdb");
    } else {
      Token t = v08(() -> tokens.resolve(authorization));
      User u =
          users.find(t.username()).orElseThrow(() -> LegacyException.unknown("please login first"));
      try {
        MethodPermissions.check(
            v1Method, t.database(), u.permissionOn(t.database()), u.isSysadmin());
      } catch (AuthException e) {
        throw LegacyException.unknown("you do not have permission for this operation");
      }
      db = registry.get(t.database());
    }
    if (write) {
      Optional<String> why = registry.readOnlyReason(db.name());
      if (why.isPresent()) {
        throw new ImmuException(
            ErrorCode.FAILED_PRECONDITION, "database " + db.name() + " is read-only: " + why.get());
      }
    }
    return db;
  }

  @Override
  public List<Database> databases() {
    List<Database> out = new ArrayList<>();
    for (String name : registry.list()) {
      if (!name.equals("systemdb")) {
        out.add(registry.get(name));
      }
    }
    return out;
  }

  @Override
  public Optional<LegacySignature> signRoot(byte[] rootIndexBytes) {
    if (signer == null) {
      return Optional.empty();
    }
    return Optional.of(
        new LegacySignature(signer.signBytes(rootIndexBytes), signer.publicKeyBytes()));
  }

  /** Runs {@code body}, giving the session refusals v0.8's texts (spec v0.8 §4.2.3, §4.3). */
  private static <T> T v08(Supplier<T> body) {
    try {
      return body.get();
    } catch (AuthException e) {
      throw switch (e.kind()) {
        case NOT_LOGGED_IN -> LegacyException.unknown("please login first");
        case TOKEN_EXPIRED -> LegacyException.of(ErrorCode.PERMISSION_DENIED, "token has expired");
        case PLEASE_LOGIN -> LegacyException.of(ErrorCode.UNAUTHENTICATED, "Please login");
        case NO_DATABASE_SELECTED -> LegacyException.unknown("please select a database first");
        default -> e;
      };
    }
  }
}
