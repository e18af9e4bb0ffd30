package io.immudb.cli;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * A Prometheus histogram of call durations, summed over all series: for each bucket bound {@code
 * le} (seconds, {@code +Inf} last) the cumulative number of calls that took at most {@code le}, and
 * the total {@code count} and {@code sum}. Immutable.
 *
 * @param cumulative calls taking at most the key (seconds), for each bucket bound in order
 * @param count calls observed
 * @param sumSeconds their total duration
 */
record LatencyBuckets(NavigableMap<Double, Double> cumulative, double count, double sumSeconds) {
  static final LatencyBuckets EMPTY = new LatencyBuckets(new TreeMap<>(), 0, 0);

  LatencyBuckets {
    cumulative = Collections.unmodifiableNavigableMap(new TreeMap<>(cumulative));
  }

  /**
   * The calls observed after {@code earlier}, this histogram's predecessor: bucket by bucket
   * differences. Empty if any count went down (the server restarted in between).
   */
  LatencyBuckets since(LatencyBuckets earlier) {
    TreeMap<Double, Double> d = new TreeMap<>();
    for (Map.Entry<Double, Double> e : cumulative.entrySet()) {
      double diff = e.getValue() - earlier.cumulative.getOrDefault(e.getKey(), 0.0);
      if (diff < 0) {
        return EMPTY;
      }
      d.put(e.getKey(), diff);
    }
    double dc = count - earlier.count;
    return dc < 0 ? EMPTY : new LatencyBuckets(d, dc, Math.max(0, sumSeconds - earlier.sumSeconds));
  }

  /**
   * The upper bound of the bucket holding the {@code q}-quantile call (seconds): at least a share
   * {@code q} of the calls took at most this long. {@code +Inf} when the quantile lies past the
   * largest finite bound; empty without calls. Requires 0 < q <= 1.
   */
  OptionalDouble quantileBound(double q) {
    if (!(q > 0 && q <= 1)) {
      throw new IllegalArgumentException("quantile must be in (0, 1], not " + q);
    }
    if (count <= 0) {
      return OptionalDouble.empty();
    }
    double rank = q * count;
    for (Map.Entry<Double, Double> e : cumulative.entrySet()) {
      if (e.getValue() >= rank) {
        return OptionalDouble.of(e.getKey());
      }
    }
    return OptionalDouble.of(Double.POSITIVE_INFINITY);
  }

  /** The mean call duration in seconds; empty without calls. */
  OptionalDouble meanSeconds() {
    return count <= 0 ? OptionalDouble.empty() : OptionalDouble.of(sumSeconds / count);
  }
}
