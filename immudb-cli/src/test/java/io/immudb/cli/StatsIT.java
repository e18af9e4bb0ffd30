package io.immudb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.immudb.client.ImmuClient;
import io.immudb.testkit.server.ImmudbChild;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code bin/immuadmin stats} (a child process) against the real {@code bin/immudb} (a
 * child process) serving gRPC and metrics on free loopback ports.
 */
class StatsIT {

  @TempDir Path tmp;
  private ImmudbChild server;
  private int grpcPort;
  private int metricsPort;

  @BeforeEach
  void startServer() throws Exception {
    server = new ImmudbChild(tmp);
    grpcPort = server.grpcPort();
    metricsPort = server.metricsPort();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  private ToolRun stats(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("stats"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = ToolRun.launcher("immuadmin", cmd);
    Map<String, String> env = pb.environment();
    env.put("IMMUADMIN_IMMUDB_ADDRESS", "127.0.0.1");
    env.put("IMMUADMIN_METRICS_PORT", Integer.toString(metricsPort));
    env.put("IMMUADMIN_TOKENFILE", tmp.resolve("token").toString());
    return ToolRun.run(pb, tmp, null, Duration.ofSeconds(60));
  }

  @Test
  void statsSummarizesTheServer() throws Exception {
    long lastTx;
    try (ImmuClient c = ImmuClient.builder().address("127.0.0.1").port(grpcPort).build()) {
      c.login("immudb", "immudb");
      c.set("a", "1");
      c.set("b", "2");
      lastTx = c.set("a", "3").id();
      c.createDatabase("sales");
      // The index applies txs asynchronously; a read of the last write waits for it.
      assertThat(c.get("a").valueAsString()).isEqualTo("3");

      ToolRun text = stats();
      assertThat(text.status()).as(text.err()).isZero();
      assertThat(text.out())
          .containsPattern("(?m)^uptime:\\s+\\d+s$|(?m)^uptime:\\s+\\d+m\\d+s$")
          .containsPattern("(?m)^loaded databases:\\s+2$")
          .containsPattern("(?m)^active sessions:\\s+1$")
          .containsPattern("(?m)^clients:\\s+1$")
          .containsPattern("(?m)^database:\\s+defaultdb\\nentries:\\s+2\\ntxs:\\s+" + lastTx + "$")
          .containsPattern("(?m)^database:\\s+sales\\nentries:\\s+0\\ntxs:\\s+1$")
          .containsPattern("(?m)^size:\\s+\\d+\\.\\d (KiB|MiB)$")
          .containsPattern("(?m)^client:\\s+127\\.0\\.0\\.1$")
          .containsPattern("(?m)^last message:\\s+\\d+s ago \\(20\\d\\d-");
      Matcher rpcs = Pattern.compile("(?m)^rpcs:\\s+(\\d+)$").matcher(text.out());
      assertThat(rpcs.find()).isTrue();
      assertThat(Long.parseLong(rpcs.group(1))).isGreaterThanOrEqualTo(6);

      ToolRun raw = stats("--raw");
      assertThat(raw.status()).as(raw.err()).isZero();
      assertThat(raw.out())
          .containsPattern("(?m)^uptime:\\s+\\d+$")
          .containsPattern("(?m)^size:\\s+\\d+$")
          .containsPattern("(?m)^last message:\\s+\\d{10}$");

      ToolRun json = stats("--output", "json");
      assertThat(json.status()).as(json.err()).isZero();
      JsonObject doc = JsonParser.parseString(json.out()).getAsJsonObject();
      assertThat(doc.getAsJsonObject("server").get("loaded databases").getAsLong()).isEqualTo(2);
      JsonObject defaultdb = doc.getAsJsonArray("databases").get(0).getAsJsonObject();
      assertThat(defaultdb.get("database").getAsString()).isEqualTo("defaultdb");
      assertThat(defaultdb.get("entries").getAsLong()).isEqualTo(2);
      assertThat(defaultdb.get("txs").getAsLong()).isEqualTo(lastTx);
      assertThat(defaultdb.get("size").getAsLong()).isPositive();
      assertThat(doc.getAsJsonArray("clients").get(0).getAsJsonObject().get("client").getAsString())
          .isEqualTo("127.0.0.1");
    }
  }

  @Test
  void aWrongPortIsAOneLineError() throws Exception {
    ToolRun r = stats("--metrics-port", Integer.toString(grpcPort == 1 ? 2 : 1));
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err().strip())
        .startsWith("immuadmin: cannot reach the metrics endpoint http://127.0.0.1:")
        .doesNotContain("\n");
  }
}
