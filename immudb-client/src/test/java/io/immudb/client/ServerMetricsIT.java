package io.immudb.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.immudb.client.ImmuClientException.NotFoundException;
import io.immudb.client.ImmuClientException.UnauthenticatedException;
import io.immudb.core.tx.TxHeader;
import io.immudb.server.ImmudbServer;
import io.immudb.testkit.server.ImmudbServerExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's metrics endpoint as Prometheus sees it, after real SDK calls: immudb's gauges, the
 * go-grpc-prometheus call counters by code, latency histograms (and their absence with
 * --no-histograms), JVM metrics, and the health and version endpoints.
 */
class ServerMetricsIT {
  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})? (\\S+)$");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"([^\"]*)\"");

  @TempDir Path tmp;

  @RegisterExtension
  final ImmudbServerExtension immudb = ImmudbServerExtension.builder().manualStart().build();

  private final HttpClient http = HttpClient.newHttpClient();

  /** One sample of the text format; label values here never hold quotes. */
  private record Sample(String name, Map<String, String> labels, double value) {}

  private ImmudbServer start(boolean histograms) throws Exception {
    return immudb.start(
        b ->
            b.set("metrics-server", true)
                .set("metrics-server-port", 0)
                .set("no-histograms", !histograms));
  }

  private ImmuClient client(ImmudbServer server) {
    return ImmuClient.builder()
        .address("127.0.0.1")
        .port(server.port())
        .stateFolder(tmp.resolve("states"))
        .build();
  }

  private HttpResponse<String> get(ImmudbServer server, String path) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + server.metricsPort().getAsInt() + path);
    return http.send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private List<Sample> scrape(ImmudbServer server) throws Exception {
    HttpResponse<String> r = get(server, "/metrics");
    assertThat(r.statusCode()).isEqualTo(200);
    List<Sample> out = new ArrayList<>();
    for (String line : r.body().split("\n")) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Matcher m = SAMPLE.matcher(line);
      assertThat(m.matches()).as("sample line %s", line).isTrue();
      Map<String, String> labels = new LinkedHashMap<>();
      if (m.group(2) != null) {
        Matcher l = LABEL.matcher(m.group(2));
        while (l.find()) {
          labels.put(l.group(1), l.group(2));
        }
      }
      out.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(3))));
    }
    return out;
  }

  /** The value of the one sample called {@code name} whose labels include {@code labels}. */
  private static OptionalDouble value(List<Sample> samples, String name, String... labels) {
    List<Sample> hits = new ArrayList<>();
    for (Sample s : samples) {
      boolean match = s.name().equals(name);
      for (int i = 0; match && i < labels.length; i += 2) {
        match = labels[i + 1].equals(s.labels().get(labels[i]));
      }
      if (match) {
        hits.add(s);
      }
    }
    assertThat(hits).as("samples %s %s", name, List.of(labels)).hasSizeLessThanOrEqualTo(1);
    return hits.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(hits.get(0).value());
  }

  private static double rpc(List<Sample> s, String method, String code) {
    return value(
            s,
            "grpc_server_handled_total",
            "grpc_type",
            "unary",
            "grpc_service",
            "immudb.schema.ImmuService",
            "grpc_method",
            method,
            "grpc_code",
            code)
        .orElse(0);
  }

  @Test
  void metricsFollowWhatClientsDo() throws Exception {
    ImmudbServer server = start(true);
    try (ImmuClient c = client(server)) {
      assertThat(get(server, "/livez").statusCode()).isEqualTo(200);
      assertThat(get(server, "/readyz").statusCode()).isEqualTo(200);
      HttpResponse<String> version = get(server, "/version");
      assertThat(version.statusCode()).isEqualTo(200);
      assertThat(version.body()).startsWith("{\"version\":\"immudb ");

      assertThatThrownBy(() -> c.set("early", "refused"))
          .isInstanceOf(UnauthenticatedException.class);
      c.login("immudb", "immudb");
      c.set("k1", "v1");
      c.set("k2", "v2");
      TxHeader last = c.set("k1", "v1b");
      assertThat(c.get("k2").valueAsString()).isEqualTo("v2");
      assertThatThrownBy(() -> c.get("missing")).isInstanceOf(NotFoundException.class);

      List<Sample> s = scrape(server);
      // The index applies txs asynchronously: wait (bounded) until it caught up.
      for (int i = 0;
          i < 100
              && value(s, "immudb_last_indexed_trx_id", "db", "defaultdb").orElse(0) < last.id();
          i++) {
        Thread.sleep(50);
        s = scrape(server);
      }
      assertThat(value(s, "immudb_last_committed_trx_id", "db", "defaultdb"))
          .hasValue((double) last.id());
      assertThat(value(s, "immudb_last_indexed_trx_id", "db", "defaultdb"))
          .hasValue((double) last.id());
      assertThat(value(s, "immudb_number_of_stored_entries", "db", "defaultdb")).hasValue(2.0);
      assertThat(value(s, "immudb_db_size_bytes", "db", "defaultdb").orElseThrow())
          .isGreaterThan(0);
      assertThat(value(s, "immudb_last_committed_trx_id", "db", "systemdb")).isEmpty();
      assertThat(value(s, "immudb_loaded_databases")).hasValue(1.0);
      assertThat(value(s, "immudb_active_sessions")).hasValue(1.0);
      assertThat(value(s, "immudb_uptime_hours").orElseThrow()).isBetween(0.0, 1.0);

      assertThat(rpc(s, "Set", "OK")).isEqualTo(3.0);
      assertThat(rpc(s, "Set", "Unauthenticated")).isEqualTo(1.0);
      assertThat(rpc(s, "Get", "OK")).isEqualTo(1.0);
      assertThat(rpc(s, "Get", "NotFound")).isEqualTo(1.0);
      assertThat(rpc(s, "Login", "OK")).isEqualTo(1.0);
      String[] set = {"grpc_method", "Set", "grpc_type", "unary"};
      assertThat(value(s, "grpc_server_started_total", set)).hasValue(4.0);
      assertThat(value(s, "grpc_server_msg_received_total", set)).hasValue(4.0);
      assertThat(value(s, "grpc_server_msg_sent_total", set)).hasValue(3.0);
      assertThat(value(s, "grpc_server_handling_seconds_count", set)).hasValue(4.0);
      assertThat(
              value(s, "grpc_server_handling_seconds_bucket", "grpc_method", "Set", "le", "+Inf"))
          .hasValue(4.0);

      double rpcs = value(s, "immudb_number_of_rpcs_per_client", "ip", "127.0.0.1").orElseThrow();
      assertThat(rpcs).isGreaterThanOrEqualTo(7.0);
      double lastAt =
          value(s, "immudb_clients_last_message_at_unix_seconds", "ip", "127.0.0.1").orElseThrow();
      assertThat(lastAt).isCloseTo(System.currentTimeMillis() / 1000.0, within(120));

      assertThat(s).anyMatch(x -> x.name().equals("jvm_memory_used_bytes"));
      assertThat(s).anyMatch(x -> x.name().startsWith("jvm_gc_collection_seconds"));
      assertThat(s).anyMatch(x -> x.name().equals("jvm_threads_current"));

      c.createDatabase("second");
      c.useDatabase("second");
      c.set("only", "one");
      List<Sample> after = scrape(server);
      assertThat(value(after, "immudb_loaded_databases")).hasValue(2.0);
      assertThat(value(after, "immudb_last_committed_trx_id", "db", "second")).hasValue(2.0);
      assertThat(value(after, "immudb_active_sessions")).hasValue(2.0);
      c.logout();
      assertThat(value(scrape(server), "immudb_active_sessions")).hasValue(0.0);
    }
  }

  private static org.assertj.core.data.Offset<Double> within(double d) {
    return org.assertj.core.data.Offset.offset(d);
  }

  @Test
  void theGrafanaDashboardUsesOnlyExportedMetrics() throws Exception {
    Path file =
        Path.of("").toAbsolutePath().getParent().resolve("deploy/grafana/immudb-dashboard.json");
    String dashboard = java.nio.file.Files.readString(file);
    assertThat(dashboard)
        .contains("\"__inputs\"", "\"name\": \"DS_PROMETHEUS\"", "${DS_PROMETHEUS}");
    java.util.Set<String> used = new java.util.TreeSet<>();
    Matcher expr = Pattern.compile("\"expr\": \"((?:[^\"\\\\]|\\\\.)*)\"").matcher(dashboard);
    Pattern metric = Pattern.compile("\\b((?:immudb|grpc_server|jvm|process)_[a-z_]+)");
    while (expr.find()) {
      Matcher m = metric.matcher(expr.group(1));
      while (m.find()) {
        used.add(m.group(1));
      }
    }
    assertThat(used).contains("immudb_db_size_bytes", "grpc_server_handling_seconds_bucket");
    ImmudbServer server = start(true);
    try (ImmuClient c = client(server)) {
      c.login("immudb", "immudb");
      c.set("k", "v");
      java.util.Set<String> exported = new java.util.HashSet<>();
      for (Sample s : scrape(server)) {
        exported.add(s.name());
      }
      assertThat(exported).containsAll(used);
    }
  }

  @Test
  void noHistogramsLeavesOutTheLatencyHistogram() throws Exception {
    ImmudbServer server = start(false);
    try (ImmuClient c = client(server)) {
      c.login("immudb", "immudb");
      c.set("k", "v");
      List<Sample> s = scrape(server);
      assertThat(s).noneMatch(x -> x.name().startsWith("grpc_server_handling_seconds"));
      assertThat(rpc(s, "Set", "OK")).isEqualTo(1.0);
    }
  }

  @Test
  void withTheMetricsServerOffNothingListens() throws Exception {
    ImmudbServer server = immudb.start();
    assertThat(server.metricsPort()).isEmpty();
  }
}
