package io.immudb.embedded.store;

import io.immudb.core.kv.StoredKeyValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One entry to commit at the store level: a stored key and a stored value, already carrying any
 * prefixes of the data model (spec v1 §3). It is {@link StoredKeyValue} on the commit path: {@link
 * #ofOwned} hands fresh arrays over without a copy, and the store reads them without one. Database
 * callers use the user-level {@link io.immudb.core.kv.KeyValue} instead.
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

  /** The entries to commit for stored pairs {@code kvs}, in order. */
  static List<KeyValue> fromStored(List<StoredKeyValue> kvs) {
    List<KeyValue> out = new ArrayList<>(kvs.size());
    for (StoredKeyValue kv : kvs) {
      out.add(ofOwned(kv.key(), kv.value()));
    }
    return out;
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
