package io.immudb.server.config;

import java.time.Duration;
import java.util.Objects;

/**
 * What one client may take of the server (docs/server.md, "Limits"): {@code
 * --max-concurrent-logins}, {@code --max-failed-logins}, {@code --max-metadata-size}, {@code
 * --max-calls-per-connection} and {@code --max-connection-idle} of {@code ServerFlags}, which holds
 * their defaults. They apply to the v1.1 port and to the v0.8 legacy port. Immutable and
 * thread-safe.
 *
 * @param maxConcurrentLogins password checks (bcrypt) running at once; a login that finds them all
 *     busy waits briefly, then is refused; >= 1
 * @param maxFailedLogins failed logins one client address may make within a minute before its
 *     logins are refused until the minute is over; 0 turns the limit off
 * @param maxMetadataSize the largest request header block (all metadata of a call), in bytes; >=
 *     1024
 * @param maxCallsPerConnection calls one connection may have open at once; >= 1
 * @param maxConnectionIdle how long a connection with no open call is kept; zero keeps it forever
 */
public record LimitOptions(
    int maxConcurrentLogins,
    int maxFailedLogins,
    int maxMetadataSize,
    int maxCallsPerConnection,
    Duration maxConnectionIdle) {
  /** The defaults of the command line. */
  public static LimitOptions defaults() {
    return new LimitOptions(2, 10, 8192, 1000, Duration.ofMinutes(30));
  }

  /**
   * Validates the settings.
   *
   * @throws ConfigException naming the first invalid setting
   */
  public LimitOptions {
    Objects.requireNonNull(maxConnectionIdle, "maxConnectionIdle");
    if (maxConcurrentLogins < 1) {
      throw new ConfigException(
          "max-concurrent-logins",
          "max-concurrent-logins must be >= 1, got " + maxConcurrentLogins);
    }
    if (maxFailedLogins < 0) {
      throw new ConfigException(
          "max-failed-logins",
          "max-failed-logins must be >= 0 (0: no limit), got " + maxFailedLogins);
    }
    if (maxMetadataSize < 1024) {
      throw new ConfigException(
          "max-metadata-size", "max-metadata-size must be >= 1024 bytes, got " + maxMetadataSize);
    }
    if (maxCallsPerConnection < 1) {
      throw new ConfigException(
          "max-calls-per-connection",
          "max-calls-per-connection must be >= 1, got " + maxCallsPerConnection);
    }
    if (maxConnectionIdle.isNegative()) {
      throw new ConfigException(
          "max-connection-idle",
          "max-connection-idle must be >= 0 (0: never closed), got " + maxConnectionIdle);
    }
  }
}
