package io.immudb.client;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;

/**
 * The request messages that more than one area of {@link ImmuClient} sends, built from the public
 * API's arguments; keys and values are copied into them. Stateless.
 */
final class Requests {
  private Requests() {}

  static ByteString bytes(byte[] b) {
    return ByteString.copyFrom(b);
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static io.immudb.proto.KeyValue kv(byte[] key, byte[] value) {
    return io.immudb.proto.KeyValue.newBuilder().setKey(bytes(key)).setValue(bytes(value)).build();
  }

  static io.immudb.proto.KeyRequest keyRequest(byte[] key, long atTx, long sinceTx) {
    return io.immudb.proto.KeyRequest.newBuilder()
        .setKey(bytes(key))
        .setAtTx(atTx)
        .setSinceTx(sinceTx)
        .build();
  }

  /** A reference to {@code referencedKey}, bound to tx {@code atTx} when {@code atTx > 0}. */
  static io.immudb.proto.ReferenceRequest refRequest(byte[] key, byte[] referencedKey, long atTx) {
    return io.immudb.proto.ReferenceRequest.newBuilder()
        .setKey(bytes(key))
        .setReferencedKey(bytes(referencedKey))
        .setAtTx(atTx)
        .setBoundRef(atTx > 0)
        .build();
  }

  /** A sorted-set member, bound to tx {@code atTx} when {@code atTx > 0}. */
  static io.immudb.proto.ZAddRequest zAddRequest(byte[] set, double score, byte[] key, long atTx) {
    return io.immudb.proto.ZAddRequest.newBuilder()
        .setSet(bytes(set))
        .setScore(score)
        .setKey(bytes(key))
        .setAtTx(atTx)
        .setBoundRef(atTx > 0)
        .build();
  }
}
