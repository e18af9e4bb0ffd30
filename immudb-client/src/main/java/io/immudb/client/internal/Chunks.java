package io.immudb.client.internal;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.immudb.client.ImmuClientException;
import io.immudb.proto.Chunk;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The message framing of the streaming RPCs (spec v1 §12): each message is {@code u64(length) ‖
 * payload}, spread over chunks; a new chunk starts with each message. Stateless.
 */
public final class Chunks {
  /** Bytes of content per chunk sent. */
  public static final int CHUNK_SIZE = 64 << 10;

  private Chunks() {}

  /** The chunks carrying {@code messages}, in order. Empty messages are not allowed. */
  public static List<Chunk> encode(List<byte[]> messages) {
    List<Chunk> out = new ArrayList<>();
    for (byte[] m : messages) {
      if (m.length == 0) {
        throw new IllegalArgumentException("an empty value can't be streamed");
      }
      byte[] framed = ByteBuffer.allocate(8 + m.length).putLong(m.length).put(m).array();
      for (int off = 0; off < framed.length; off += CHUNK_SIZE) {
        int n = Math.min(CHUNK_SIZE, framed.length - off);
        out.add(Chunk.newBuilder().setContent(ByteString.copyFrom(framed, off, n)).build());
      }
    }
    return out;
  }

  /**
   * The messages carried by {@code chunks}.
   *
   * @throws ImmuClientException (INTERNAL) if the stream ends inside a message: the server's answer
   *     is malformed
   */
  public static List<byte[]> decode(Iterator<Chunk> chunks) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    while (chunks.hasNext()) {
      all.writeBytes(chunks.next().getContent().toByteArray());
    }
    ByteBuffer b = ByteBuffer.wrap(all.toByteArray());
    List<byte[]> out = new ArrayList<>();
    while (b.hasRemaining()) {
      if (b.remaining() < 8) {
        throw malformed("the stream ended inside a length prefix");
      }
      long len = b.getLong();
      if (len < 0 || len > b.remaining()) {
        throw malformed(
            "the stream ended inside a message of " + Long.toUnsignedString(len) + " bytes");
      }
      byte[] m = new byte[(int) len];
      b.get(m);
      out.add(m);
    }
    return out;
  }

  private static ImmuClientException malformed(String message) {
    return new ImmuClientException(Status.Code.INTERNAL, message, null);
  }
}
