package io.immudb.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link PidFile} decisions that need no other process; {@code PidFileIT} has those that do. */
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
