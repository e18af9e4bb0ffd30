package io.immudb.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vs-postgres} options and prerequisites, checked before anything is started. */
class VsPostgresCommandTest {
  private final CapturedBenchMain bench = new CapturedBenchMain();

  private int run(String... args) {
    return bench.run(args);
  }

  @Test
  void badOptionsExitWithTwo() {
    assertThat(run("vs-postgres", "--clients", "0")).isEqualTo(2);
    assertThat(bench.err()).contains("--clients must be in [1, 5000], got 0");
    assertThat(run("vs-postgres", "--clients", "1,10,1")).isEqualTo(2);
    assertThat(bench.err()).contains("twice");
    assertThat(run("vs-postgres", "--clients", "a")).isEqualTo(2);
    assertThat(run("vs-postgres", "--seconds", "0")).isEqualTo(2);
    assertThat(run("vs-postgres", "--warmup-seconds", "-1")).isEqualTo(2);
    assertThat(bench.out()).isEmpty();
  }

  @Test
  void missingPostgresNamesWhatIsMissingAndTheAptGetCommand(@TempDir Path dir) {
    int rc = run("vs-postgres", "--pg-bin", dir.toString(), "--out", dir.resolve("r").toString());
    assertThat(rc).isEqualTo(1);
    assertThat(bench.err())
        .contains("immudb-bench: vs-postgres: PostgreSQL's initdb is missing from " + dir)
        .contains("apt-get install -y --no-install-recommends postgresql postgresql-contrib");
    assertThat(bench.out()).isEmpty();
    assertThat(dir.resolve("r")).doesNotExist();
  }

  @Test
  void helpListsTheOptions() {
    assertThat(run("vs-postgres", "--help")).isZero();
    assertThat(bench.out())
        .contains("--clients", "--seconds", "--warmup-seconds", "--out", "--pg-bin", "--immudb");
  }
}
