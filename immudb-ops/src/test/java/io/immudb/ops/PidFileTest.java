package io.immudb.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFileTest {
  @TempDir Path tmp;

  @Test
  void writesThePidAndRemovesItOnClose() throws Exception {
    Path f = tmp.resolve("run/sub/immudb.pid");
    try (PidFile pf = PidFile.create(f)) {
      assertThat(Files.readString(f)).isEqualTo(ProcessHandle.current().pid() + "\n");
      assertThat(pf.pid()).isEqualTo(ProcessHandle.current().pid());
      assertThat(PidFile.read(f)).hasValue(ProcessHandle.current().pid());
    }
    assertThat(f).doesNotExist();
  }

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

  @Test
  void ownPidInAStaleFileIsNotALiveOtherProcess() throws Exception {
    // A container restarts the server with the same pid (1) as before.
    Path f = tmp.resolve("immudb.pid");
    Files.writeString(f, "1\n");
    try (PidFile pf = PidFile.create(f, 1, pid -> true)) {
      assertThat(Files.readString(f)).isEqualTo("1\n");
    }
  }

  @Test
  void aFileThatIsNotAPidFileIsLeftAlone() throws Exception {
    Path f = tmp.resolve("important.txt");
    Files.writeString(f, "do not overwrite me\n");
    assertThatThrownBy(() -> PidFile.create(f, 5, pid -> false))
        .hasMessageContaining("does not hold a process id");
    assertThat(Files.readString(f)).isEqualTo("do not overwrite me\n");
  }

  @Test
  void anEmptyFileIsReplaced() throws Exception {
    Path f = Files.createFile(tmp.resolve("immudb.pid"));
    try (PidFile pf = PidFile.create(f, 9, pid -> true)) {
      assertThat(Files.readString(f)).isEqualTo("9\n");
    }
  }

  @Test
  void closeKeepsAFileThatNowNamesAnotherProcess() throws Exception {
    Path f = tmp.resolve("immudb.pid");
    PidFile pf = PidFile.create(f, 9, pid -> false);
    Files.writeString(f, "10\n");
    pf.close();
    pf.close(); // idempotent
    assertThat(Files.readString(f)).isEqualTo("10\n");
  }

  @Test
  void rejectsANonPositivePid() {
    assertThatThrownBy(() -> PidFile.create(tmp.resolve("x.pid"), 0, pid -> false))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
