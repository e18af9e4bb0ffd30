package io.immudb.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.immudb.bench.load.ThreadCpu.Role;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ThreadCpuTest {
  @Test
  void threadNamesMapToTheirRoles() {
    // Names as the kernel keeps them: cut to 15 bytes.
    assertThat(ThreadCpu.roleOf("bench-committer")).isEqualTo(Role.COMMITTERS);
    assertThat(ThreadCpu.roleOf("immudb-writer-s")).isEqualTo(Role.WRITER);
    assertThat(ThreadCpu.roleOf("immudb-complete")).isEqualTo(Role.WRITER);
    assertThat(ThreadCpu.roleOf("immudb-indexer-")).isEqualTo(Role.INDEX);
    assertThat(ThreadCpu.roleOf("rocksdb:high")).isEqualTo(Role.INDEX_FLUSH);
    assertThat(ThreadCpu.roleOf("rocksdb:low")).isEqualTo(Role.INDEX_COMPACTION);
    assertThat(ThreadCpu.roleOf("GC Thread#1")).isEqualTo(Role.GC);
    assertThat(ThreadCpu.roleOf("C2 CompilerThre")).isEqualTo(Role.JIT);
    assertThat(ThreadCpu.roleOf("main")).isEqualTo(Role.OTHER);
  }

  @Test
  void ticksAreUserPlusSystemAfterTheName() {
    // A name may hold spaces and parentheses; the fields are counted after the last ')'.
    String stat = "4242 (we (ird) name) S 1 2 3 4 5 6 7 8 9 10 1234 56 0 0 20 0 1 0";
    assertThat(ThreadCpu.ticks(stat)).isEqualTo(1234 + 56);
  }

  @Test
  void secondsSplitLiveThreadsByRoleAndEndedOnesBetweenCommittersAndOther() {
    ThreadCpu.Snapshot before =
        new ThreadCpu.Snapshot(
            Map.of(
                1L, new ThreadCpu.Task("immudb-indexer-", 100),
                2L, new ThreadCpu.Task("rocksdb:high", 0),
                3L, new ThreadCpu.Task("bench-committer", 10)),
            1_000);
    // Thread 3 ended; thread 4 started and is still running.
    ThreadCpu.Snapshot after =
        new ThreadCpu.Snapshot(
            Map.of(
                1L, new ThreadCpu.Task("immudb-indexer-", 350),
                2L, new ThreadCpu.Task("rocksdb:high", 120),
                4L, new ThreadCpu.Task("rocksdb:low", 30)),
            1_000 + 250 + 120 + 30 + 500);

    Map<Role, Double> s = ThreadCpu.seconds(before, after, 4.0);
    assertThat(s.get(Role.INDEX)).isCloseTo(2.5, within(1e-9));
    assertThat(s.get(Role.INDEX_FLUSH)).isCloseTo(1.2, within(1e-9));
    assertThat(s.get(Role.INDEX_COMPACTION)).isCloseTo(0.3, within(1e-9));
    // 5 s of ended threads: 4 measured by the committers, the rest unaccounted for.
    assertThat(s.get(Role.COMMITTERS)).isCloseTo(4.0, within(1e-9));
    assertThat(s.get(Role.OTHER)).isCloseTo(1.0, within(1e-9));
    assertThat(s.values().stream().mapToDouble(Double::doubleValue).sum())
        .isCloseTo(9.0, within(1e-9));

    // Committers' time unknown: all of it is other; never more than the ended threads had.
    assertThat(ThreadCpu.seconds(before, after, -1).get(Role.OTHER)).isCloseTo(5.0, within(1e-9));
    assertThat(ThreadCpu.seconds(before, after, 9.0).get(Role.COMMITTERS))
        .isCloseTo(5.0, within(1e-9));
  }

  @Test
  void aBusyThreadShowsUpInALiveSnapshot() throws Exception {
    Optional<ThreadCpu.Snapshot> before = ThreadCpu.take();
    assumeTrue(before.isPresent(), "no /proc/self/task here");
    long until = System.nanoTime() + 300_000_000L;
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    byte[] b = new byte[4096];
    while (System.nanoTime() < until) {
      sha.update(b);
    }
    ThreadCpu.Snapshot after = ThreadCpu.take().orElseThrow();
    Map<Role, Double> s = ThreadCpu.seconds(before.get(), after, -1);
    // This thread (role other) spun for 0.3 s of wall time; ticks are 10 ms.
    assertThat(s.get(Role.OTHER)).isGreaterThan(0.1);
    assertThat(after.processTicks()).isGreaterThan(before.get().processTicks());
  }
}
