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
                + "\"seconds\":10,\"tx_per_s\":1200.0,\"p50_ms\":0.700,\"p99_ms\":3.700,"
                + "\"txs\":12000,\"errors\":0}");
  }
}
