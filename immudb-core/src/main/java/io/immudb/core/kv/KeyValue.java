package io.immudb.core.kv;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A user key and value to write (spec v1 §9.6 {@code KeyValue}): the bytes as the user sees them,
 * without the prefixes the database adds when it stores them (spec v1 §3); compare {@link
 * StoredKeyValue}.
 *
 * <p>Thread-safe (immutable). Arrays are copied in and out; the encoders of this package ({@link
 * StoredKeys#plain(KeyValue)}, {@link StoredValues#plain(KeyValue)}) read them in place.
 *
 * @param key the user key
 * @param value the user value
 */
public record KeyValue(byte[] key, byte[] value) {
  public KeyValue {
    key = key.clone();
    value = value.clone();
  }

  /** A pair of UTF-8 texts. */
  public static KeyValue of(String key, String value) {
    return new KeyValue(
        key.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public byte[] key() {
    return key.clone();
  }

  @Override
  public byte[] value() {
    return value.clone();
  }

  /** The key itself, for this package's encoders: MUST NOT be modified or handed out. */
  byte[] keyUnsafe() {
    return key;
  }

  /** The value itself, for this package's encoders: MUST NOT be modified or handed out. */
  byte[] valueUnsafe() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeyValue kv && Arrays.equals(key, kv.key) && Arrays.equals(value, kv.value);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(key) * 31 + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return "KeyValue{key=" + Show.bytes(key) + ", " + value.length + " value bytes}";
  }
}
