package io.immudb.cli.audit;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;

/**
 * The auditor's Prometheus metrics (immudb's names), labelled by {@code server_id}, {@code
 * server_address} and {@code database}, and the HTTP endpoint serving them at {@code /metrics}:
 *
 * <ul>
 *   <li>{@code immuclient_audit_result_per_server}: 1 ok, 0 tampered, -1 error (last round)
 *   <li>{@code immuclient_audit_prev_root_per_server}: tx id of the state trusted before the last
 *       round (0: none)
 *   <li>{@code immuclient_audit_curr_root_per_server}: tx id of the state the server claimed in the
 *       last round (-1: not obtained)
 *   <li>{@code immuclient_audit_run_at_per_server}: Unix time (seconds) the last round started
 *   <li>{@code immuclient_audit_duration_per_server}: how long it took, in seconds
 *   <li>{@code immuclient_audit_rounds_total}: rounds completed (no labels)
 * </ul>
 *
 * <p>immugw's auditor registers the same metrics as {@code immugw_audit_*} in the gateway's
 * registry.
 *
 * <p>Thread-safe. {@link #close} stops the endpoint; idempotent.
 */
final class AuditMetrics implements AutoCloseable {
  private static final String[] LABELS = {"server_id", "server_address", "database"};

  private final PrometheusRegistry registry;
  private final Gauge result;
  private final Gauge prevRoot;
  private final Gauge currRoot;
  private final Gauge runAt;
  private final Gauge duration;
  private final Counter rounds;
  private HTTPServer server; // set once, in the constructor that serves

  /**
   * Starts serving on {@code host:port} (port 0: any free port).
   *
   * @throws IOException if the port can't be bound
   */
  AuditMetrics(String host, int port) throws IOException {
    this(new PrometheusRegistry(), "immuclient");
    this.server = HTTPServer.builder().hostname(host).port(port).registry(registry).buildAndStart();
  }

  /**
   * The metrics named {@code <tool>_audit_*} in {@code registry}, which someone else serves (immugw
   * on its own metrics port): no endpoint of their own.
   */
  AuditMetrics(PrometheusRegistry registry, String tool) {
    this.registry = registry;
    this.result = gauge(registry, tool, "result", "1 ok, 0 tampered, -1 error");
    this.prevRoot = gauge(registry, tool, "prev_root", "tx id of the previously trusted state");
    this.currRoot = gauge(registry, tool, "curr_root", "tx id of the state the server claimed");
    this.runAt = gauge(registry, tool, "run_at", "Unix time (seconds) of the last audit");
    this.duration = gauge(registry, tool, "duration", "duration of the last audit, in seconds");
    this.rounds =
        Counter.builder()
            .name(tool + "_audit_rounds")
            .help("audit rounds completed")
            .register(registry);
  }

  private static Gauge gauge(PrometheusRegistry registry, String tool, String what, String help) {
    return Gauge.builder()
        .name(tool + "_audit_" + what + "_per_server")
        .help(help)
        .labelNames(LABELS)
        .register(registry);
  }

  /** The port the endpoint listens on; -1 without an endpoint of its own. */
  int port() {
    return server == null ? -1 : server.getPort();
  }

  /** Records the outcome of one database's audit. */
  void record(AuditResult r) {
    String[] l = {r.serverId(), r.serverAddress(), r.database()};
    result.labelValues(l).set(r.outcome().metricValue());
    prevRoot.labelValues(l).set(r.previous() == null ? 0 : r.previous().txId());
    currRoot.labelValues(l).set(r.current() == null ? -1 : r.current().txId());
    runAt.labelValues(l).set(r.runAt().toEpochMilli() / 1000.0);
    duration.labelValues(l).set(r.duration().toNanos() / 1e9);
  }

  /** Counts a completed round. */
  void roundDone() {
    rounds.inc();
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
  }
}
