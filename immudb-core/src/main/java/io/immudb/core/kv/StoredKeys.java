package io.immudb.core.kv;

import java.util.Objects;

/**
 * Stored-key namespaces: the first byte of every key the store writes (spec v1 §3.1).
 *
 * <p>Thread-safe (stateless). Arrays are copied in and out. A malformed stored key is a caller
 * error ({@link IllegalArgumentException}).
 */
public final class StoredKeys {
  /** Plain key-value entries and references: {@code 0x00 ‖ userKey}. */
  public static final byte PLAIN_PREFIX = 0x00;

  /** Sorted-set (ZAdd) members, laid out by {@link ZAddKeyCodec}. */
  public static final byte ZSET_PREFIX = 0x01;

  /** SQL engine catalog and rows (spec v1 §10, §11). */
  public static final byte SQL_PREFIX = 0x02;

  private StoredKeys() {}

  /** {@code 0x00 ‖ userKey}: the stored form of a plain or reference key. */
  public static byte[] plain(byte[] userKey) {
    Objects.requireNonNull(userKey, "userKey");
    byte[] out = new byte[userKey.length + 1];
    out[0] = PLAIN_PREFIX;
    System.arraycopy(userKey, 0, out, 1, userKey.length);
    return out;
  }

  /** The stored form of {@code kv}'s key: {@code 0x00 ‖ key}, as {@link #plain(byte[])}. */
  public static byte[] plain(KeyValue kv) {
    return plain(kv.keyUnsafe());
  }

  /** The user key inside a stored plain key. Requires a key that starts with {@code 0x00}. */
  public static byte[] userKey(byte[] storedPlainKey) {
    Objects.requireNonNull(storedPlainKey, "storedPlainKey");
    if (storedPlainKey.length < 1 || storedPlainKey[0] != PLAIN_PREFIX) {
      throw new IllegalArgumentException("not a stored plain key");
    }
    byte[] out = new byte[storedPlainKey.length - 1];
    System.arraycopy(storedPlainKey, 1, out, 0, out.length);
    return out;
  }
}
