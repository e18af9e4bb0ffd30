package io.immudb.server.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Who may call and what the server vouches for: {@code --auth}, {@code --admin-password}, {@code
 * --token-expiry}, {@code --devmode} and {@code --signingKey} of {@code ServerFlags}, which holds
 * their defaults. Immutable and thread-safe; {@link #toString()} leaves the password out.
 *
 * @param auth whether logins and tokens are required
 * @param adminPassword the password the {@code immudb} sysadmin gets when it is first created; not
 *     empty
 * @param tokenExpiry how long a login token stays valid; > 0
 * @param devMode development mode
 * @param signingKey a readable PEM EC private key that signs every state returned (spec v1 §8.3),
 *     if configured
 */
public record SecurityOptions(
    boolean auth,
    String adminPassword,
    Duration tokenExpiry,
    boolean devMode,
    Optional<Path> signingKey) {
  /**
   * Validates the settings.
   *
   * @throws ConfigException naming the first invalid setting
   */
  public SecurityOptions {
    Objects.requireNonNull(adminPassword, "adminPassword");
    Objects.requireNonNull(tokenExpiry, "tokenExpiry");
    Objects.requireNonNull(signingKey, "signingKey");
    if (tokenExpiry.isNegative() || tokenExpiry.isZero()) {
      throw new ConfigException("token-expiry", "token-expiry must be > 0, got " + tokenExpiry);
    }
    if (adminPassword.isEmpty()) {
      throw new ConfigException("admin-password", "admin-password must not be empty");
    }
    if (signingKey.isPresent() && !Files.isReadable(signingKey.get())) {
      throw new ConfigException(
          "signingKey", "signingKey " + signingKey.get() + " is not a readable file");
    }
  }

  @Override
  public String toString() {
    return "SecurityOptions[auth="
        + auth
        + ", tokenExpiry="
        + tokenExpiry
        + ", devMode="
        + devMode
        + ", signingKey="
        + signingKey
        + "]";
  }
}
