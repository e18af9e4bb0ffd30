package io.immudb.core.crypto;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 with the domain-separated tree hashes of spec v1 §2.
 *
 * <p>Not thread-safe: an instance wraps one {@link MessageDigest}. Create one per computation (or
 * per thread) and reuse it for all the hashes of that computation; creating one is cheap compared
 * with a tree, but not compared with a single hash.
 */
public final class Sha256Hasher {
  private static final byte LEAF_PREFIX = 0x00;
  private static final byte NODE_PREFIX = 0x01;

  private final MessageDigest md;
  private final byte[] scratch = new byte[1 + 2 * Sha256Digest.LENGTH];

  private Sha256Hasher(MessageDigest md) {
    this.md = md;
  }

  /** Creates a hasher. */
  public static Sha256Hasher create() {
    try {
      return new Sha256Hasher(MessageDigest.getInstance("SHA-256"));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }

  /** {@code H(data)}. */
  public Sha256Digest hash(byte[] data) {
    return Sha256Digest.wrapOwned(md.digest(data));
  }

  /** {@code H(data[off, off+len))}. */
  public Sha256Digest hash(byte[] data, int off, int len) {
    md.update(data, off, len);
    return Sha256Digest.wrapOwned(md.digest());
  }

  /** {@code H(a ‖ b)}. */
  public Sha256Digest hash(byte[] a, byte[] b) {
    md.update(a);
    return Sha256Digest.wrapOwned(md.digest(b));
  }

  /**
   * {@code H(prefix ‖ data)}: a one-byte prefix before the data, as in stored values (spec §3.2).
   */
  public Sha256Digest hashPrefixed(byte prefix, byte[] data) {
    md.update(prefix);
    return Sha256Digest.wrapOwned(md.digest(data));
  }

  /** Leaf hash {@code LEAF(d) = H(0x00 ‖ d)} (spec v1 §1). */
  public Sha256Digest leaf(Sha256Digest d) {
    scratch[0] = LEAF_PREFIX;
    d.copyTo(scratch, 1);
    md.update(scratch, 0, 1 + Sha256Digest.LENGTH);
    return Sha256Digest.wrapOwned(md.digest());
  }

  /** Node hash {@code NODE(l, r) = H(0x01 ‖ l ‖ r)} (spec v1 §1). */
  public Sha256Digest node(Sha256Digest left, Sha256Digest right) {
    scratch[0] = NODE_PREFIX;
    left.copyTo(scratch, 1);
    right.copyTo(scratch, 1 + Sha256Digest.LENGTH);
    md.update(scratch, 0, scratch.length);
    return Sha256Digest.wrapOwned(md.digest());
  }

  /**
   * Writes {@code LEAF(d) = H(0x00 ‖ d)} into {@code dst[dstOff, dstOff+32)}, without allocating.
   * For code that keeps tree levels in flat arrays.
   */
  public void leafInto(Sha256Digest d, byte[] dst, int dstOff) {
    checkRoom(dst, dstOff);
    scratch[0] = LEAF_PREFIX;
    d.copyTo(scratch, 1);
    md.update(scratch, 0, 1 + Sha256Digest.LENGTH);
    finishInto(dst, dstOff);
  }

  /**
   * Writes {@code NODE(l, r) = H(0x01 ‖ l ‖ r)} into {@code dst[dstOff, dstOff+32)}, where {@code l
   * ‖ r} are the 64 bytes {@code children[off, off+64)}. For code that keeps tree levels in flat
   * arrays, where two siblings are adjacent.
   */
  public void nodeInto(byte[] children, int off, byte[] dst, int dstOff) {
    checkRoom(dst, dstOff);
    if (off < 0 || children.length - off < 2 * Sha256Digest.LENGTH) {
      throw new IllegalArgumentException("no two digests at offset " + off);
    }
    md.update(NODE_PREFIX);
    md.update(children, off, 2 * Sha256Digest.LENGTH);
    finishInto(dst, dstOff);
  }

  /** Checked before any byte is fed, so a caller error never leaves a half-fed digest behind. */
  private static void checkRoom(byte[] dst, int dstOff) {
    if (dstOff < 0 || dst.length - dstOff < Sha256Digest.LENGTH) {
      throw new IllegalArgumentException("no room for a digest at offset " + dstOff);
    }
  }

  private void finishInto(byte[] dst, int dstOff) {
    try {
      md.digest(dst, dstOff, Sha256Digest.LENGTH);
    } catch (DigestException e) {
      throw new IllegalStateException("SHA-256 refused a checked output buffer", e);
    }
  }

  /** Entry digest {@code H(storedKey ‖ hValue)} (spec v1 §3.4, {@code digestTXe}). */
  public Sha256Digest entryDigest(byte[] storedKey, Sha256Digest hValue) {
    md.update(storedKey);
    hValue.copyTo(scratch, 0);
    md.update(scratch, 0, Sha256Digest.LENGTH);
    return Sha256Digest.wrapOwned(md.digest());
  }

  /** Feeds bytes into a multi-part hash; finish it with {@link #digest()}. */
  public Sha256Hasher update(byte[] data, int off, int len) {
    md.update(data, off, len);
    return this;
  }

  /** Finishes a multi-part hash started with {@link #update}. */
  public Sha256Digest digest() {
    return Sha256Digest.wrapOwned(md.digest());
  }
}
