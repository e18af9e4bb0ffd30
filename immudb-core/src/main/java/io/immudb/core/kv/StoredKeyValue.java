package io.immudb.core.kv;

import java.util.Arrays;

/**
 * A key and value as stored in a transaction: the bytes that were hashed, with the namespace and
 * value prefixes of spec v1 §3 (a plain key {@code 0x00 ‖ userKey}, a reference or sorted-set
 * member in its encoded form, an SQL catalog row). Compare {@link KeyValue}, which holds user
 * bytes.
 *
 * <p>Thread-safe (immutable). Arrays are copied in and out.
 *
 * @param key the stored key
 * @param value the stored value
 */
public record StoredKeyValue(byte[] key, byte[] value) {
  public StoredKeyValue {
    key = key.clone();
    value = value.clone();
  }

  @Override
  public byte[] key() {
    return key.clone();
  }

  @Override
  public byte[] value() {
    return value.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StoredKeyValue kv
        && Arrays.equals(key, kv.key)
        && Arrays.equals(value, kv.value);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(key) * 31 + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return "StoredKeyValue{key=" + Show.bytes(key) + ", " + value.length + " value bytes}";
  }
}
