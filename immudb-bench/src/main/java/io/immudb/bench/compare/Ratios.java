package io.immudb.bench.compare;

import io.immudb.bench.load.JsonLine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The throughput ratios of a comparison, immudb over PostgreSQL: {@code Set} over the plain {@code
 * INSERT} at each client count, and at the largest count {@code VerifiableSet} over the plain and
 * over the hash-chained {@code INSERT}. Above 1 means immudb was faster. With several rounds, each
 * ratio is the median of the ratios of the rounds (the two points of a ratio are measured in the
 * same round, one after the other); rounds where it is NaN don't count. A ratio whose PostgreSQL
 * figure is missing or zero in every round is NaN.
 *
 * <p>Thread-safe (immutable).
 *
 * @param setOverPlain by client count, in the order measured
 */
public record Ratios(
    Map<Integer, Double> setOverPlain,
    int maxClients,
    double verifiableSetOverPlain,
    double verifiableSetOverChained) {

  public Ratios {
    setOverPlain = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(setOverPlain));
  }

  /** The ratios of {@code ms} at {@code clients} (the largest of which gets the verified ones). */
  public static Ratios of(List<Integer> clients, List<Measurement> ms) {
    Map<Integer, Double> set = new LinkedHashMap<>();
    for (int c : clients) {
      set.put(c, ratio(ms, Measurement.SET, c, Measurement.PLAIN, c));
    }
    int max = clients.stream().mapToInt(Integer::intValue).max().orElse(0);
    return new Ratios(
        set,
        max,
        ratio(ms, Measurement.VERIFIABLE_SET, max, Measurement.PLAIN, max),
        ratio(ms, Measurement.VERIFIABLE_SET, max, Measurement.HASH_CHAINED, max));
  }

  private static double ratio(
      List<Measurement> ms, String ours, int oursClients, String theirs, int theirsClients) {
    int rounds = ms.stream().mapToInt(Measurement::round).max().orElse(1);
    List<Double> perRound = new ArrayList<>();
    for (int r = 1; r <= rounds; r++) {
      double a = tps(ms, Measurement.IMMUDB, ours, oursClients, r);
      double b = tps(ms, Measurement.POSTGRESQL, theirs, theirsClients, r);
      double q = b > 0 ? a / b : Double.NaN;
      if (!Double.isNaN(q)) {
        perRound.add(q);
      }
    }
    return median(perRound);
  }

  /** The median of {@code xs} (the mean of the middle two for an even count); NaN if empty. */
  static double median(List<Double> xs) {
    if (xs.isEmpty()) {
      return Double.NaN;
    }
    List<Double> s = xs.stream().sorted().toList();
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  private static double tps(
      List<Measurement> ms, String system, String variant, int clients, int round) {
    return ms.stream()
        .filter(m -> m.is(system, variant, clients) && m.round() == round)
        .mapToDouble(Measurement::txPerSecond)
        .findFirst()
        .orElse(Double.NaN);
  }

  /** The label and value of each ratio, in print order ({@code "Set / INSERT, 10 clients"}). */
  public List<Map.Entry<String, Double>> labelled() {
    List<Map.Entry<String, Double>> r = new ArrayList<>();
    setOverPlain.forEach((c, v) -> r.add(Map.entry("Set / INSERT, " + c + clientsWord(c), v)));
    r.add(
        Map.entry(
            "VerifiableSet / INSERT, " + maxClients + clientsWord(maxClients),
            verifiableSetOverPlain));
    r.add(
        Map.entry(
            "VerifiableSet / hash-chained INSERT, " + maxClients + clientsWord(maxClients),
            verifiableSetOverChained));
    return r;
  }

  private static String clientsWord(int c) {
    return c == 1 ? " client" : " clients";
  }

  /** The ratio line {@code immudb-bench vs-postgres} prints last (docs/benchmarks.md). */
  public String toJson() {
    JsonLine j = new JsonLine().put("mode", "vs-postgres-ratio");
    setOverPlain.forEach((c, v) -> j.put("set_over_plain_c" + c, v, 2));
    j.put("vset_over_plain_c" + maxClients, verifiableSetOverPlain, 2);
    j.put("vset_over_chained_c" + maxClients, verifiableSetOverChained, 2);
    return j.toString();
  }
}
