package io.immudb.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MachineTest {
  @Test
  void readsProcAndOsRelease() {
    List<String> cpuinfo =
        List.of(
            "processor\t: 0",
            "vendor_id\t: AuthenticAMD",
            "model name\t: AMD EPYC 7B13",
            "processor\t: 1",
            "model name\t: AMD EPYC 7B13");
    assertThat(Machine.cpuModel(cpuinfo)).isEqualTo("AMD EPYC 7B13");
    assertThat(Machine.cpuModel(List.of())).startsWith("unknown (");
    assertThat(Machine.memTotalBytes(List.of("MemFree: 1 kB", "MemTotal:       24576000 kB")))
        .isEqualTo(24_576_000L * 1024);
    assertThat(Machine.memTotalBytes(List.of())).isZero();
    assertThat(
            Machine.osName(
                List.of("NAME=\"Debian\"", "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"")))
        .isEqualTo("Debian GNU/Linux 12 (bookworm)");
    assertThat(Machine.loadAverage(List.of("11.95 12.03 10.41 5/612 31337")))
        .isEqualTo("11.95 12.03 10.41");
    assertThat(Machine.loadAverage(List.of())).isEqualTo("unknown");
  }

  @Test
  void describesThisMachine() {
    Machine m = Machine.describe("PostgreSQL 15");
    assertThat(m.cores()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(m.java()).contains(System.getProperty("java.runtime.version"));
    assertThat(m.rows()).hasSize(9);
    assertThat(Fixtures.MACHINE.ram()).isEqualTo("24.0 GiB");
    assertThat(Fixtures.MACHINE.dateUtc()).isEqualTo("2026-12-06 07:41 UTC");
  }
}
