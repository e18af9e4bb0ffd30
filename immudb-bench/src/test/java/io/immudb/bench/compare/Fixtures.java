package io.immudb.bench.compare;

import java.time.Instant;
import java.util.List;

/** A finished comparison with known figures, for the report and ratio tests. */
final class Fixtures {
  private Fixtures() {}

  static final ComparisonSpec SPEC =
      new ComparisonSpec(List.of(1, 10, 100), 10, 20, 3, 1, null, "postgres", null, null);

  static final Machine MACHINE =
      new Machine(
          "AMD EPYC <7B13> & co",
          2,
          24L * 1024 * 1024 * 1024,
          "Debian GNU/Linux 12 (bookworm)",
          "Linux 6.1.0",
          "OpenJDK 64-Bit Server VM 17.0.15+6",
          "PostgreSQL 15.18 (Debian 15.18-0+deb12u1)",
          Instant.parse("2026-12-06T07:41:00Z"),
          "1.52 0.90 0.61");

  static final List<Measurement> MEASUREMENTS =
      List.of(
          m(Measurement.POSTGRESQL, Measurement.PLAIN, 1, 800, 1.1, 3.2),
          m(Measurement.IMMUDB, Measurement.SET, 1, 1200, 0.7, 3.7),
          m(Measurement.POSTGRESQL, Measurement.PLAIN, 10, 4000, 2.4, 8),
          m(Measurement.IMMUDB, Measurement.SET, 10, 6000, 1.6, 5),
          m(Measurement.POSTGRESQL, Measurement.PLAIN, 100, 10_000, 9, 30),
          m(Measurement.IMMUDB, Measurement.SET, 100, 14_000, 6, 19),
          m(Measurement.POSTGRESQL, Measurement.HASH_CHAINED, 100, 2000, 45, 120),
          m(Measurement.IMMUDB, Measurement.VERIFIABLE_SET, 100, 8000, 11, 40));

  static final ComparisonResult RESULT =
      new ComparisonResult(SPEC, MACHINE, MEASUREMENTS, Ratios.of(SPEC.clients(), MEASUREMENTS));

  static Measurement m(String system, String variant, int c, double tps, double p50, double p99) {
    return new Measurement(system, variant, c, 10, tps, p50, p99, (long) (tps * 10), 0, 1);
  }
}
