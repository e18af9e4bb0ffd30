package io.immudb.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vs-postgres} options and prerequisites, checked before anything is started. */
class VsPostgresCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    out.reset();
    err.reset();
    return BenchMain.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void badOptionsExitWithTwo() {
    assertThat(run("vs-postgres", "--clients", "0")).isEqualTo(2);
    assertThat(err()).contains("--clients must be in [1, 5000], got 0");
    assertThat(run("vs-postgres", "--clients", "1,10,1")).isEqualTo(2);
    assertThat(err()).contains("twice");
    assertThat(run("vs-postgres", "--clients", "a")).isEqualTo(2);
    assertThat(run("vs-postgres", "--seconds", "0")).isEqualTo(2);
    assertThat(run("vs-postgres", "--warmup-seconds", "-1")).isEqualTo(2);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void missingPostgresNamesWhatIsMissingAndTheAptGetCommand(@TempDir Path dir) {
    int rc = run("vs-postgres", "--pg-bin", dir.toString(), "--out", dir.resolve("r").toString());
    assertThat(rc).isEqualTo(1);
    assertThat(err())
        .contains("immudb-bench: vs-postgres: PostgreSQL's initdb is missing from " + dir)
        .contains("apt-get install -y --no-install-recommends postgresql postgresql-contrib");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(dir.resolve("r")).doesNotExist();
  }

  @Test
  void helpListsTheOptions() {
    assertThat(run("vs-postgres", "--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("--clients", "--seconds", "--warmup-seconds", "--out", "--pg-bin", "--immudb");
  }
}
