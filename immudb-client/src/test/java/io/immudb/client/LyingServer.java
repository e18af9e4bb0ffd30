package io.immudb.client;

import com.google.protobuf.ByteString;
import com.google.protobuf.Empty;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import io.immudb.proto.Database;
import io.immudb.proto.ImmuServiceGrpc;
import io.immudb.proto.ImmuServiceGrpc.ImmuServiceBlockingStub;
import io.immudb.proto.ImmutableState;
import io.immudb.proto.LoginRequest;
import io.immudb.proto.LoginResponse;
import io.immudb.proto.UseDatabaseReply;
import io.immudb.proto.VerifiableEntry;
import io.immudb.proto.VerifiableGetRequest;
import io.immudb.proto.VerifiableSetRequest;
import io.immudb.proto.VerifiableTx;
import io.immudb.proto.VerifiableTxRequest;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * A test double: a server on a loopback port that forwards the calls a verifying client makes to a
 * real server (the "backend", which can be swapped) and lets the test rewrite each answer on the
 * way back. It always says it is the same server ({@code immudb-uuid}), so swapping the backend for
 * one with another history is a server rewriting its history. Thread-safe enough for one client at
 * a time.
 */
final class LyingServer implements AutoCloseable {
  private static final Metadata.Key<String> AUTH =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  private static final Metadata.Key<String> UUID =
      Metadata.Key.of("immudb-uuid", Metadata.ASCII_STRING_MARSHALLER);
  private static final Context.Key<String> TOKEN = Context.key("token");

  private final Server server;
  private volatile ManagedChannel backend;
  volatile UnaryOperator<VerifiableTx> onVerifiableTx = UnaryOperator.identity();
  volatile UnaryOperator<VerifiableEntry> onVerifiableEntry = UnaryOperator.identity();
  volatile UnaryOperator<ImmutableState> onState = UnaryOperator.identity();
  volatile UnaryOperator<io.immudb.proto.VerifiableSQLEntry> onVerifiableSqlEntry =
      UnaryOperator.identity();

  LyingServer(int backendPort) throws Exception {
    useBackend(backendPort);
    ServerInterceptor passAuth =
        new ServerInterceptor() {
          @Override
          public <Q, R> ServerCall.Listener<Q> interceptCall(
              ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
            ServerCall<Q, R> withUuid =
                new SimpleForwardingServerCall<>(call) {
                  @Override
                  public void sendHeaders(Metadata h) {
                    h.put(UUID, "lyingserver000000000");
                    super.sendHeaders(h);
                  }
                };
            String auth = headers.get(AUTH);
            return Contexts.interceptCall(
                Context.current().withValue(TOKEN, auth), withUuid, headers, next);
          }
        };
    server =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
            .addService(ServerInterceptors.intercept(new Proxy(), passAuth))
            .build()
            .start();
  }

  /** From now on, forwards to the real server on {@code port}. */
  void useBackend(int port) {
    ManagedChannel old = backend;
    backend = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    if (old != null) {
      old.shutdownNow();
    }
  }

  int port() {
    return server.getPort();
  }

  private ImmuServiceBlockingStub upstream() {
    String auth = TOKEN.get();
    Channel ch = backend;
    if (auth != null) {
      Metadata md = new Metadata();
      md.put(AUTH, auth);
      ch = ClientInterceptors.intercept(ch, MetadataUtils.newAttachHeadersInterceptor(md));
    }
    return ImmuServiceGrpc.newBlockingStub(ch).withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  private static <T> void answer(StreamObserver<T> out, java.util.function.Supplier<T> call) {
    try {
      T v = call.get();
      out.onNext(v);
      out.onCompleted();
    } catch (StatusRuntimeException e) {
      out.onError(e);
    }
  }

  /** Flips the first bit of {@code b}. */
  static ByteString flip(ByteString b) {
    byte[] a = b.toByteArray();
    a[0] ^= 1;
    return ByteString.copyFrom(a);
  }

  private final class Proxy extends ImmuServiceGrpc.ImmuServiceImplBase {
    @Override
    public void login(LoginRequest req, StreamObserver<LoginResponse> out) {
      answer(out, () -> upstream().login(req));
    }

    @Override
    public void useDatabase(Database req, StreamObserver<UseDatabaseReply> out) {
      answer(out, () -> upstream().useDatabase(req));
    }

    @Override
    public void health(Empty req, StreamObserver<io.immudb.proto.HealthResponse> out) {
      answer(out, () -> upstream().health(req));
    }

    @Override
    public void currentState(Empty req, StreamObserver<ImmutableState> out) {
      answer(out, () -> onState.apply(upstream().currentState(req)));
    }

    @Override
    public void set(
        io.immudb.proto.SetRequest req, StreamObserver<io.immudb.proto.TxMetadata> out) {
      answer(out, () -> upstream().set(req));
    }

    @Override
    public void verifiableSet(VerifiableSetRequest req, StreamObserver<VerifiableTx> out) {
      answer(out, () -> onVerifiableTx.apply(upstream().verifiableSet(req)));
    }

    @Override
    public void verifiableGet(VerifiableGetRequest req, StreamObserver<VerifiableEntry> out) {
      answer(out, () -> onVerifiableEntry.apply(upstream().verifiableGet(req)));
    }

    @Override
    public void verifiableTxById(VerifiableTxRequest req, StreamObserver<VerifiableTx> out) {
      answer(out, () -> onVerifiableTx.apply(upstream().verifiableTxById(req)));
    }

    @Override
    public void verifiableSetReference(
        io.immudb.proto.VerifiableReferenceRequest req, StreamObserver<VerifiableTx> out) {
      answer(out, () -> onVerifiableTx.apply(upstream().verifiableSetReference(req)));
    }

    @Override
    public void verifiableZAdd(
        io.immudb.proto.VerifiableZAddRequest req, StreamObserver<VerifiableTx> out) {
      answer(out, () -> onVerifiableTx.apply(upstream().verifiableZAdd(req)));
    }

    @Override
    public void sQLExec(
        io.immudb.proto.SQLExecRequest req, StreamObserver<io.immudb.proto.SQLExecResult> out) {
      answer(out, () -> upstream().sQLExec(req));
    }

    @Override
    public void verifiableSQLGet(
        io.immudb.proto.VerifiableSQLGetRequest req,
        StreamObserver<io.immudb.proto.VerifiableSQLEntry> out) {
      answer(out, () -> onVerifiableSqlEntry.apply(upstream().verifiableSQLGet(req)));
    }
  }

  @Override
  public void close() throws Exception {
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    backend.shutdownNow();
  }
}
