package io.immudb.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresInstallTest {
  private static Path fakeBin(Path root, String version, String... tools) throws Exception {
    Path bin = Files.createDirectories(root.resolve(version).resolve("bin"));
    for (String t : tools) {
      Path f = Files.writeString(bin.resolve(t), "#!/bin/sh\n");
      Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    return bin;
  }

  private static final String[] ALL = PostgresInstall.TOOLS.toArray(String[]::new);

  @Test
  void picksTheNewestVersionNumerically(@TempDir Path root) throws Exception {
    fakeBin(root, "9.6", ALL);
    fakeBin(root, "13", ALL);
    Path newest = fakeBin(root, "15", ALL);
    fakeBin(root, "16", "psql"); // a client-only install: no pg_ctl
    assertThat(PostgresInstall.locate(null, root).bin()).isEqualTo(newest);
  }

  @Test
  void anExplicitBinDirectoryWins(@TempDir Path root) throws Exception {
    Path old = fakeBin(root, "13", ALL);
    fakeBin(root, "15", ALL);
    assertThat(PostgresInstall.locate(old, root).bin()).isEqualTo(old);
  }

  @Test
  void noInstallationSaysHowToGetOne(@TempDir Path root) {
    assertThatThrownBy(() -> PostgresInstall.locate(null, root.resolve("nope")))
        .isInstanceOf(MissingPrerequisiteException.class)
        .hasMessageContaining("PostgreSQL is not installed")
        .hasMessageContaining(
            "apt-get install -y --no-install-recommends postgresql postgresql-contrib")
        .hasMessageContaining("--pg-bin");
  }

  @Test
  void aMissingToolIsNamed(@TempDir Path root) throws Exception {
    Path bin = fakeBin(root, "15", "initdb", "pg_ctl", "postgres", "psql");
    assertThatThrownBy(() -> PostgresInstall.locate(bin, root))
        .isInstanceOf(MissingPrerequisiteException.class)
        .hasMessageContaining("pgbench is missing from " + bin)
        .hasMessageContaining("apt-get");
  }

  @Test
  void comparesVersions() {
    assertThat(PostgresInstall.compare("9.6", "15")).isNegative();
    assertThat(PostgresInstall.compare("15", "15")).isZero();
    assertThat(PostgresInstall.compare("10", "9.6")).isPositive();
    assertThat(PostgresInstall.compare("16beta1", "15")).isPositive();
  }
}
