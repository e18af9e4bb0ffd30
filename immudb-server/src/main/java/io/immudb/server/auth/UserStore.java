package io.immudb.server.auth;

import io.immudb.server.auth.UserException.Kind;
import io.immudb.server.db.DatabaseNames;
import io.immudb.server.db.DatabaseRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * immudb's users, kept in {@code systemdb} (spec v1 §9.4, §9.7.3): login checks, {@code
 * CreateUser}, {@code ListUsers}, {@code ChangePassword}, {@code ChangePermission} and {@code
 * SetActiveUser}, with immudb's rules, order of checks and texts. Each change is one new {@code
 * systemdb} transaction; the latest record of a user is authoritative.
 *
 * <p>{@code caller} arguments are the name of the logged-in user making the request.
 *
 * <p><b>Thread-safety:</b> safe for concurrent use. Changes are serialized on one monitor (a read,
 * then a write of the user's record); bcrypt runs outside it. Listeners registered with {@link
 * #onSessionsEnded} are called, outside the monitor, with every user whose tokens must end.
 */
public final class UserStore {
  private final DatabaseRegistry registry;
  private final UserRecords records;
  private final PasswordHasher hasher;
  private final Clock clock;
  private final Object lock = new Object();
  private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

  public UserStore(DatabaseRegistry registry, PasswordHasher hasher, Clock clock) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.records = new UserRecords(registry.systemdb());
    this.hasher = Objects.requireNonNull(hasher, "hasher");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Registers {@code listener} to be told the name of each user whose tokens must end. */
  public void onSessionsEnded(Consumer<String> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /**
   * Creates the sysadmin {@code immudb} with {@code adminPassword} and permission 255 on {@code
   * "*"}, unless it exists already (the password of an existing sysadmin is left unchanged).
   *
   * @return whether the user was created
   */
  public boolean ensureSysadmin(String adminPassword) {
    if (records.get(User.SYSADMIN_NAME).isPresent()) {
      return false;
    }
    String hash = hasher.hash(adminPassword);
    synchronized (lock) {
      if (records.get(User.SYSADMIN_NAME).isPresent()) {
        return false;
      }
      List<UserPermission> all =
          List.of(new UserPermission(Permission.ALL_DATABASES, Permission.SYSADMIN));
      records.put(new User(User.SYSADMIN_NAME, hash, all, true, "", clock.instant()));
      return true;
    }
  }

  /** The latest record of {@code username}, if it exists. */
  public Optional<User> find(String username) {
    return records.get(username);
  }

  /**
   * Checks a login (spec v1 §9.3): unknown user or wrong password fail alike; an inactive user
   * fails after the password matched.
   *
   * @throws UserException {@code INVALID_CREDENTIALS} or {@code INACTIVE}
   */
  public Authentication authenticate(String username, String password) {
    Optional<User> u = records.get(username);
    if (u.isEmpty() || password == null || !hasher.matches(password, u.get().passwordHash())) {
      throw new UserException(Kind.INVALID_CREDENTIALS, "invalid user name or password");
    }
    if (!u.get().active()) {
      throw new UserException(Kind.INACTIVE, "user is not active");
    }
    boolean defaultPassword =
        User.SYSADMIN_NAME.equals(username) && User.SYSADMIN_NAME.equals(password);
    return new Authentication(
        u.get(),
        defaultPassword ? Optional.of(Authentication.DEFAULT_PASSWORD_WARNING) : Optional.empty());
  }

  /**
   * {@code CreateUser}: an active user with one permission on {@code database}, created by {@code
   * caller}. An empty {@code database} means {@code defaultdb} while no user database exists.
   *
   * @throws UserException with the first of immudb's checks that fails
   */
  public User create(
      String caller, String username, String password, int permission, String database) {
    User c = callerRecord(caller);
    if (username == null || username.isEmpty()) {
      throw new UserException(Kind.EMPTY_USERNAME, "username can not be empty");
    }
    String db = database == null ? "" : database;
    if (db.isEmpty()) {
      if (registry.hasUserDatabases()) {
        throw new UserException(
            Kind.EMPTY_DATABASE,
            "database name can not be empty when there are multiple databases");
      }
      db = DatabaseNames.DEFAULTDB;
    }
    if (!registry.exists(db)) {
      throw new UserException(Kind.DATABASE_NOT_FOUND, "database " + db + " does not exist");
    }
    if (!Permission.isKnown(permission)) {
      throw new UserException(Kind.UNRECOGNIZED_PERMISSION, "unrecognized permission");
    }
    if (!c.isSysadmin() && c.permissionOn(db) != Permission.ADMIN) {
      throw new UserException(
          Kind.NO_PERMISSION_ON_DATABASE, "you do not have permission on this database");
    }
    if (permission == Permission.SYSADMIN) {
      throw new UserException(Kind.SYSADMIN_NOT_ALLOWED, "can not create another system admin");
    }
    if (records.get(username).isPresent()) {
      throw new UserException(Kind.ALREADY_EXISTS, "user already exists");
    }
    if (!UserRules.isValidUsername(username)) {
      throw new UserException(
          Kind.INVALID_USERNAME, "username can only contain letters, digits and underscores");
    }
    if (password == null || !UserRules.isStrongPassword(password)) {
      throw new UserException(Kind.WEAK_PASSWORD, UserRules.PASSWORD_RULE_TEXT);
    }
    String hash = hasher.hash(password);
    synchronized (lock) {
      if (records.get(username).isPresent()) {
        throw new UserException(Kind.ALREADY_EXISTS, "user already exists");
      }
      User u =
          new User(
              username,
              hash,
              List.of(new UserPermission(db, permission)),
              true,
              caller,
              clock.instant());
      records.put(u);
      return u;
    }
  }

  /**
   * {@code ListUsers}: the sysadmin sees every user ordered by username bytes; an admin of {@code
   * currentDb} sees the users holding any permission on it; anyone else sees only themselves.
   */
  public List<User> list(String caller, String currentDb) {
    User c = callerRecord(caller);
    List<User> all = records.all();
    if (c.isSysadmin()) {
      return all;
    }
    if (currentDb != null && c.permissionOn(currentDb) == Permission.ADMIN) {
      List<User> out = new ArrayList<>();
      for (User u : all) {
        if (u.permissionOn(currentDb) != Permission.NONE) {
          out.add(u);
        }
      }
      return out;
    }
    return List.of(c);
  }

  /**
   * {@code ChangePassword}: the caller must be sysadmin, or admin somewhere and creator of the
   * target. Changing {@code immudb}'s password requires its current password as {@code
   * oldPassword}. The new password is only checked for emptiness. Ends the target's tokens.
   *
   * @throws UserException with the first of immudb's checks that fails
   */
  public void changePassword(
      String caller, String username, String oldPassword, String newPassword) {
    User c = callerRecord(caller);
    if (!c.isSysadmin() && !c.isAdminSomewhere()) {
      throw new UserException(
          Kind.NOT_ADMIN, "user is not system admin nor admin in any of the databases");
    }
    if (username == null || username.isEmpty()) {
      throw new UserException(Kind.EMPTY_USERNAME, "username can not be empty");
    }
    Optional<User> target = records.get(username);
    if (target.isEmpty() || (!c.isSysadmin() && !caller.equals(target.get().createdBy()))) {
      throw new UserException(
          Kind.NOT_FOUND_OR_NOT_CREATOR,
          "user " + username + " was not found or it was not created by you");
    }
    if (User.SYSADMIN_NAME.equals(username)
        && (oldPassword == null || !hasher.matches(oldPassword, target.get().passwordHash()))) {
      throw new UserException(Kind.OLD_PASSWORD_INCORRECT, "old password is incorrect");
    }
    if (newPassword == null || newPassword.isEmpty()) {
      throw new UserException(Kind.EMPTY_PASSWORD, "password is empty");
    }
    String hash = hasher.hash(newPassword);
    synchronized (lock) {
      records.put(records.get(username).orElseThrow().withPasswordHash(hash));
    }
    endSessions(username);
  }

  /**
   * {@code ChangePermission}: GRANT replaces the target's permission on {@code database}, REVOKE
   * removes it. The database is not checked for existence. Ends the target's tokens.
   *
   * @throws UserException with the first of immudb's checks that fails
   */
  public void changePermission(
      String caller, PermissionAction action, String username, String database, int permission) {
    new PermissionChange(this, records, lock).apply(caller, action, username, database, permission);
    endSessions(username);
  }

  /**
   * {@code SetActiveUser}: the caller must be sysadmin, or admin somewhere and creator of the
   * target, and cannot target themselves. Ends the target's tokens.
   *
   * @throws UserException with the first of immudb's checks that fails
   */
  public void setActive(String caller, String username, boolean active) {
    if (username == null || username.isEmpty()) {
      throw new UserException(Kind.EMPTY_USERNAME, "username can not be empty");
    }
    User c = callerRecord(caller);
    if (!c.isSysadmin() && !c.isAdminSomewhere()) {
      throw new UserException(
          Kind.NOT_ADMIN, "user is not system admin nor admin in any of the databases");
    }
    if (username.equals(caller)) {
      throw new UserException(Kind.OWN_STATUS, "changing your own status is not allowed");
    }
    synchronized (lock) {
      User target =
          records
              .get(username)
              .orElseThrow(
                  () -> new UserException(Kind.NO_SUCH_USER, "user " + username + " not found"));
      if (!c.isSysadmin() && !caller.equals(target.createdBy())) {
        throw new UserException(Kind.NOT_CREATOR, username + " was not created by you");
      }
      records.put(target.withActive(active));
    }
    endSessions(username);
  }

  /** The permission {@code username} holds on {@code database} (255 for the sysadmin). */
  public int permissionOn(String username, String database) {
    return records
        .get(username)
        .map(u -> u.isSysadmin() ? Permission.SYSADMIN : u.permissionOn(database))
        .orElse(Permission.NONE);
  }

  User callerRecord(String caller) {
    return records
        .get(caller)
        .orElseThrow(() -> new AuthException(AuthException.Kind.NOT_LOGGED_IN));
  }

  private void endSessions(String username) {
    for (Consumer<String> l : listeners) {
      l.accept(username);
    }
  }
}
