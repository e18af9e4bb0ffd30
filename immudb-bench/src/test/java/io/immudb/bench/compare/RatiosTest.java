package io.immudb.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RatiosTest {
  @Test
  void oursOverPostgresAtEachCountAndVerifiedAtTheLargest() {
    Ratios r = Fixtures.RESULT.ratios();
    assertThat(r.setOverPlain())
        .containsExactly(Map.entry(1, 1.5), Map.entry(10, 1.5), Map.entry(100, 1.4));
    assertThat(r.verifiableSetOverPlain()).isEqualTo(0.8);
    assertThat(r.verifiableSetOverChained()).isEqualTo(4.0);
    assertThat(r.toJson())
        .isEqualTo(
            "{\"mode\":\"vs-postgres-ratio\",\"set_over_plain_c1\":1.50,\"set_over_plain_c10\":1.50,"
                + "\"set_over_plain_c100\":1.40,\"vset_over_plain_c100\":0.80,"
                + "\"vset_over_chained_c100\":4.00}");
    assertThat(r.labelled().get(0).getKey()).isEqualTo("Set / INSERT, 1 client");
    assertThat(r.labelled().get(4).getKey())
        .isEqualTo("VerifiableSet / hash-chained INSERT, 100 clients");
  }

  @Test
  void aMissingOrZeroPostgresFigureIsNull() {
    List<Measurement> ms =
        List.of(
            Fixtures.m(Measurement.IMMUDB, Measurement.SET, 2, 100, 1, 2),
            Fixtures.m(Measurement.POSTGRESQL, Measurement.PLAIN, 2, 0, 1, 2));
    Ratios r = Ratios.of(List.of(2), ms);
    assertThat(r.setOverPlain().get(2)).isNaN();
    assertThat(r.toJson()).contains("\"set_over_plain_c2\":null", "\"vset_over_chained_c2\":null");
  }

  @Test
  void measurementJsonLine() {
    assertThat(Fixtures.MEASUREMENTS.get(1).toJson())
        .isEqualTo(
            "{\"mode\":\"vs-postgres\",\"system\":\"immudb\",\"variant\":\"set\",\"clients\":1,"
                + "\"round\":1,\"seconds\":10,\"tx_per_s\":1200.0,\"p50_ms\":0.700,\"p99_ms\":3.700,"
                + "\"txs\":12000,\"errors\":0}");
  }

  @Test
  void withSeveralRoundsEachRatioIsTheMedianOfTheRoundsRatios() {
    // three rounds at 1 client: ratios 0.5, 2.0 and 1.0 -> median 1.0, although the medians of
    // the two systems' own figures (1000 / 800) would say 1.25
    List<Measurement> ms =
        List.of(
            Fixtures.m(Measurement.POSTGRESQL, Measurement.PLAIN, 1, 800, 1, 2),
            Fixtures.m(Measurement.IMMUDB, Measurement.SET, 1, 400, 1, 2),
            Fixtures.m(Measurement.POSTGRESQL, Measurement.PLAIN, 1, 500, 1, 2).inRound(2),
            Fixtures.m(Measurement.IMMUDB, Measurement.SET, 1, 1000, 1, 2).inRound(2),
            Fixtures.m(Measurement.POSTGRESQL, Measurement.PLAIN, 1, 1200, 1, 2).inRound(3),
            Fixtures.m(Measurement.IMMUDB, Measurement.SET, 1, 1200, 1, 2).inRound(3),
            // round 4: PostgreSQL got nothing done, so the round doesn't count
            Fixtures.m(Measurement.POSTGRESQL, Measurement.PLAIN, 1, 0, 1, 2).inRound(4),
            Fixtures.m(Measurement.IMMUDB, Measurement.SET, 1, 900, 1, 2).inRound(4));
    assertThat(Ratios.of(List.of(1), ms).setOverPlain().get(1)).isEqualTo(1.0);
    assertThat(Ratios.median(List.of(3.0, 1.0, 2.0, 4.0))).isEqualTo(2.5);
    assertThat(Ratios.median(List.of())).isNaN();

    ComparisonSpec spec =
        new ComparisonSpec(List.of(1), 10, 20, 3, 4, null, "postgres", null, null);
    ComparisonResult r =
        new ComparisonResult(spec, Fixtures.MACHINE, ms, Ratios.of(spec.clients(), ms));
    assertThat(r.series(Measurement.IMMUDB, Measurement.SET))
        .as("the round of median throughput (the lower of the middle two)")
        .containsExactly(ms.get(7));
    assertThat(ComparisonReport.commandOptions(spec)).endsWith(" --rounds 4");
    assertThat(ComparisonReport.setup(spec)).contains("measured 4 times");
    assertThat(ComparisonReport.figuresTable(ms)).contains("<td class=\"n\">4</td>");
  }

  @Test
  void roundsOutOfRangeAreRefusedByName() {
    for (int bad : new int[] {0, 101}) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> new ComparisonSpec(List.of(1), 10, 20, 3, bad, null, "postgres", null, null))
          .hasMessage("--rounds must be in [1, 100], got " + bad);
    }
  }
}
