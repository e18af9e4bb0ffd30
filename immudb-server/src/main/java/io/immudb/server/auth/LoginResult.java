package io.immudb.server.auth;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@code Login} answers: the new token and, for {@code immudb} with its default password, the
 * warning of spec v1 §9.4. Immutable and thread-safe.
 *
 * @param token the new token, bound to {@code defaultdb}
 * @param warning {@link Authentication#DEFAULT_PASSWORD_WARNING} or empty
 */
public record LoginResult(Token token, Optional<String> warning) {
  public LoginResult {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(warning, "warning");
  }
}
