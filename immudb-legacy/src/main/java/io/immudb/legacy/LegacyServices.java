package io.immudb.legacy;

import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.immudb.legacy.internal.LegacyCallAuth;
import io.immudb.legacy.internal.LegacyService;

/**
 * The door of this module: the v0.8 {@code immudb.schema.ImmuService} (immudb4j 0.1.8's {@code
 * schema.proto}, generated into {@code io.immudb.legacy.proto}) over a {@link LegacyHost}, for a
 * server to serve on its own port (spec v0.8; {@code docs/legacy.md}).
 */
public final class LegacyServices {
  private LegacyServices() {}

  /**
   * The service, with the interceptor that reads the {@code authorization} header. Its calls block
   * (they wait for commits and read the log): serve it on an executor, not the transport threads.
   */
  public static ServerServiceDefinition service(
      LegacyHost host, LegacyLedgers ledgers, String version) {
    return ServerInterceptors.intercept(
        new LegacyService(host, ledgers, version), new LegacyCallAuth());
  }
}
