package io.immudb.bench.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a comparison measured, with what it ran on and how.
 *
 * <p>Thread-safe (immutable).
 *
 * @param measurements in the order measured
 */
public record ComparisonResult(
    ComparisonSpec spec, Machine machine, List<Measurement> measurements, Ratios ratios) {

  public ComparisonResult {
    measurements = List.copyOf(measurements);
  }

  /**
   * The measurements of {@code system} / {@code variant}, by increasing client count; with several
   * rounds, at each count the round whose throughput is the median (the lower middle one of an even
   * count), so that a chart shows points that were measured.
   */
  public List<Measurement> series(String system, String variant) {
    Map<Integer, List<Measurement>> byClients = new TreeMap<>();
    for (Measurement m : measurements) {
      if (m.system().equals(system) && m.variant().equals(variant)) {
        byClients.computeIfAbsent(m.clients(), c -> new ArrayList<>()).add(m);
      }
    }
    List<Measurement> out = new ArrayList<>();
    for (List<Measurement> rounds : byClients.values()) {
      List<Measurement> sorted =
          rounds.stream().sorted(Comparator.comparingDouble(Measurement::txPerSecond)).toList();
      out.add(sorted.get((sorted.size() - 1) / 2));
    }
    return out;
  }
}
