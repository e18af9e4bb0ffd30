package io.immudb.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding bin/LAUNCHER from the code's location in a checkout and in a release archive. */
class LaunchersTest {
  @TempDir Path tmp;

  private Path launcher(Path dir, String mode) throws Exception {
    Path l = dir.resolve("bin/immudb");
    Files.createDirectories(l.getParent());
    Files.writeString(l, "#!/bin/sh\n");
    Files.setPosixFilePermissions(l, PosixFilePermissions.fromString(mode));
    return l;
  }

  @Test
  void aCheckoutsLauncherIsThreeLevelsAboveTheJar() throws Exception {
    Path checkout = tmp.resolve("checkout");
    Path l = launcher(checkout, "rwxr-xr-x");
    Path jar = checkout.resolve("immudb-server/target/immudb-server-0.1.0.jar");
    Path classes = checkout.resolve("immudb-server/target/classes");
    assertThat(Launchers.launcherNear(jar, "immudb")).contains(l);
    assertThat(Launchers.launcherNear(classes, "immudb")).contains(l);
  }

  @Test
  void anUnpackedArchivesLauncherIsFoundFromItsLibDirectory() throws Exception {
    Path archive = tmp.resolve("immudb-0.1.0");
    Path l = launcher(archive, "rwxr-xr-x");
    assertThat(Launchers.launcherNear(archive.resolve("lib/immudb-server-0.1.0.jar"), "immudb"))
        .contains(l);
    assertThat(Launchers.launcherNear(archive.resolve("lib/server/immudb-server.jar"), "immudb"))
        .contains(l);
  }

  @Test
  void codeLoadedThroughASymlinkGivesTheLauncherThroughTheSameLink() throws Exception {
    Path archive = tmp.resolve("immudb-0.1.0");
    launcher(archive, "rwxr-xr-x");
    Path link = Files.createSymbolicLink(tmp.resolve("current"), archive);
    assertThat(Launchers.launcherNear(link.resolve("lib/immudb-server.jar"), "immudb"))
        .contains(link.resolve("bin/immudb"));
  }

  @Test
  void aLauncherThatIsNotExecutableOrTooFarAwayIsNotFound() throws Exception {
    Path archive = tmp.resolve("a");
    launcher(archive, "rw-r--r--");
    assertThat(Launchers.launcherNear(archive.resolve("lib/x.jar"), "immudb")).isEmpty();
    Path far = tmp.resolve("b");
    launcher(far, "rwxr-xr-x");
    assertThat(Launchers.launcherNear(far.resolve("1/2/3/x.jar"), "immudb")).isEmpty();
    assertThat(Launchers.launcherNear(far.resolve("1/2/x.jar"), "immudb")).isPresent();
  }

  @Test
  void theEffectiveUidIsKnown() {
    assertThat(Launchers.effectiveUid()).isGreaterThanOrEqualTo(0);
  }
}
