package io.immudb.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImmudbServerProcessTest {
  private static Path launcher(Path checkout) throws Exception {
    Path f = Files.createDirectories(checkout.resolve("bin")).resolve("immudb");
    Files.writeString(f, "#!/bin/sh\n");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
    return f;
  }

  @Test
  void findsBinImmudbInTheWorkingDirectoryOrAParent(@TempDir Path dir) throws Exception {
    Path checkout = dir.resolve("checkout");
    Path bin = launcher(checkout);
    Path module = Files.createDirectories(checkout.resolve("immudb-bench"));
    assertThat(ImmudbServerProcess.locateLauncher(null, checkout, null)).isEqualTo(bin);
    assertThat(ImmudbServerProcess.locateLauncher(null, module, null)).isEqualTo(bin);
  }

  @Test
  void elseNextToThisToolsJar(@TempDir Path dir) throws Exception {
    Path checkout = dir.resolve("checkout");
    Path bin = launcher(checkout);
    Path jar = Files.createDirectories(checkout.resolve("immudb-bench/target")).resolve("b.jar");
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    assertThat(ImmudbServerProcess.locateLauncher(null, elsewhere, jar)).isEqualTo(bin);
  }

  @Test
  void theOptionWinsAndMustBeExecutable(@TempDir Path dir) throws Exception {
    Path other = launcher(dir.resolve("other"));
    launcher(dir.resolve("checkout"));
    assertThat(ImmudbServerProcess.locateLauncher(other, dir.resolve("checkout"), null))
        .isEqualTo(other);
    Path plain = Files.writeString(dir.resolve("plain"), "x");
    assertThatThrownBy(() -> ImmudbServerProcess.locateLauncher(plain, dir, null))
        .isInstanceOf(MissingPrerequisiteException.class)
        .hasMessageContaining("not an executable");
  }

  @Test
  void noneFoundSaysWhatToDo(@TempDir Path dir) {
    assertThatThrownBy(() -> ImmudbServerProcess.locateLauncher(null, dir, null))
        .isInstanceOf(MissingPrerequisiteException.class)
        .hasMessageContaining("no bin/immudb")
        .hasMessageContaining("--immudb");
  }
}
