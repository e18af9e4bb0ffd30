package io.immudb.server.grpc;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;

/**
 * Server interceptor that carries the caller's {@code authorization} header into the call's {@link
 * Context} and adds the server identity as the {@code immudb-uuid} response header to every call
 * (spec v1 §9.2). Thread-safe (immutable).
 */
final class CallAuth implements ServerInterceptor {
  static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  static final Metadata.Key<String> IMMUDB_UUID =
      Metadata.Key.of("immudb-uuid", Metadata.ASCII_STRING_MARSHALLER);
  static final Context.Key<String> TOKEN = Context.key("immudb-authorization");

  private final String serverUuid;

  CallAuth(String serverUuid) {
    this.serverUuid = serverUuid;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    ServerCall<Q, R> withUuid =
        new SimpleForwardingServerCall<>(call) {
          @Override
          public void sendHeaders(Metadata responseHeaders) {
            responseHeaders.put(IMMUDB_UUID, serverUuid);
            super.sendHeaders(responseHeaders);
          }
        };
    String auth = headers.get(AUTHORIZATION);
    Context ctx = Context.current().withValue(TOKEN, auth == null ? "" : auth);
    return Contexts.interceptCall(ctx, withUuid, headers, next);
  }
}
