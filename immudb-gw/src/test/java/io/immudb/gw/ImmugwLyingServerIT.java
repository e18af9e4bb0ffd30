package io.immudb.gw;

import static org.assertj.core.api.Assertions.assertThat;

import io.immudb.client.ImmuClient;
import io.immudb.client.StateHolder;
import io.immudb.testkit.server.ImmudbServerExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code bin/immugw} in front of a lying server ({@link ForgingProxy}): first honest, then
 * forging the value of every verifiable answer, then rolled back to another history. Every
 * verifiable route must answer 409 with the evidence, and the gateway's trusted state must not
 * move.
 */
@Timeout(180)
class ImmugwLyingServerIT {
  @TempDir Path tmp;

  @RegisterExtension final ImmudbServerExtension honest = ImmudbServerExtension.builder().build();

  @RegisterExtension final ImmudbServerExtension other = ImmudbServerExtension.builder().build();

  /** One call of each verifiable route. */
  private static Map<String, Call> routes(long tx) {
    Map<String, Call> m = new LinkedHashMap<>();
    m.put("set", r -> r.verifiedSet("k3", "v3"));
    m.put("get", r -> r.verifiedGet("k1"));
    m.put("tx", r -> r.get("/db/verifiable/tx/" + tx));
    m.put(
        "setreference",
        r ->
            r.post(
                "/db/verifiable/setreference",
                "{\"referenceRequest\":{\"key\":\""
                    + Rest.b64("r2")
                    + "\",\"referencedKey\":\""
                    + Rest.b64("k1")
                    + "\"}}"));
    m.put(
        "zadd",
        r ->
            r.post(
                "/db/verifiable/zadd",
                "{\"zAddRequest\":{\"set\":\""
                    + Rest.b64("s")
                    + "\",\"score\":2,\"key\":\""
                    + Rest.b64("k1")
                    + "\"}}"));
    m.put(
        "sqlget",
        r ->
            r.post(
                "/db/verifiable/sqlget",
                "{\"sqlGetRequest\":{\"table\":\"people\",\"pkValues\":[{\"n\":\"1\"}]}}"));
    return m;
  }

  @FunctionalInterface
  private interface Call {
    Rest.Answer run(Rest r) throws Exception;
  }

  @Test
  void everyVerifiableRouteAnswers409AndTheTrustedStateStays() throws Exception {
    try (ForgingProxy proxy = new ForgingProxy(honest.port());
        GatewayChild gw = new GatewayChild(tmp, proxy.port(), List.of())) {
      Rest rest = new Rest(gw.api());
      rest.login();
      Rest.Answer first = rest.verifiedSet("k1", "v1");
      assertThat(first.status()).as(first.json().toString()).isEqualTo(200);
      long tx = Long.parseLong(first.text("id"));
      assertThat(
              rest.post(
                      "/db/sqlexec",
                      "{\"sql\":\"CREATE TABLE people (id INTEGER AUTO_INCREMENT, name VARCHAR,"
                          + " PRIMARY KEY id)\"}")
                  .status())
          .isEqualTo(200);
      assertThat(
              rest.post("/db/sqlexec", "{\"sql\":\"INSERT INTO people (name) VALUES ('Joe')\"}")
                  .status())
          .isEqualTo(200);
      Map<String, Call> routes = routes(tx);
      for (Map.Entry<String, Call> r : routes.entrySet()) { // honest: all verified
        Rest.Answer a = r.getValue().run(rest);
        assertThat(a.status()).as(r.getKey() + ": " + a.json()).isEqualTo(200);
        assertThat(a.json().get("verified").getAsBoolean()).as(r.getKey()).isTrue();
      }
      Path stateFile = stateFile();
      String trusted = Files.readString(stateFile);

      proxy.forge = true;
      for (Map.Entry<String, Call> r : routes.entrySet()) {
        Rest.Answer a = r.getValue().run(rest);
        assertThat(a.status()).as(r.getKey() + ": " + a.json()).isEqualTo(409);
        assertThat(a.json().get("verified").getAsBoolean()).isFalse();
        assertThat(a.text("reason")).as(r.getKey()).isNotBlank();
        assertThat(a.json().getAsJsonObject("trustedState").get("txHash").getAsString())
            .as(r.getKey())
            .isEqualTo(stateValue(trusted, "txHash"));
        assertThat(Files.readString(stateFile)).as(r.getKey()).isEqualTo(trusted);
      }
      proxy.forge = false;

      // Rolled back: the same server identity now answers with a shorter history.
      proxy.useBackend(other.port());
      rest.login();
      for (Map.Entry<String, Call> r : routes.entrySet()) {
        Rest.Answer a = r.getValue().run(rest);
        assertThat(a.status()).as(r.getKey() + ": " + a.json()).isEqualTo(409);
        assertThat(a.text("reason")).as(r.getKey()).isEqualTo("STATE_REGRESSION");
        assertThat(a.json().getAsJsonObject("claimedState")).as(r.getKey()).isNotNull();
        assertThat(Files.readString(stateFile)).as(r.getKey()).isEqualTo(trusted);
      }

      // Rewritten: the same identity now answers with another history, longer than the trusted
      // one (the same keys, table and row exist there, so every call gets a proof to check).
      try (ImmuClient c =
          ImmuClient.builder()
              .address("127.0.0.1")
              .port(other.port())
              .stateHolder(StateHolder.inMemory())
              .build()) {
        c.login("immudb", "immudb");
        c.sqlExec("CREATE TABLE people (id INTEGER AUTO_INCREMENT, name VARCHAR, PRIMARY KEY id)");
        c.sqlExec("INSERT INTO people (name) VALUES ('Eve')");
        long trustedTx = Long.parseLong(stateValue(trusted, "txId"));
        while (c.set("k1", "forged").id() <= trustedTx + 2) {
          // until the other history is longer than the trusted one
        }
      }
      rest.login();
      for (Map.Entry<String, Call> r : routes.entrySet()) {
        Rest.Answer a = r.getValue().run(rest);
        assertThat(a.status()).as(r.getKey() + ": " + a.json()).isEqualTo(409);
        assertThat(a.text("reason")).as(r.getKey()).isNotEqualTo("STATE_REGRESSION");
        assertThat(Files.readString(stateFile)).as(r.getKey()).isEqualTo(trusted);
      }

      String metrics =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(
                          java.net.URI.create("http://127.0.0.1:" + gw.metricsPort() + "/metrics"))
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString())
              .body();
      assertThat(metrics)
          .contains(
              "immugw_verification_failures_total{reason=\"STATE_REGRESSION\","
                  + "route=\"/db/verifiable/get\"} 1");
    }
  }

  /** The value of {@code key=} in a state file's text. */
  private static String stateValue(String stateFile, String key) {
    return stateFile
        .lines()
        .filter(l -> l.startsWith(key + "="))
        .findFirst()
        .orElseThrow()
        .substring(key.length() + 1);
  }

  private Path stateFile() throws Exception {
    try (Stream<Path> files = Files.walk(tmp.resolve("roots"))) {
      return files.filter(p -> p.toString().endsWith("defaultdb.state")).findFirst().orElseThrow();
    }
  }
}
