package io.immudb.legacy.tree;

import io.immudb.core.crypto.Sha256Digest;
import io.immudb.core.crypto.Sha256Hasher;
import java.util.Objects;

/**
 * The v0.8 leaf hash of an entry (spec v0.8 §1.1): {@code LEAF(i, k, v) = H(0x00 ‖ BE64(i) ‖
 * BE64(len(k)) ‖ k ‖ v)}, the RFC 6962 leaf hash of {@code BE64(i) ‖ BE64(len(k)) ‖ k ‖ v}.
 *
 * <p>Thread-safe (stateless); the hasher passed in is not, so each thread uses its own.
 */
public final class LegacyLeaf {
  private LegacyLeaf() {}

  /** {@code LEAF(index, key, value)}. Requires {@code index ≥ 0}. */
  public static Sha256Digest hash(Sha256Hasher h, long index, byte[] key, byte[] value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    if (index < 0) {
      throw new IllegalArgumentException("index must be >= 0, got " + index);
    }
    byte[] head = new byte[17];
    head[0] = 0x00;
    putLong(head, 1, index);
    putLong(head, 9, key.length);
    h.update(head, 0, head.length);
    h.update(key, 0, key.length);
    h.update(value, 0, value.length);
    return h.digest();
  }

  /**
   * {@code LEAF(index, key[kOff, kOff+kLen), value[vOff, vOff+vLen))}, without copying: for the
   * tree's append path, which hashes stored entries in place.
   */
  static Sha256Digest hash(
      Sha256Hasher h,
      long index,
      byte[] key,
      int kOff,
      int kLen,
      byte[] value,
      int vOff,
      int vLen) {
    byte[] head = new byte[17];
    putLong(head, 1, index);
    putLong(head, 9, kLen);
    h.update(head, 0, head.length);
    h.update(key, kOff, kLen);
    h.update(value, vOff, vLen);
    return h.digest();
  }

  /** As {@link #hash(Sha256Hasher, long, byte[], byte[])}, with a fresh hasher. */
  public static Sha256Digest hash(long index, byte[] key, byte[] value) {
    return hash(Sha256Hasher.create(), index, key, value);
  }

  private static void putLong(byte[] dst, int off, long v) {
    for (int i = 7; i >= 0; i--) {
      dst[off + i] = (byte) v;
      v >>>= 8;
    }
  }
}
