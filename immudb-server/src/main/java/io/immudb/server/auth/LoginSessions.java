package io.immudb.server.auth;

import io.immudb.server.db.DatabaseNames;
import io.immudb.server.db.DatabaseRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server's live login sessions, one per token (spec v1 §9.3): {@code Login} issues a token
 * bound to {@code defaultdb}, {@code UseDatabase} issues a new one bound to another database (older
 * tokens stay valid), and {@code Logout} ends every token of the user. Tokens expire after the
 * configured lifetime and die with the process. Changing a user's password, permissions or status
 * ends that user's tokens too.
 *
 * <p>Unlike immudb v1.1.0, a login always starts on {@code defaultdb}, also after the first {@code
 * CreateDatabase} (v1.1.0 then issues tokens without a database, forcing a {@code UseDatabase}
 * first). Clients that call {@code UseDatabase} after login, as immudb-node's tests do, see no
 * difference.
 *
 * <p><b>Thread-safety:</b> safe for concurrent use; state lives in concurrent maps and no lock is
 * held while bcrypt runs. Each user has a logout epoch: a token is valid only while the epoch it
 * was issued under is current, so a login racing with a logout or password change never survives
 * it.
 */
public final class LoginSessions {
  private static final String BEARER = "Bearer ";

  private final UserStore users;
  private final DatabaseRegistry registry;
  private final Duration expiry;
  private final Clock clock;
  private final LoginThrottle throttle;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Map<String, Long> epochs = new ConcurrentHashMap<>();

  /** Without limits on logins ({@link LoginThrottle#unlimited()}). */
  public LoginSessions(UserStore users, DatabaseRegistry registry, Duration expiry, Clock clock) {
    this(users, registry, expiry, clock, LoginThrottle.unlimited());
  }

  /**
   * Requires expiry > 0. Registers itself with {@code users} to end tokens on user changes. Every
   * password check runs within {@code throttle}'s limits.
   */
  public LoginSessions(
      UserStore users,
      DatabaseRegistry registry,
      Duration expiry,
      Clock clock,
      LoginThrottle throttle) {
    this.throttle = Objects.requireNonNull(throttle, "throttle");
    this.users = Objects.requireNonNull(users, "users");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.expiry = Objects.requireNonNull(expiry, "expiry");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (expiry.isNegative() || expiry.isZero()) {
      throw new IllegalArgumentException("expiry must be > 0, got " + expiry);
    }
    users.onSessionsEnded(this::endSessions);
  }

  /**
   * {@code Login}: checks the password and issues a token bound to {@code defaultdb}.
   *
   * @throws UserException {@code INVALID_CREDENTIALS} or {@code INACTIVE}
   */
  public LoginResult login(String username, String password) {
    return login(username, password, "unknown");
  }

  /**
   * {@code Login} from client address {@code address}, within the {@link LoginThrottle}'s limits.
   *
   * @throws UserException {@code INVALID_CREDENTIALS} or {@code INACTIVE}
   * @throws io.immudb.core.ImmuException {@code RESOURCE_EXHAUSTED} when a limit refuses it
   */
  public LoginResult login(String username, String password, String address) {
    long epoch = epochOf(username);
    Authentication a = throttle.run(address, () -> users.authenticate(username, password));
    return new LoginResult(issue(username, DatabaseNames.DEFAULTDB, epoch), a.warning());
  }

  /**
   * {@code UseDatabase}: a new token for the same user, bound to {@code database}. The sysadmin may
   * select any database; anyone else needs a permission on it.
   *
   * @throws AuthException {@code PLEASE_LOGIN}, {@code TOKEN_EXPIRED} or {@code
   *     NO_DATABASE_PERMISSION}
   * @throws io.immudb.server.db.DatabaseException {@code NOT_FOUND} for an unknown database
   */
  public Token useDatabase(String token, String database) {
    Session s;
    try {
      s = session(token);
    } catch (AuthException e) {
      if (e.kind() == AuthException.Kind.NOT_LOGGED_IN) {
        throw new AuthException(AuthException.Kind.PLEASE_LOGIN);
      }
      throw e;
    }
    String user = s.token().username();
    User u = users.find(user).orElseThrow(() -> new AuthException(AuthException.Kind.PLEASE_LOGIN));
    if (!u.isSysadmin() && u.permissionOn(database) == Permission.NONE) {
      throw new AuthException(AuthException.Kind.NO_DATABASE_PERMISSION);
    }
    registry.get(database);
    return issue(user, database, s.epoch());
  }

  /**
   * The live token for {@code authorization}, which may carry a leading {@code "Bearer "}.
   *
   * @throws AuthException {@code NOT_LOGGED_IN} (missing, unknown or ended) or {@code
   *     TOKEN_EXPIRED}
   */
  public Token resolve(String authorization) {
    return session(authorization).token();
  }

  /**
   * {@code Logout}: ends every token of the token's user (spec v1 §9.3).
   *
   * @throws AuthException {@code NOT_LOGGED_IN} or {@code TOKEN_EXPIRED}
   */
  public void logout(String authorization) {
    endSessions(session(authorization).token().username());
  }

  /** Ends every token of {@code username}. */
  public void endSessions(String username) {
    epochs.merge(username, 1L, Long::sum);
    sessions.values().removeIf(s -> s.token().username().equals(username));
  }

  /** Drops expired tokens; callers may run it periodically. Returns how many were dropped. */
  public int purgeExpired() {
    int before = sessions.size();
    sessions.values().removeIf(s -> !clock.instant().isBefore(s.token().expiresAt()));
    return Math.max(0, before - sessions.size());
  }

  /**
   * The number of live sessions: tokens neither expired nor ended by a logout or user change.
   * O(number of tokens); meant for metrics, not for the call path.
   */
  public int activeSessions() {
    java.time.Instant now = clock.instant();
    int n = 0;
    for (Session s : sessions.values()) {
      if (s.epoch() == epochOf(s.token().username()) && now.isBefore(s.token().expiresAt())) {
        n++;
      }
    }
    return n;
  }

  private Session session(String authorization) {
    if (authorization == null) {
      throw new AuthException(AuthException.Kind.NOT_LOGGED_IN);
    }
    String value =
        authorization.startsWith(BEARER) ? authorization.substring(BEARER.length()) : authorization;
    Session s = sessions.get(value);
    if (s == null || s.epoch() != epochOf(s.token().username())) {
      if (s != null) {
        sessions.remove(value, s);
      }
      throw new AuthException(AuthException.Kind.NOT_LOGGED_IN);
    }
    if (!clock.instant().isBefore(s.token().expiresAt())) {
      sessions.remove(value, s);
      throw new AuthException(AuthException.Kind.TOKEN_EXPIRED);
    }
    return s;
  }

  private long epochOf(String username) {
    return epochs.getOrDefault(username, 0L);
  }

  private Token issue(String username, String database, long epoch) {
    byte[] raw = new byte[32];
    random.nextBytes(raw);
    String value = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    Token t = new Token(value, username, database, clock.instant().plus(expiry));
    sessions.put(value, new Session(t, epoch));
    if (epochOf(username) != epoch) {
      // A logout or user change ran while this login was in flight: it wins.
      sessions.remove(value);
      throw new AuthException(AuthException.Kind.NOT_LOGGED_IN);
    }
    return t;
  }
}
