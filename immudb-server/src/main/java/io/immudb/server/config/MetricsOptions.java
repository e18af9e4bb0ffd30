package io.immudb.server.config;

/**
 * The metrics and health endpoint: {@code --metrics-server}, {@code --metrics-server-port}, {@code
 * --no-histograms} and {@code --metrics-tls} of {@code ServerFlags}, which holds their defaults.
 * Immutable and thread-safe.
 *
 * @param server whether the endpoint runs (on {@link NetworkOptions#address()})
 * @param port its port; 0 <= port <= 65535, where 0 picks a free one
 * @param noHistograms whether the latency histograms ({@code grpc_server_handling_seconds}) are
 *     left out
 * @param tls whether the endpoint speaks HTTPS with the server's own certificate
 */
public record MetricsOptions(boolean server, int port, boolean noHistograms, boolean tls) {
  /**
   * Validates the settings.
   *
   * @throws ConfigException naming {@code metrics-server-port} if it is not a port
   */
  public MetricsOptions {
    NetworkOptions.checkPort("metrics-server-port", port);
  }
}
