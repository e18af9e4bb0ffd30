package io.immudb.core.kv;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A key's value as read (spec v1 §9.6 {@code Entry}): user key and value, prefixes stripped, and
 * the tx that wrote the value. When the key read was a reference, key, value and tx are those of
 * the referenced key and {@link #referencedBy} describes the reference.
 *
 * <p>Thread-safe (immutable). Arrays are copied in and out. The arguments are in the order of the
 * wire message ({@code tx, key, value, referencedBy}).
 */
public final class Entry {
  private final long tx;
  private final byte[] key;
  private final byte[] value;
  private final Reference referencedBy;

  /**
   * @param tx the tx that wrote the value
   * @param key the user key (for a reference: the referenced key)
   * @param value the user value
   * @param referencedBy the reference that led here, or null
   */
  public Entry(long tx, byte[] key, byte[] value, Reference referencedBy) {
    this.tx = tx;
    this.key = key.clone();
    this.value = value.clone();
    this.referencedBy = referencedBy;
  }

  /** The id of the transaction that wrote this value. */
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

  /** The key as UTF-8 text. */
  public String keyAsString() {
    return new String(key, StandardCharsets.UTF_8);
  }

  /** The value as UTF-8 text. */
  public String valueAsString() {
    return new String(value, StandardCharsets.UTF_8);
  }

  /** The reference through which the key was reached, if the key read was a reference. */
  public Optional<Reference> referencedBy() {
    return Optional.ofNullable(referencedBy);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Entry e
        && tx == e.tx
        && Arrays.equals(key, e.key)
        && Arrays.equals(value, e.value)
        && Objects.equals(referencedBy, e.referencedBy);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(key) * 31 + Long.hashCode(tx);
  }

  @Override
  public String toString() {
    return "Entry{tx="
        + tx
        + ", key="
        + Show.bytes(key)
        + ", "
        + value.length
        + " value bytes"
        + (referencedBy == null ? "" : ", via " + referencedBy)
        + "}";
  }
}
