package io.immudb.server.config;

/**
 * The REST API's web server: {@code --web-server} and {@code --web-server-port} of {@code
 * ServerFlags}, which holds their defaults. It binds {@link NetworkOptions#address()} and speaks
 * HTTPS when the server has {@code --certificate}/{@code --pkey} (docs/design/http.md). Immutable
 * and thread-safe.
 *
 * @param server whether the web server runs
 * @param port its port; 0 <= port <= 65535, where 0 picks a free one
 */
public record WebOptions(boolean server, int port) {
  /**
   * Validates the settings.
   *
   * @throws ConfigException naming {@code web-server-port} if it is not a port
   */
  public WebOptions {
    NetworkOptions.checkPort("web-server-port", port);
  }
}
