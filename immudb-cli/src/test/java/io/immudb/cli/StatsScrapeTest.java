package io.immudb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class StatsScrapeTest {
  @Test
  void readsTheCountersAndGaugesOfTheDashboard() {
    StatsScrape s = StatsScrape.parse(MetricsFixture.text(10, 8, 6, 4, 1, 2, 5.5), 42);
    assertThat(s.atNanos()).isEqualTo(42);
    assertThat(s.rpcsByMethod())
        .containsExactly(Map.entry("Get", 4.0), Map.entry("VerifiableSet", 6.0));
    assertThat(s.rpcsNotOk()).isEqualTo(1.0);
    assertThat(s.latency().count()).isEqualTo(10);
    assertThat(s.latency().cumulative())
        .containsEntry(0.005, 0.0)
        .containsEntry(0.01, 8.0)
        .containsEntry(0.25, 10.0)
        .containsEntry(Double.POSITIVE_INFINITY, 10.0);
    assertThat(s.heapUsedBytes()).isEqualTo(OptionalDouble.of(67108864));
    assertThat(s.heapMaxBytes()).isEqualTo(OptionalDouble.of(268435456));
    assertThat(s.residentBytes()).isEqualTo(OptionalDouble.of(157286400));
    assertThat(s.cpuSeconds()).isEqualTo(OptionalDouble.of(5.5));
    assertThat(s.threads()).isEqualTo(OptionalDouble.of(20));
    assertThat(s.stats().databases())
        .extracting(ServerStats.Db::name)
        .containsExactly("defaultdb", "sales");
  }

  @Test
  void aServerWithoutHistogramsOrJvmMetricsLeavesThemEmpty() {
    StatsScrape s =
        StatsScrape.parse("immudb_uptime_hours 1\njvm_memory_max_bytes{area=\"heap\"} -1\n", 0);
    assertThat(s.latency().count()).isZero();
    assertThat(s.latency().quantileBound(0.5)).isEmpty();
    assertThat(s.heapMaxBytes()).isEmpty();
    assertThat(s.cpuSeconds()).isEmpty();
    assertThat(s.rpcsByMethod()).isEmpty();
  }

  @Test
  void aBadBucketBoundIsAnError() {
    assertThatThrownBy(
            () -> StatsScrape.parse("grpc_server_handling_seconds_bucket{le=\"x\"} 1\n", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("le=\"x\"");
  }
}
