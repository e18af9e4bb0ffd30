package io.immudb.core.kv;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The stored key of a sorted-set member (spec v1 §3.3). The value stored under it is empty.
 *
 * <p>Thread-safe (stateless). Arrays are copied in and out. Layout, {@code 34 + len(set) +
 * len(key)} bytes:
 *
 * <pre>
 * 0x01 ‖ u64(len(set)) ‖ set ‖ f64(score) ‖ u64(1 + len(key)) ‖ 0x00 ‖ key ‖ u64(atTx)
 * </pre>
 *
 * The score is the raw IEEE-754 bit pattern, big-endian, with no sign fix-up, so in byte order
 * negative scores sort after positive ones (v1.1.0 behaviour).
 */
public final class ZAddKeyCodec {
  private static final int FIXED = 1 + 8 + 8 + 8 + 1 + 8;

  private ZAddKeyCodec() {}

  /** Encodes a member key. Requires {@code atTx ≥ 0} (0 = unbound). */
  public static byte[] encode(byte[] set, double score, byte[] userKey, long atTx) {
    Objects.requireNonNull(set, "set");
    Objects.requireNonNull(userKey, "userKey");
    if (atTx < 0) {
      throw new IllegalArgumentException("atTx must be >= 0, got " + atTx);
    }
    int len = Math.addExact(FIXED, Math.addExact(set.length, userKey.length));
    return ByteBuffer.allocate(len)
        .put(StoredKeys.ZSET_PREFIX)
        .putLong(set.length)
        .put(set)
        .putLong(Double.doubleToRawLongBits(score))
        .putLong(1L + userKey.length)
        .put(StoredKeys.PLAIN_PREFIX)
        .put(userKey)
        .putLong(atTx)
        .array();
  }

  /**
   * Decodes a member key.
   *
   * @throws IllegalArgumentException if {@code storedKey} is not exactly one well-formed member key
   */
  public static ZKey decode(byte[] storedKey) {
    Objects.requireNonNull(storedKey, "storedKey");
    if (storedKey.length < FIXED || storedKey[0] != StoredKeys.ZSET_PREFIX) {
      throw new IllegalArgumentException("not a sorted-set key");
    }
    ByteBuffer buf = ByteBuffer.wrap(storedKey, 1, storedKey.length - 1);
    long setLen = buf.getLong();
    if (setLen < 0 || setLen > buf.remaining() - (FIXED - 9)) {
      throw new IllegalArgumentException("sorted-set key: set length out of range");
    }
    byte[] set = new byte[(int) setLen];
    buf.get(set);
    double score = Double.longBitsToDouble(buf.getLong());
    long memberLen = buf.getLong();
    if (memberLen != buf.remaining() - 8L || memberLen < 1) {
      throw new IllegalArgumentException("sorted-set key: member length does not match");
    }
    if (buf.get() != StoredKeys.PLAIN_PREFIX) {
      throw new IllegalArgumentException("sorted-set key: member must be a plain key");
    }
    byte[] key = new byte[(int) memberLen - 1];
    buf.get(key);
    long atTx = buf.getLong();
    if (atTx < 0) {
      throw new IllegalArgumentException("sorted-set key: atTx out of range");
    }
    return new ZKey(set, score, key, atTx);
  }

  /** {@code 0x01 ‖ u64(len(set)) ‖ set}: the prefix shared by every member of a set. */
  public static byte[] setPrefix(byte[] set) {
    Objects.requireNonNull(set, "set");
    return ByteBuffer.allocate(Math.addExact(9, set.length))
        .put(StoredKeys.ZSET_PREFIX)
        .putLong(set.length)
        .put(set)
        .array();
  }

  /** {@link #setPrefix} followed by {@code f64(score)}: the prefix of members with that score. */
  public static byte[] setPrefixWithScore(byte[] set, double score) {
    Objects.requireNonNull(set, "set");
    return ByteBuffer.allocate(Math.addExact(17, set.length))
        .put(StoredKeys.ZSET_PREFIX)
        .putLong(set.length)
        .put(set)
        .putLong(Double.doubleToRawLongBits(score))
        .array();
  }

  /**
   * A decoded sorted-set member key (spec v1 §3.3).
   *
   * <p>Nested here because it is only ever made by this codec's decoder.
   *
   * <p>Thread-safe (immutable; arrays are copied in and out). Scores compare by their raw bit
   * pattern, as they are encoded, so {@code -0.0} and {@code 0.0} differ. Requires {@code atTx ≥
   * 0}.
   *
   * @param set the set name
   * @param score the member's score
   * @param userKey the member key, without its namespace byte
   * @param atTx the tx the member is bound to, or 0 if unbound
   */
  public record ZKey(byte[] set, double score, byte[] userKey, long atTx) {
    public ZKey {
      if (atTx < 0) {
        throw new IllegalArgumentException("atTx must be >= 0, got " + atTx);
      }
      set = set.clone();
      userKey = userKey.clone();
    }

    /** A copy of the set name. */
    @Override
    public byte[] set() {
      return set.clone();
    }

    /** A copy of the member key. */
    @Override
    public byte[] userKey() {
      return userKey.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ZKey z
          && Double.doubleToRawLongBits(score) == Double.doubleToRawLongBits(z.score)
          && atTx == z.atTx
          && Arrays.equals(set, z.set)
          && Arrays.equals(userKey, z.userKey);
    }

    @Override
    public int hashCode() {
      int h = Arrays.hashCode(set);
      h = 31 * h + Long.hashCode(Double.doubleToRawLongBits(score));
      h = 31 * h + Arrays.hashCode(userKey);
      return 31 * h + Long.hashCode(atTx);
    }

    @Override
    public String toString() {
      HexFormat hex = HexFormat.of();
      return "ZKey{set="
          + hex.formatHex(set)
          + ", score="
          + score
          + ", key="
          + hex.formatHex(userKey)
          + ", atTx="
          + atTx
          + "}";
    }
  }
}
