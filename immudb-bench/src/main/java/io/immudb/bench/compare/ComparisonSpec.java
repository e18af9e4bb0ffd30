package io.immudb.bench.compare;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;

/**
 * The settings of a {@link Comparison}.
 *
 * <p>Thread-safe (immutable).
 *
 * @param clients the client counts to measure, in order; the largest also gets the verified and
 *     hash-chained points
 * @param seconds measured seconds per point
 * @param warmupSeconds unmeasured {@code Set} load on our server before the first point (the JIT
 *     needs about 20 s)
 * @param pointWarmupSeconds unmeasured load of the same shape before each point, both systems
 * @param rounds how many times every point is measured, the rounds one after the other; each ratio
 *     is the median of its rounds' ratios
 * @param pgBin PostgreSQL's bin directory, or null for the newest under {@link
 *     PostgresInstall#DEBIAN_ROOT}
 * @param pgUser the OS user to run PostgreSQL as when we are root
 * @param immudb our server's launcher, or null for {@code bin/immudb} of the checkout
 * @param serverJavaOpts our server's JVM options, or null for the launcher's default
 */
public record ComparisonSpec(
    List<Integer> clients,
    int seconds,
    int warmupSeconds,
    int pointWarmupSeconds,
    int rounds,
    Path pgBin,
    String pgUser,
    Path immudb,
    String serverJavaOpts) {
  /** Most rounds of one run. */
  public static final int MAX_ROUNDS = 100;

  /**
   * Checks the ranges.
   *
   * @throws IllegalArgumentException if a setting is out of range
   */
  public ComparisonSpec {
    clients = List.copyOf(clients);
    if (clients.isEmpty()) {
      throw new IllegalArgumentException("--clients needs at least one count");
    }
    for (int c : clients) {
      if (c <= 0 || c > 5000) {
        throw new IllegalArgumentException("--clients must be in [1, 5000], got " + c);
      }
    }
    if (new HashSet<>(clients).size() != clients.size()) {
      throw new IllegalArgumentException("--clients has a count twice: " + clients);
    }
    if (seconds <= 0) {
      throw new IllegalArgumentException("--seconds must be > 0, got " + seconds);
    }
    if (rounds < 1 || rounds > MAX_ROUNDS) {
      throw new IllegalArgumentException(
          "--rounds must be in [1, " + MAX_ROUNDS + "], got " + rounds);
    }
    if (warmupSeconds < 0 || pointWarmupSeconds < 0) {
      throw new IllegalArgumentException("warm-up seconds must be >= 0");
    }
  }

  public int maxClients() {
    return clients.stream().mapToInt(Integer::intValue).max().orElseThrow();
  }
}
