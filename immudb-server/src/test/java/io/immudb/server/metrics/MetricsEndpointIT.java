package io.immudb.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.immudb.testkit.TestPki;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/** The metrics endpoint on a loopback port, over HTTP and over HTTPS with a self-signed cert. */
class MetricsEndpointIT {
  private static PrometheusRegistry registry() {
    PrometheusRegistry r = new PrometheusRegistry();
    Counter c = Counter.builder().name("probe_total").help("a probe").register(r);
    c.inc(7);
    return r;
  }

  private static HttpResponse<String> send(HttpClient http, String method, URI uri)
      throws IOException, InterruptedException {
    HttpRequest req =
        HttpRequest.newBuilder(uri)
            .method(method, HttpRequest.BodyPublishers.noBody())
            .timeout(Duration.ofSeconds(10))
            .build();
    return http.send(req, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesMetricsHealthAndVersionOverHttp() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    try (MetricsEndpoint e =
        MetricsEndpoint.start("127.0.0.1", 0, registry(), "immudb 1.1.0 \"x\"", null)) {
      assertThat(e.port()).isPositive();
      String base = "http://127.0.0.1:" + e.port();
      HttpResponse<String> metrics = send(http, "GET", URI.create(base + "/metrics"));
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.body()).contains("# TYPE probe_total counter", "probe_total 7.0");
      assertThat(metrics.headers().firstValue("Content-Type")).get().asString().startsWith("text/");

      assertThat(send(http, "GET", URI.create(base + "/livez")).statusCode()).isEqualTo(200);
      HttpResponse<String> notReady = send(http, "GET", URI.create(base + "/readyz"));
      assertThat(notReady.statusCode()).isEqualTo(503);
      e.markReady();
      assertThat(send(http, "GET", URI.create(base + "/readyz")).statusCode()).isEqualTo(200);
      e.markNotReady();
      assertThat(send(http, "GET", URI.create(base + "/readyz")).statusCode()).isEqualTo(503);

      HttpResponse<String> version = send(http, "GET", URI.create(base + "/version"));
      assertThat(version.statusCode()).isEqualTo(200);
      assertThat(version.body().trim()).isEqualTo("{\"version\":\"immudb 1.1.0 \\\"x\\\"\"}");
      assertThat(version.headers().firstValue("Content-Type"))
          .get()
          .asString()
          .startsWith("application/json");

      assertThat(send(http, "GET", URI.create(base + "/nope")).statusCode()).isEqualTo(404);
      assertThat(send(http, "GET", URI.create(base + "/livez/x")).statusCode()).isEqualTo(404);
      assertThat(send(http, "POST", URI.create(base + "/livez")).statusCode()).isEqualTo(405);
      assertThat(send(http, "HEAD", URI.create(base + "/livez")).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void closeStopsServingAndIsIdempotent() throws Exception {
    MetricsEndpoint e = MetricsEndpoint.start("127.0.0.1", 0, registry(), "v", null);
    URI livez = URI.create("http://127.0.0.1:" + e.port() + "/livez");
    assertThat(send(HttpClient.newHttpClient(), "GET", livez).statusCode()).isEqualTo(200);
    long started = System.nanoTime();
    e.close();
    // nothing in flight: no grace period to sit out (Java 17's HttpServer.stop(1) sleeps 1 s)
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(900));
    e.close();
    assertThatThrownBy(() -> send(HttpClient.newHttpClient(), "GET", livez))
        .isInstanceOf(IOException.class);
  }

  @Test
  void aBusyPortIsReportedWithTheAddress() throws Exception {
    try (MetricsEndpoint first = MetricsEndpoint.start("127.0.0.1", 0, registry(), "v", null)) {
      assertThatThrownBy(
              () -> MetricsEndpoint.start("127.0.0.1", first.port(), registry(), "v", null))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("cannot bind the metrics server to 127.0.0.1:" + first.port());
    }
    assertThatThrownBy(() -> MetricsEndpoint.start("127.0.0.1", 70000, registry(), "v", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("metrics-server-port");
  }

  @Test
  void servesHttpsWithTheGivenContext() throws Exception {
    TestPki ca = TestPki.newCa("metrics test CA");
    SSLContext serverTls = ca.serverContext(ca.issueServer("localhost", false));
    SSLContext clientTls = ca.clientContext();

    try (MetricsEndpoint e = MetricsEndpoint.start("127.0.0.1", 0, registry(), "v", serverTls)) {
      HttpClient https = HttpClient.newBuilder().sslContext(clientTls).build();
      HttpResponse<String> metrics =
          send(https, "GET", URI.create("https://127.0.0.1:" + e.port() + "/metrics"));
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.body()).contains("probe_total 7.0");
      assertThat(
              send(https, "GET", URI.create("https://127.0.0.1:" + e.port() + "/livez"))
                  .statusCode())
          .isEqualTo(200);
      // A client that does not trust the certificate is refused.
      assertThatThrownBy(
              () ->
                  send(
                      HttpClient.newHttpClient(),
                      "GET",
                      URI.create("https://127.0.0.1:" + e.port() + "/livez")))
          .isInstanceOf(IOException.class);
    }
  }
}
