package io.immudb.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PgbenchSummaryTest {
  @Test
  void parsesRealOutput() throws Exception {
    String out =
        Files.readString(
            Path.of(getClass().getResource("/pgbench/pgbench-15-output.txt").toURI()),
            StandardCharsets.UTF_8);
    PgbenchSummary s = PgbenchSummary.parse(out);
    assertThat(s.tps()).isEqualTo(825.263973);
    assertThat(s.processed()).isEqualTo(1636);
    assertThat(s.failed()).isZero();
  }

  @Test
  void olderOutputWithoutFailuresAndWithFailures() {
    String pg14 =
        "number of transactions actually processed: 10\n"
            + "latency average = 1.0 ms\n"
            + "tps = 10.5 (without initial connection time)\n";
    assertThat(PgbenchSummary.parse(pg14)).isEqualTo(new PgbenchSummary(10.5, 10, 0));
    String failing = pg14 + "number of failed transactions: 3 (23.077%)\n";
    assertThat(PgbenchSummary.parse(failing).failed()).isEqualTo(3);
  }

  @Test
  void missingTpsIsAnError() {
    assertThatThrownBy(() -> PgbenchSummary.parse("pgbench: error: connection refused\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("connection refused");
  }
}
