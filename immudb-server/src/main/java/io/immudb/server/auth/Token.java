package io.immudb.server.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * A login token and what it is bound to. The value is 32 bytes from {@link
 * java.security.SecureRandom}, URL-safe base64 without padding (43 characters); clients treat it as
 * opaque and send it as {@code authorization: Bearer <value>} (spec v1 §9.2). Immutable and
 * thread-safe.
 *
 * @param value the opaque token string
 * @param username the logged-in user
 * @param database the selected database
 * @param expiresAt the instant after which the token is refused
 */
public record Token(String value, String username, String database, Instant expiresAt) {
  public Token {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  @Override
  public String toString() {
    // The value is a credential: never print it.
    return "Token{user=" + username + ", database=" + database + ", expiresAt=" + expiresAt + "}";
  }
}
