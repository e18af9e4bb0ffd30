package io.immudb.gw;

import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import io.immudb.proto.ImmuServiceGrpc;
import io.immudb.proto.ImmuServiceGrpc.ImmuServiceBlockingStub;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The calls of one verified REST request to the server, on the channel that carries the caller's
 * headers (its token), remembering the server's identity from the {@code immudb-uuid} header of the
 * answers (spec v1 §9.2). One per request; not thread-safe.
 */
final class UpstreamCall {
  private static final Metadata.Key<String> UUID =
      Metadata.Key.of("immudb-uuid", Metadata.ASCII_STRING_MARSHALLER);

  private final AtomicReference<Metadata> headers = new AtomicReference<>();
  private final AtomicReference<Metadata> trailers = new AtomicReference<>();
  private final Channel channel;
  private final Duration deadline;
  private final String fallbackId;
  private String serverId;

  /**
   * @param fallbackId the identity used when the server sends none (its address, made file-safe)
   */
  UpstreamCall(Channel channel, Duration deadline, String fallbackId) {
    this.channel =
        ClientInterceptors.intercept(
            channel, MetadataUtils.newCaptureMetadataInterceptor(headers, trailers));
    this.deadline = deadline;
    this.fallbackId = fallbackId;
  }

  /** A stub for the next call (each call gets the whole deadline). */
  ImmuServiceBlockingStub stub() {
    return ImmuServiceGrpc.newBlockingStub(channel)
        .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * The server's identity as the first answer gave it; later answers must not change it (a server
   * that does is not one server).
   */
  String serverId() {
    if (serverId == null) {
      Metadata h = headers.get();
      String id = h == null ? null : h.get(UUID);
      serverId = id == null || id.isBlank() ? fallbackId : id;
    }
    return serverId;
  }
}
