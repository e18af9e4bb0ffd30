package io.immudb.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PgbenchLogTest {
  private static Path resource(String name) throws URISyntaxException {
    return Path.of(PgbenchLogTest.class.getResource("/pgbench/" + name).toURI());
  }

  @Test
  void readsRealLogsOfBothThreads() throws Exception {
    PgbenchLog log =
        PgbenchLog.read(List.of(resource("pgbench_log.10050"), resource("pgbench_log.10050.1")));
    // The 20 latencies, sorted: 1342 1730 2106 2371 3491 3674 5210 5419 7550 7571 | 7730 7937
    // 7948 8754 8828 9597 10390 12806 12897 15873.
    assertThat(log.count()).isEqualTo(20);
    assertThat(log.failed()).isZero();
    assertThat(log.percentileMicros(50)).isEqualTo(7571);
    assertThat(log.percentileMicros(90)).isEqualTo(12806);
    assertThat(log.percentileMicros(99)).isEqualTo(15873);
    assertThat(log.percentileMicros(100)).isEqualTo(15873);
    assertThat(log.percentileMicros(5)).isEqualTo(1342);
  }

  @Test
  void percentilesAreNearestRank() {
    PgbenchLog log = new PgbenchLog();
    for (int i = 100; i >= 1; i--) {
      log.add("0 " + i + " " + i + " 0 1796541770 463996", "t");
    }
    assertThat(log.percentileMicros(50)).isEqualTo(50);
    assertThat(log.percentileMicros(99)).isEqualTo(99);
    assertThat(log.percentileMicros(99.5)).isEqualTo(100);
    assertThat(log.percentileMicros(1)).isEqualTo(1);
  }

  @Test
  void countsFailedAndSkippedAndAcceptsOptionalFields() {
    PgbenchLog log = new PgbenchLog();
    log.add("0 1 failed 0 1796541770 463996 0", "t");
    log.add("0 2 skipped 0 1796541770 463996 120", "t");
    log.add("0 3 2500 0 1796541770 463996 15 0", "t");
    log.add("", "t");
    assertThat(log.count()).isEqualTo(1);
    assertThat(log.failed()).isEqualTo(1);
    assertThat(log.skipped()).isEqualTo(1);
    assertThat(log.percentileMicros(50)).isEqualTo(2500);
  }

  @Test
  void noTransactionsGivesNaN() {
    assertThat(new PgbenchLog().percentileMicros(50)).isNaN();
  }

  @Test
  void rejectsOtherFormatsNamingTheLine() {
    PgbenchLog log = new PgbenchLog();
    assertThatThrownBy(() -> log.add("0 1 2500 0 1796541770 463996 1 2 3 4", "x:3"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("x:3");
    assertThatThrownBy(() -> log.add("0 1 12ms 0 1796541770 463996", "x:4"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("x:4")
        .hasMessageContaining("not a number");
    assertThatThrownBy(() -> log.add("0 1 -5 0 1796541770 463996", "x:5"))
        .hasMessageContaining("negative");
    assertThatThrownBy(() -> log.add("0 1 5", "x:6")).hasMessageContaining("6 to 8 fields");
    assertThatThrownBy(() -> log.percentileMicros(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
