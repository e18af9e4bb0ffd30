package io.immudb.client;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * A key's value as read: {@code tx} is the transaction that wrote it. When the key read was a
 * reference, {@code key}/{@code value}/{@code tx} are those of the referenced key and {@link
 * #referencedBy} describes the reference. Arrays are copied in and out.
 */
public final class Entry {
  private final byte[] key;
  private final byte[] value;
  private final long tx;
  private final Reference referencedBy;

  public Entry(byte[] key, byte[] value, long tx, Reference referencedBy) {
    this.key = key.clone();
    this.value = value.clone();
    this.tx = tx;
    this.referencedBy = referencedBy;
  }

  public byte[] key() {
    return key.clone();
  }

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

  /** The id of the transaction that wrote this value. */
  public long tx() {
    return tx;
  }

  /** The reference that led here, if the key read was a reference. */
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
    return 31 * Arrays.hashCode(key) + Long.hashCode(tx);
  }

  @Override
  public String toString() {
    return "Entry{key="
        + keyAsString()
        + ", tx="
        + tx
        + ", "
        + value.length
        + " value bytes"
        + (referencedBy == null ? "" : ", via " + referencedBy)
        + "}";
  }

  /**
   * A reference: the key {@code key}, written in tx {@code tx}, points to another key, at tx {@code
   * atTx} (0: its latest value).
   */
  public record Reference(long tx, byte[] key, long atTx) {
    public Reference {
      key = key.clone();
    }

    @Override
    public byte[] key() {
      return key.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Reference r && tx == r.tx && atTx == r.atTx && Arrays.equals(key, r.key);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(key) * 31 + Long.hashCode(tx);
    }

    @Override
    public String toString() {
      return "Reference{key="
          + new String(key, StandardCharsets.UTF_8)
          + ", tx="
          + tx
          + ", atTx="
          + atTx
          + "}";
    }
  }
}
