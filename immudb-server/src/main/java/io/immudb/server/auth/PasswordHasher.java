package io.immudb.server.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import java.nio.charset.StandardCharsets;

/**
 * bcrypt hashing of passwords (spec v1 §9.4: any scheme works as long as logins behave the same).
 * Passwords longer than bcrypt's 72 bytes are truncated to 72, as Go's bcrypt used to do.
 * Thread-safe (immutable).
 */
public final class PasswordHasher {
  /** The default bcrypt cost. */
  public static final int DEFAULT_COST = 10;

  private final int cost;
  private final BCrypt.Hasher hasher;
  private final BCrypt.Verifyer verifyer;

  /** A hasher with cost {@code cost}. Requires 4 ≤ cost ≤ 31; tests use 4 for speed. */
  public PasswordHasher(int cost) {
    if (cost < 4 || cost > 31) {
      throw new IllegalArgumentException("bcrypt cost must be in [4, 31], got " + cost);
    }
    this.cost = cost;
    this.hasher =
        BCrypt.with(
            BCrypt.Version.VERSION_2A, LongPasswordStrategies.truncate(BCrypt.Version.VERSION_2A));
    this.verifyer =
        BCrypt.verifyer(
            BCrypt.Version.VERSION_2A, LongPasswordStrategies.truncate(BCrypt.Version.VERSION_2A));
  }

  /** A hasher with {@link #DEFAULT_COST}. */
  public static PasswordHasher defaults() {
    return new PasswordHasher(DEFAULT_COST);
  }

  /** The bcrypt hash string (e.g. {@code $2a$10$…}) of {@code password}'s UTF-8 bytes. */
  public String hash(String password) {
    return new String(
        hasher.hash(cost, password.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
  }

  /** Whether {@code password} matches {@code hash}. */
  public boolean matches(String password, String hash) {
    return verifyer.verify(
            password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8))
        .verified;
  }
}
