package io.immudb.bench.compare;

import java.util.List;

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

  /** The measurements of {@code system} / {@code variant}, by increasing client count. */
  public List<Measurement> series(String system, String variant) {
    return measurements.stream()
        .filter(m -> m.system().equals(system) && m.variant().equals(variant))
        .sorted(java.util.Comparator.comparingInt(Measurement::clients))
        .toList();
  }
}
