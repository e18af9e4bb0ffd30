package io.immudb.bench.compare;

import io.immudb.bench.load.JsonLine;
import java.util.Objects;

/**
 * One point of the comparison: one system, one kind of write, one number of concurrent clients,
 * measured for {@code seconds}.
 *
 * <p>Thread-safe (immutable).
 *
 * @param system {@link #IMMUDB} or {@link #POSTGRESQL}
 * @param variant {@link #SET} or {@link #VERIFIABLE_SET} for immudb, {@link #PLAIN} or {@link
 *     #HASH_CHAINED} for PostgreSQL
 * @param txPerSecond committed writes (one entry or row each) per second
 * @param p50Ms median latency of one write as the client sees it; NaN if none succeeded
 * @param p99Ms 99th percentile of the same
 * @param txs measured successful writes
 * @param errors measured failed writes
 * @param round which round of the run measured it, from 1 ({@link ComparisonSpec#rounds()})
 */
public record Measurement(
    String system,
    String variant,
    int clients,
    int seconds,
    double txPerSecond,
    double p50Ms,
    double p99Ms,
    long txs,
    long errors,
    int round) {
  public static final String IMMUDB = "immudb";
  public static final String POSTGRESQL = "postgresql";
  public static final String SET = "set";
  public static final String VERIFIABLE_SET = "verifiable-set";
  public static final String PLAIN = "plain";
  public static final String HASH_CHAINED = "hash-chained";

  public Measurement {
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(variant, "variant");
    if (round < 1) {
      throw new IllegalArgumentException("round must be >= 1, got " + round);
    }
  }

  /** This point as measured in round {@code r}. */
  public Measurement inRound(int r) {
    return new Measurement(
        system, variant, clients, seconds, txPerSecond, p50Ms, p99Ms, txs, errors, r);
  }

  /** Whether this is the point of {@code system} / {@code variant} at {@code clients}. */
  public boolean is(String system, String variant, int clients) {
    return this.system.equals(system) && this.variant.equals(variant) && this.clients == clients;
  }

  /** The JSON line {@code immudb-bench vs-postgres} prints for this point (docs/benchmarks.md). */
  public String toJson() {
    return new JsonLine()
        .put("mode", "vs-postgres")
        .put("system", system)
        .put("variant", variant)
        .put("clients", clients)
        .put("round", round)
        .put("seconds", seconds)
        .put("tx_per_s", txPerSecond, 1)
        .put("p50_ms", p50Ms, 3)
        .put("p99_ms", p99Ms, 3)
        .put("txs", txs)
        .put("errors", errors)
        .toString();
  }
}
