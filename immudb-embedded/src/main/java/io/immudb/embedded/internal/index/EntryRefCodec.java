package io.immudb.embedded.internal.index;

import io.immudb.core.ErrorCode;
import io.immudb.core.ImmuException;
import io.immudb.core.crypto.Sha256Digest;
import java.nio.ByteBuffer;

/**
 * The one encoding of an {@link EntryRef} as a RocksDB value, used in both the {@code latest} and
 * the {@code history} column family, plus the {@code u64} of the metadata values.
 *
 * <pre>
 * offset  0: u64 txId
 * offset  8: u32 entryIndex
 * offset 12: u64 vOff   (as the tx record has it, inline bit included)
 * offset 20: u32 vLen
 * offset 24: hValue (32 bytes)            total 56 bytes, big-endian
 * </pre>
 *
 * <p>Stateless and thread-safe. Decoding a value of the wrong length or with out-of-range fields
 * throws {@link ImmuException} with {@code DATA_LOSS}: the index is damaged and must be rebuilt.
 */
final class EntryRefCodec {
  /** Encoded length of an {@link EntryRef}. */
  static final int LENGTH = 8 + 4 + 8 + 4 + Sha256Digest.LENGTH;

  private EntryRefCodec() {}

  /** Encodes {@code ref} into a new 56-byte array. */
  static byte[] encode(EntryRef ref) {
    byte[] out = new byte[LENGTH];
    encodeInto(ref, out, 0);
    return out;
  }

  /** Encodes {@code ref} into {@code out} at {@code off}; returns {@link #LENGTH}. */
  static int encodeInto(EntryRef ref, byte[] out, int off) {
    ByteBuffer buf = ByteBuffer.wrap(out, off, LENGTH);
    buf.putLong(ref.txId()).putInt(ref.entryIndex()).putLong(ref.vOff()).putInt(ref.vLen());
    ref.hValue().writeTo(buf);
    return LENGTH;
  }

  /** Decodes an array made by {@link #encode}. */
  static EntryRef decode(byte[] b) {
    return decode(ByteBuffer.wrap(b), b.length);
  }

  /**
   * Decodes an encoded ref of {@code length} bytes (the stored value's length, which may be more
   * than {@code buf} holds) from {@code buf}'s position, advancing it.
   */
  static EntryRef decode(ByteBuffer buf, int length) {
    if (length != LENGTH) {
      throw corrupted("entry ref of " + length + " bytes, expected " + LENGTH);
    }
    long txId = buf.getLong();
    int entryIndex = buf.getInt();
    long vOff = buf.getLong();
    int vLen = buf.getInt();
    if (txId < 1 || entryIndex < 0 || vOff < 0 || vLen < 0) {
      throw corrupted("entry ref out of range: tx " + txId + ", entry " + entryIndex);
    }
    return new EntryRef(txId, entryIndex, vOff, vLen, Sha256Digest.read(buf));
  }

  /** Encodes a non-negative {@code u64}. */
  static byte[] encodeU64(long v) {
    return ByteBuffer.allocate(8).putLong(v).array();
  }

  /** Decodes an array made by {@link #encodeU64}; {@code null} (absent) decodes to 0. */
  static long decodeU64(byte[] b) {
    if (b == null) {
      return 0;
    }
    if (b.length != 8) {
      throw corrupted("u64 of " + b.length + " bytes");
    }
    long v = ByteBuffer.wrap(b).getLong();
    if (v < 0) {
      throw corrupted("u64 out of range: " + Long.toUnsignedString(v));
    }
    return v;
  }

  static ImmuException corrupted(String what) {
    return new ImmuException(
        ErrorCode.DATA_LOSS, "key index record is malformed (" + what + "); rebuild the index");
  }
}
