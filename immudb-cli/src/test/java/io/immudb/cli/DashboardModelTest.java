package io.immudb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class DashboardModelTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void ratesComeFromTheGrowthOfCountersBetweenTwoReadings() {
    StatsScrape before =
        StatsScrape.parse(MetricsFixture.text(10, 10, 6, 4, 1, 0, 5.0), 3 * SECOND);
    StatsScrape after =
        StatsScrape.parse(MetricsFixture.text(30, 25, 26, 24, 3, 2, 6.0), 5 * SECOND);
    DashboardModel m = DashboardModel.of(before, after);

    DashboardModel.DbRow db = m.databases().get(0);
    assertThat(db.name()).isEqualTo("defaultdb");
    assertThat(db.entries()).isEqualTo(1234);
    assertThat(db.txs()).isEqualTo(30);
    assertThat(db.txsPerSecond()).isEqualTo(OptionalDouble.of(10));
    assertThat(db.indexLag()).isEqualTo(5);
    assertThat(db.sizeBytes()).isEqualTo(2097152);
    assertThat(m.databases().get(1).txsPerSecond()).isEqualTo(OptionalDouble.of(0));

    assertThat(m.rpcsPerSecond()).isEqualTo(OptionalDouble.of(20));
    assertThat(m.notOkPerSecond()).isEqualTo(OptionalDouble.of(1));
    // Both at 10 calls/s; the tie goes to the method with more calls in all.
    assertThat(m.methods())
        .extracting(DashboardModel.MethodRow::method)
        .containsExactly("VerifiableSet", "Get");
    assertThat(m.methods().get(1).perSecond()).isEqualTo(OptionalDouble.of(10));
    assertThat(m.methods().get(1).total()).isEqualTo(24);
    assertThat(m.cpuPercent().getAsDouble()).isCloseTo(50, Offset.offset(1e-9));
    // 40 calls in between, 2 of them slow: p50 in the 10 ms bucket, p99 in the 250 ms one.
    assertThat(m.latency().count()).isEqualTo(40);
    assertThat(m.latency().quantileBound(0.5)).isEqualTo(OptionalDouble.of(0.01));
    assertThat(m.latency().quantileBound(0.99)).isEqualTo(OptionalDouble.of(0.25));
  }

  @Test
  void theFirstFrameHasNoRatesAndTheLatencySinceTheStart() {
    StatsScrape first = StatsScrape.parse(MetricsFixture.text(10, 10, 6, 4, 1, 0, 5.0), SECOND);
    DashboardModel m = DashboardModel.of(null, first);
    assertThat(m.rpcsPerSecond()).isEmpty();
    assertThat(m.notOkPerSecond()).isEmpty();
    assertThat(m.cpuPercent()).isEmpty();
    assertThat(m.databases().get(0).txsPerSecond()).isEmpty();
    assertThat(m.methods()).allSatisfy(r -> assertThat(r.perSecond()).isEmpty());
    // Without rates, the busiest method is the one with the most calls.
    assertThat(m.methods().get(0).method()).isEqualTo("VerifiableSet");
    assertThat(m.latency().count()).isEqualTo(10);
  }

  @Test
  void aServerRestartBetweenReadingsGivesNoRatesRatherThanNegativeOnes() {
    StatsScrape before = StatsScrape.parse(MetricsFixture.text(30, 30, 26, 24, 3, 2, 6.0), SECOND);
    StatsScrape after = StatsScrape.parse(MetricsFixture.text(2, 2, 1, 1, 0, 0, 0.5), 2 * SECOND);
    DashboardModel m = DashboardModel.of(before, after);
    assertThat(m.rpcsPerSecond()).isEmpty();
    assertThat(m.notOkPerSecond()).isEmpty();
    assertThat(m.cpuPercent()).isEmpty();
    assertThat(m.databases().get(0).txsPerSecond()).isEmpty();
    assertThat(m.latency().count()).isZero();
  }
}
