package io.immudb.bench.compare;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The figures pgbench prints at the end of a run: the throughput without the initial connection
 * time, the transactions processed and (PostgreSQL 15+) the failed ones.
 *
 * <p>Thread-safe (immutable).
 */
record PgbenchSummary(double tps, long processed, long failed) {
  private static final Pattern TPS =
      Pattern.compile("^tps = ([0-9.]+) \\(without initial connection time\\)", Pattern.MULTILINE);
  private static final Pattern PROCESSED =
      Pattern.compile("^number of transactions actually processed: (\\d+)", Pattern.MULTILINE);
  private static final Pattern FAILED =
      Pattern.compile("^number of failed transactions: (\\d+)", Pattern.MULTILINE);

  /**
   * Parses pgbench's output.
   *
   * @throws IllegalArgumentException if the tps or the processed count is missing
   */
  static PgbenchSummary parse(String output) {
    Matcher tps = TPS.matcher(output);
    Matcher processed = PROCESSED.matcher(output);
    if (!tps.find() || !processed.find()) {
      throw new IllegalArgumentException("no tps / transactions in pgbench's output:\n" + output);
    }
    Matcher failed = FAILED.matcher(output);
    return new PgbenchSummary(
        Double.parseDouble(tps.group(1)),
        Long.parseLong(processed.group(1)),
        failed.find() ? Long.parseLong(failed.group(1)) : 0);
  }
}
