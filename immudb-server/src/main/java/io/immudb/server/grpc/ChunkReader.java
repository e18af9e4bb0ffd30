package io.immudb.server.grpc;

import com.google.protobuf.ByteString;
import io.immudb.core.ErrorCode;
import io.immudb.core.ImmuException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Reassembles the messages of a client stream from its {@link io.immudb.proto.Chunk} contents (spec
 * v1 §12): the contents are concatenated and re-split by their {@code u64} big-endian length
 * prefixes, wherever the chunk boundaries fall.
 *
 * <p>Limits are enforced before anything is buffered: when a length prefix is complete, the next
 * message's {@link MessageLimit} is asked for, and a zero length, a length beyond that limit, or a
 * stream whose payloads together pass {@code maxTotalBytes} fails with INVALID_ARGUMENT. So the
 * reader holds at most one partial message of at most its limit.
 *
 * <p>Not thread-safe: gRPC delivers a call's messages one at a time.
 */
final class ChunkReader {
  private final Supplier<MessageLimit> nextLimit;
  private final Consumer<byte[]> sink;
  private final long maxTotalBytes;
  private final byte[] prefix = new byte[Long.BYTES];
  private int prefixFill;
  private byte[] payload;
  private int payloadFill;
  private long total;
  private long count;

  /**
   * @param nextLimit the limit of the next message, asked once per message before it is buffered
   * @param sink receives each complete message, in order
   * @param maxTotalBytes the most payload bytes the whole stream may carry
   */
  ChunkReader(Supplier<MessageLimit> nextLimit, Consumer<byte[]> sink, long maxTotalBytes) {
    this.nextLimit = nextLimit;
    this.sink = sink;
    this.maxTotalBytes = maxTotalBytes;
  }

  /** Takes the content of the next chunk; hands every message it completes to the sink. */
  void accept(ByteString content) {
    int n = content.size();
    int pos = 0;
    while (pos < n) {
      if (payload == null) {
        int take = Math.min(Long.BYTES - prefixFill, n - pos);
        content.copyTo(prefix, pos, prefixFill, take);
        prefixFill += take;
        pos += take;
        if (prefixFill == Long.BYTES) {
          prefixFill = 0;
          start(readLong(prefix));
        }
      } else {
        int take = Math.min(payload.length - payloadFill, n - pos);
        content.copyTo(payload, pos, payloadFill, take);
        payloadFill += take;
        pos += take;
      }
      if (payload != null && payloadFill == payload.length) {
        byte[] m = payload;
        payload = null;
        count++;
        sink.accept(m);
      }
    }
  }

  /** Ends the stream. @throws ImmuException INVALID_ARGUMENT if it stopped inside a message */
  void finish() {
    if (prefixFill > 0 || payload != null) {
      throw invalid(
          "the stream ended inside message "
              + (count + 1)
              + (payload == null
                  ? " (" + prefixFill + " of its 8 length bytes)"
                  : " (" + payloadFill + " of its " + payload.length + " bytes)"));
    }
  }

  private void start(long len) {
    MessageLimit limit = nextLimit.get();
    if (len == 0) {
      throw invalid(
          "empty "
              + limit.what()
              + ": a stream message cannot be zero-length (spec v1 §12), so an empty "
              + limit.what()
              + " cannot be streamed");
    }
    if (len < 0 || len > limit.maxLength()) {
      throw invalid(
          "streamed "
              + limit.what()
              + " of "
              + Long.toUnsignedString(len)
              + " bytes exceeds "
              + limit.limitName()
              + " ("
              + limit.maxLength()
              + " bytes)");
    }
    if (len > maxTotalBytes - total) {
      throw invalid("the stream carries more than " + maxTotalBytes + " bytes of messages");
    }
    total += len;
    payload = new byte[(int) len];
    payloadFill = 0;
  }

  private static long readLong(byte[] b) {
    long v = 0;
    for (byte x : b) {
      v = (v << 8) | (x & 0xff);
    }
    return v;
  }

  static ImmuException invalid(String message) {
    return new ImmuException(ErrorCode.INVALID_ARGUMENT, message);
  }
}
