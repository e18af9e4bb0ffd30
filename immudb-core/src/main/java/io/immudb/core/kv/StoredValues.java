package io.immudb.core.kv;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Stored-value encodings for keys in the plain namespace (spec v1 §3.2).
 *
 * <p>Thread-safe (stateless). Arrays are copied in and out. A malformed stored value is a caller
 * error ({@link IllegalArgumentException}).
 *
 * <pre>
 * plain      0x00 ‖ userValue
 * reference  0x01 ‖ u64(atTx) ‖ 0x00 ‖ referencedUserKey      (atTx = 0: unbound)
 * </pre>
 */
public final class StoredValues {
  /** First byte of a plain value. */
  public static final byte PLAIN = 0x00;

  /** First byte of a reference value. */
  public static final byte REFERENCE = 0x01;

  /** Bytes before the referenced user key: prefix, atTx and the key's namespace byte. */
  private static final int REFERENCE_HEADER = 1 + Long.BYTES + 1;

  private StoredValues() {}

  /** {@code 0x00 ‖ userValue}; an empty user value is stored as the single byte {@code 0x00}. */
  public static byte[] plain(byte[] userValue) {
    Objects.requireNonNull(userValue, "userValue");
    byte[] out = new byte[userValue.length + 1];
    out[0] = PLAIN;
    System.arraycopy(userValue, 0, out, 1, userValue.length);
    return out;
  }

  /** The stored form of {@code kv}'s value: {@code 0x00 ‖ value}, as {@link #plain(byte[])}. */
  public static byte[] plain(KeyValue kv) {
    return plain(kv.valueUnsafe());
  }

  /**
   * {@code 0x01 ‖ u64(atTx) ‖ 0x00 ‖ referencedUserKey}. Requires {@code atTx ≥ 0}; 0 means
   * unbound.
   */
  public static byte[] reference(long atTx, byte[] referencedUserKey) {
    Objects.requireNonNull(referencedUserKey, "referencedUserKey");
    if (atTx < 0) {
      throw new IllegalArgumentException("atTx must be >= 0, got " + atTx);
    }
    return ByteBuffer.allocate(REFERENCE_HEADER + referencedUserKey.length)
        .put(REFERENCE)
        .putLong(atTx)
        .put(StoredKeys.PLAIN_PREFIX)
        .put(referencedUserKey)
        .array();
  }

  /** True iff {@code storedValue} starts with the reference prefix. */
  public static boolean isReference(byte[] storedValue) {
    return storedValue.length >= 1 && storedValue[0] == REFERENCE;
  }

  /** The user value inside a stored plain value. Requires a value starting with {@code 0x00}. */
  public static byte[] userValue(byte[] storedPlainValue) {
    Objects.requireNonNull(storedPlainValue, "storedPlainValue");
    if (storedPlainValue.length < 1 || storedPlainValue[0] != PLAIN) {
      throw new IllegalArgumentException("not a stored plain value");
    }
    byte[] out = new byte[storedPlainValue.length - 1];
    System.arraycopy(storedPlainValue, 1, out, 0, out.length);
    return out;
  }

  /**
   * Decodes a stored reference value. Requires the layout above with {@code atTx < 2^63}.
   *
   * @throws IllegalArgumentException if the value is not a well-formed reference
   */
  public static ReferenceValue decodeReference(byte[] storedValue) {
    Objects.requireNonNull(storedValue, "storedValue");
    if (storedValue.length < REFERENCE_HEADER || storedValue[0] != REFERENCE) {
      throw new IllegalArgumentException("not a stored reference value");
    }
    ByteBuffer buf = ByteBuffer.wrap(storedValue, 1, storedValue.length - 1);
    long atTx = buf.getLong();
    if (atTx < 0) {
      throw new IllegalArgumentException("reference atTx out of range");
    }
    if (buf.get() != StoredKeys.PLAIN_PREFIX) {
      throw new IllegalArgumentException("a reference must point into the plain namespace");
    }
    byte[] key = new byte[buf.remaining()];
    buf.get(key);
    return new ReferenceValue(atTx, key);
  }

  /**
   * A decoded reference value (spec v1 §3.2): the referenced user key and the tx it is bound to.
   *
   * <p>Nested here because it is only ever made by this codec's decoder.
   *
   * <p>Thread-safe (immutable; the key is copied in and out). Requires {@code atTx ≥ 0}.
   *
   * @param atTx the tx the reference is bound to, or 0 if unbound
   * @param referencedUserKey the referenced key, without its namespace byte
   */
  public record ReferenceValue(long atTx, byte[] referencedUserKey) {
    public ReferenceValue {
      if (atTx < 0) {
        throw new IllegalArgumentException("atTx must be >= 0, got " + atTx);
      }
      referencedUserKey = referencedUserKey.clone();
    }

    /** A copy of the referenced user key. */
    @Override
    public byte[] referencedUserKey() {
      return referencedUserKey.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ReferenceValue r
          && atTx == r.atTx
          && Arrays.equals(referencedUserKey, r.referencedUserKey);
    }

    @Override
    public int hashCode() {
      return 31 * Long.hashCode(atTx) + Arrays.hashCode(referencedUserKey);
    }

    @Override
    public String toString() {
      return "ReferenceValue{atTx="
          + atTx
          + ", key="
          + HexFormat.of().formatHex(referencedUserKey)
          + "}";
    }
  }
}
