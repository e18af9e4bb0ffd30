package io.immudb.core.crypto;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A SHA-256 digest: an immutable 32-byte value.
 *
 * <p>Thread-safe (immutable). Equality is by content; {@link #compareTo} orders digests as unsigned
 * byte strings. The bytes are copied on the way in ({@link #of}) and on the way out ({@link
 * #toByteArray}), so no caller can change a digest after it was made.
 */
public final class Sha256Digest implements Comparable<Sha256Digest> {
  /** Length of a SHA-256 digest in bytes. */
  public static final int LENGTH = 32;

  /** 32 zero bytes ({@code Z32} in spec v1 §1), the {@code blRoot} of a header with blTxId = 0. */
  public static final Sha256Digest ZERO = new Sha256Digest(new byte[LENGTH]);

  /** SHA-256 of the empty string ({@code E} in spec v1 §1), the {@code prevAlh} of tx 1. */
  public static final Sha256Digest EMPTY =
      new Sha256Digest(
          HexFormat.of()
              .parseHex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));

  private final byte[] bytes;

  private Sha256Digest(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Returns a digest holding a copy of {@code bytes}. Requires {@code bytes.length == 32}. */
  public static Sha256Digest of(byte[] bytes) {
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException("a SHA-256 digest has 32 bytes, got " + bytes.length);
    }
    return new Sha256Digest(bytes.clone());
  }

  /** Returns a digest holding a copy of {@code src[off, off+32)}. */
  public static Sha256Digest of(byte[] src, int off) {
    return new Sha256Digest(Arrays.copyOfRange(src, off, Math.addExact(off, LENGTH)));
  }

  /** Reads 32 bytes from the buffer's position and advances it. */
  public static Sha256Digest read(ByteBuffer buf) {
    byte[] b = new byte[LENGTH];
    buf.get(b);
    return new Sha256Digest(b);
  }

  /** Parses 64 hex characters (either case). */
  public static Sha256Digest fromHex(String hex) {
    return of(HexFormat.of().parseHex(hex));
  }

  /** Wraps a freshly computed array that no one else holds; used by {@link Sha256Hasher}. */
  static Sha256Digest wrapOwned(byte[] bytes) {
    return new Sha256Digest(bytes);
  }

  /** Returns a copy of the 32 bytes. */
  public byte[] toByteArray() {
    return bytes.clone();
  }

  /** Copies the 32 bytes into {@code dst} at {@code off}. */
  public void copyTo(byte[] dst, int off) {
    System.arraycopy(bytes, 0, dst, off, LENGTH);
  }

  /** Writes the 32 bytes at the buffer's position and advances it. */
  public void writeTo(ByteBuffer buf) {
    buf.put(bytes);
  }

  /** Returns byte {@code i} (0 ≤ i &lt; 32). */
  public byte byteAt(int i) {
    return bytes[i];
  }

  /** Lower-case hex of the 32 bytes. */
  public String toHex() {
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Sha256Digest d && Arrays.equals(bytes, d.bytes);
  }

  @Override
  public int hashCode() {
    // Digests are uniformly distributed: the first four bytes are as good as any.
    return (bytes[0] << 24)
        | ((bytes[1] & 0xff) << 16)
        | ((bytes[2] & 0xff) << 8)
        | (bytes[3] & 0xff);
  }

  @Override
  public int compareTo(Sha256Digest o) {
    return Arrays.compareUnsigned(bytes, o.bytes);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
