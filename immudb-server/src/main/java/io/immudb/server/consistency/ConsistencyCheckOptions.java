package io.immudb.server.consistency;

import java.time.Duration;
import java.util.Objects;

/**
 * How much the consistency checker reads, per database and per round, and how long it pauses
 * between rounds. Immutable and thread-safe.
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
  /** Default pause between rounds. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);

  /** Default new txs per database per round. */
  public static final int DEFAULT_TXS_PER_ROUND = 2000;

  /** Default sampled older txs per database per round. */
  public static final int DEFAULT_SAMPLES_PER_ROUND = 16;

  /** Default read budget per database per round: 64 MiB. */
  public static final long DEFAULT_BYTES_PER_ROUND = 64L << 20;

  /** Validates the settings. */
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

  /** The defaults. */
  public static ConsistencyCheckOptions defaults() {
    return new ConsistencyCheckOptions(
        DEFAULT_INTERVAL,
        DEFAULT_TXS_PER_ROUND,
        DEFAULT_SAMPLES_PER_ROUND,
        DEFAULT_BYTES_PER_ROUND);
  }
}
