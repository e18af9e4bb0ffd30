package io.immudb.http;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The HTTP handler of {@code /api/}: finds the route of a request, builds its request message,
 * calls the gRPC method through {@code channel} — so the call meets the very interceptors (auth,
 * permissions, metrics, signing) a gRPC client's call does — and answers with the response or the
 * error as JSON ({@link JsonAnswers}) and the HTTP status of its gRPC code ({@link
 * HttpStatusMapper}). Headers: {@code Authorization} goes to the call as {@code authorization}, and
 * {@code Grpc-Metadata-X} as {@code x}; the call's response headers come back as {@code
 * Grpc-Metadata-X} (grpc-gateway's conventions). Thread-safe.
 */
final class Transcoder implements HttpHandler {
  /** Where the routes are mounted. */
  static final String PREFIX = "/api";

  private static final String GRPC_METADATA = "grpc-metadata-";

  private final List<Route> routes;
  private final Channel channel;
  private final JsonAnswers json;
  private final RequestDecoder decoder = new RequestDecoder();
  private final int maxBodyBytes;
  private final Map<String, RouteOverride> overrides;
  private final boolean inProcess;

  /**
   * @param overrides routes answered by other code, by full gRPC method name
   * @param inProcess whether {@code channel} reaches an in-process server (which is then told the
   *     HTTP client's address, {@link #CLIENT_ADDRESS})
   */
  Transcoder(
      List<Route> routes,
      Channel channel,
      JsonAnswers json,
      int maxBodyBytes,
      Map<String, RouteOverride> overrides,
      boolean inProcess) {
    this.routes = routes;
    this.channel = channel;
    this.json = json;
    this.maxBodyBytes = maxBodyBytes;
    this.overrides = Map.copyOf(overrides);
    this.inProcess = inProcess;
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    try {
      serve(ex);
    } finally {
      ex.close();
    }
  }

  private void serve(HttpExchange ex) throws IOException {
    String raw = ex.getRequestURI().getRawPath();
    String path = raw.length() > PREFIX.length() ? raw.substring(PREFIX.length()) : "/";
    if (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
    Route route = null;
    Map<String, String> vars = null;
    boolean pathKnown = false;
    for (Route r : routes) {
      Optional<Map<String, String>> m = r.path().match(path);
      if (m.isPresent()) {
        pathKnown = true;
        if (r.httpMethod().equals(method)) {
          route = r;
          vars = m.get();
          break;
        }
      }
    }
    if (route == null) {
      if (pathKnown) {
        send(ex, 405, json.error(Status.Code.UNIMPLEMENTED, "Method Not Allowed"));
      } else {
        send(ex, 404, json.error(Status.Code.NOT_FOUND, "Not Found"));
      }
      return;
    }
    String body;
    try (InputStream in = ex.getRequestBody()) {
      byte[] bytes = in.readNBytes(maxBodyBytes + 1);
      if (bytes.length > maxBodyBytes) {
        send(
            ex,
            413,
            json.error(
                Status.Code.RESOURCE_EXHAUSTED,
                "request body larger than " + maxBodyBytes + " bytes"));
        return;
      }
      body = new String(bytes, StandardCharsets.UTF_8);
    }
    Message request;
    try {
      request = decoder.decode(route, vars, body, ex.getRequestURI().getRawQuery());
    } catch (RequestDecoder.BadRequestException e) {
      send(ex, 400, json.error(Status.Code.INVALID_ARGUMENT, e.getMessage()));
      return;
    }
    AtomicReference<Metadata> responseHeaders = new AtomicReference<>();
    AtomicReference<Metadata> trailers = new AtomicReference<>();
    Channel call =
        ClientInterceptors.intercept(
            channel,
            MetadataUtils.newAttachHeadersInterceptor(requestMetadata(ex, inProcess)),
            MetadataUtils.newCaptureMetadataInterceptor(responseHeaders, trailers));
    RouteOverride override = overrides.get(route.grpcMethod().getFullMethodName());
    if (override != null) {
      RouteAnswer answer;
      try {
        answer = override.answer(request, call);
      } catch (StatusRuntimeException e) {
        forward(responseHeaders.get(), ex);
        send(ex, HttpStatusMapper.httpStatus(e.getStatus().getCode()), json.error(e));
        return;
      }
      forward(responseHeaders.get(), ex);
      send(ex, answer.status(), answer.json());
      return;
    }
    Message response;
    try {
      response =
          ClientCalls.blockingUnaryCall(call, route.grpcMethod(), CallOptions.DEFAULT, request);
    } catch (StatusRuntimeException e) {
      forward(responseHeaders.get(), ex);
      send(ex, HttpStatusMapper.httpStatus(e.getStatus().getCode()), json.error(e));
      return;
    }
    forward(responseHeaders.get(), ex);
    Message out =
        route.responseBody() == null ? response : (Message) response.getField(route.responseBody());
    String text;
    try {
      text = json.message(out);
    } catch (InvalidProtocolBufferException e) {
      send(ex, 500, json.error(Status.Code.INTERNAL, "cannot print the response as JSON"));
      return;
    }
    send(ex, 200, text);
  }

  /**
   * The HTTP client's IP address, given to the service with every call (the in-process call has no
   * address of its own); the server reads it only from in-process calls, and a client's own header
   * of that name is dropped, so it cannot be forged.
   */
  public static final Metadata.Key<String> CLIENT_ADDRESS =
      Metadata.Key.of("immudb-rest-client-address", Metadata.ASCII_STRING_MARSHALLER);

  private static Metadata requestMetadata(HttpExchange ex, boolean inProcess) {
    Metadata md = new Metadata();
    for (Map.Entry<String, List<String>> h : ex.getRequestHeaders().entrySet()) {
      String name = h.getKey().toLowerCase(Locale.ROOT);
      String key;
      if (name.equals("authorization")) {
        key = name;
      } else if (name.startsWith(GRPC_METADATA) && name.length() > GRPC_METADATA.length()) {
        key = name.substring(GRPC_METADATA.length());
      } else {
        continue;
      }
      if (key.endsWith(Metadata.BINARY_HEADER_SUFFIX)
          || key.startsWith("grpc-")
          || key.equals(CLIENT_ADDRESS.name())) {
        continue; // reserved, binary, or ours to set: not forwarded
      }
      Metadata.Key<String> k = Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER);
      for (String v : h.getValue()) {
        md.put(k, v);
      }
    }
    if (inProcess && ex.getRemoteAddress() != null && ex.getRemoteAddress().getAddress() != null) {
      md.put(CLIENT_ADDRESS, ex.getRemoteAddress().getAddress().getHostAddress());
    }
    return md;
  }

  private static void forward(Metadata headers, HttpExchange ex) {
    if (headers == null) {
      return;
    }
    for (String key : headers.keys()) {
      if (key.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
        continue;
      }
      Iterable<String> values =
          headers.getAll(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER));
      if (values != null) {
        for (String v : values) {
          ex.getResponseHeaders().add("Grpc-Metadata-" + key, v);
        }
      }
    }
  }

  static void send(HttpExchange ex, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
  }
}
