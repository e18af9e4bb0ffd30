package io.immudb.server.grpc;

import com.google.protobuf.UnsafeByteOperations;
import io.immudb.embedded.LimitExceededException;
import io.immudb.embedded.LimitExceededException.Limit;
import io.immudb.embedded.database.Limits;
import io.immudb.proto.KeyValue;
import io.immudb.proto.SetRequest;
import java.nio.ByteBuffer;

/**
 * Reads a {@code streamSet} stream (key, value, key, value, …) or a {@code streamVerifiableSet}
 * stream (an 8-byte {@code u64(proveSinceTx)} first, then the same pairs) into a {@link SetRequest}
 * (spec v1 §12). Keys are held to {@code maxKeyLen}, values to {@code maxValueLen}, the pairs to
 * {@code maxTxEntries}, each message also to {@code --max-recv-msg-size}.
 *
 * <p>Not thread-safe: one parser per call.
 */
final class KvStreamParser implements StreamParser {
  private enum Next {
    PROVE_SINCE_TX,
    KEY,
    VALUE
  }

  private static final MessageLimit PROVE_SINCE_TX =
      new MessageLimit("proveSinceTx", Long.BYTES, "8 bytes (u64)");

  private final MessageLimit keyLimit;
  private final MessageLimit valueLimit;
  private final int maxTxEntries;
  private final SetRequest.Builder request = SetRequest.newBuilder();
  private Next next;
  private byte[] key;
  private long proveSinceTx;

  /**
   * @param limits the database's limits
   * @param maxRecvMsgSize the server's {@code --max-recv-msg-size}
   * @param proveSinceTxFirst whether the stream starts with {@code u64(proveSinceTx)}
   */
  KvStreamParser(Limits limits, int maxRecvMsgSize, boolean proveSinceTxFirst) {
    this.keyLimit = MessageLimit.of("key", limits.maxKeyLen(), "maxKeyLen", maxRecvMsgSize);
    this.valueLimit = MessageLimit.of("value", limits.maxValueLen(), "maxValueLen", maxRecvMsgSize);
    this.maxTxEntries = limits.maxTxEntries();
    this.next = proveSinceTxFirst ? Next.PROVE_SINCE_TX : Next.KEY;
  }

  @Override
  public MessageLimit nextLimit() {
    return switch (next) {
      case PROVE_SINCE_TX -> PROVE_SINCE_TX;
      case KEY -> {
        if (request.getKVsCount() >= maxTxEntries) {
          throw new LimitExceededException(
              Limit.MAX_TX_ENTRIES, maxTxEntries, request.getKVsCount() + 1L, -1);
        }
        yield keyLimit;
      }
      case VALUE -> valueLimit;
    };
  }

  @Override
  public void accept(byte[] message) {
    switch (next) {
      case PROVE_SINCE_TX -> {
        if (message.length != Long.BYTES) {
          throw ChunkReader.invalid(
              "the first message of streamVerifiableSet must be u64(proveSinceTx), 8 bytes, got "
                  + message.length);
        }
        proveSinceTx = ByteBuffer.wrap(message).getLong();
        if (proveSinceTx < 0) {
          throw ChunkReader.invalid(
              "proveSinceTx out of range: " + Long.toUnsignedString(proveSinceTx));
        }
        next = Next.KEY;
      }
      case KEY -> {
        key = message;
        next = Next.VALUE;
      }
      case VALUE -> {
        request.addKVs(
            KeyValue.newBuilder()
                .setKey(UnsafeByteOperations.unsafeWrap(key))
                .setValue(UnsafeByteOperations.unsafeWrap(message)));
        key = null;
        next = Next.KEY;
      }
    }
  }

  @Override
  public void end() {
    switch (next) {
      case PROVE_SINCE_TX -> throw ChunkReader.invalid("the stream ended before proveSinceTx");
      case VALUE -> throw ChunkReader.invalid("the stream ended after a key without its value");
      case KEY -> {}
    }
  }

  /** The pairs read, in order. Valid after {@link #end()}. */
  SetRequest request() {
    return request.build();
  }

  /** The {@code proveSinceTx} read (0 if the stream had none). */
  long proveSinceTx() {
    return proveSinceTx;
  }
}
