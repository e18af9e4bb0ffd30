package io.immudb.legacy;

import java.util.Objects;

/**
 * The answer to a v0.8 {@code Login}. Thread-safe (immutable).
 *
 * @param token the opaque token the client sends back in {@code authorization}
 * @param warning the default-password warning, or {@code ""}
 */
public record LegacyLogin(String token, String warning) {
  public LegacyLogin {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(warning, "warning");
  }
}
