package io.immudb.legacy;

import io.immudb.embedded.database.Database;
import java.util.List;
import java.util.Optional;

/**
 * What the v0.8 API needs from the server it runs in: the same users, tokens, permissions and
 * databases as the v1.1 API. The server implements it over its own sessions and registry; this
 * module never sees how.
 *
 * <p>Implementations MUST be thread-safe. Every method that takes {@code authorization} gets the
 * call's first {@code authorization} header value, with or without {@code "Bearer "}, or {@code ""}
 * if there is none. Refusals and failures MUST be thrown as {@link io.immudb.core.ImmuException}s
 * (or {@link LegacyException}s carrying the v0.8 text); their code picks the gRPC status.
 */
public interface LegacyHost {
  /** Whether logins are required; when not, every call works on {@code defaultdb}. */
  boolean authEnabled();

  /** {@code Login}: a token, and the default-password warning or {@code ""}. */
  LegacyLogin login(String user, String password);

  /** {@code Logout}: ends every token of the caller. */
  void logout(String authorization);

  /** {@code UseDatabase}: a new token of the caller bound to {@code database}. */
  String useDatabase(String authorization, String database);

  /** {@code CreateDatabase}, sysadmin only. */
  void createDatabase(String authorization, String database);

  /** {@code DatabaseList}: the databases the caller may see, {@code defaultdb} first. */
  List<String> databaseList(String authorization);

  /**
   * The caller's selected database, after checking that the caller may call the v1.1 method {@code
   * v1Method} there (the permission table is the v1.1 API's, so both APIs grant the same). With
   * {@code write}, also refused in maintenance mode and on a read-only database.
   */
  Database database(String authorization, String v1Method, boolean write);

  /** Every database served, by name, for following their logs in the background. */
  List<Database> databases();

  /**
   * The signature of a {@code CurrentRoot} payload (spec v0.8 §5), or empty without {@code
   * --signingKey}.
   */
  Optional<LegacySignature> signRoot(byte[] rootIndexBytes);
}
