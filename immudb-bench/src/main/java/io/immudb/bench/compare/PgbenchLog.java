package io.immudb.bench.compare;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The latencies in pgbench's per-transaction logs ({@code pgbench --log}; one file per pgbench
 * thread). Each line is {@code client_id transaction_no time script_no time_epoch time_us
 * [schedule_lag] [retries]}, where {@code time} is the transaction's latency in µs, or {@code
 * failed} (PostgreSQL 15+) or {@code skipped} (with {@code --rate} and {@code --latency-limit}).
 *
 * <p>Percentiles are nearest-rank over the exact values: the p-th is the smallest latency that at
 * least p% of the transactions did not exceed, the definition HdrHistogram uses for our side.
 *
 * <p>Not thread-safe: filled by {@link #add}, then read.
 */
final class PgbenchLog {
  private long[] micros = new long[1024];
  private int count;
  private long failed;
  private long skipped;
  private boolean sorted = true;

  /**
   * Reads all of {@code files}.
   *
   * @throws IllegalArgumentException naming the file and line of a line not in the format above
   */
  static PgbenchLog read(List<Path> files) throws IOException {
    PgbenchLog log = new PgbenchLog();
    for (Path f : files) {
      try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
          n++;
          log.add(line, f.getFileName() + ":" + n);
        }
      }
    }
    return log;
  }

  /**
   * Adds one log line; {@code where} names it in errors.
   *
   * @throws IllegalArgumentException if the line is not in the format above
   */
  void add(String line, String where) {
    if (line.isBlank()) {
      return;
    }
    String[] f = line.strip().split("\\s+");
    if (f.length < 6 || f.length > 8) {
      throw bad(line, where, "expected 6 to 8 fields, got " + f.length);
    }
    switch (f[2]) {
      case "failed" -> failed++;
      case "skipped" -> skipped++;
      default -> {
        long us;
        try {
          us = Long.parseLong(f[2]);
        } catch (NumberFormatException e) {
          throw bad(line, where, "the latency is not a number");
        }
        if (us < 0) {
          throw bad(line, where, "negative latency");
        }
        if (count == micros.length) {
          micros = Arrays.copyOf(micros, count * 2);
        }
        micros[count++] = us;
        sorted = false;
      }
    }
  }

  private static IllegalArgumentException bad(String line, String where, String why) {
    return new IllegalArgumentException(
        "not a pgbench per-transaction log line at " + where + " (" + why + "): " + line);
  }

  /** Transactions with a latency (completed ones). */
  long count() {
    return count;
  }

  /** Transactions logged as {@code failed}. */
  long failed() {
    return failed;
  }

  /** Transactions logged as {@code skipped}. */
  long skipped() {
    return skipped;
  }

  /**
   * The nearest-rank {@code p}-th percentile latency in µs; NaN if no transaction completed.
   * Requires 0 < p <= 100.
   */
  double percentileMicros(double p) {
    if (!(p > 0 && p <= 100)) {
      throw new IllegalArgumentException("percentile must be in (0, 100], got " + p);
    }
    if (count == 0) {
      return Double.NaN;
    }
    if (!sorted) {
      Arrays.sort(micros, 0, count);
      sorted = true;
    }
    int rank = (int) Math.ceil(p / 100 * count);
    return micros[Math.max(rank, 1) - 1];
  }
}
