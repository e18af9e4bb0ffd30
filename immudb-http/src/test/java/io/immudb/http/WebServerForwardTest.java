package io.immudb.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Empty;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import io.immudb.proto.HealthResponse;
import io.immudb.proto.ImmuServiceGrpc;
import io.immudb.proto.ImmutableState;
import io.immudb.proto.VerifiableGetRequest;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link WebServer#forward}: routes forwarded to an upstream channel with the caller's
 * Authorization header, and a {@link RouteOverride} answering its route with the decoded request
 * and a channel carrying the same header.
 */
class WebServerForwardTest {
  private static final Metadata.Key<String> AUTH =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  private static final Context.Key<String> SEEN = Context.key("auth");

  private Server upstream;
  private ManagedChannel channel;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    String name = "upstream-" + UUID.randomUUID();
    ImmuServiceGrpc.ImmuServiceImplBase service =
        new ImmuServiceGrpc.ImmuServiceImplBase() {
          @Override
          public void health(Empty req, StreamObserver<HealthResponse> out) {
            out.onNext(HealthResponse.newBuilder().setStatus(true).setVersion("v").build());
            out.onCompleted();
          }

          @Override
          public void currentState(Empty req, StreamObserver<ImmutableState> out) {
            if (SEEN.get() == null) {
              out.onError(Status.UNAUTHENTICATED.withDescription("not logged in").asException());
              return;
            }
            out.onNext(ImmutableState.newBuilder().setDb(SEEN.get()).setTxId(7).build());
            out.onCompleted();
          }
        };
    ServerInterceptor auth =
        new ServerInterceptor() {
          @Override
          public <Q, R> io.grpc.ServerCall.Listener<Q> interceptCall(
              io.grpc.ServerCall<Q, R> call,
              Metadata headers,
              io.grpc.ServerCallHandler<Q, R> next) {
            return Contexts.interceptCall(
                Context.current().withValue(SEEN, headers.get(AUTH)), call, headers, next);
          }
        };
    upstream =
        InProcessServerBuilder.forName(name)
            .directExecutor()
            .addService(ServerInterceptors.intercept(service, auth))
            .build()
            .start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
  }

  @AfterEach
  void stop() {
    channel.shutdownNow();
    upstream.shutdownNow();
  }

  private HttpResponse<String> send(WebServer web, String method, String path, String body)
      throws Exception {
    HttpRequest r =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + "/api" + path))
            .header("Authorization", "Bearer t0k")
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.send(r, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void forwardsRoutesAndLetsAnOverrideAnswerItsOwn() throws Exception {
    RouteOverride override =
        (request, ch) -> {
          VerifiableGetRequest q = (VerifiableGetRequest) request;
          ImmutableState st =
              ImmuServiceGrpc.newBlockingStub(ch).currentState(Empty.getDefaultInstance());
          return new RouteAnswer(
              409,
              "{\"key\":\""
                  + q.getKeyRequest().getKey().toStringUtf8()
                  + "\",\"db\":\""
                  + st.getDb()
                  + "\"}");
        };
    try (WebServer web =
        WebServer.forward(
            new InetSocketAddress("127.0.0.1", 0),
            channel,
            null,
            1 << 20,
            "test",
            Map.of("immudb.schema.ImmuService/VerifiableGet", override))) {
      HttpResponse<String> health = send(web, "GET", "/health", "");
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("\"status\":true");

      HttpResponse<String> state = send(web, "GET", "/db/state", "");
      assertThat(state.statusCode()).isEqualTo(200);
      assertThat(state.body()).contains("\"db\":\"Bearer t0k\""); // the header reached upstream

      HttpResponse<String> v =
          send(web, "POST", "/db/verifiable/get", "{\"keyRequest\":{\"key\":\"aGk=\"}}");
      assertThat(v.statusCode()).isEqualTo(409);
      assertThat(v.body()).isEqualTo("{\"key\":\"hi\",\"db\":\"Bearer t0k\"}");

      // A forwarded call the upstream refuses: its error, as the REST API answers errors.
      HttpResponse<String> unimplemented = send(web, "POST", "/db/verifiable/set", "{}");
      assertThat(unimplemented.statusCode()).isEqualTo(501);
    }
    assertThat(channel.isShutdown()).as("the caller's channel stays open").isFalse();
  }

  @Test
  void anOverrideMustNameARoutedMethod() {
    assertThatThrownBy(
            () ->
                WebServer.forward(
                    new InetSocketAddress("127.0.0.1", 0),
                    channel,
                    null,
                    1 << 20,
                    "test",
                    Map.of("immudb.schema.ImmuService/StreamGet", (r, c) -> null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("StreamGet");
  }
}
