package io.immudb.server.grpc;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * Carries the IP address of a call's client into the call's {@link Context}, for the limits that
 * count per client (failed logins, {@link io.immudb.server.auth.LoginThrottle}). Thread-safe
 * (stateless).
 */
public final class ClientAddress implements ServerInterceptor {
  private static final Context.Key<String> ADDRESS = Context.key("immudb-client-address");

  /** The address of the current call's client; {@code "unknown"} outside a call. */
  public static String current() {
    String a = ADDRESS.get();
    return a == null ? "unknown" : a;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    SocketAddress remote = call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
    String address =
        remote instanceof InetSocketAddress inet && inet.getAddress() != null
            ? inet.getAddress().getHostAddress()
            : String.valueOf(remote);
    return Contexts.interceptCall(
        Context.current().withValue(ADDRESS, address), call, headers, next);
  }
}
