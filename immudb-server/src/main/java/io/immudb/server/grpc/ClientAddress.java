package io.immudb.server.grpc;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.inprocess.InProcessSocketAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * Carries the IP address of a {@code Login} call's client into the call's {@link Context}, for the
 * limits that count per client (failed logins, {@link io.immudb.server.auth.LoginThrottle}); other
 * calls pass untouched. A call of the REST API arrives in process; its HTTP client's address comes
 * in a header that the REST layer sets and that no network client can set. Thread-safe (stateless).
 */
public final class ClientAddress implements ServerInterceptor {
  private static final Context.Key<String> ADDRESS = Context.key("immudb-client-address");

  /** The one method (of the v1.1 and the v0.8 service alike) that reads the address. */
  private static final String LOGIN = "Login";

  /** Where the REST API (immudb-http) puts its HTTP client's address on its in-process calls. */
  private static final Metadata.Key<String> REST_CLIENT_ADDRESS =
      Metadata.Key.of("immudb-rest-client-address", Metadata.ASCII_STRING_MARSHALLER);

  /** The address of the current {@code Login} call's client; {@code "unknown"} elsewhere. */
  public static String current() {
    String a = ADDRESS.get();
    return a == null ? "unknown" : a;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    if (!LOGIN.equals(call.getMethodDescriptor().getBareMethodName())) {
      return next.startCall(call, headers); // only logins count per address: no cost elsewhere
    }
    SocketAddress remote = call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
    String address;
    if (remote instanceof InetSocketAddress inet && inet.getAddress() != null) {
      address = inet.getAddress().getHostAddress();
    } else if (remote instanceof InProcessSocketAddress
        && headers.get(REST_CLIENT_ADDRESS) != null) {
      address = headers.get(REST_CLIENT_ADDRESS); // set by the REST layer, never by a client
    } else {
      address = String.valueOf(remote);
    }
    return Contexts.interceptCall(
        Context.current().withValue(ADDRESS, address), call, headers, next);
  }
}
