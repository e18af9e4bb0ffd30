package io.immudb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class DashboardViewTest {
  private static final long SECOND = 1_000_000_000L;
  private static final Instant NOW = Instant.parse("2026-01-02T10:00:00Z");

  private static DashboardModel twoReadings() {
    return DashboardModel.of(
        StatsScrape.parse(MetricsFixture.text(10, 10, 6, 4, 1, 0, 5.0), 3 * SECOND),
        StatsScrape.parse(MetricsFixture.text(30, 25, 26, 24, 3, 2, 6.0), 5 * SECOND));
  }

  @Test
  void aFrameShowsTheServerTheDatabasesTheRatesAndTheMethods() {
    List<String> lines =
        DashboardView.render(twoReadings(), "http://127.0.0.1:9497/metrics", NOW, "", 100, 30);
    assertThat(lines).hasSize(30);
    assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(100));
    String screen = String.join("\n", lines);
    assertThat(lines.get(0))
        .contains(
            "immudb stats", "http://127.0.0.1:9497/metrics", "2026-01-02 10:00:00 UTC", "q: quit");
    assertThat(screen)
        .containsPattern(
            "uptime 1h30m0s\\s+databases 2\\s+sessions 3\\s+clients 1\\s+threads 20\\s+CPU 50.0%")
        .contains("heap 64.0 MiB of 256.0 MiB [#####...............]   resident 150.0 MiB")
        .containsPattern("(?m)^ DATABASE\\s+ENTRIES\\s+TXS\\s+TXS/S\\s+INDEX LAG\\s+SIZE$")
        .containsPattern("(?m)^ defaultdb\\s+1234\\s+30\\s+10.0\\s+5\\s+2.0 MiB$")
        .containsPattern("(?m)^ sales\\s+0\\s+1\\s+0.0\\s+0\\s+1.0 KiB$")
        .contains("RPCS/S 20.0   NOT OK/S 1.0   latency p50 <=10ms  p99 <=250ms  mean 17.6ms")
        .containsPattern("(?m)^ Get\\s+10.0\\s+24$")
        .containsPattern("(?m)^ VerifiableSet\\s+10.0\\s+26$");
    assertThat(lines.get(29)).isEmpty();
  }

  @Test
  void theFirstFrameShowsDashesForRatesAndTheStatusLineAtTheBottom() {
    DashboardModel first =
        DashboardModel.of(null, StatsScrape.parse(MetricsFixture.text(10, 10, 6, 4, 1, 0, 5.0), 0));
    List<String> lines = DashboardView.render(first, "src", NOW, "reading failed", 120, 40);
    String screen = String.join("\n", lines);
    assertThat(screen)
        .contains("CPU -")
        .contains("RPCS/S -   NOT OK/S -")
        .containsPattern("(?m)^ defaultdb\\s+1234\\s+10\\s+-\\s+0");
    assertThat(lines.get(39)).isEqualTo(" reading failed");
  }

  @Test
  void aSmallScreenCutsTheTablesAndSaysHowManyRowsAreLeftOut() {
    List<String> lines = DashboardView.render(twoReadings(), "src", NOW, "", 40, 12);
    assertThat(lines).hasSize(12);
    assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(40));
    // Room for one database row: it says how many databases are left out.
    assertThat(lines.get(4)).startsWith(" DATABASE");
    assertThat(lines.get(5)).isEqualTo(" ... 2 more");
    assertThat(lines.get(8)).startsWith(" METHOD");
    assertThat(lines.get(9)).startsWith(" VerifiableSet");
    assertThat(lines.get(10)).startsWith(" Get");

    List<String> tiny = DashboardView.render(twoReadings(), "src", NOW, "", 40, 11);
    assertThat(tiny.get(5)).isEqualTo(" ... 2 more");
    assertThat(tiny.get(9)).isEqualTo(" ... 2 more");
  }

  @Test
  void theHeapBarIsEmptyWithoutAMaximum() {
    assertThat(DashboardView.bar(OptionalDouble.of(5), OptionalDouble.empty(), 10)).isEmpty();
    assertThat(DashboardView.bar(OptionalDouble.of(5), OptionalDouble.of(10), 10))
        .isEqualTo("[#####.....]");
    assertThat(DashboardView.bar(OptionalDouble.of(50), OptionalDouble.of(10), 4))
        .isEqualTo("[####]");
  }
}
