package io.immudb.server.consistency;

import java.time.Duration;
import java.util.Objects;

/**
 * How much the consistency checker reads, per database and per round, and how long it pauses
 * between rounds. Immutable and thread-safe. The server's {@code --consistency-check-*} flags set
 * the first three and hold their defaults.
 *
 * @param interval pause between the end of one round and the start of the next; {@code > 0}
 * @param txsPerRound most newly committed txs re-verified per database per round; {@code > 0}
 * @param samplesPerRound older txs picked at random and re-verified per database per round; {@code
 *     ≥ 0}
 * @param bytesPerRound the round moves to the next database once this many bytes of tx and value
 *     records were read for one database; {@code > 0}
 */
public record ConsistencyCheckOptions(
    Duration interval, int txsPerRound, int samplesPerRound, long bytesPerRound) {
  /** Default read budget per database per round: 64 MiB. */
  public static final long DEFAULT_BYTES_PER_ROUND = 64L << 20;

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException whose message starts with the name of the setting at fault,
   *     the server's flag where there is one (e.g. {@code consistency-check-txs must be > 0, got
   *     0}); the server reports it as is
   */
  public ConsistencyCheckOptions {
    Objects.requireNonNull(interval, "interval");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("consistency-check-interval must be > 0, got " + interval);
    }
    if (txsPerRound <= 0) {
      throw new IllegalArgumentException("consistency-check-txs must be > 0, got " + txsPerRound);
    }
    if (samplesPerRound < 0) {
      throw new IllegalArgumentException(
          "consistency-check-samples must be >= 0, got " + samplesPerRound);
    }
    if (bytesPerRound <= 0) {
      throw new IllegalArgumentException("bytesPerRound must be > 0, got " + bytesPerRound);
    }
  }
}
