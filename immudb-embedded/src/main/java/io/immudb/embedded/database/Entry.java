package io.immudb.embedded.database;

import java.util.Arrays;
import java.util.Optional;

/**
 * A key's value as read through the data model (spec v1 §9.6 {@code Entry}): user key and value,
 * prefixes stripped, the tx that wrote the value and, if the key read was a reference, the
 * reference that led here.
 *
 * <p>Thread-safe (immutable). Arrays are copied on the way in and out.
 */
public final class Entry {
  private final long tx;
  private final byte[] key;
  private final byte[] value;
  private final Reference referencedBy;

  public Entry(long tx, byte[] key, byte[] value, Reference referencedBy) {
    this.tx = tx;
    this.key = key.clone();
    this.value = value.clone();
    this.referencedBy = referencedBy;
  }

  /** The tx that wrote the value. */
  public long tx() {
    return tx;
  }

  /** The user key (for a reference: the referenced key). */
  public byte[] key() {
    return key.clone();
  }

  /** The user value. */
  public byte[] value() {
    return value.clone();
  }

  /** The reference through which the key was reached, if any. */
  public Optional<Reference> referencedBy() {
    return Optional.ofNullable(referencedBy);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Entry e
        && tx == e.tx
        && Arrays.equals(key, e.key)
        && Arrays.equals(value, e.value)
        && java.util.Objects.equals(referencedBy, e.referencedBy);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(tx) * 31 + Arrays.hashCode(key);
  }

  @Override
  public String toString() {
    return "Entry{tx="
        + tx
        + ", key="
        + Bytes.show(key)
        + ", value="
        + Bytes.show(value)
        + (referencedBy == null ? "" : ", referencedBy=" + referencedBy)
        + "}";
  }
}
