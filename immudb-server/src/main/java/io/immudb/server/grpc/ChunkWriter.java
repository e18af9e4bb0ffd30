package io.immudb.server.grpc;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import io.grpc.stub.StreamObserver;
import io.immudb.proto.Chunk;
import java.nio.ByteBuffer;

/**
 * Sends the messages of a server stream as {@link Chunk}s (spec v1 §12): each message is {@code
 * u64(payloadLength) ‖ payload}, big-endian, starting a new chunk, cut into chunks of at most
 * {@link #CHUNK_SIZE} bytes (the 8-byte length prefix counts), so a large payload spans several
 * chunks.
 *
 * <p>Not thread-safe: one writer per call, used by the thread that answers the call.
 */
final class ChunkWriter {
  /** The most bytes one chunk carries (immudb's default stream chunk size). */
  static final int CHUNK_SIZE = 64 * 1024;

  private static final int PREFIX = Long.BYTES;

  private final StreamObserver<Chunk> out;
  private final int chunkSize;

  ChunkWriter(StreamObserver<Chunk> out) {
    this(out, CHUNK_SIZE);
  }

  /** A writer with a smaller chunk size, for tests. Requires {@code chunkSize > 8}. */
  ChunkWriter(StreamObserver<Chunk> out, int chunkSize) {
    if (chunkSize <= PREFIX) {
      throw new IllegalArgumentException("chunkSize must be > 8, got " + chunkSize);
    }
    this.out = out;
    this.chunkSize = chunkSize;
  }

  /** Sends one message. Requires a non-empty payload: spec v1 §12 forbids zero-length messages. */
  void send(ByteString payload) {
    int n = payload.size();
    if (n == 0) {
      throw new IllegalArgumentException("a stream message cannot be empty (spec v1 §12)");
    }
    ByteString prefix =
        UnsafeByteOperations.unsafeWrap(ByteBuffer.allocate(PREFIX).putLong(n).array());
    int first = Math.min(n, chunkSize - PREFIX);
    out.onNext(chunk(prefix.concat(payload.substring(0, first))));
    for (int off = first; off < n; off += chunkSize) {
      out.onNext(chunk(payload.substring(off, Math.min(n, off + chunkSize))));
    }
  }

  /** Sends one message; {@code payload} must not change afterwards. */
  void send(byte[] payload) {
    send(UnsafeByteOperations.unsafeWrap(payload));
  }

  /** Sends {@code v} as an 8-byte big-endian message ({@code u64}). */
  void sendLong(long v) {
    send(ByteBuffer.allocate(Long.BYTES).putLong(v).array());
  }

  /** Sends {@code v} as an 8-byte big-endian IEEE 754 message ({@code f64}). */
  void sendDouble(double v) {
    send(ByteBuffer.allocate(Double.BYTES).putDouble(v).array());
  }

  private static Chunk chunk(ByteString content) {
    return Chunk.newBuilder().setContent(content).build();
  }
}
