package io.immudb.client.internal;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.ForwardingClientCallListener.SimpleForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;

/**
 * What a client connection knows about its session: the token it sends (as {@code authorization:
 * Bearer <token>}), the database it works on, and the server's identity, taken from the {@code
 * immudb-uuid} header of any answer (spec v1 §9.2). Thread-safe (volatile fields; a login and a
 * database switch each replace the token and database together).
 */
public final class Session implements ClientInterceptor {
  static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  static final Metadata.Key<String> UUID =
      Metadata.Key.of("immudb-uuid", Metadata.ASCII_STRING_MARSHALLER);

  private record State(String token, String database) {}

  private volatile State state;
  private volatile String serverUuid;

  public Session(String database) {
    this.state = new State(null, database);
  }

  /** The token and database to use from now on; a null token logs out. */
  public void set(String token, String database) {
    state = new State(token, database);
  }

  public String token() {
    return state.token();
  }

  public String database() {
    return state.database();
  }

  /** The server's identity, once an answer carried it. */
  public String serverUuid() {
    return serverUuid;
  }

  @Override
  public <Q, R> ClientCall<Q, R> interceptCall(
      MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
    return new SimpleForwardingClientCall<>(next.newCall(method, options)) {
      @Override
      public void start(Listener<R> listener, Metadata headers) {
        String token = state.token();
        if (token != null) {
          headers.put(AUTHORIZATION, "Bearer " + token);
        }
        super.start(
            new SimpleForwardingClientCallListener<>(listener) {
              @Override
              public void onHeaders(Metadata h) {
                String uuid = h.get(UUID);
                if (uuid != null && !uuid.isEmpty()) {
                  serverUuid = uuid;
                }
                super.onHeaders(h);
              }
            },
            headers);
      }
    };
  }
}
