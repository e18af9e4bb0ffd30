package io.immudb.embedded.database;

import io.immudb.core.kv.Show;
import java.util.Arrays;

/**
 * One version of a key of the SQL namespace ({@link SqlSpace}): the stored key and value, exactly
 * the bytes hashed into tx {@code txId}.
 *
 * <p>Thread-safe (immutable). Arrays are copied in and out.
 *
 * @param key the stored key ({@code 0x02} first)
 * @param value the stored value
 * @param txId the tx that wrote this version
 */
public record SqlEntry(byte[] key, byte[] value, long txId) {
  public SqlEntry {
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
    return o instanceof SqlEntry e
        && txId == e.txId
        && Arrays.equals(key, e.key)
        && Arrays.equals(value, e.value);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(key) * 31 + Long.hashCode(txId);
  }

  @Override
  public String toString() {
    return "SqlEntry{tx=" + txId + ", key=" + Show.bytes(key) + ", " + value.length + " bytes}";
  }
}
