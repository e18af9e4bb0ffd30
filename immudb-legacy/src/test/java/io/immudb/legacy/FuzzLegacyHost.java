package io.immudb.legacy;

import io.immudb.core.ErrorCode;
import io.immudb.embedded.database.Database;
import io.immudb.embedded.store.StoreOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A small {@link LegacyHost} with authentication on, for {@link LegacyRpcFuzzTest}: databases
 * opened in one directory ({@code defaultdb} and {@code otherdb} to begin with), three users and
 * sessions bound to a database. It keeps the server's v0.8 texts for its refusals (spec v0.8
 * §4.2.3), so a refusal here looks like one of {@code immudb-server}'s {@code ServerLegacyHost},
 * whose real permission table the server's permission matrix checks.
 *
 * <p>Users: {@code immudb} (sysadmin, every database), {@code writer} (read-write on {@code
 * defaultdb}) and {@code reader} (read on {@code defaultdb}). Thread-safe.
 */
final class FuzzLegacyHost implements LegacyHost, AutoCloseable {
  static final String PASSWORD = "Passw0rd!";
  private static final Pattern NAME = Pattern.compile("[a-z0-9]{1,32}");

  /** A user: its password, whether it is the sysadmin, and whether it may write. */
  private record User(String password, boolean sysadmin, boolean writes) {}

  /** A login: who, and which database the token is bound to. */
  private record Session(String user, String database) {}

  private static final Map<String, User> USERS =
      Map.of(
          "immudb", new User("immudb", true, true),
          "writer", new User(PASSWORD, false, true),
          "reader", new User(PASSWORD, false, false));

  private final Path dir;
  private final StoreOptions options;
  private final Map<String, Database> databases = new ConcurrentHashMap<>();
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();

  FuzzLegacyHost(Path dir, StoreOptions options) throws IOException {
    this.dir = dir;
    this.options = options;
    open("defaultdb");
    open("otherdb");
  }

  private synchronized void open(String name) throws IOException {
    databases.put(name, Database.open(name, dir.resolve(name), options));
  }

  /** The databases by name (for the fuzz target's state check). */
  Map<String, Database> byName() {
    return Map.copyOf(databases);
  }

  @Override
  public boolean authEnabled() {
    return true;
  }

  @Override
  public LegacyLogin login(String user, String password) {
    User u = USERS.get(user);
    if (u == null || !u.password().equals(password)) {
      throw LegacyException.of(ErrorCode.PERMISSION_DENIED, "invalid user name or password");
    }
    String token = UUID.randomUUID().toString();
    sessions.put(token, new Session(user, "defaultdb"));
    return new LegacyLogin(token, "");
  }

  @Override
  public void logout(String authorization) {
    Session s = session(authorization);
    sessions.values().removeIf(o -> o.user().equals(s.user()));
  }

  @Override
  public String useDatabase(String authorization, String database) {
    if ("systemdb".equals(database)) {
      throw LegacyException.unknown("this database can not be selected");
    }
    if (!databases.containsKey(database)) {
      throw LegacyException.of(ErrorCode.NOT_FOUND, database + " does not exist");
    }
    Session s = session(authorization);
    if (!USERS.get(s.user()).sysadmin() && !database.equals("defaultdb")) {
      throw LegacyException.unknown("you do not have permission for this operation");
    }
    String token = UUID.randomUUID().toString();
    sessions.put(token, new Session(s.user(), database));
    return token;
  }

  @Override
  public synchronized void createDatabase(String authorization, String database) {
    Session s = session(authorization);
    if (!USERS.get(s.user()).sysadmin()) {
      throw LegacyException.unknown("Logged In user does not have permissions for this operation");
    }
    if ("systemdb".equals(database)) {
      throw LegacyException.unknown("this database name is reserved");
    }
    if (databases.containsKey(database)) {
      throw LegacyException.unknown("database " + database + " already exists");
    }
    if (!NAME.matcher(database).matches()) {
      throw LegacyException.of(ErrorCode.INVALID_ARGUMENT, "invalid database name");
    }
    try {
      open(database);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<String> databaseList(String authorization) {
    Session s = session(authorization);
    if (!USERS.get(s.user()).sysadmin()) {
      return List.of("defaultdb");
    }
    List<String> out = new ArrayList<>(databases.keySet());
    out.remove("defaultdb");
    out.sort(null);
    out.add(0, "defaultdb");
    return out;
  }

  @Override
  public Database database(String authorization, String v1Method, boolean write) {
    Session s = session(authorization);
    User u = USERS.get(s.user());
    if (write && !u.writes()) {
      throw LegacyException.unknown("you do not have permission for this operation");
    }
    return databases.get(s.database());
  }

  private Session session(String authorization) {
    String token = authorization.startsWith("Bearer ") ? authorization.substring(7) : authorization;
    Session s = sessions.get(token);
    if (s == null) {
      throw LegacyException.unknown("please login first");
    }
    return s;
  }

  @Override
  public List<Database> databases() {
    return List.copyOf(databases.values());
  }

  /** A stand-in signature (the payload's first bytes): enough to take the signing branch. */
  @Override
  public Optional<LegacySignature> signRoot(byte[] rootIndexBytes) {
    return Optional.of(new LegacySignature(Arrays.copyOf(rootIndexBytes, 8), new byte[65]));
  }

  /** The texts this host and the v0.8 service send as UNKNOWN (spec v0.8 §4.2.3, §4.4). */
  static final Set<String> UNKNOWN_TEXTS =
      Set.of(
          "please login first",
          "this database can not be selected",
          "you do not have permission for this operation",
          "Logged In user does not have permissions for this operation",
          "this database name is reserved",
          "this command is available only with authentication on");

  @Override
  public synchronized void close() throws IOException {
    IOException first = null;
    for (Database db : databases.values()) {
      try {
        db.close();
      } catch (IOException e) {
        first = first == null ? e : first;
      }
    }
    databases.clear();
    if (first != null) {
      throw first;
    }
  }
}
