package io.immudb.server.grpc;

import com.google.protobuf.Message;
import io.grpc.MethodDescriptor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One input of {@link RpcFuzzTest}: {@code method ‖ flags ‖ body}. {@code method} (1 byte, modulo
 * the number of methods) picks the RPC; bit 0 of {@code flags} picks the caller (0: the sysadmin,
 * 1: a read-write user). For a unary or server-streaming method the body is the request's protobuf
 * bytes; for a client stream it is up to {@value #MAX_MESSAGES} messages, each {@code u16(length) ‖
 * bytes} (a cut-off last one is dropped).
 */
record RpcFuzzInput(int method, boolean sysadmin, byte[] body) {
  static final int MAX_MESSAGES = 16;

  /** The input held by {@code data}, or null if it is too short to name a method. */
  static RpcFuzzInput decode(byte[] data, int methods) {
    if (data.length < 2) {
      return null;
    }
    return new RpcFuzzInput(
        (data[0] & 0xff) % methods, (data[1] & 1) == 0, Arrays.copyOfRange(data, 2, data.length));
  }

  /** The bytes of an input calling method number {@code method} with {@code requests}. */
  static byte[] encode(
      int method, MethodDescriptor<?, ?> m, boolean sysadmin, List<Message> requests) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(method);
    out.write(sysadmin ? 0 : 1);
    if (m.getType().clientSendsOneMessage()) {
      out.writeBytes(requests.get(0).toByteArray());
    } else {
      for (Message r : requests) {
        byte[] b = r.toByteArray();
        out.write(b.length >>> 8);
        out.write(b.length);
        out.writeBytes(b);
      }
    }
    return out.toByteArray();
  }

  /** The request messages, or null if a part is not a message of {@code m}'s request type. */
  List<Message> parse(MethodDescriptor<?, ?> m) {
    if (!m.getType().clientSendsOneMessage()) {
      List<Message> out = new ArrayList<>();
      int pos = 0;
      while (pos + 2 <= body.length && out.size() < MAX_MESSAGES) {
        int len = ((body[pos] & 0xff) << 8) | (body[pos + 1] & 0xff);
        pos += 2;
        if (pos + len > body.length) {
          break;
        }
        Message msg = parseOne(m, Arrays.copyOfRange(body, pos, pos + len));
        if (msg == null) {
          return null;
        }
        out.add(msg);
        pos += len;
      }
      return out;
    }
    Message msg = parseOne(m, body);
    return msg == null ? null : List.of(msg);
  }

  private static Message parseOne(MethodDescriptor<?, ?> m, byte[] bytes) {
    try {
      return (Message) m.parseRequest(new ByteArrayInputStream(bytes));
    } catch (RuntimeException e) {
      return null;
    }
  }
}
