package io.immudb.server.grpc;

import io.grpc.BindableService;
import io.grpc.ServerInterceptor;
import io.immudb.server.auth.LoginSessions;
import io.immudb.server.auth.UserStore;
import io.immudb.server.db.DatabaseRegistry;

/** Factory of the gRPC service and interceptor, the public door into this package. */
public final class ImmuServices {
  /** The version the server reports in {@code Health} and on start. */
  public static final String VERSION = ImmuServiceImpl.VERSION;

  private ImmuServices() {}

  /** The {@code immudb.schema.ImmuService} implementation, with the default 32 MiB limit. */
  public static BindableService service(
      DatabaseRegistry registry,
      UserStore users,
      LoginSessions tokens,
      boolean authEnabled,
      boolean maintenance) {
    return service(
        registry,
        users,
        tokens,
        authEnabled,
        maintenance,
        StreamRpcs.DEFAULT_MAX_RECV_MSG_SIZE,
        java.util.concurrent.ForkJoinPool.commonPool());
  }

  /**
   * The {@code immudb.schema.ImmuService} implementation; {@code maxRecvMsgSize} also bounds each
   * message of a client stream (spec v1 §12). Calls that wait for a commit don't hold a thread
   * meanwhile; what they do afterwards that takes time (building proofs) runs on {@code executor}.
   */
  public static BindableService service(
      DatabaseRegistry registry,
      UserStore users,
      LoginSessions tokens,
      boolean authEnabled,
      boolean maintenance,
      int maxRecvMsgSize,
      java.util.concurrent.Executor executor) {
    return new ImmuServiceImpl(
        registry, users, tokens, authEnabled, maintenance, maxRecvMsgSize, executor);
  }

  /**
   * The interceptor that signs states and verified answers (spec v1 §8.3) with {@code signer}. With
   * auth off every call works on {@code defaultdb}.
   */
  public static ServerInterceptor signing(
      io.immudb.server.signing.StateSigner signer, LoginSessions tokens, boolean authEnabled) {
    return new SigningInterceptor(
        signer, auth -> authEnabled ? tokens.resolve(auth).database() : "defaultdb");
  }

  /**
   * Where each call runs, for a server whose own executor is the direct one ({@code
   * NettyServerBuilder.directExecutor()}): the calls that never block a thread ({@code Set}, {@code
   * VerifiableSet}, {@code Health}, and {@code SQLExec}, which moves what may block to {@code
   * blocking} itself) stay on the transport thread that read them, so such a call crosses no thread
   * between its request and its commit; every other call (reads that may wait for the index, scans,
   * streams, admin calls) moves to {@code blocking}. Only the method lookup (and this choice) runs
   * on the transport thread for every call; the interceptors and the handler run where the call
   * runs.
   */
  public static io.grpc.ServerCallExecutorSupplier callExecutors(
      java.util.concurrent.Executor blocking) {
    java.util.Set<String> direct =
        java.util.Set.of(
            io.immudb.proto.ImmuServiceGrpc.getSetMethod().getFullMethodName(),
            io.immudb.proto.ImmuServiceGrpc.getVerifiableSetMethod().getFullMethodName(),
            io.immudb.proto.ImmuServiceGrpc.getSQLExecMethod().getFullMethodName(),
            io.immudb.proto.ImmuServiceGrpc.getHealthMethod().getFullMethodName());
    return new io.grpc.ServerCallExecutorSupplier() {
      @Override
      public <Q, R> java.util.concurrent.Executor getExecutor(
          io.grpc.ServerCall<Q, R> call, io.grpc.Metadata headers) {
        return direct.contains(call.getMethodDescriptor().getFullMethodName()) ? null : blocking;
      }
    };
  }

  /** The interceptor that carries the token and adds the {@code immudb-uuid} header. */
  public static ServerInterceptor interceptor(String serverUuid) {
    return new CallAuth(serverUuid);
  }
}
