package io.immudb.server.auth;

import java.util.Objects;
import java.util.Optional;

/**
 * A successful password check. Immutable and thread-safe.
 *
 * @param user the authenticated user's latest record
 * @param warning the default-password warning of spec v1 §9.4, when {@code immudb} logs in with
 *     password {@code immudb}
 */
public record Authentication(User user, Optional<String> warning) {
  /** The warning sent in {@code LoginResponse.warning} for {@code immudb}/{@code immudb}. */
  public static final String DEFAULT_PASSWORD_WARNING =
      "immudb user has the default password: please change it to ensure proper security";

  public Authentication {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(warning, "warning");
  }
}
