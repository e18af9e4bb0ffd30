package io.immudb.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small end-to-end runs of the subcommands in process, with captured output. */
class BenchMainTest {
  private final CapturedBenchMain bench = new CapturedBenchMain();

  private int run(String... args) {
    return bench.run(args);
  }

  @Test
  void storeRunPrintsOneJsonLine() {
    int rc =
        run(
            "store",
            "--committers",
            "2",
            "--txs",
            "3",
            "--entries-per-tx",
            "10",
            "--synced",
            "false",
            "--warmup-txs",
            "1");
    assertThat(rc).as(bench.err()).isZero();
    assertThat(bench.out().strip().lines()).hasSize(1);
    assertThat(bench.lastLine())
        .startsWith(
            "{\"mode\":\"store\",\"committers\":2,\"in_flight\":1,\"txs\":6,\"entries_per_tx\":10,")
        .contains("\"synced\":false", "\"p99_ms\":", "\"index_catchup_s\":", "\"last_tx_id\":8")
        .endsWith("}");
    if (java.nio.file.Files.isDirectory(Path.of("/proc/self/task"))) {
      // Where the CPU went, by role (ThreadCpu).
      assertThat(bench.lastLine())
          .contains(
              "\"cpu_s\":",
              "\"cpu_committers_s\":",
              "\"cpu_writer_s\":",
              "\"cpu_index_s\":",
              "\"cpu_index_flush_s\":",
              "\"cpu_index_compaction_s\":",
              "\"cpu_gc_s\":",
              "\"cpu_jit_s\":",
              "\"cpu_other_s\":");
    }
  }

  @Test
  void commitsInFlightThroughTheAsyncApiAllComplete() {
    int rc =
        run(
            "store",
            "--committers",
            "2",
            "--in-flight",
            "16",
            "--txs",
            "200",
            "--entries-per-tx",
            "1",
            "--warmup-txs",
            "5");
    assertThat(rc).as(bench.err()).isZero();
    // 2 × (5 + 200) txs: every measured commit completed before the result was taken.
    assertThat(bench.lastLine())
        .startsWith("{\"mode\":\"store\",\"committers\":2,\"in_flight\":16,\"txs\":400,")
        .contains("\"synced\":true", "\"last_tx_id\":410");
  }

  @Test
  void randomKeysWork() {
    int rc =
        run(
            "store",
            "--committers",
            "1",
            "--txs",
            "2",
            "--entries-per-tx",
            "20",
            "--synced",
            "false",
            "--random-keys",
            "--key-len",
            "2");
    assertThat(rc).as(bench.err()).isZero();
    assertThat(bench.lastLine()).contains("\"random_keys\":true");
  }

  @Test
  void readsWhatTheDataModelStoreRunWrote(@TempDir Path dir) {
    String d = dir.resolve("db").toString();
    assertThat(
            run(
                "store",
                "--committers",
                "2",
                "--txs",
                "2",
                "--entries-per-tx",
                "5",
                "--synced",
                "false",
                "--data-model",
                "--dir",
                d))
        .isZero();
    int rc = run("read", "--dir", d, "--ops", "40", "--warmup-seconds", "0");
    assertThat(rc).as(bench.err()).isZero();
    assertThat(bench.lastLine())
        .startsWith("{\"mode\":\"read\",\"threads\":2,\"keys\":20,\"get_per_s\":")
        .contains("\"get_ops\":40", "\"vget_ops\":40", "\"vget_p99_us\":", "\"vget_cpu_us\":");
  }

  @Test
  void reopenRebuildsTheV08TreeOfEveryEntry(@TempDir Path dir) {
    String d = dir.resolve("db").toString();
    assertThat(
            run(
                "store",
                "--committers",
                "3",
                "--txs",
                "4",
                "--warmup-txs",
                "0",
                "--entries-per-tx",
                "7",
                "--synced",
                "false",
                "--data-model",
                "--dir",
                d))
        .isZero();
    for (int round = 0; round < 2; round++) { // the second round deletes the first one's tree
      int rc = run("reopen", "--dir", d, "--legacy-tree");
      assertThat(rc).as(bench.err()).isZero();
      assertThat(bench.lastLine())
          .startsWith("{\"mode\":\"reopen\",\"last_tx_id\":12,")
          .contains("\"legacy_leaves\":84,", "\"legacy_rebuild_s\":");
    }
    assertThat(dir.resolve("db").resolve("legacy").resolve("nodes")).isNotEmptyFile();
  }

  @Test
  void populatesATemporaryStoreWhenAsked() {
    int rc = run("read", "--populate", "1500", "--ops", "10", "--warmup-seconds", "0");
    assertThat(rc).as(bench.err()).isZero();
    assertThat(bench.lastLine()).contains("\"keys\":1500");
  }

  @Test
  void rawStoreIsNotReadable(@TempDir Path dir) {
    String d = dir.resolve("raw").toString();
    run(
        "store",
        "--committers",
        "1",
        "--txs",
        "1",
        "--entries-per-tx",
        "5",
        "--synced",
        "false",
        "--dir",
        d);
    assertThat(run("read", "--dir", d, "--ops", "1")).isEqualTo(2);
    assertThat(bench.err()).contains("raw-store keys");
  }

  @Test
  void badUsageExitsWithTwo() {
    assertThat(run("store", "--committers", "0")).isEqualTo(2);
    assertThat(run("read")).isEqualTo(2);
    assertThat(run()).isEqualTo(2);
    assertThat(run("store", "--nope")).isEqualTo(2);
    assertThat(bench.out()).isEmpty();
  }
}
