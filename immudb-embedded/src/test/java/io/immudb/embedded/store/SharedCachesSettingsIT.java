package io.immudb.embedded.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The process-wide caches (the key index's block cache, the tx cache) are sized once per JVM by
 * system properties, so each setting runs in a child JVM of its own ({@link BlockCacheChildMain}):
 * every size a user may give works, 0 included (RocksDB's clock cache can't be made with capacity
 * 0: that setting must mean no cache, not a crash), and a size that is not a byte count stops the
 * store from opening with a message naming the property.
 */
class SharedCachesSettingsIT {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "-Dimmudb.indexBlockCacheBytes=0",
        "-Dimmudb.indexBlockCacheBytes=1",
        "-Dimmudb.indexBlockCacheBytes=65536",
        "-Dimmudb.txCacheBytes=0",
        "-Dimmudb.txCacheBytes=1"
      })
  void everyCacheSizeServesReads(String setting) throws Exception {
    Result r = child(setting);
    assertThat(r.exit).as(r.output).isZero();
    assertThat(r.output).contains("child: all values read back");
  }

  @ParameterizedTest
  @ValueSource(strings = {"indexBlockCacheBytes", "txCacheBytes"})
  void aSizeThatIsNotAByteCountIsRefusedByName(String property) throws Exception {
    Result r = child("-Dimmudb." + property + "=lots");
    assertThat(r.exit).as(r.output).isNotZero();
    assertThat(r.output)
        .contains("immudb." + property + " must be a number of bytes >= 0, got \"lots\"")
        .doesNotContain("SIGSEGV");
  }

  private record Result(int exit, String output) {}

  private Result child(String setting) throws IOException, InterruptedException {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> cmd = new ArrayList<>();
    cmd.addAll(List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", setting));
    cmd.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            BlockCacheChildMain.class.getName(),
            dir.resolve("store").toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("child finished").isTrue();
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }
}
