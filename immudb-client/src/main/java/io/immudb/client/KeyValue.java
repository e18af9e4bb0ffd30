package io.immudb.client;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A key and value to write. Arrays are copied in and out. */
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
    return "KeyValue{key="
        + new String(key, StandardCharsets.UTF_8)
        + ", "
        + value.length
        + " value bytes}";
  }
}
