package io.immudb.server.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * The server's HTTP(S) side door for operators: {@code /metrics} (Prometheus exposition of a {@link
 * PrometheusRegistry}), {@code /livez} (200 while the process serves HTTP), {@code /readyz} (503
 * until {@link #markReady()}, then 200) and {@code /version} (a small JSON document). Any other
 * path answers 404; any method but GET and HEAD answers 405.
 *
 * <p>Started before the databases are opened, so that an orchestrator sees the process alive but
 * not ready while a large store recovers. With an {@link SSLContext} it serves HTTPS only.
 *
 * <p><b>Thread-safety:</b> safe for concurrent use. Requests run on a small pool of daemon threads
 * owned by the endpoint; {@link #close()} (idempotent) stops the listener and the pool.
 */
public final class MetricsEndpoint implements AutoCloseable {
  private static final int THREADS = 2;

  private final HttpServer http;
  private final ExecutorService executor;
  private volatile boolean ready;
  private boolean closed;

  /** Exchanges being handled now; close() waits for them, and only for them. */
  private final AtomicInteger inFlight = new AtomicInteger();

  private MetricsEndpoint(HttpServer http, ExecutorService executor) {
    this.http = http;
    this.executor = executor;
  }

  /**
   * Binds {@code address:port} (port 0 picks a free one, see {@link #port()}) and starts serving.
   *
   * @param registry the metrics served on {@code /metrics}
   * @param version the version string reported by {@code /version}
   * @param tls if non-null, the endpoint serves HTTPS with this context instead of HTTP
   * @throws IOException if the address cannot be bound
   * @throws IllegalArgumentException if {@code port} is outside [0, 65535]
   */
  public static MetricsEndpoint start(
      String address, int port, PrometheusRegistry registry, String version, SSLContext tls)
      throws IOException {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(version, "version");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(
          "metrics-server-port must be between 0 and 65535, got " + port);
    }
    InetSocketAddress bind = new InetSocketAddress(address, port);
    HttpServer http;
    try {
      if (tls != null) {
        HttpsServer https = HttpsServer.create(bind, 0);
        https.setHttpsConfigurator(new HttpsConfigurator(tls));
        http = https;
      } else {
        http = HttpServer.create(bind, 0);
      }
    } catch (IOException e) {
      throw new IOException(
          "cannot bind the metrics server to " + address + ":" + port + ": " + e.getMessage(), e);
    }
    AtomicInteger n = new AtomicInteger();
    ExecutorService executor =
        Executors.newFixedThreadPool(
            THREADS,
            r -> {
              Thread t = new Thread(r, "immudb-metrics-http-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    MetricsEndpoint endpoint = new MetricsEndpoint(http, executor);
    MetricsHandler metrics = new MetricsHandler(registry);
    byte[] versionJson = versionJson(version);
    http.createContext("/", endpoint.guarded(ex -> respond(ex, 404, "text/plain", "not found\n")));
    http.createContext("/metrics", endpoint.guarded(metrics));
    http.createContext("/livez", endpoint.guarded(ex -> respond(ex, 200, "text/plain", "ok\n")));
    http.createContext(
        "/readyz",
        endpoint.guarded(
            ex -> {
              if (endpoint.ready) {
                respond(ex, 200, "text/plain", "ok\n");
              } else {
                respond(ex, 503, "text/plain", "databases are being opened\n");
              }
            }));
    http.createContext(
        "/version", endpoint.guarded(ex -> respond(ex, 200, "application/json", versionJson)));
    http.setExecutor(executor);
    http.start();
    return endpoint;
  }

  /** The bound port (the chosen one when started on port 0). */
  public int port() {
    return http.getAddress().getPort();
  }

  /** Whether {@code /readyz} answers 200. */
  public boolean isReady() {
    return ready;
  }

  /** Makes {@code /readyz} answer 200: every database is open and the gRPC endpoint serves. */
  public void markReady() {
    ready = true;
  }

  /** Makes {@code /readyz} answer 503 again, e.g. while the server shuts down. */
  public void markNotReady() {
    ready = false;
  }

  /**
   * Stops serving; in-flight requests get up to one second to finish. Idempotent. With none in
   * flight it does not wait: Java 17's {@code HttpServer.stop(delay)} sleeps out the whole delay
   * even when there is nothing to wait for.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    ready = false;
    http.stop(inFlight.get() == 0 ? 0 : 1);
    executor.shutdown();
    try {
      executor.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Only exact paths, GET and HEAD; the exchange is always closed. */
  private HttpHandler guarded(HttpHandler inner) {
    return ex -> {
      inFlight.incrementAndGet();
      try {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getPath();
        String context = ex.getHttpContext().getPath();
        if (!context.equals("/") && !path.equals(context)) {
          respond(ex, 404, "text/plain", "not found\n");
        } else if (!method.equals("GET") && !method.equals("HEAD")) {
          ex.getResponseHeaders().set("Allow", "GET, HEAD");
          respond(ex, 405, "text/plain", "method not allowed\n");
        } else {
          inner.handle(ex);
        }
      } finally {
        ex.close();
        inFlight.decrementAndGet();
      }
    };
  }

  private static void respond(HttpExchange ex, int status, String type, String body)
      throws IOException {
    respond(ex, status, type + "; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
  }

  private static void respond(HttpExchange ex, int status, String type, byte[] body)
      throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    boolean head = ex.getRequestMethod().equals("HEAD");
    ex.sendResponseHeaders(status, head ? -1 : body.length);
    if (!head) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** {@code {"version":"..."}}, with the JSON string escapes of RFC 8259 §7. */
  static byte[] versionJson(String version) {
    StringBuilder sb = new StringBuilder("{\"version\":\"");
    for (char c : version.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append("\"}\n");
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }
}
