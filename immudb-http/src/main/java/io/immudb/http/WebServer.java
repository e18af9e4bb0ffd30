package io.immudb.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.grpc.Channel;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.immudb.proto.ImmuServiceGrpc;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The REST API of a gRPC service on its own HTTP(S) port: {@code /api/...} as the service's {@code
 * google.api.http} rules map it, {@code /api/docs/openapi.json}, the page {@code /api/docs/} and
 * the web console at {@code /} (docs/console.md).
 *
 * <p>Requests reach the service through an in-process gRPC server holding {@code service} — the
 * caller passes the definition it serves on its own port, interceptors included — so every route
 * goes through the same authentication, permission checks and metrics as a gRPC call. Owns its HTTP
 * server, its handler threads and the in-process server and channel; {@link #close()} stops all of
 * them (idempotent). {@link #forward} serves the same routes in front of any channel, e.g. one to a
 * remote server (immugw), with some routes answered by the caller's code ({@link RouteOverride}).
 * Thread-safe.
 */
public final class WebServer implements AutoCloseable {
  private final HttpServer http;
  private final ExecutorService threads;
  private final Server inProcess;
  private final ManagedChannel channel;
  private boolean closed;

  static {
    // The JDK server writes an answer's headers and body separately; with Nagle's algorithm on,
    // the body waits for the client's delayed ACK of the headers (40 ms on Linux), which held a
    // keep-alive client to 22 calls a second. Read once, when the JDK's server first loads; a
    // value set on the command line wins.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private WebServer(HttpServer http, ExecutorService threads, Server inProcess, ManagedChannel ch) {
    this.http = http;
    this.threads = threads;
    this.inProcess = inProcess;
    this.channel = ch;
  }

  /**
   * Starts serving immudb's {@code ImmuService} (the rules of immudb v1.1.0) on {@code bind}.
   *
   * @param bind address and port; port 0 picks a free one ({@link #port()})
   * @param service the {@code immudb.schema.ImmuService} definition, with its interceptors
   * @param tls HTTPS with this context and these parameters (which say whether a client certificate
   *     is needed); null for plain HTTP
   * @param maxBodyBytes the largest request body read; > 0
   * @param version the version shown in the OpenAPI document and the docs page
   * @throws IOException if the port cannot be bound
   * @throws IllegalArgumentException if the rules do not fit the service's descriptor
   */
  public static WebServer start(
      InetSocketAddress bind,
      ServerServiceDefinition service,
      Tls tls,
      int maxBodyBytes,
      String version)
      throws IOException {
    Objects.requireNonNull(bind, "bind");
    Objects.requireNonNull(service, "service");
    checkBodyLimit(maxBodyBytes);
    List<Route> routes =
        HttpRules.routes(
            service.getServiceDescriptor(), HttpRules.readResource(HttpRules.IMMUDB_RULES));
    String name = "immudb-http-" + UUID.randomUUID();
    Server inProcess =
        InProcessServerBuilder.forName(name).directExecutor().addService(service).build().start();
    ManagedChannel channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    try {
      return serve(
          bind, routes, channel, true, tls, maxBodyBytes, version, Map.of(), inProcess, channel);
    } catch (IOException | RuntimeException e) {
      channel.shutdownNow();
      inProcess.shutdownNow();
      throw e;
    }
  }

  /**
   * Starts serving the same routes as {@link #start} on {@code bind}, each call forwarded to {@code
   * upstream} (e.g. a channel to a remote immudb server) with the HTTP caller's headers, except the
   * routes of {@code overrides}, which that code answers. The caller owns {@code upstream}: {@link
   * #close()} does not shut it down.
   *
   * @param overrides by full gRPC method name (e.g. {@code
   *     immudb.schema.ImmuService/VerifiableGet})
   * @throws IllegalArgumentException if an override names a method without a route
   * @throws IOException if the port cannot be bound
   */
  public static WebServer forward(
      InetSocketAddress bind,
      Channel upstream,
      Tls tls,
      int maxBodyBytes,
      String version,
      Map<String, RouteOverride> overrides)
      throws IOException {
    Objects.requireNonNull(bind, "bind");
    Objects.requireNonNull(upstream, "upstream");
    checkBodyLimit(maxBodyBytes);
    List<Route> routes =
        HttpRules.routes(
            ImmuServiceGrpc.getServiceDescriptor(), HttpRules.readResource(HttpRules.IMMUDB_RULES));
    for (String method : overrides.keySet()) {
      if (routes.stream().noneMatch(r -> r.grpcMethod().getFullMethodName().equals(method))) {
        throw new IllegalArgumentException("no route calls " + method);
      }
    }
    return serve(bind, routes, upstream, false, tls, maxBodyBytes, version, overrides, null, null);
  }

  private static void checkBodyLimit(int maxBodyBytes) {
    if (maxBodyBytes <= 0) {
      throw new IllegalArgumentException("maxBodyBytes must be > 0, got " + maxBodyBytes);
    }
  }

  /** The HTTP server over {@code channel}; {@code inProcess} and {@code owned} may be null. */
  private static WebServer serve(
      InetSocketAddress bind,
      List<Route> routes,
      Channel channel,
      boolean inProcessChannel,
      Tls tls,
      int maxBodyBytes,
      String version,
      Map<String, RouteOverride> overrides,
      Server inProcess,
      ManagedChannel owned)
      throws IOException {
    String title = "immudb REST API";
    byte[] openApi =
        OpenApiDocument.render(routes, title, version).getBytes(StandardCharsets.UTF_8);
    byte[] page = DocsPage.render(routes, title, version).getBytes(StandardCharsets.UTF_8);
    JsonAnswers json =
        new JsonAnswers(
            List.of(
                io.immudb.proto.ImmudbSchemaProto.getDescriptor(),
                com.google.rpc.StatusProto.getDescriptor()));
    AtomicInteger n = new AtomicInteger();
    ExecutorService threads =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "immudb-http-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    HttpServer http;
    try {
      if (tls == null) {
        http = HttpServer.create(bind, 0);
      } else {
        HttpsServer https = HttpsServer.create(bind, 0);
        https.setHttpsConfigurator(
            new HttpsConfigurator(tls.context()) {
              @Override
              public void configure(HttpsParameters p) {
                p.setSSLParameters(tls.parameters());
              }
            });
        http = https;
      }
    } catch (IOException | RuntimeException e) {
      threads.shutdown();
      throw e;
    }
    http.setExecutor(threads);
    http.createContext(
        Transcoder.PREFIX + "/",
        new Transcoder(routes, channel, json, maxBodyBytes, overrides, inProcessChannel));
    http.createContext(
        Transcoder.PREFIX + "/docs",
        ex -> {
          try {
            String p = ex.getRequestURI().getPath();
            if (p.equals("/api/docs/openapi.json")) {
              send(ex, 200, "application/json", openApi);
            } else if (p.equals("/api/docs/") || p.equals("/api/docs/index.html")) {
              send(ex, 200, "text/html; charset=utf-8", page);
            } else if (p.equals("/api/docs")) {
              ex.getResponseHeaders().set("Location", "/api/docs/");
              ex.sendResponseHeaders(301, -1);
            } else {
              Transcoder.send(ex, 404, json.error(io.grpc.Status.Code.NOT_FOUND, "Not Found"));
            }
          } finally {
            ex.close();
          }
        });
    ConsoleFiles console = new ConsoleFiles();
    http.createContext(
        "/",
        ex -> {
          try {
            if (!console.serve(ex)) {
              Transcoder.send(ex, 404, json.error(io.grpc.Status.Code.NOT_FOUND, "Not Found"));
            }
          } finally {
            ex.close();
          }
        });
    http.start();
    return new WebServer(http, threads, inProcess, owned);
  }

  private static void send(HttpExchange ex, int status, String type, byte[] body)
      throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, body.length);
    ex.getResponseBody().write(body);
  }

  /** The bound port (useful with port 0). */
  public int port() {
    return http.getAddress().getPort();
  }

  /** Stops accepting requests, lets running ones finish (up to 5 s), then stops the rest. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    http.stop(0);
    threads.shutdown();
    try {
      threads.awaitTermination(5, TimeUnit.SECONDS);
      if (channel != null) {
        channel.shutdown().awaitTermination(5, TimeUnit.SECONDS);
      }
      if (inProcess != null) {
        inProcess.shutdown().awaitTermination(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (channel != null) {
      channel.shutdownNow();
    }
    if (inProcess != null) {
      inProcess.shutdownNow();
    }
  }

  /**
   * HTTPS settings: the server's TLS context, and the parameters of each connection (whether a
   * client certificate is required).
   */
  public record Tls(SSLContext context, SSLParameters parameters) {
    public Tls {
      Objects.requireNonNull(context, "context");
      Objects.requireNonNull(parameters, "parameters");
    }
  }
}
