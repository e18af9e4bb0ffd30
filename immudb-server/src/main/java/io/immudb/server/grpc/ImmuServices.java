package io.immudb.server.grpc;

import io.grpc.BindableService;
import io.grpc.ServerInterceptor;
import io.immudb.server.auth.TokenManager;
import io.immudb.server.auth.UserStore;
import io.immudb.server.db.DatabaseRegistry;

/** Factory of the gRPC service and interceptor, the public door into this package. */
public final class ImmuServices {
  /** The version the server reports in {@code Health} and on start. */
  public static final String VERSION = ImmuServiceImpl.VERSION;

  private ImmuServices() {}

  /** The {@code immudb.schema.ImmuService} implementation. */
  public static BindableService service(
      DatabaseRegistry registry,
      UserStore users,
      TokenManager tokens,
      boolean authEnabled,
      boolean maintenance) {
    return new ImmuServiceImpl(registry, users, tokens, authEnabled, maintenance);
  }

  /** The interceptor that carries the token and adds the {@code immudb-uuid} header. */
  public static ServerInterceptor interceptor(String serverUuid) {
    return new CallAuth(serverUuid);
  }
}
