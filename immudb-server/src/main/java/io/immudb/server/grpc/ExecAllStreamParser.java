package io.immudb.server.grpc;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnsafeByteOperations;
import io.immudb.embedded.LimitExceededException;
import io.immudb.embedded.LimitExceededException.Limit;
import io.immudb.embedded.database.Limits;
import io.immudb.proto.ExecAllRequest;
import io.immudb.proto.KeyValue;
import io.immudb.proto.Op;
import io.immudb.proto.ZAddRequest;

/**
 * Reads a {@code streamExecAll} stream into an {@link ExecAllRequest} (spec v1 §12). Each operation
 * starts with a 1-byte type message: {@code 1} (KV) is followed by a key and a value message,
 * {@code 2} (ZAdd) by one message holding a serialized {@code ZAddRequest}; {@code 4} (reference)
 * is refused, as in immudb v1.1.0. Limits as in {@link KvStreamParser}; a serialized ZAddRequest
 * may be at most {@code 2 · maxKeyLen + 64} bytes (set and key plus the fixed fields).
 *
 * <p>Not thread-safe: one parser per call.
 */
final class ExecAllStreamParser implements StreamParser {
  static final byte KV = 1;
  static final byte ZADD = 2;
  static final byte REFERENCE = 4;

  private enum Next {
    TYPE,
    KEY,
    VALUE,
    ZADD_REQUEST
  }

  private static final MessageLimit TYPE = new MessageLimit("operation type", 1, "1 byte");

  private final MessageLimit keyLimit;
  private final MessageLimit valueLimit;
  private final MessageLimit zAddLimit;
  private final int maxTxEntries;
  private final ExecAllRequest.Builder request = ExecAllRequest.newBuilder();
  private Next next = Next.TYPE;
  private byte[] key;

  /**
   * @param limits the database's limits
   * @param maxRecvMsgSize the server's {@code --max-recv-msg-size}
   */
  ExecAllStreamParser(Limits limits, int maxRecvMsgSize) {
    int maxKeyLen = limits.maxKeyLen();
    this.keyLimit = MessageLimit.of("key", maxKeyLen, "maxKeyLen", maxRecvMsgSize);
    this.valueLimit = MessageLimit.of("value", limits.maxValueLen(), "maxValueLen", maxRecvMsgSize);
    this.zAddLimit =
        MessageLimit.of(
            "ZAddRequest",
            (int) Math.min(Integer.MAX_VALUE, 2L * maxKeyLen + 64),
            "2 * maxKeyLen + 64",
            maxRecvMsgSize);
    this.maxTxEntries = limits.maxTxEntries();
  }

  @Override
  public MessageLimit nextLimit() {
    return switch (next) {
      case TYPE -> {
        if (request.getOperationsCount() >= maxTxEntries) {
          throw new LimitExceededException(
              Limit.MAX_TX_ENTRIES, maxTxEntries, request.getOperationsCount() + 1L, -1);
        }
        yield TYPE;
      }
      case KEY -> keyLimit;
      case VALUE -> valueLimit;
      case ZADD_REQUEST -> zAddLimit;
    };
  }

  @Override
  public void accept(byte[] message) {
    switch (next) {
      case TYPE -> next = type(message[0]);
      case KEY -> {
        key = message;
        next = Next.VALUE;
      }
      case VALUE -> {
        request.addOperations(
            Op.newBuilder()
                .setKv(
                    KeyValue.newBuilder()
                        .setKey(UnsafeByteOperations.unsafeWrap(key))
                        .setValue(UnsafeByteOperations.unsafeWrap(message))));
        key = null;
        next = Next.TYPE;
      }
      case ZADD_REQUEST -> {
        try {
          request.addOperations(Op.newBuilder().setZAdd(ZAddRequest.parseFrom(message)));
        } catch (InvalidProtocolBufferException e) {
          throw ChunkReader.invalid("malformed ZAddRequest in streamExecAll: " + e.getMessage());
        }
        next = Next.TYPE;
      }
    }
  }

  private static Next type(byte t) {
    return switch (t) {
      case KV -> Next.KEY;
      case ZADD -> Next.ZADD_REQUEST;
      case REFERENCE ->
          throw ChunkReader.invalid("reference operations are not supported in streamExecAll");
      default -> throw ChunkReader.invalid("unknown streamExecAll operation type " + (t & 0xff));
    };
  }

  @Override
  public void end() {
    if (next != Next.TYPE) {
      throw ChunkReader.invalid(
          "the stream ended inside an operation (expecting its "
              + (next == Next.ZADD_REQUEST ? "ZAddRequest" : next.name().toLowerCase())
              + ")");
    }
  }

  /** The operations read, in order. Valid after {@link #end()}. */
  ExecAllRequest request() {
    return request.build();
  }
}
