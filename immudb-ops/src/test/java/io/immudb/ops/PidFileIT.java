package io.immudb.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link PidFile} against real processes: a pid file naming a dead or a live child process. */
class PidFileIT {
  @TempDir Path tmp;

  @Test
  void aStaleFileOfADeadProcessIsReplaced() throws Exception {
    Process p = new ProcessBuilder("true").start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    Path f = tmp.resolve("immudb.pid");
    Files.writeString(f, p.pid() + "\n");
    try (PidFile pf = PidFile.create(f)) {
      assertThat(PidFile.read(f)).hasValue(ProcessHandle.current().pid());
    }
    // The same decision with an explicit liveness answer, independent of pid reuse.
    Files.writeString(f, "4242\n");
    try (PidFile pf = PidFile.create(f, 77, pid -> false)) {
      assertThat(Files.readString(f)).isEqualTo("77\n");
    }
  }

  @Test
  void aFileNamingALiveProcessIsRefusedAndKept() throws Exception {
    Process sleeper = new ProcessBuilder("sleep", "60").start();
    try {
      Path f = tmp.resolve("immudb.pid");
      Files.writeString(f, sleeper.pid() + "\n");
      assertThatThrownBy(() -> PidFile.create(f))
          .isInstanceOfSatisfying(
              ProcessAlreadyRunningException.class,
              e -> {
                assertThat(e.pid()).isEqualTo(sleeper.pid());
                assertThat(e.getMessage())
                    .contains(f.toString())
                    .contains(Long.toString(sleeper.pid()));
              });
      assertThat(Files.readString(f)).isEqualTo(sleeper.pid() + "\n");
    } finally {
      sleeper.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }
}
