package io.immudb.legacy;

import com.google.protobuf.Message;
import io.grpc.MethodDescriptor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * One input of {@link LegacyRpcFuzzTest}: {@code method ‖ caller ‖ request}. {@code method} (1
 * byte, modulo the number of methods) picks the RPC; {@code caller} (1 byte, modulo the number of
 * callers) picks who calls ({@link Caller}); {@code request} is the request message's protobuf
 * bytes (every v0.8 RPC takes one request message).
 */
record LegacyRpcFuzzInput(int method, Caller caller, byte[] body) {
  /**
   * Who sends the call: a user of {@link FuzzLegacyHost} on {@code defaultdb}, nobody logged in, or
   * the sysadmin after {@code UseDatabase otherdb} (a database only the fuzzer writes to).
   */
  enum Caller {
    SYSADMIN,
    WRITER,
    READER,
    NO_TOKEN,
    SYSADMIN_ON_OTHERDB
  }

  /** The input held by {@code data}, or null if it is too short to name a method and a caller. */
  static LegacyRpcFuzzInput decode(byte[] data, int methods) {
    if (data.length < 2) {
      return null;
    }
    return new LegacyRpcFuzzInput(
        (data[0] & 0xff) % methods,
        Caller.values()[(data[1] & 0xff) % Caller.values().length],
        Arrays.copyOfRange(data, 2, data.length));
  }

  /** The bytes of an input in which {@code caller} calls method number {@code method}. */
  static byte[] encode(int method, Caller caller, Message request) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(method);
    out.write(caller.ordinal());
    out.writeBytes(request.toByteArray());
    return out.toByteArray();
  }

  /** The request, or null if the body is not a message of {@code m}'s request type. */
  Message parse(MethodDescriptor<?, ?> m) {
    try {
      return (Message) m.parseRequest(new ByteArrayInputStream(body));
    } catch (RuntimeException e) {
      return null; // gRPC's marshaller refuses it before the service sees it
    }
  }
}
