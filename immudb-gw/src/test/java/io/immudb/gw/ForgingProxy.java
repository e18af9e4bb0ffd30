package io.immudb.gw;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.CallOptions;
import io.grpc.ClientInterceptors;
import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.HandlerRegistry;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerMethodDefinition;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.ServerCalls;
import io.immudb.proto.VerifiableEntry;
import io.immudb.proto.VerifiableSQLEntry;
import io.immudb.proto.VerifiableTx;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * A lying immudb server for tests: a gRPC proxy on a loopback port that forwards every unary call,
 * as bytes, to a real server (the backend, which can be swapped for one with another history) and
 * always says it is the same server ({@code immudb-uuid}). With {@link #forge} set it alters the
 * answers of the verifiable methods on the way back: one bit of the first entry's value hash of a
 * tx, of a read entry's value, or of a SQL row's value. Thread-safe.
 */
final class ForgingProxy implements AutoCloseable {
  private static final Metadata.Key<String> AUTH =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  private static final Metadata.Key<String> UUID =
      Metadata.Key.of("immudb-uuid", Metadata.ASCII_STRING_MARSHALLER);
  private static final MethodDescriptor.Marshaller<byte[]> BYTES =
      new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
          return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
          try {
            return stream.readAllBytes();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      };

  private final Server server;
  private volatile ManagedChannel backend;
  volatile boolean forge;

  ForgingProxy(int backendPort) throws IOException {
    useBackend(backendPort);
    server =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
            .fallbackHandlerRegistry(
                new HandlerRegistry() {
                  @Override
                  public ServerMethodDefinition<?, ?> lookupMethod(String name, String authority) {
                    return ServerMethodDefinition.create(method(name), handler(name));
                  }
                })
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

  private static MethodDescriptor<byte[], byte[]> method(String name) {
    return MethodDescriptor.newBuilder(BYTES, BYTES)
        .setType(MethodDescriptor.MethodType.UNARY)
        .setFullMethodName(name)
        .build();
  }

  private ServerCallHandler<byte[], byte[]> handler(String name) {
    return (call, headers) -> {
      String auth = headers.get(AUTH);
      ServerCall<byte[], byte[]> withUuid =
          new SimpleForwardingServerCall<>(call) {
            @Override
            public void sendHeaders(Metadata h) {
              h.put(UUID, "forgingproxy00000000");
              super.sendHeaders(h);
            }
          };
      ServerCallHandler<byte[], byte[]> unary =
          ServerCalls.asyncUnaryCall(
              (req, out) -> {
                Metadata md = new Metadata();
                if (auth != null) {
                  md.put(AUTH, auth);
                }
                try {
                  byte[] answer =
                      ClientCalls.blockingUnaryCall(
                          ClientInterceptors.intercept(
                              backend, MetadataUtils.newAttachHeadersInterceptor(md)),
                          method(name),
                          CallOptions.DEFAULT.withDeadlineAfter(30, TimeUnit.SECONDS),
                          req);
                  out.onNext(forge ? forged(name, answer) : answer);
                  out.onCompleted();
                } catch (StatusRuntimeException e) {
                  out.onError(e);
                }
              });
      return unary.startCall(withUuid, headers);
    };
  }

  private static byte[] forged(String method, byte[] answer) {
    try {
      String m = method.substring(method.indexOf('/') + 1);
      switch (m) {
        case "VerifiableSet", "VerifiableSetReference", "VerifiableZAdd", "VerifiableTxById" -> {
          VerifiableTx t = VerifiableTx.parseFrom(answer);
          VerifiableTx.Builder b = t.toBuilder();
          b.getTxBuilder()
              .getEntriesBuilder(0)
              .setHValue(flip(t.getTx().getEntries(0).getHValue()));
          return b.build().toByteArray();
        }
        case "VerifiableGet" -> {
          VerifiableEntry e = VerifiableEntry.parseFrom(answer);
          VerifiableEntry.Builder b = e.toBuilder();
          b.getEntryBuilder().setValue(flip(e.getEntry().getValue()));
          return b.build().toByteArray();
        }
        case "VerifiableSQLGet" -> {
          VerifiableSQLEntry e = VerifiableSQLEntry.parseFrom(answer);
          VerifiableSQLEntry.Builder b = e.toBuilder();
          b.getSqlEntryBuilder().setValue(flip(e.getSqlEntry().getValue()));
          return b.build().toByteArray();
        }
        default -> {
          return answer;
        }
      }
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ByteString flip(ByteString b) {
    byte[] a = b.toByteArray();
    a[a.length - 1] ^= 1;
    return ByteString.copyFrom(a);
  }

  @Override
  public void close() throws InterruptedException {
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    backend.shutdownNow();
  }
}
