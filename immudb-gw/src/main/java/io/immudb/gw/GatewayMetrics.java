package io.immudb.gw;

import io.immudb.core.proof.VerificationException.Reason;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;

/**
 * The gateway's Prometheus metrics and the endpoint serving them at {@code /metrics} ({@code
 * --metrics-port}):
 *
 * <ul>
 *   <li>{@code immugw_verified_requests_total{route}}: verifiable requests whose proofs checked out
 *   <li>{@code immugw_verification_failures_total{route,reason}}: those answered 409
 *   <li>with {@code --audit}, the auditor's {@code immugw_audit_*} metrics ({@link #registry()})
 * </ul>
 *
 * <p>Thread-safe. {@link #close} stops the endpoint; idempotent.
 */
final class GatewayMetrics implements AutoCloseable {
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final Counter verified =
      Counter.builder()
          .name("immugw_verified_requests")
          .help("verifiable REST requests whose proofs the gateway checked successfully")
          .labelNames("route")
          .register(registry);
  private final Counter failed =
      Counter.builder()
          .name("immugw_verification_failures")
          .help("verifiable REST requests answered 409: a proof failed")
          .labelNames("route", "reason")
          .register(registry);
  private HTTPServer server;

  /** The registry, for the auditor's metrics. */
  PrometheusRegistry registry() {
    return registry;
  }

  /**
   * Serves the metrics on {@code host:port} (0: any free port).
   *
   * @throws IOException if the port cannot be bound
   */
  synchronized void serve(String host, int port) throws IOException {
    server = HTTPServer.builder().hostname(host).port(port).registry(registry).buildAndStart();
  }

  /** The endpoint's port; -1 if not serving. */
  synchronized int port() {
    return server == null ? -1 : server.getPort();
  }

  void verified(String route) {
    verified.labelValues(route).inc();
  }

  void failed(String route, Reason reason) {
    failed.labelValues(route, reason.name()).inc();
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.close();
      server = null;
    }
  }
}
