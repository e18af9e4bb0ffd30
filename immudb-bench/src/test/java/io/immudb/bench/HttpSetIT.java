package io.immudb.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.immudb.testkit.server.ImmudbServerExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code immudb-bench http-set --compare-grpc} against a real server started in this JVM, its web
 * server on an ephemeral port: a one-second smoke run (not a measurement).
 */
class HttpSetIT {
  @RegisterExtension
  static final ImmudbServerExtension immudb =
      ImmudbServerExtension.builder()
          .synced(false)
          .configure(b -> b.set("web-server", true).set("web-server-port", 0))
          .build();

  private static double field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":([-0-9.]+)").matcher(json);
    assertThat(m.find()).as("%s in %s", name, json).isTrue();
    return Double.parseDouble(m.group(1));
  }

  @Test
  void measuresRestSetsAndGrpcSetsInOneRun() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int rc =
        BenchMain.run(
            new String[] {
              "http-set",
              "--web-port",
              Integer.toString(immudb.server().webPort().getAsInt()),
              "--compare-grpc",
              "--port",
              Integer.toString(immudb.port()),
              "--clients",
              "2",
              "--seconds",
              "1",
              "--warmup-seconds",
              "0"
            },
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    String log = err.toString(StandardCharsets.UTF_8);
    assertThat(rc).as(log).isZero();
    String json = out.toString(StandardCharsets.UTF_8).strip();
    assertThat(json).startsWith("{\"mode\":\"http-set\",\"clients\":2");
    assertThat(field(json, "http_tx_per_s")).isPositive();
    assertThat(field(json, "grpc_tx_per_s")).isPositive();
    assertThat(field(json, "http_errors")).isZero();
    assertThat(field(json, "http_to_grpc")).isPositive();
  }
}
