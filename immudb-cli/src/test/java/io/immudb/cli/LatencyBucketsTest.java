package io.immudb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalDouble;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class LatencyBucketsTest {
  private static LatencyBuckets of(double count, double sum, double... boundThenCumulative) {
    TreeMap<Double, Double> m = new TreeMap<>();
    for (int i = 0; i < boundThenCumulative.length; i += 2) {
      m.put(boundThenCumulative[i], boundThenCumulative[i + 1]);
    }
    return new LatencyBuckets(m, count, sum);
  }

  private static final double INF = Double.POSITIVE_INFINITY;

  @Test
  void quantilesAreTheBoundOfTheBucketHoldingTheRank() {
    LatencyBuckets l = of(100, 2, 0.005, 10, 0.01, 60, 0.1, 99, INF, 100);
    assertThat(l.quantileBound(0.1)).isEqualTo(OptionalDouble.of(0.005));
    assertThat(l.quantileBound(0.5)).isEqualTo(OptionalDouble.of(0.01));
    assertThat(l.quantileBound(0.99)).isEqualTo(OptionalDouble.of(0.1));
    assertThat(l.quantileBound(1)).isEqualTo(OptionalDouble.of(INF));
    assertThat(l.meanSeconds()).isEqualTo(OptionalDouble.of(0.02));
    assertThatThrownBy(() -> l.quantileBound(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sinceSubtractsBucketByBucketAndARestartGivesNothing() {
    LatencyBuckets before = of(10, 0.1, 0.005, 10, 0.1, 10, INF, 10);
    LatencyBuckets after = of(14, 0.9, 0.005, 10, 0.1, 13, INF, 14);
    LatencyBuckets d = after.since(before);
    assertThat(d.count()).isEqualTo(4);
    assertThat(d.sumSeconds()).isCloseTo(0.8, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(d.cumulative())
        .containsEntry(0.005, 0.0)
        .containsEntry(0.1, 3.0)
        .containsEntry(INF, 4.0);
    assertThat(d.quantileBound(0.5)).isEqualTo(OptionalDouble.of(0.1));
    assertThat(d.quantileBound(0.99)).isEqualTo(OptionalDouble.of(INF));

    assertThat(before.since(after)).isEqualTo(LatencyBuckets.EMPTY);
    assertThat(after.since(after).quantileBound(0.5)).isEmpty();
  }
}
