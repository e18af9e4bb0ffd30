package io.immudb.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.immudb.testkit.server.ImmudbServerExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code immudb-bench server} against a real server started in this JVM on ephemeral ports (the
 * v1.1 port and the v0.8 legacy port).
 */
class ServerLoadIT {
  @RegisterExtension
  static final ImmudbServerExtension immudb =
      ImmudbServerExtension.builder().configure(b -> b.set("legacy-port", 0)).build();

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return BenchMain.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String lastLine() {
    String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
    return lines[lines.length - 1];
  }

  private static double field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":([-0-9.]+)").matcher(json);
    assertThat(m.find()).as("%s in %s", name, json).isTrue();
    return Double.parseDouble(m.group(1));
  }

  @ParameterizedTest
  @CsvSource({"1, false", "10, false", "1, true", "10, true"})
  void loadsTheServer(int batch, boolean verified) {
    String[] base = {
      "server",
      "--port",
      Integer.toString(immudb.port()),
      "--clients",
      "4",
      "--clients-per-channel",
      "2",
      "--batch",
      Integer.toString(batch),
      "--seconds",
      "2",
      "--warmup-seconds",
      verified ? "1" : "0"
    };
    String[] args = verified ? append(base, "--verified") : base;
    int rc = run(args);
    String log = err.toString(StandardCharsets.UTF_8);
    assertThat(rc).as(log).isZero();
    String json = lastLine();
    assertThat(json)
        .startsWith(
            "{\"mode\":\"server\",\"clients\":4,\"batch\":"
                + batch
                + ",\"verified\":"
                + verified
                + ",\"seconds\":2,\"tx_per_s\":")
        .contains("\"kv_per_s\":", "\"p50_ms\":", "\"p99_ms\":", "\"max_ms\":", "\"channels\":2")
        .endsWith("}");
    assertThat(field(json, "errors")).as(log).isZero();
    double txPerS = field(json, "tx_per_s");
    assertThat(txPerS).isPositive();
    assertThat(field(json, "kv_per_s")).isCloseTo(txPerS * batch, within(1.0));
    assertThat(field(json, "last_tx_id")).isGreaterThanOrEqualTo(field(json, "txs"));
    assertThat(log).contains("server: ").doesNotContain("first error");
  }

  @ParameterizedTest
  @CsvSource({"1, false", "10, false", "1, true"})
  void loadsTheLegacyPort(int batch, boolean verified) {
    String[] base = {
      "server",
      "--api",
      "legacy",
      "--port",
      Integer.toString(immudb.server().legacyPort().orElseThrow()),
      "--clients",
      "4",
      "--batch",
      Integer.toString(batch),
      "--seconds",
      "2",
      "--warmup-seconds",
      "0"
    };
    long before = immudb.server().registry().get("defaultdb").lastTxId();
    int rc = run(verified ? append(base, "--verified") : base);
    String log = err.toString(StandardCharsets.UTF_8);
    assertThat(rc).as(log).isZero();
    String json = lastLine();
    assertThat(json).contains("\"api\":\"legacy\"", "\"batch\":" + batch);
    assertThat(field(json, "errors")).as(log).isZero();
    double txs = field(json, "txs");
    assertThat(txs).isPositive();
    // Every answered call committed a tx of `batch` entries through the v0.8 port; the last
    // answer's index (leaf index, or root index of a SafeSet proof) counts those entries' leaves.
    long after = immudb.server().registry().get("defaultdb").lastTxId();
    assertThat((double) (after - before)).isGreaterThanOrEqualTo(txs);
    assertThat(field(json, "last_tx_id")).isGreaterThanOrEqualTo(txs * batch - 1);
  }

  @Test
  void legacySafeSetRefusesBatches() {
    int rc =
        run(
            "server",
            "--api",
            "legacy",
            "--verified",
            "--batch",
            "2",
            "--port",
            Integer.toString(immudb.server().legacyPort().orElseThrow()));
    assertThat(rc).isNotZero();
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("use --batch 1");
  }

  @Test
  void wrongPasswordFailsWithStatusOne() {
    int rc =
        run(
            "server",
            "--port",
            Integer.toString(immudb.port()),
            "--password",
            "wrong",
            "--seconds",
            "1",
            "--warmup-seconds",
            "0");
    assertThat(rc).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("server failed");
  }

  private static String[] append(String[] a, String s) {
    String[] r = Arrays.copyOf(a, a.length + 1);
    r[a.length] = s;
    return r;
  }
}
