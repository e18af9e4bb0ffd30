package io.immudb.core.tx;

import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.crypto.Sha256Hasher;
import java.util.Arrays;
import java.util.Objects;

/**
 * One entry of a transaction as it is hashed and proven ({@code TxEntry} on the wire, spec v1 §3.5,
 * §5.5): the full stored key, the hash of the stored value and the stored value's length.
 *
 * <p>Thread-safe (immutable). The key is copied on the way in and on the way out.
 */
public final class TxEntry {
  private final byte[] key;
  private final Sha256Digest hValue;
  private final int vLen;

  /**
   * Creates an entry. Requires a non-empty key and {@code vLen ≥ 0}.
   *
   * @param key the stored key, including its namespace prefix byte
   * @param hValue {@code H(storedValue)}
   * @param vLen length of the stored value, including its prefix byte
   */
  public TxEntry(byte[] key, Sha256Digest hValue, int vLen) {
    this(key.clone(), hValue, vLen, true);
  }

  private TxEntry(byte[] ownedKey, Sha256Digest hValue, int vLen, boolean owned) {
    if (ownedKey.length == 0) {
      throw new IllegalArgumentException("a stored key is never empty");
    }
    if (vLen < 0) {
      throw new IllegalArgumentException("vLen must be >= 0, got " + vLen);
    }
    this.key = ownedKey;
    this.hValue = Objects.requireNonNull(hValue, "hValue");
    this.vLen = vLen;
  }

  /**
   * Creates an entry over a key array the caller hands over and never touches again (no copy). For
   * hot paths inside the engine.
   */
  public static TxEntry ofOwnedKey(byte[] ownedKey, Sha256Digest hValue, int vLen) {
    return new TxEntry(ownedKey, hValue, vLen, true);
  }

  /** A copy of the stored key. */
  public byte[] key() {
    return key.clone();
  }

  /** Length of the stored key. */
  public int keyLength() {
    return key.length;
  }

  /** Copies the stored key into {@code dst} at {@code off}. */
  public void copyKeyTo(byte[] dst, int off) {
    System.arraycopy(key, 0, dst, off, key.length);
  }

  /** True iff the stored key equals {@code other} byte for byte. */
  public boolean keyEquals(byte[] other) {
    return Arrays.equals(key, other);
  }

  /** {@code H(storedValue)}. */
  public Sha256Digest hValue() {
    return hValue;
  }

  /** Length of the stored value. */
  public int vLen() {
    return vLen;
  }

  /** The entry digest {@code H(storedKey ‖ hValue)} (spec v1 §3.4). */
  public Sha256Digest digest(Sha256Hasher hasher) {
    return hasher.entryDigest(key, hValue);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TxEntry e
        && vLen == e.vLen
        && hValue.equals(e.hValue)
        && Arrays.equals(key, e.key);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(key) + hValue.hashCode();
  }

  @Override
  public String toString() {
    return "TxEntry{key="
        + java.util.HexFormat.of().formatHex(key)
        + ", hValue="
        + hValue
        + ", vLen="
        + vLen
        + "}";
  }
}
