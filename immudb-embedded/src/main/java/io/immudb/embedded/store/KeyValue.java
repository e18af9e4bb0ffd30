package io.immudb.embedded.store;

import java.util.Objects;

/**
 * One entry to commit at the store level: a stored key and a stored value, already carrying any
 * prefixes of the data model (spec v1 §3).
 *
 * <p>Thread-safe (immutable). The public constructor copies both arrays; {@link #ofOwned} does not,
 * for callers that built fresh arrays and hand them over.
 */
public final class KeyValue {
  private final byte[] key;
  private final byte[] value;

  /** Creates an entry holding copies of {@code key} and {@code value}. */
  public KeyValue(byte[] key, byte[] value) {
    this(key.clone(), value.clone(), true);
  }

  private KeyValue(byte[] key, byte[] value, boolean owned) {
    this.key = Objects.requireNonNull(key, "key");
    this.value = Objects.requireNonNull(value, "value");
  }

  /** Creates an entry over arrays that the caller MUST NOT modify afterwards (no copy is made). */
  public static KeyValue ofOwned(byte[] key, byte[] value) {
    return new KeyValue(key, value, true);
  }

  /** A copy of the stored key. */
  public byte[] key() {
    return key.clone();
  }

  /** A copy of the stored value. */
  public byte[] value() {
    return value.clone();
  }

  byte[] keyUnsafe() {
    return key;
  }

  byte[] valueUnsafe() {
    return value;
  }
}
