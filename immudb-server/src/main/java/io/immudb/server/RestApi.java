package io.immudb.server;

import io.grpc.ServerServiceDefinition;
import io.immudb.http.WebServer;
import io.immudb.server.config.NetworkOptions;
import io.immudb.server.config.ServerConfig;
import io.immudb.server.grpc.ImmuServices;
import java.io.IOException;
import java.net.InetSocketAddress;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How {@link ImmudbServer} wires the REST API (immudb-http, docs/design/http.md) from its
 * configuration. Stateless.
 */
final class RestApi {
  private static final Logger LOG = LoggerFactory.getLogger(ImmudbServer.class);

  private RestApi() {}

  /**
   * Starts the REST API on {@code --address}:{@code --web-server-port}, HTTPS with the server's TLS
   * identity (a client certificate required with {@code --mtls}, as on gRPC).
   */
  static WebServer start(ServerConfig cfg, ServerServiceDefinition service) throws IOException {
    NetworkOptions net = cfg.network();
    WebServer.Tls tls =
        cfg.serverTls()
            .map(
                t -> {
                  SSLContext ctx = t.sslContext();
                  return new WebServer.Tls(ctx, t.sslParameters(ctx));
                })
            .orElse(null);
    WebServer web =
        WebServer.start(
            new InetSocketAddress(net.address(), cfg.web().port()),
            service,
            tls,
            // JSON carries bytes in base64 (4/3) plus field names and quotes.
            (int) Math.min(Integer.MAX_VALUE - 8L, 2L * net.maxRecvMsgSize()),
            ImmuServices.VERSION);
    LOG.info(
        "REST API on {}://{}:{}/api/ (docs at /api/docs/)",
        tls == null ? "http" : "https",
        net.address(),
        web.port());
    return web;
  }
}
