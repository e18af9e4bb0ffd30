package io.immudb.gw;

import static org.assertj.core.api.Assertions.assertThat;

import io.immudb.testkit.server.ImmudbChild;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code bin/immugw} (child process) in front of the real {@code bin/immudb} (child
 * process), driven as a user with only {@code curl} drives it: log in, write, read, verified write
 * and read ({@code "verified": true}), with the auditor running inside the gateway and its metric
 * on the gateway's metrics port.
 */
@Timeout(180)
class ImmugwIT {
  @TempDir Path tmp;

  @Test
  void loginWriteReadAndVerifiedReadThroughTheGateway() throws Exception {
    try (ImmudbChild immudb = new ImmudbChild(tmp);
        GatewayChild gw =
            new GatewayChild(
                tmp,
                immudb.grpcPort(),
                List.of("--audit", "--audit-password", "immudb", "--audit-interval", "1s"))) {
      Rest rest = new Rest(gw.api());
      assertThat(rest.get("/db/state").status()).isEqualTo(401); // not logged in: passed through
      rest.login();

      Rest.Answer set =
          rest.post(
              "/db/set",
              "{\"KVs\":[{\"key\":\""
                  + Rest.b64("hello")
                  + "\",\"value\":\""
                  + Rest.b64("world")
                  + "\"}]}");
      assertThat(set.status()).as(set.json().toString()).isEqualTo(200);
      Rest.Answer get = rest.get("/db/get/" + Rest.b64("hello"));
      assertThat(Rest.unb64(get.text("value"))).isEqualTo("world");

      Rest.Answer vget = rest.verifiedGet("hello");
      assertThat(vget.status()).as(vget.json().toString()).isEqualTo(200);
      assertThat(vget.json().get("verified").getAsBoolean()).isTrue();
      assertThat(Rest.unb64(vget.text("value"))).isEqualTo("world");
      assertThat(vget.text("tx")).isEqualTo(set.text("id"));

      Rest.Answer vset = rest.verifiedSet("k2", "v2");
      assertThat(vset.status()).as(vset.json().toString()).isEqualTo(200);
      assertThat(vset.json().get("verified").getAsBoolean()).isTrue();
      long tx = Long.parseLong(vset.text("id"));
      assertThat(vset.json().getAsJsonObject("trustedState").get("txId").getAsString())
          .isEqualTo(Long.toString(tx));

      Rest.Answer vtx = rest.get("/db/verifiable/tx/" + tx);
      assertThat(vtx.status()).as(vtx.json().toString()).isEqualTo(200);
      assertThat(vtx.json().get("verified").getAsBoolean()).isTrue();

      // The gateway's own trusted state, on disk, is the last verified one.
      Path state;
      try (Stream<Path> files = Files.walk(tmp.resolve("roots"))) {
        state =
            files
                .filter(p -> p.toString().endsWith("defaultdb.state"))
                .filter(p -> !p.toString().contains("/audit/"))
                .findFirst()
                .orElseThrow();
      }
      assertThat(Files.readString(state)).contains("txId=" + tx);

      // The auditor runs inside the gateway; its metric is on the gateway's metrics port.
      HttpClient http = HttpClient.newHttpClient();
      URI metrics = URI.create("http://127.0.0.1:" + gw.metricsPort() + "/metrics");
      String text = "";
      for (int i = 0; i < 100 && !text.contains("immugw_audit_result_per_server{"); i++) {
        GatewayChild.sleep(200);
        text =
            http.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString())
                .body();
      }
      assertThat(text)
          .containsPattern("immugw_audit_result_per_server\\{[^}]*database=\"defaultdb\"[^}]*\\} 1")
          .contains("immugw_verified_requests_total{route=\"/db/verifiable/get\"} 1");

      runReadmeSession(gw);
    }
  }

  @Test
  void detachedRunsInTheBackgroundUntilStopped() throws Exception {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    ProcessBuilder pb =
        new ProcessBuilder(
            GatewayChild.ROOT.resolve("bin/immugw").toString(),
            "-d",
            "--address",
            "127.0.0.1",
            "--port",
            Integer.toString(port),
            "--metrics-port",
            "-1",
            "--roots-filepath",
            tmp.resolve("roots").toString(),
            "--pidfile",
            tmp.resolve("immugw.pid").toString());
    pb.environment().put("IMMUDB_NO_BUILD", "1");
    pb.environment().put("IMMUDB_JAVA_OPTS", "-Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
    pb.redirectError(tmp.resolve("detach.err").toFile());
    Process launcher = pb.start();
    String printed = new String(launcher.getInputStream().readAllBytes()).trim();
    assertThat(launcher.waitFor()).as(Files.readString(tmp.resolve("detach.err"))).isZero();
    long pid = Long.parseLong(printed);
    ProcessHandle child = ProcessHandle.of(pid).orElseThrow();
    try {
      HttpResponse<String> docs =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + port + "/api/docs/openapi.json"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(docs.statusCode()).isEqualTo(200);
      assertThat(Files.readString(tmp.resolve("immugw.pid")).trim()).isEqualTo(printed);
    } finally {
      child.destroy();
      child.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
    }
    assertThat(tmp.resolve("immugw.pid")).doesNotExist();
  }

  /** The README's curl session against this gateway, where bash, curl, jq and base64 exist. */
  private static void runReadmeSession(GatewayChild gw) throws Exception {
    for (String tool : List.of("bash", "curl", "jq", "base64")) {
      if (new ProcessBuilder("sh", "-c", "command -v " + tool).start().waitFor() != 0) {
        System.err.println("ImmugwIT: " + tool + " is not installed; README session not run");
        return;
      }
    }
    String readme = Files.readString(GatewayChild.ROOT.resolve("README.md"));
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "<!-- gateway-example-begin -->\\n```sh\\n(.*?)```\\n<!-- gateway-example-end -->",
                java.util.regex.Pattern.DOTALL)
            .matcher(readme);
    assertThat(m.find()).as("the README's gateway example").isTrue();
    String script = m.group(1).replace("http://127.0.0.1:3323/api", gw.api());
    Process p =
        new ProcessBuilder("bash", "-euo", "pipefail", "-c", script)
            .redirectErrorStream(true)
            .start();
    String out =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    assertThat(out)
        .contains("world")
        .containsPattern("\\{\"verified\":true,\"tx\":\"\\d+\",\"value\":\"d29ybGQ=\"\\}");
  }
}
