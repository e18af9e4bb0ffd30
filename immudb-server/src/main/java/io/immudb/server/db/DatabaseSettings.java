package io.immudb.server.db;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The settings record of one database, kept in {@code systemdb} under the plain key {@code
 * 0x02‖name} (spec v1 §10 leaves the layout free). {@code seq} is the creation sequence number that
 * orders {@code DatabaseList}: 0 for {@code defaultdb}, then 1, 2, … Immutable and thread-safe.
 *
 * <p>Encoding, version 1: {@code 0x01 ‖ u64 seq ‖ i64 createdAt (Unix seconds) ‖ name (UTF-8)}.
 *
 * @param name the database name
 * @param seq creation sequence number, ≥ 0
 * @param createdAt creation time in Unix seconds
 */
public record DatabaseSettings(String name, long seq, long createdAt) {
  static final byte KEY_PREFIX = 0x02;
  private static final byte VERSION = 1;

  public DatabaseSettings {
    Objects.requireNonNull(name, "name");
    if (seq < 0) {
      throw new IllegalArgumentException("seq must be >= 0, got " + seq);
    }
  }

  /** The user-level key in {@code systemdb}: {@code 0x02‖name}. */
  byte[] key() {
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    byte[] k = new byte[n.length + 1];
    k[0] = KEY_PREFIX;
    System.arraycopy(n, 0, k, 1, n.length);
    return k;
  }

  byte[] encode() {
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(1 + 16 + n.length)
        .put(VERSION)
        .putLong(seq)
        .putLong(createdAt)
        .put(n)
        .array();
  }

  /**
   * Decodes a version-1 record.
   *
   * @throws IllegalStateException if the bytes are not a settings record this code can read
   */
  static DatabaseSettings decode(byte[] value) {
    if (value.length < 17 || value[0] != VERSION) {
      throw new IllegalStateException("unreadable database settings record in systemdb");
    }
    ByteBuffer b = ByteBuffer.wrap(value);
    b.get();
    long seq = b.getLong();
    long createdAt = b.getLong();
    byte[] n = new byte[b.remaining()];
    b.get(n);
    return new DatabaseSettings(new String(n, StandardCharsets.UTF_8), seq, createdAt);
  }
}
