package io.immudb.legacy.internal;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;

/**
 * Puts the call's first {@code authorization} header value (spec v0.8 §4.1) in the context, for
 * {@link LegacyService}. Thread-safe (stateless).
 */
public final class LegacyCallAuth implements ServerInterceptor {
  static final Context.Key<String> AUTHORIZATION = Context.key("immudb-legacy-authorization");
  private static final Metadata.Key<String> HEADER =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    Iterable<String> all = headers.getAll(HEADER);
    String auth = all == null ? null : all.iterator().next();
    Context ctx = Context.current().withValue(AUTHORIZATION, auth == null ? "" : auth);
    return Contexts.interceptCall(ctx, call, headers, next);
  }

  /** The current call's authorization value, {@code ""} if none. */
  static String current() {
    String a = AUTHORIZATION.get();
    return a == null ? "" : a;
  }
}
